"""Editors write, nurse reviewers sign off, editors publish; reviews expire.


Erin is an editor and Nora a nurse reviewer (see conftest). Each rule is a
model method, so these tests hold whichever screen calls them.
"""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone

from articles.dates import add_months
from articles.models import (
    Article,
    ArticleEvent,
    Reference,
    Review,
    ReviewerProfile,
    Revision,
    RevisionState,
    WorkflowError,
)
from empower.roles import EDITORS, NURSE_REVIEWERS
from tests.conftest import staff_member

pytestmark = pytest.mark.django_db


def actions(article):
    return list(article.events.order_by("at", "pk").values_list("action", flat=True))


@pytest.fixture
def second_reviewer(db):
    """Omar is another nurse reviewer."""
    user = staff_member("omar", "Omar", "Okafor", NURSE_REVIEWERS)
    ReviewerProfile.objects.create(
        user=user,
        display_name="Omar Okafor",
        credentials="RN",
        credentials_verified_on=date.today(),
    )
    return user


def test_the_whole_path_from_draft_to_public(client, draft, editor, reviewer):
    article = draft.article
    assert client.get(article.get_absolute_url()).status_code == 404

    draft.submit(editor)
    assert draft.state == RevisionState.IN_REVIEW
    draft.approve(reviewer)
    assert draft.state == RevisionState.APPROVED
    assert client.get(article.get_absolute_url()).status_code == 404, "approving does not publish"

    draft.publish(editor)
    article.refresh_from_db()
    assert draft.state == RevisionState.PUBLISHED
    assert article.published_revision == draft
    assert (
        "by Nora Nurse, RN · Edited by Erin Editor" in client.get(article.get_absolute_url()).text
    )
    assert actions(article) == ["created", "submitted", "approved", "published"]


def test_an_approval_records_the_reviewer_the_date_and_the_exact_revision(draft, editor, reviewer):
    draft.submit(editor)
    before = timezone.now()
    review = draft.approve(reviewer)
    after = timezone.now()
    assert (review.revision, review.reviewer, review.reviewer_name, review.credentials) == (
        draft,
        reviewer,
        "Nora Nurse",
        "RN",
    )
    assert before <= review.reviewed_at <= after
    assert Review.objects.get().reviewed_at == review.reviewed_at


def test_an_editor_cannot_approve(draft, editor):
    draft.submit(editor)
    with pytest.raises(WorkflowError) as refused:
        draft.approve(editor)
    assert refused.value.code == "permission_denied"
    assert not Review.objects.exists()


def test_a_reviewer_cannot_approve_a_revision_they_wrote(make_article, editor, reviewer):
    """Rita is both an editor and a nurse reviewer; she still needs a second pair of eyes."""
    rita = staff_member("rita", "Rita", "Both", EDITORS)
    rita.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    ReviewerProfile.objects.create(
        user=rita, display_name="Rita Both", credentials="RN", credentials_verified_on=date.today()
    )
    revision = make_article(approved=False).revisions.get()
    revision.title = "Rita's better title"
    revision.save()
    revision.record_edit(rita)
    revision.submit(rita)

    with pytest.raises(WorkflowError) as refused:
        revision.approve(rita)
    assert refused.value.code == "four_eyes"
    assert revision not in Revision.objects.awaiting_review_by(rita)
    assert revision in Revision.objects.awaiting_review_by(reviewer)
    revision.approve(reviewer)


@pytest.mark.parametrize("named_as", ["author", "editor"])
def test_whoever_the_byline_names_cannot_approve_the_article(
    make_article, editor, reviewer, named_as
):
    """Dee edits and reviews; named in the byline, she is a contributor even if
    someone else typed every word."""
    dee = staff_member("dee", "Dee", "Dual", EDITORS)
    dee.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    ReviewerProfile.objects.create(
        user=dee, display_name="Dee Dual", credentials="RN", credentials_verified_on=date.today()
    )
    article = make_article(approved=False)
    setattr(article, named_as, dee)
    article.save()
    revision = article.revisions.get()
    revision.submit(editor)

    with pytest.raises(WorkflowError) as refused:
        revision.approve(dee)
    assert refused.value.code == "four_eyes"
    assert not Review.objects.exists()
    assert revision not in Revision.objects.awaiting_review_by(dee)
    revision.approve(reviewer)


def test_a_reviewer_whose_verification_has_lapsed_cannot_sign_off(draft, editor, reviewer):
    profile = reviewer.reviewer_profile
    # The site's calendar, not the machine's: the two differ for part of each day.
    profile.credentials_verified_on = timezone.localdate() - timedelta(days=2 * 365 + 1)
    profile.save()
    draft.submit(editor)
    with pytest.raises(WorkflowError, match="last verified on") as refused:
        draft.approve(reviewer)
    assert refused.value.code == "verification_lapsed"
    with pytest.raises(WorkflowError):
        draft.send_back(reviewer, "Needs work")
    assert draft.state == RevisionState.IN_REVIEW


def test_a_verification_counts_up_to_and_including_its_last_day(draft, editor, reviewer):
    profile = reviewer.reviewer_profile
    profile.credentials_verified_on = timezone.localdate() - timedelta(days=2 * 365)
    profile.save()
    assert profile.verification_expires_on == timezone.localdate()
    draft.submit(editor)
    draft.approve(reviewer)
    assert draft.state == RevisionState.APPROVED


def test_changing_a_reference_after_the_reviewer_opened_it_stops_the_approval(
    draft, editor, reviewer
):
    draft.submit(editor)
    seen = draft.content_digest
    draft.references.update(url="https://example.org/another-source")
    with pytest.raises(WorkflowError) as refused:
        draft.approve(reviewer, seen=seen)
    assert refused.value.code == "changed"


def test_the_verification_window_is_a_setting(draft, editor, reviewer, settings):
    settings.REVIEWER_VERIFICATION_DAYS = 10
    draft.submit(editor)
    with pytest.raises(WorkflowError, match="more than 10 days ago"):
        draft.approve(reviewer)


@pytest.mark.parametrize("state", ["draft", "in_review", "sent_back"])
def test_nobody_can_publish_an_unapproved_revision(draft, editor, reviewer, state, admin_user):
    if state != "draft":
        draft.submit(editor)
    if state == "sent_back":
        draft.send_back(reviewer, "Please cite a source for the figures.")
    for person in (editor, admin_user):
        with pytest.raises(WorkflowError) as refused:
            draft.publish(person)
        assert refused.value.code == "wrong_state"
    assert not Article.objects.published().exists()


def test_a_reviewer_cannot_publish(draft, editor, reviewer):
    draft.submit(editor)
    draft.approve(reviewer)
    with pytest.raises(WorkflowError) as refused:
        draft.publish(reviewer)
    assert refused.value.code == "permission_denied"


def test_sending_back_needs_a_note_which_the_history_keeps(draft, editor, reviewer):
    draft.submit(editor)
    with pytest.raises(WorkflowError) as refused:
        draft.send_back(reviewer, "   ")
    assert refused.value.code == "note_required"
    draft.send_back(reviewer, "Please cite a source for the 92 percent figure.")
    assert draft.state == RevisionState.SENT_BACK
    event = draft.events.get(action=ArticleEvent.Action.SENT_BACK)
    assert (event.actor, event.note) == (
        reviewer,
        "Please cite a source for the 92 percent figure.",
    )
    assert draft in Revision.objects.sent_back_to(editor)

    draft.body += "\n\nThe Mayfield Clinic gives the 92 percent figure."
    draft.save()
    draft.submit(editor)
    assert draft.state == RevisionState.IN_REVIEW


def test_the_public_never_sees_a_draft_a_sent_back_or_a_future_scheduled_revision(
    client, make_article, editor, reviewer
):
    draft = make_article("a-draft", approved=False)
    sent_back = make_article("sent-back", approved=False)
    revision = sent_back.revisions.get()
    revision.submit(editor)
    revision.send_back(reviewer, "Not yet.")
    scheduled = make_article("scheduled", published_at=timezone.now() + timedelta(days=2))
    assert scheduled.revisions.get().state == RevisionState.SCHEDULED

    for article in (draft, sent_back, scheduled):
        assert client.get(article.get_absolute_url()).status_code == 404
        assert article.get_absolute_url() not in client.get("/").text
    assert not Article.objects.published().exists()


def test_a_scheduled_revision_goes_live_when_the_job_runs_after_its_time(client, make_article):
    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    revision = article.revisions.get()

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "0 revision(s) published" in out.getvalue()
    assert client.get(article.get_absolute_url()).status_code == 404

    when = timezone.now() - timedelta(minutes=1)
    Revision.objects.filter(pk=revision.pk).update(scheduled_for=when)
    call_command("publish_scheduled", "--dry-run", stdout=out)
    assert client.get(article.get_absolute_url()).status_code == 404
    call_command("publish_scheduled", stdout=out)
    assert "Published: What is hemifacial spasm?" in out.getvalue()
    article.refresh_from_db()
    assert article.published_at == when
    assert client.get(article.get_absolute_url()).status_code == 200
    assert actions(article)[-2:] == ["scheduled", "published"]
    assert article.events.first().actor is None, "the scheduler acted, not a person"


def test_the_scheduler_does_not_publish_a_revision_whose_review_expired_while_it_waited(
    client, make_article
):
    now = timezone.now()
    article = make_article(published_at=now + timedelta(days=1))
    revision = article.revisions.get()
    assert revision.state == RevisionState.SCHEDULED
    # It waited so long that its review expired, and its time has come.
    Review.objects.filter(revision=revision).update(reviewed_at=now - timedelta(days=400))
    Revision.objects.filter(pk=revision.pk).update(scheduled_for=now - timedelta(minutes=1))

    out = StringIO()
    call_command("publish_scheduled", stdout=out)
    assert "0 revision(s) published" in out.getvalue()
    revision.refresh_from_db()
    assert (revision.state, revision.scheduled_for) == (RevisionState.APPROVED, None)
    cancelled = article.events.first()
    assert (cancelled.revision, cancelled.action, cancelled.actor) == (
        revision,
        ArticleEvent.Action.CANCELLED,
        None,
    )
    assert "review expired" in cancelled.note
    article.refresh_from_db()
    assert (article.published_revision, article.published_at) == (None, None)
    assert not Article.objects.published().exists()
    assert client.get(article.get_absolute_url()).status_code == 404


def test_the_scheduler_is_also_a_task(make_article):
    from articles.tasks import publish_scheduled_revisions

    article = make_article(published_at=timezone.now() + timedelta(hours=2))
    Revision.objects.filter(article=article).update(scheduled_for=timezone.now())
    result = publish_scheduled_revisions.enqueue()
    assert result.return_value == 1
    assert Article.objects.published().get() == article


def test_editing_a_published_article_leaves_the_public_page_unchanged_until_published(
    client, article, editor, reviewer
):
    live = article.published_revision
    draft = article.start_revision(editor)
    assert list(draft.references.values_list("title", flat=True)) == ["Reference title 0"]

    draft.body = "Completely **new** words."
    draft.save()
    draft.record_edit(editor)
    assert "new</strong> words" not in client.get(article.get_absolute_url()).text

    draft.submit(editor)
    draft.approve(reviewer)
    assert "new</strong> words" not in client.get(article.get_absolute_url()).text

    draft.publish(editor)
    assert "<strong>new</strong> words" in client.get(article.get_absolute_url()).text
    live.refresh_from_db()
    assert live.state == RevisionState.SUPERSEDED


def test_only_one_revision_is_in_progress_at_a_time(article, editor):
    article.start_revision(editor)
    with pytest.raises(WorkflowError) as refused:
        article.start_revision(editor)
    assert refused.value.code == "revision_in_progress"


def test_reviewed_text_cannot_be_changed_even_directly(article):
    live = article.published_revision
    live.body = "Sneaky change after review."
    with pytest.raises(WorkflowError) as refused:
        live.save()
    assert refused.value.code == "not_editable"
    with pytest.raises(WorkflowError):
        Reference.objects.create(revision=live, source="S", title="T", accessed_on=date(2026, 1, 1))
    with pytest.raises(WorkflowError):
        live.references.first().delete()


def test_an_overdue_review_shows_the_banner_and_is_due(client, article):
    review = article.current_review
    reviewed = timezone.now() - timedelta(days=400)
    Review.objects.filter(pk=review.pk).update(reviewed_at=reviewed)
    article.refresh_review_due()

    assert article in Article.objects.review_overdue()
    assert article not in Article.objects.review_current()
    assert article in Article.objects.review_due_within(30)
    page = client.get(article.get_absolute_url())
    assert page.status_code == 200, "an overdue article stays public"
    assert (
        "<strong>Review update pending:</strong> last reviewed "
        f'<time datetime="{timezone.localtime(reviewed):%Y-%m-%d}">' in page.text
    )


def test_a_new_approval_restarts_the_interval(article, second_reviewer):
    review = article.current_review
    Review.objects.filter(pk=review.pk).update(reviewed_at=timezone.now() - timedelta(days=400))
    article.refresh_review_due()
    assert article.review_overdue

    renewal = article.published_revision.approve(second_reviewer)
    article = Article.objects.get(pk=article.pk)
    assert not article.review_overdue
    assert article.current_review == renewal
    assert article.current_review.reviewer_name == "Omar Okafor"
    # From the day of the new review, whenever the test runs (even across midnight).
    assert article.next_review_due == add_months(timezone.localdate(renewal.reviewed_at), 12)


def test_a_review_is_overdue_from_the_day_after_it_is_due_not_on_the_day(article):
    def flagged_if_due_on(day):
        Article.objects.filter(pk=article.pk).update(next_review_due=day)
        return (
            Article.objects.get(pk=article.pk).review_overdue,
            Article.objects.review_overdue().filter(pk=article.pk).exists(),
            Article.objects.review_current().filter(pk=article.pk).exists(),
        )

    # The rule reads the calendar itself: check both days within one calendar day,
    # and check again if midnight passed meanwhile.
    for _attempt in range(2):
        today = timezone.localdate()
        due_today = flagged_if_due_on(today)
        due_yesterday = flagged_if_due_on(today - timedelta(days=1))
        if timezone.localdate() == today:
            break
    assert due_today == (False, False, True), "(overdue, in review_overdue, in review_current)"
    assert due_yesterday == (True, True, False)


def test_a_condition_may_set_its_own_review_interval(article, condition):
    condition.review_interval_months = 6
    condition.save()
    article.refresh_from_db()
    reviewed_on = timezone.localdate(article.current_review.reviewed_at)
    assert article.next_review_due == add_months(reviewed_on, 6)


def test_an_expired_review_must_be_renewed_before_publishing(make_article, editor, reviewer):
    article = make_article(publish=False)
    revision = article.revisions.get()
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    with pytest.raises(WorkflowError) as refused:
        revision.publish(editor)
    assert refused.value.code == "review_expired"


def test_unpublishing_takes_the_article_down_and_is_recorded(client, article, editor):
    article.unpublish(editor, "Withdrawn while we check a dosage.")
    assert client.get(article.get_absolute_url()).status_code == 404
    revision = article.revisions.get()
    assert revision.state == RevisionState.UNPUBLISHED
    assert article.events.first().note == "Withdrawn while we check a dosage."

    revision.publish(editor)
    assert client.get(article.get_absolute_url()).status_code == 200


def test_history_cannot_be_changed(article):
    event = article.events.first()
    event.note = "rewritten history"
    with pytest.raises(Exception, match="History cannot be changed"):
        event.save()


def test_a_person_without_any_role_can_do_nothing(draft):
    visitor = get_user_model().objects.create_user("vic", password="x")
    for step in (draft.submit, draft.approve, draft.publish, draft.article.start_revision):
        with pytest.raises(WorkflowError):
            step(visitor)


def test_a_stale_copy_cannot_change_text_after_it_was_submitted(draft, editor):
    editors_open_tab = Revision.objects.get(pk=draft.pk)
    draft.submit(editor)
    editors_open_tab.body = "Take 500 mg."
    with pytest.raises(WorkflowError) as refused:
        editors_open_tab.save()
    assert refused.value.code == "not_editable"
    assert Revision.objects.get(pk=draft.pk).body == "Spasms on **one side** of the face."


def test_approval_is_refused_when_the_text_changed_after_the_reviewer_read_it(
    draft, editor, reviewer
):
    draft.submit(editor)
    read_version = draft.content_digest
    draft.send_back(reviewer, "Add the dose.")
    draft.body = "Take 5 mg."
    draft.save()
    draft.submit(editor)
    with pytest.raises(WorkflowError) as refused:
        draft.approve(reviewer, seen=read_version)
    assert refused.value.code == "changed"
    draft.approve(reviewer, seen=draft.content_digest)


def test_unpublishing_cancels_a_scheduled_revision(article, editor, reviewer):
    correction = article.start_revision(editor)
    correction.submit(editor)
    correction.approve(reviewer)
    correction.publish(editor, at=timezone.now() + timedelta(days=1))
    article.unpublish(editor, "Unsafe advice.")
    correction.refresh_from_db()
    assert correction.state == RevisionState.APPROVED
    Revision.objects.filter(pk=correction.pk).update(scheduled_for=timezone.now())
    call_command("publish_scheduled", stdout=StringIO())
    assert not Article.objects.published().exists()


def test_publishing_retires_older_approved_texts_and_never_brings_them_back(
    article, editor, reviewer
):
    first = article.revisions.get()
    older = article.start_revision(editor)
    older.submit(editor)
    older.approve(reviewer)
    older.publish(editor, at=timezone.now() + timedelta(days=1))  # scheduled
    Revision.objects.filter(pk=older.pk).update(state=RevisionState.APPROVED, scheduled_for=None)
    newer = Revision.objects.create(
        article=article, title="Newer", summary="s", body="Newer text.", created_by=editor
    )
    newer.submit(editor)
    newer.approve(reviewer)
    newer.publish(editor)
    older.refresh_from_db()
    first.refresh_from_db()
    assert (older.state, first.state) == (RevisionState.SUPERSEDED, RevisionState.SUPERSEDED)

    article.unpublish(editor)
    newer.refresh_from_db()
    Revision.objects.filter(pk=first.pk).update(state=RevisionState.UNPUBLISHED)
    newer.publish(editor)
    with pytest.raises(WorkflowError) as refused:
        Revision.objects.get(pk=first.pk).publish(editor)
    assert refused.value.code == "older_than_live"


def test_an_editor_cancels_a_schedule(make_article, editor):
    article = make_article(published_at=timezone.now() + timedelta(days=1))
    revision = article.revisions.get()
    revision.cancel_schedule(editor)
    assert (revision.state, revision.scheduled_for) == (RevisionState.APPROVED, None)
    assert article.events.first().action == ArticleEvent.Action.CANCELLED


def test_an_expired_approval_is_renewed_by_approving_again(make_article, editor, second_reviewer):
    article = make_article(publish=False)
    revision = article.revisions.get()
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    revision.approve(second_reviewer)
    revision.publish(editor)
    assert Article.objects.published().get() == article


def test_cancelling_a_schedule_is_for_editors_and_only_for_scheduled_revisions(
    make_article, editor, reviewer
):
    article = make_article(published_at=timezone.now() + timedelta(days=2))
    revision = article.revisions.get()
    with pytest.raises(WorkflowError) as refused:
        revision.cancel_schedule(reviewer)
    assert (str(refused.value.message), refused.value.code) == (
        "Only editors can change a schedule.",
        "permission_denied",
    )
    revision.cancel_schedule(editor, "Waiting for the new guideline.")
    event = article.events.first()
    assert (event.action, event.actor, event.note) == (
        "cancelled",
        editor,
        "Waiting for the new guideline.",
    )
    with pytest.raises(WorkflowError) as again:
        revision.cancel_schedule(editor)
    assert str(again.value.message) == (
        "Only a scheduled revision can be cancelled. This one is approved."
    )


def test_changing_an_articles_details_is_recorded_on_its_live_text(article, editor):
    live = article.published_revision
    article.start_revision(editor)  # a newer draft exists; the record still goes on the live text
    article.record_details_change(editor, {"editor": ("Erin", "Pat"), "author": ("Erin", "Lee")})
    event = article.events.first()
    assert (event.revision, event.actor, event.action) == (live, editor, "details")
    assert event.note == "editor: Erin → Pat; author: Erin → Lee"


def test_before_anything_is_published_details_changes_go_on_the_newest_draft(make_article, editor):
    article = make_article(approved=False)
    first = article.revisions.get()
    newer = Revision.objects.create(
        article=article, title="T", summary="S", body="B", created_by=editor
    )
    Revision.objects.filter(pk=first.pk).update(created_at=newer.created_at - timedelta(hours=1))
    article.record_details_change(editor, {"condition": ("A", "B")})
    assert article.events.first().revision == newer


def test_history_entries_name_the_person_or_the_scheduler(article, editor):
    by_person = article.events.filter(actor=editor).first()
    assert str(by_person) == "Erin Editor published"
    by_scheduler = ArticleEvent.objects.create(
        article=article, revision=article.published_revision, actor=None, action="published"
    )
    assert str(by_scheduler) == "The scheduler published"


def test_the_scheduler_leaves_a_revision_that_is_not_due_or_not_scheduled(make_article, editor):
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    revision = article.revisions.get()
    assert revision.publish_if_due() is False
    revision.cancel_schedule(editor)
    Revision.objects.filter(pk=revision.pk).update(
        scheduled_for=timezone.now() - timedelta(hours=1)
    )
    assert revision.publish_if_due() is False, "approved, not scheduled: an editor chose to wait"
    article.refresh_from_db()
    assert article.published_revision is None


def test_a_revision_whose_review_expired_while_it_waited_says_why_it_was_not_published(
    make_article,
):
    article = make_article(published_at=timezone.now() + timedelta(hours=1))
    revision = article.revisions.get()
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=800)
    )
    Revision.objects.filter(pk=revision.pk).update(scheduled_for=timezone.now())
    assert revision.publish_if_due() is False
    assert article.events.first().note == (
        "Not published: the review expired before the scheduled time."
    )


def test_a_revision_is_due_at_the_very_moment_it_was_scheduled_for(make_article):
    from articles.tasks import publish_due_revisions

    when = timezone.now() + timedelta(hours=1)
    article = make_article(published_at=when)
    assert publish_due_revisions(now=when - timedelta(microseconds=1)) == []
    assert [r.article for r in publish_due_revisions(now=when)] == [article]
    article.refresh_from_db()
    assert article.published_at == when
