"""The workflow in the admin: dashboards, buttons with confirmations, lists without N+1.

The rules are the model's, so these tests post the admin's forms directly, as
someone bypassing the buttons would.
"""

from datetime import date, timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.utils import timezone

from articles.models import (
    Article,
    ArticleEvent,
    Review,
    Revision,
    RevisionState,
    StaffProfile,
    WorkflowError,
)
from empower.roles import EDITORS, NURSE_REVIEWERS
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db


def step_url(revision, step):
    return f"/admin/articles/revision/{revision.pk}/step/{step}/"


def last_message(response):
    """What a step said: its message after the redirect or, when it was refused
    and has a form, the reason shown above the form, with what was typed kept."""
    form = response.context and response.context.get("form")
    if response.status_code == 200 and form is not None and form.non_field_errors():
        return " ".join(form.non_field_errors())
    return str(list(get_messages(response.wsgi_request))[-1])


@pytest.fixture
def as_editor(client, editor):
    sign_in(client, editor)
    return client


@pytest.fixture
def as_reviewer(client, reviewer):
    sign_in(client, reviewer)
    return client


def test_an_editor_submits_through_a_confirmation_page(as_editor, draft):
    confirm = as_editor.get(step_url(draft, "submit"))
    assert confirm.status_code == 200
    assert 'value="Submit for review"' in confirm.text
    draft.refresh_from_db()
    assert draft.state == RevisionState.DRAFT, "showing the confirmation changes nothing"

    response = as_editor.post(step_url(draft, "submit"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == RevisionState.IN_REVIEW
    assert "Submitted for review" in last_message(response)


def test_an_editor_posting_an_approval_is_refused_with_a_message(as_editor, draft, editor):
    draft.submit(editor)
    response = as_editor.post(step_url(draft, "approve"), {"seen": draft.content_digest})
    assert response.status_code == 200  # the step again, with the reason
    assert last_message(response) == "Only nurse reviewers can review."
    assert not Review.objects.exists()


def test_a_reviewer_approves_and_cannot_publish(as_reviewer, draft, editor):
    draft.submit(editor)
    as_reviewer.post(step_url(draft, "approve"), {"seen": draft.content_digest})
    draft.refresh_from_db()
    assert draft.state == RevisionState.APPROVED

    response = as_reviewer.post(step_url(draft, "publish"), {"when": "now"})
    assert last_message(response) == "Only editors can publish."
    assert not Article.objects.published().exists()


def test_a_lapsed_reviewer_is_told_why_they_cannot_sign_off(as_reviewer, draft, editor, reviewer):
    StaffProfile.objects.filter(user=reviewer).update(
        credentials_verified_on=date.today() - timedelta(days=800)
    )
    draft.submit(editor)
    response = as_reviewer.post(step_url(draft, "approve"), {"seen": draft.content_digest})
    assert "were last verified on" in last_message(response)
    assert "Ask an administrator" in last_message(response)
    assert not Review.objects.exists()
    draft.refresh_from_db()
    assert draft.state == RevisionState.IN_REVIEW
    dashboard = as_reviewer.get("/admin/").text
    assert "Your credentials verification lapsed on" in dashboard


def test_a_reviewer_cannot_approve_their_own_revision_through_the_admin(client, make_article):
    rita = staff_member("rita", "Rita", "Both", EDITORS)
    rita.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    StaffProfile.objects.create(
        user=rita, display_name="Rita Both", credentials="RN", credentials_verified_on=date.today()
    )
    sign_in(client, rita)
    response = client.post(
        "/admin/articles/article/add/",
        {
            "title": "Rita's article",
            "slug": "",
            "condition": make_article(approved=False).condition_id,
            "author": rita.pk,
            "editor": rita.pk,
            "summary": "By Rita.",
            "body": "Rita wrote this.",
        },
    )
    revision = Revision.objects.get(title="Rita's article")
    assert response.url == f"/admin/articles/revision/{revision.pk}/change/"
    client.post(step_url(revision, "submit"))
    response = client.post(step_url(revision, "approve"), {"seen": revision.content_digest})
    assert "another reviewer must check it" in last_message(response)
    revision.refresh_from_db()
    assert revision.state == RevisionState.IN_REVIEW


@pytest.mark.parametrize("state", ["draft", "in_review"])
def test_publishing_an_unapproved_revision_by_post_is_refused(as_editor, draft, editor, state):
    if state == "in_review":
        draft.submit(editor)
    response = as_editor.post(step_url(draft, "publish"), {"when": "now"})
    assert response.status_code == 200
    assert "Only an approved revision can be published" in last_message(response)
    assert not Article.objects.published().exists()


def test_sending_back_without_a_note_shows_the_form_error(as_reviewer, draft, editor):
    draft.submit(editor)
    response = as_reviewer.post(step_url(draft, "send_back"), {"note": ""})
    assert response.status_code == 200
    assert "This field is required." in response.text
    draft.refresh_from_db()
    assert draft.state == RevisionState.IN_REVIEW


def test_scheduling_needs_a_future_time(as_editor, draft, editor, reviewer):
    draft.submit(editor)
    draft.approve(reviewer)
    past = (timezone.localtime() - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M")
    response = as_editor.post(step_url(draft, "publish"), {"when": "later", "publish_at": past})
    assert "Choose a time in the future." in response.text

    future = timezone.localtime() + timedelta(days=2)
    as_editor.post(
        step_url(draft, "publish"),
        {"when": "later", "publish_at": future.strftime("%Y-%m-%dT%H:%M")},
    )
    draft.refresh_from_db()
    assert draft.state == RevisionState.SCHEDULED
    assert not Article.objects.published().exists()


def test_an_unknown_step_is_not_found(as_editor, draft):
    assert as_editor.post(step_url(draft, "teleport")).status_code == 404


def test_text_in_review_cannot_be_changed_by_posting_the_admin_form(as_editor, draft, editor):
    draft.submit(editor)
    response = as_editor.post(
        f"/admin/articles/revision/{draft.pk}/change/",
        {"title": "Changed in review", "summary": "s", "body": "b"},
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.title == "What is hemifacial spasm?"


def test_an_editor_edits_a_draft_and_the_edit_is_in_the_history(as_editor, draft, editor):
    response = as_editor.post(
        f"/admin/articles/revision/{draft.pk}/change/",
        {
            "title": "Hemifacial spasm explained",
            "summary": "A short summary.",
            "body": "New **body**.",
            "references-TOTAL_FORMS": "0",
            "references-INITIAL_FORMS": "0",
            "reviews-TOTAL_FORMS": "0",
            "reviews-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.text
    draft.refresh_from_db()
    assert draft.body_html == "<p>New <strong>body</strong>.</p>"
    assert draft.events.filter(action=ArticleEvent.Action.EDITED, actor=editor).exists()


def test_a_reviewer_cannot_edit_text(as_reviewer, draft):
    response = as_reviewer.post(
        f"/admin/articles/revision/{draft.pk}/change/",
        {"title": "Reviewer's title", "summary": "s", "body": "b"},
    )
    assert response.status_code == 403


def test_the_dashboard_shows_each_person_their_work(client, make_article, editor, reviewer):
    in_review = make_article("in-review", approved=False).revisions.get()
    in_review.submit(editor)
    sent_back = make_article("sent-back", approved=False).revisions.get()
    sent_back.submit(editor)
    sent_back.send_back(reviewer, "Cite the prevalence figure.")
    ready = make_article("ready", publish=False)
    overdue = make_article("overdue")
    Review.objects.filter(revision__article=overdue).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    overdue.refresh_review_due()

    sign_in(client, reviewer)
    page = client.get("/admin/").text
    assert 'Awaiting your review <span class="work-count">1</span>' in page
    assert "Reviews due in the next 30 days" in page
    assert "Ready to publish" not in page

    sign_in(client, editor)
    page = client.get("/admin/").text
    assert 'Sent back to you <span class="work-count">1</span>' in page
    assert "Cite the prevalence figure." in page
    assert 'Ready to publish <span class="work-count">1</span>' in page
    assert f"/admin/articles/revision/{ready.revisions.get().pk}/change/" in page
    assert 'Reviews due in the next 30 days <span class="work-count">1</span>' in page
    assert 'class="urgent"' in page
    assert "Awaiting your review" not in page


def test_the_article_list_filters_reviews_due(as_editor, make_article):
    current = make_article("current")
    overdue = make_article("overdue", title="Overdue article")
    Review.objects.filter(revision__article=overdue).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    overdue.refresh_review_due()
    page = as_editor.get("/admin/articles/article/?review=overdue").text
    assert f"/admin/articles/article/{overdue.pk}/change/" in page
    assert f"/admin/articles/article/{current.pk}/change/" not in page
    assert "Overdue since" in page


def test_the_article_list_filters_by_state_and_reviewer(as_editor, make_article, reviewer):
    published = make_article("published")
    draft = make_article("draft", approved=False)
    page = as_editor.get("/admin/articles/article/?state=draft").text
    assert f"/admin/articles/article/{draft.pk}/change/" in page
    assert f"/admin/articles/article/{published.pk}/change/" not in page
    page = as_editor.get(f"/admin/articles/article/?reviewer={reviewer.pk}").text
    assert f"/admin/articles/article/{published.pk}/change/" in page
    assert f"/admin/articles/article/{draft.pk}/change/" not in page


@pytest.mark.parametrize(
    "url", ["/admin/articles/article/", "/admin/articles/revision/", "/admin/"]
)
def test_admin_lists_do_not_query_per_row(
    as_editor, make_article, editor, django_assert_max_num_queries, url
):
    def count_queries():
        with django_assert_max_num_queries(40) as captured:
            assert as_editor.get(url).status_code == 200
        return len(captured)

    make_article("first")
    few = count_queries()
    for n in range(15):
        article = make_article(f"article-{n}", title=f"Article {n}")
        article.start_revision(editor)
    assert count_queries() == few


def test_the_article_page_shows_a_read_only_history(as_editor, article):
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/").text
    assert "History" in page
    for action in ("created a revision", "submitted for review", "approved", "published"):
        assert action in page
    assert 'name="events-0-note"' not in page, "history entries are not form fields"


def test_starting_a_new_revision_leaves_the_public_page_alone(as_editor, client, article):
    response = as_editor.post(f"/admin/articles/article/{article.pk}/step/start_revision/")
    draft = article.revisions.get(state=RevisionState.DRAFT)
    assert response.url == f"/admin/articles/revision/{draft.pk}/change/"
    response = as_editor.post(f"/admin/articles/article/{article.pk}/step/start_revision/")
    assert "already has a revision in progress" in last_message(response)


def test_unpublishing_from_the_admin(as_editor, article):
    as_editor.post(
        f"/admin/articles/article/{article.pk}/step/unpublish/", {"note": "Dosage check."}
    )
    assert not Article.objects.published().exists()
    assert article.events.first().note == "Dosage check."


def test_preview_shows_any_revision_to_staff_only(client, editor, draft):
    anonymous = client.get(draft.get_preview_url())
    assert anonymous.status_code == 302
    assert anonymous.url.startswith("/admin/login/")

    sign_in(client, editor)
    preview = client.get(draft.get_preview_url())
    assert preview.status_code == 200
    assert "Preview of a draft revision." in preview.text
    assert "Not yet reviewed." in preview.text
    assert "Spasms on <strong>one side</strong> of the face." in preview.text
    assert preview["X-Robots-Tag"] == "noindex, nofollow"
    assert 'name="stars"' not in preview.text


def test_reviewers_see_what_changed_since_the_last_approval(as_reviewer, article, editor):
    draft = article.start_revision(editor)
    draft.body = "Spasms on **one side** of the face.\nA brand new sentence."
    draft.save()
    page = as_reviewer.get(f"/admin/articles/revision/{draft.pk}/changes/").text
    assert '<ins><span class="visually-hidden">Added: </span>A brand new sentence.</ins>' in page
    assert "Title (unchanged)" in page


def test_history_entries_and_reviews_cannot_be_added_or_edited_in_the_admin(admin_client):
    assert admin_client.get("/admin/articles/articleevent/").status_code == 404
    assert admin_client.get("/admin/articles/review/add/").status_code == 404
    assert admin_client.get("/admin/articles/revision/add/").status_code == 403


def test_a_superuser_makes_someone_a_nurse_reviewer_in_the_user_admin(admin_client, editor):
    page = admin_client.get(f"/admin/auth/user/{editor.pk}/change/").text
    assert "public profile" in page.lower()
    assert 'name="profile-0-credentials"' in page


def test_editors_cannot_lengthen_a_review_interval(as_editor, condition, admin_client):
    form = {"name": condition.name, "slug": condition.slug, "summary": "s", "overview": ""}
    as_editor.post(
        f"/admin/articles/condition/{condition.pk}/change/",
        {**form, "review_interval_months": "600"},
    )
    condition.refresh_from_db()
    assert condition.review_interval_months is None

    response = admin_client.post(
        f"/admin/articles/condition/{condition.pk}/change/",
        {**form, "review_interval_months": "600"},
    )
    assert "less than or equal to 24" in response.text
    admin_client.post(
        f"/admin/articles/condition/{condition.pk}/change/",
        {**form, "review_interval_months": "6"},
    )
    condition.refresh_from_db()
    assert condition.review_interval_months == 6


def test_only_someone_with_the_permission_sets_a_review_interval(client, condition, editor):
    form = {"name": condition.name, "slug": condition.slug, "summary": "s", "overview": ""}
    url = f"/admin/articles/condition/{condition.pk}/change/"
    sign_in(client, editor)
    response = client.post(url, {**form, "review_interval_months": "6"})
    assert response.status_code == 302, "the rest of the form is saved"
    condition.refresh_from_db()
    assert (condition.summary, condition.review_interval_months) == ("s", None)

    governance = staff_member("gwen", "Gwen", "Governance", EDITORS)
    governance.user_permissions.add(Permission.objects.get(codename="set_review_interval"))
    sign_in(client, governance)
    client.post(url, {**form, "review_interval_months": "6"})
    condition.refresh_from_db()
    assert condition.review_interval_months == 6


def test_a_nurse_reviewer_cannot_unpublish_an_article(as_reviewer, article, reviewer):
    with pytest.raises(WorkflowError) as refused:
        article.unpublish(reviewer, "Reviewer taking it down.")
    assert refused.value.code == "permission_denied"

    response = as_reviewer.post(
        f"/admin/articles/article/{article.pk}/step/unpublish/", {"note": "Via the admin."}
    )
    assert last_message(response) == "Only editors can unpublish articles."
    assert Article.objects.published().get() == article
    assert not article.events.filter(action=ArticleEvent.Action.UNPUBLISHED).exists()


def test_a_references_only_edit_stops_its_author_approving(client, make_article, reviewer):
    rita = staff_member("rita", "Rita", "Both", EDITORS)
    rita.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    StaffProfile.objects.create(
        user=rita, display_name="Rita Both", credentials="RN", credentials_verified_on=date.today()
    )
    draft = make_article(approved=False, references=0).revisions.get()
    sign_in(client, rita)
    response = client.post(
        f"/admin/articles/revision/{draft.pk}/change/",
        {
            "title": draft.title,
            "summary": draft.summary,
            "body": draft.body,
            "references-TOTAL_FORMS": "1",
            "references-INITIAL_FORMS": "0",
            "references-0-position": "0",
            "references-0-source": "Rita's blog",
            "references-0-title": "Trust me",
            "references-0-url": "https://evil.example/",
            "references-0-accessed_on": "2026-11-01",
            "reviews-TOTAL_FORMS": "0",
            "reviews-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    assert draft.references.get().source == "Rita's blog"
    client.post(step_url(draft, "submit"))
    draft.refresh_from_db()
    response = client.post(step_url(draft, "approve"), {"seen": draft.content_digest})
    assert "another reviewer must check it" in last_message(response)


def test_moving_an_article_to_another_condition_is_recorded_and_moves_its_due_date(
    as_editor, article, editor
):
    from articles.models import Condition

    monthly = Condition.objects.create(
        name="Migraine", slug="migraine", summary="s", review_interval_months=1
    )
    response = as_editor.post(
        f"/admin/articles/article/{article.pk}/change/",
        {
            "slug": article.slug,
            "condition": monthly.pk,
            "author": editor.pk,
            "editor": editor.pk,
            "comments_enabled": "on",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.text
    article.refresh_from_db()
    reviewed_on = timezone.localdate(article.current_review.reviewed_at)
    assert article.next_review_due == reviewed_on + (article.next_review_due - reviewed_on)
    assert (article.next_review_due - reviewed_on).days <= 31
    event = article.events.first()
    assert event.action == ArticleEvent.Action.DETAILS
    assert "condition: Hemifacial spasm → Migraine" in event.note


def test_only_editors_can_be_named_author_or_editor(as_editor, article, reviewer):
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/").text
    assert f'<option value="{reviewer.pk}"' not in page


def test_a_nonsense_filter_value_does_not_break_the_list(as_editor, article):
    assert as_editor.get("/admin/articles/article/?reviewer=abc").status_code == 200


def test_a_step_that_does_not_apply_sends_you_back_with_a_warning(as_reviewer, article):
    revision = article.revisions.get()
    response = as_reviewer.get(step_url(revision, "publish"))
    assert response.status_code == 302
    assert "is not a step you can take" in last_message(response)


def test_posting_an_approval_without_having_opened_the_text_is_refused(as_reviewer, draft, editor):
    draft.submit(editor)
    response = as_reviewer.post(step_url(draft, "approve"))
    assert last_message(response) == "Open the revision and read it before approving."
    assert not Review.objects.exists()


def test_the_reviewer_dashboard_does_not_query_per_item(
    client, make_article, editor, reviewer, django_assert_max_num_queries
):
    def dashboard_queries():
        sign_in(client, reviewer)
        with django_assert_max_num_queries(30) as captured:
            client.get("/admin/")
        return len(captured)

    def add_work(n):
        waiting = make_article(f"waiting-{n}", approved=False).revisions.get()
        waiting.submit(editor)
        sent_back = make_article(f"sent-back-{n}", approved=False).revisions.get()
        sent_back.submit(editor)
        sent_back.send_back(reviewer, f"Note {n}")

    add_work(0)
    few = dashboard_queries()
    for n in range(1, 8):
        add_work(n)
    assert dashboard_queries() == few


# The model says which steps a person may take; the admin draws only those ------------

EDITOR_STEPS = {
    RevisionState.DRAFT: ["submit"],
    RevisionState.SENT_BACK: ["submit"],
    RevisionState.IN_REVIEW: [],
    RevisionState.APPROVED: ["publish"],
    RevisionState.SCHEDULED: ["publish", "cancel_schedule"],
    RevisionState.PUBLISHED: [],
    RevisionState.UNPUBLISHED: ["publish"],
    RevisionState.SUPERSEDED: [],
}
REVIEWER_STEPS = {
    RevisionState.DRAFT: [],
    RevisionState.SENT_BACK: [],
    RevisionState.IN_REVIEW: ["approve", "send_back"],
    RevisionState.APPROVED: ["approve"],
    RevisionState.SCHEDULED: ["approve"],
    RevisionState.PUBLISHED: ["approve"],
    RevisionState.UNPUBLISHED: ["approve"],
    RevisionState.SUPERSEDED: [],
}


@pytest.mark.parametrize("state", list(RevisionState))
def test_each_person_is_offered_exactly_the_steps_their_role_allows_in_each_state(
    state, draft, editor, reviewer
):
    Revision.objects.filter(pk=draft.pk).update(state=state)
    draft.refresh_from_db()
    assert draft.available_steps(editor) == EDITOR_STEPS[state]
    assert draft.available_steps(reviewer) == REVIEWER_STEPS[state]


def test_the_revision_page_draws_the_models_steps_and_nothing_else(as_reviewer, draft, editor):
    draft.submit(editor)
    page = as_reviewer.get(f"/admin/articles/revision/{draft.pk}/change/")
    assert [step.name for step in page.context["steps"]] == ["approve", "send_back"]
    assert f'href="{step_url(draft, "approve")}?seen={draft.content_digest}"' in page.text
    assert step_url(draft, "submit") not in page.text


def test_the_article_page_offers_a_new_revision_only_when_none_is_open(as_editor, article):
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/")
    assert [step.name for step in page.context["steps"]] == ["start_revision", "unpublish"]
    article.start_revision(article.editor)
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/")
    assert [step.name for step in page.context["steps"]] == ["unpublish"]
    assert page.context["open_revision"] == article.open_revision()


def test_a_reviewer_may_only_start_a_revision_of_the_article_itself(as_reviewer, article, reviewer):
    assert article.available_steps(reviewer) == ["start_revision"]
    page = as_reviewer.get(f"/admin/articles/article/{article.pk}/change/")
    assert [step.name for step in page.context["steps"]] == ["start_revision"]


def test_an_unpublished_article_can_get_a_new_revision_but_not_be_unpublished_again(
    article, editor
):
    article.unpublish(editor)
    assert article.available_steps(editor) == ["start_revision"]


def test_a_step_the_admin_does_not_know_is_not_found(as_editor, draft):
    assert as_editor.get(step_url(draft, "delete_everything")).status_code == 404
    assert as_editor.post(step_url(draft, "delete_everything")).status_code == 404


def test_starting_a_revision_opens_the_new_draft(as_editor, article):
    response = as_editor.post(f"/admin/articles/article/{article.pk}/step/start_revision/")
    new = article.open_revision()
    assert response.url == f"/admin/articles/revision/{new.pk}/change/"
    assert last_message(response).startswith("New draft started from the live text.")


def test_histories_and_approvals_are_read_only_in_the_admin(as_editor, article):
    page = as_editor.get(f"/admin/articles/article/{article.pk}/change/")
    history = next(f for f in page.context["inline_admin_formsets"] if f.opts.model is ArticleEvent)
    assert (history.has_add_permission, history.has_change_permission) == (False, False)
    assert history.has_delete_permission is False


def test_the_nurses_queue_shows_writer_condition_submission_date_and_the_changes(
    client, make_article, editor, reviewer
):
    revision = make_article(approved=False).revisions.get()
    revision.submit(editor)
    page = sign_in(client, reviewer).get("/admin/").text
    today = timezone.localdate()
    assert f"By Erin Editor · Hemifacial spasm · submitted {today.day} {today:%B %Y}" in page
    assert f'href="/admin/articles/revision/{revision.pk}/changes/"' in page


def test_after_approving_approve_is_not_offered_again_until_the_review_falls_due(
    make_article, editor, reviewer
):
    revision = make_article(approved=False).revisions.get()
    revision.submit(editor)
    assert "approve" in revision.available_steps(reviewer)
    revision.approve(reviewer)
    assert "approve" not in revision.available_steps(reviewer)
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=350)
    )
    assert "approve" in revision.available_steps(reviewer)  # renewing a review that runs out


def test_moderators_read_the_text_at_a_readable_size_and_never_see_hashes(client, article):
    from comments.models import Comment

    comment = Comment.objects.create(
        article=article, author_name="Dana", author_email="dana@example.org",
        body="Botox helped me.\n\nIt wore off after three months.",
    )  # fmt: skip
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    page = sign_in(client, moderator).get(f"/admin/comments/comment/{comment.pk}/change/").text
    assert '<div class="moderated-text"><p>Botox helped me.</p>' in page
    assert comment.body_digest not in page
    assert "address_hash" not in page
    assert "Body digest" not in page


def test_a_sent_newsletter_issue_shows_how_many_were_sent_failed_and_skipped(admin_client):
    from newsletter.models import Delivery, Issue, Subscriber

    issue = Issue.objects.create(subject="November news", body="Hello.", status=Issue.Status.SENT)
    for n, status in enumerate(["sent", "sent", "sent", "failed", "skipped", "skipped"]):
        subscriber = Subscriber.objects.create(email=f"reader{n}@example.org")
        Delivery.objects.create(issue=issue, subscriber=subscriber, status=status)
    listing = admin_client.get("/admin/newsletter/issue/").text
    assert "3 · 1 · 2" in listing
    page = admin_client.get(f"/admin/newsletter/issue/{issue.pk}/change/").text
    assert '<span data-field="skipped">2</span> skipped' in page


def test_the_admin_writes_dates_one_way(admin_client, article):
    page = admin_client.get("/admin/articles/article/").text
    due, published = article.next_review_due, timezone.localtime(article.published_at)
    assert f"{due.day} {due:%B %Y}" in page  # review due, our own column
    assert f"{published.day} {published:%B %Y, %H:%M}" in page  # Django's own column
