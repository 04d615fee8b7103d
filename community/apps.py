from django.apps import AppConfig


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = "Ask the community"

    def ready(self):
        from comments.models import pages_changed_by
        from comments.notifications import register_moderated
        from community import demo, privacy
        from community.models import Answer, HelpfulVote, Question
        from empower import privacy as personal_data
        from empower.pagecache import bump_on_change

        register_moderated(Question)
        register_moderated(Answer)
        bump_on_change(Question, pages_changed_by("community"))
        bump_on_change(Answer, pages_changed_by("community"))
        bump_on_change(HelpfulVote, lambda vote, created: ["community"])
        personal_data.register("community", export=privacy.export, delete=privacy.delete)
        demo.connect()
