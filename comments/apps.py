from django.apps import AppConfig


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = "Comments and moderation"

    def ready(self):
        from comments import demo
        from comments.models import Comment, pages_changed_by
        from comments.notifications import register_moderated
        from empower import privacy
        from empower.pagecache import bump_on_change

        register_moderated(Comment)
        # Lists of articles show how many comments each has: every page may change.
        bump_on_change(Comment, pages_changed_by("site"))
        privacy.register("comments", export=export_comments, delete=delete_comments)
        demo.connect()


def export_comments(email: str) -> list[dict]:
    from comments.models import Comment

    return [
        {
            "article": comment.article.slug,
            "name": comment.author_name,
            "email": comment.author_email,
            "text": comment.body,
            "status": comment.status,
            "created_at": comment.created_at.isoformat(),
        }
        for comment in Comment.objects.filter(author_email__iexact=email).select_related("article")
    ]


def delete_comments(email: str) -> int:
    """Deletes the comments, and with them their address hashes and staff replies to them."""
    from comments.models import Comment

    deleted, _per_model = Comment.objects.filter(author_email__iexact=email).delete()
    return deleted
