"""Editors write, nurse reviewers sign off, editors publish; reviews expire.


Erin is an editor and Nora a nurse reviewer (see conftest). Each rule is a
model method, so these tests hold whichever screen calls them.
"""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError
from django.utils import timezone

from articles.dates import add_months
from articles.models import (
    Article,
    ArticleEvent,
    Condition,
    Reference,
    Review,
    Revision,
    RevisionState,
    StaffProfile,
    WorkflowError,
    review_due_on,
)
from empower.roles import EDITORS, NURSE_REVIEWERS
from tests.conftest import staff_member

pytestmark = pytest.mark.django_db


def actions(article):
    return list(article.events.order_by("at", "pk").values_list("action", flat=True))


def refusal(step, *args, **kwargs):
    """What a refused step tells the person: its message and its error code."""
    with pytest.raises(WorkflowError) as refused:
        step(*args, **kwargs)
    return str(refused.value.message), refused.value.code


@pytest.fixture
def second_reviewer(db):
    """Omar is another nurse reviewer."""
    user = staff_member("omar", "Omar", "Okafor", NURSE_REVIEWERS)
    StaffProfile.objects.create(
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
    draft.approve(reviewer, what_changed="Checked against current guidance.")
    assert draft.state == RevisionState.APPROVED
    assert client.get(article.get_absolute_url()).status_code == 404, "approving does not publish"

    draft.publish(editor)
    article.refresh_from_db()
    assert draft.state == RevisionState.PUBLISHED
    assert article.published_revision == draft
    page = client.get(article.get_absolute_url()).text
    assert '<a href="/people/nora-nurse/">Nora Nurse, RN</a> · Edited by Erin Editor' in page
    assert actions(article) == ["created", "submitted", "approved", "published"]


def test_an_approval_records_the_reviewer_the_date_and_the_exact_revision(draft, editor, reviewer):
    draft.submit(editor)
    before = timezone.now()
    review = draft.approve(reviewer, what_changed="Checked against current guidance.")
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
        draft.approve(editor, what_changed="Checked against current guidance.")
    assert refused.value.code == "permission_denied"
    assert not Review.objects.exists()


def test_a_reviewer_cannot_approve_a_revision_they_wrote(make_article, editor, reviewer):
    """Rita is both an editor and a nurse reviewer; she still needs a second pair of eyes."""
    rita = staff_member("rita", "Rita", "Both", EDITORS)
    rita.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    StaffProfile.objects.create(
        user=rita, display_name="Rita Both", credentials="RN", credentials_verified_on=date.today()
    )
    revision = make_article(approved=False).revisions.get()
    revision.title = "Rita's better title"
    revision.save()
    revision.record_edit(rita)
    revision.submit(rita)

    with pytest.raises(WorkflowError) as refused:
        revision.approve(rita, what_changed="Checked against current guidance.")
    assert refused.value.code == "four_eyes"
    assert revision not in Revision.objects.awaiting_review_by(rita)
    assert revision in Revision.objects.awaiting_review_by(reviewer)
    revision.approve(reviewer, what_changed="Checked against current guidance.")


@pytest.mark.parametrize("named_as", ["author", "editor"])
def test_whoever_the_byline_names_cannot_approve_the_article(
    make_article, editor, reviewer, named_as
):
    """Dee edits and reviews; named in the byline, she is a contributor even if
    someone else typed every word."""
    dee = staff_member("dee", "Dee", "Dual", EDITORS)
    dee.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    StaffProfile.objects.create(
        user=dee, display_name="Dee Dual", credentials="RN", credentials_verified_on=date.today()
    )
    article = make_article(approved=False)
    setattr(article, named_as, dee)
    article.save()
    revision = article.revisions.get()
    revision.submit(editor)

    with pytest.raises(WorkflowError) as refused:
        revision.approve(dee, what_changed="Checked against current guidance.")
    assert refused.value.code == "four_eyes"
    assert not Review.objects.exists()
    assert revision not in Revision.objects.awaiting_review_by(dee)
    revision.approve(reviewer, what_changed="Checked against current guidance.")


def test_a_reviewer_whose_verification_has_lapsed_cannot_sign_off(draft, editor, reviewer):
    profile = reviewer.profile
    # The site's calendar, not the machine's: the two differ for part of each day.
    profile.credentials_verified_on = timezone.localdate() - timedelta(days=2 * 365 + 1)
    profile.save()
    draft.submit(editor)
    with pytest.raises(WorkflowError, match="last verified on") as refused:
        draft.approve(reviewer, what_changed="Checked against current guidance.")
    assert refused.value.code == "verification_lapsed"
    with pytest.raises(WorkflowError):
        draft.send_back(reviewer, "Needs work")
    assert draft.state == RevisionState.IN_REVIEW


def test_a_verification_counts_up_to_and_including_its_last_day(draft, editor, reviewer):
    profile = reviewer.profile
    profile.credentials_verified_on = timezone.localdate() - timedelta(days=2 * 365)
    profile.save()
    assert profile.verification_expires_on == timezone.localdate()
    draft.submit(editor)
    draft.approve(reviewer, what_changed="Checked against current guidance.")
    assert draft.state == RevisionState.APPROVED


def test_changing_a_reference_after_the_reviewer_opened_it_stops_the_approval(
    draft, editor, reviewer
):
    draft.submit(editor)
    seen = draft.content_digest
    draft.references.update(url="https://example.org/another-source")
    assert refusal(draft.approve, reviewer, seen=seen) == (
        "The text changed after you opened it. Please read it again before approving.",
        "changed",
    )


def test_the_verification_window_is_a_setting(draft, editor, reviewer, settings):
    settings.REVIEWER_VERIFICATION_DAYS = 10
    draft.submit(editor)
    with pytest.raises(WorkflowError, match="more than 10 days ago"):
        draft.approve(reviewer, what_changed="Checked against current guidance.")


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
    draft.approve(reviewer, what_changed="Checked against current guidance.")
    with pytest.raises(WorkflowError) as refused:
        draft.publish(reviewer)
    assert refused.value.code == "permission_denied"


def test_sending_back_needs_a_note_which_the_history_keeps(draft, editor, reviewer):
    draft.submit(editor)
    assert refusal(draft.send_back, reviewer, "   ") == (
        "Say what needs to change, so the editor knows what to fix.",
        "note_required",
    )
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
    draft.approve(reviewer, what_changed="Checked against current guidance.")
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
    assert refusal(live.save) == (
        "A revision can only be changed while it is a draft or sent back.",
        "not_editable",
    )
    assert refusal(live.save, update_fields=["body", "updated_at"])[1] == "not_editable"
    live.refresh_from_db()
    assert live.body == "Spasms on **one side** of the face."
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

    renewal = article.published_revision.approve(
        second_reviewer, what_changed="Checked against current guidance."
    )
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

    condition.review_interval_months = None  # back to the site's default
    condition.save()
    article.refresh_from_db()
    assert article.next_review_due == add_months(reviewed_on, 12)


def test_renaming_a_condition_leaves_its_articles_alone(article, condition):
    def stored():
        return Article.objects.values_list("updated_at", "next_review_due").get(pk=article.pk)

    before = stored()
    condition.name = "Hemifacial spasm (HFS)"
    condition.save()
    assert stored() == before


def test_an_expired_review_must_be_renewed_before_publishing(make_article, editor, reviewer):
    article = make_article(publish=False)
    revision = article.revisions.get()
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    assert refusal(revision.publish, editor) == (
        "This revision's review has expired. A nurse reviewer must approve it again.",
        "review_expired",
    )


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
    with pytest.raises(ValidationError) as refused:
        event.save()
    assert (refused.value.messages, refused.value.code) == (
        ["History cannot be changed."],
        "immutable",
    )


def test_a_person_without_any_role_can_do_nothing(draft):
    visitor = get_user_model().objects.create_user("vic", password="x")
    for step in (draft.submit, draft.approve, draft.publish, draft.article.start_revision):
        with pytest.raises(WorkflowError):
            step(visitor)


def test_a_stale_copy_cannot_change_text_after_it_was_submitted(draft, editor):
    editors_open_tab = Revision.objects.get(pk=draft.pk)
    draft.submit(editor)
    editors_open_tab.body = "Take 500 mg."
    assert refusal(editors_open_tab.save) == (
        "This revision left the draft stage meanwhile; your change was not saved.",
        "not_editable",
    )
    assert Revision.objects.get(pk=draft.pk).body == "Spasms on **one side** of the face."


def test_saving_some_fields_of_a_draft_leaves_the_others_as_stored(draft):
    """The admin saves only what the form changed: another editor's change to
    another field in the meantime stays."""
    open_tab = Revision.objects.get(pk=draft.pk)
    Revision.objects.filter(pk=draft.pk).update(title="Another editor's title")
    open_tab.body = "New **body**."
    open_tab.save(update_fields=["body", "body_html", "updated_at"])
    stored = Revision.objects.get(pk=draft.pk)
    assert (stored.title, stored.body, stored.body_html) == (
        "Another editor's title",
        "New **body**.",
        "<p>New <strong>body</strong>.</p>",
    )


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
        draft.approve(reviewer, seen=read_version, what_changed="Checked against current guidance.")
    assert refused.value.code == "changed"
    draft.approve(
        reviewer, seen=draft.content_digest, what_changed="Checked against current guidance."
    )


def test_unpublishing_cancels_a_scheduled_revision(article, editor, reviewer):
    correction = article.start_revision(editor)
    correction.submit(editor)
    correction.approve(reviewer, what_changed="Checked against current guidance.")
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
    older.approve(reviewer, what_changed="Checked against current guidance.")
    older.publish(editor, at=timezone.now() + timedelta(days=1))  # scheduled
    Revision.objects.filter(pk=older.pk).update(state=RevisionState.APPROVED, scheduled_for=None)
    newer = Revision.objects.create(
        article=article, title="Newer", summary="s", body="Newer text.", created_by=editor
    )
    newer.submit(editor)
    newer.approve(reviewer, what_changed="Checked against current guidance.")
    newer.publish(editor)
    older.refresh_from_db()
    first.refresh_from_db()
    assert (older.state, first.state) == (RevisionState.SUPERSEDED, RevisionState.SUPERSEDED)

    article.unpublish(editor)
    newer.refresh_from_db()
    Revision.objects.filter(pk=first.pk).update(state=RevisionState.UNPUBLISHED)
    newer.publish(editor)
    assert refusal(Revision.objects.get(pk=first.pk).publish, editor) == (
        "A newer revision is live; publishing this one would bring back older text.",
        "older_than_live",
    )


def test_an_editor_cancels_a_schedule(make_article, editor):
    article = make_article(published_at=timezone.now() + timedelta(days=1))
    revision = article.revisions.get()
    revision.cancel_schedule(editor)
    assert (revision.state, revision.scheduled_for) == (RevisionState.APPROVED, None)
    cancelled = article.events.first()
    assert (cancelled.action, cancelled.actor, cancelled.note) == (
        ArticleEvent.Action.CANCELLED,
        editor,
        "",
    )


def test_an_expired_approval_is_renewed_by_approving_again(make_article, editor, second_reviewer):
    article = make_article(publish=False)
    revision = article.revisions.get()
    Review.objects.filter(revision=revision).update(
        reviewed_at=timezone.now() - timedelta(days=400)
    )
    revision.approve(second_reviewer, what_changed="Checked against current guidance.")
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


# What a refused step says ------------------------------------------------------------


def test_a_step_refused_for_want_of_a_role_says_who_may_take_it(make_article, editor, reviewer):
    article = make_article()
    draft = make_article("a-draft", approved=False).revisions.get()
    assert refusal(draft.submit, reviewer) == (
        "Only editors can submit for review.",
        "permission_denied",
    )
    moderator = staff_member("mo", "Mo", "Derator", "Moderators")
    assert refusal(article.start_revision, moderator) == (
        "Only editors and nurse reviewers can start a revision.",
        "permission_denied",
    )
    assert refusal(article.unpublish, reviewer) == (
        "Only editors can unpublish articles.",
        "permission_denied",
    )
    draft.submit(editor)
    assert refusal(draft.approve, editor) == (
        "Only nurse reviewers can review.",
        "permission_denied",
    )
    draft.approve(reviewer, what_changed="Checked against current guidance.")
    assert refusal(draft.publish, reviewer) == ("Only editors can publish.", "permission_denied")


def test_a_step_refused_in_the_wrong_state_names_the_state(draft, editor, reviewer):
    assert refusal(draft.approve, reviewer) == (
        "Only a revision in review, or one approved before, can be approved. This one is draft.",
        "wrong_state",
    )
    assert refusal(draft.send_back, reviewer, "Fix it.") == (
        "Only a revision in review can be sent back. This one is draft.",
        "wrong_state",
    )
    assert refusal(draft.publish, editor) == (
        "Only an approved revision can be published. This one is draft.",
        "wrong_state",
    )
    draft.submit(editor)
    assert refusal(draft.submit, editor) == (
        "Only a draft or a sent-back revision can be submitted. This one is in review.",
        "wrong_state",
    )


def test_a_reviewer_is_told_what_stands_in_the_way_of_signing_off(
    make_article, editor, reviewer, settings
):
    revision = make_article(approved=False).revisions.get()
    revision.submit(editor)
    paula = staff_member("paula", "Paula", "Profileless", NURSE_REVIEWERS)
    no_profile = (
        "You need a staff profile with your credentials, verified by an administrator, "
        "before you can sign off.",
        "no_profile",
    )
    assert refusal(revision.approve, paula) == no_profile
    StaffProfile.objects.create(user=paula, display_name="Paula", job_title="Nurse reviewer")
    assert refusal(revision.approve, paula) == no_profile  # no credentials yet

    profile = reviewer.profile
    profile.credentials_verified_on = date(2020, 3, 4)
    profile.save()
    assert refusal(revision.approve, reviewer) == (
        "Your credentials were last verified on 2020-03-04, more than "
        f"{settings.REVIEWER_VERIFICATION_DAYS} days ago. "
        "Ask an administrator to verify them again before you sign off.",
        "verification_lapsed",
    )

    editor.groups.add(Group.objects.get(name=NURSE_REVIEWERS))
    StaffProfile.objects.create(
        user=editor, display_name="Erin", credentials="RN", credentials_verified_on=date.today()
    )
    editor = get_user_model().objects.get(pk=editor.pk)  # permissions are cached per object
    assert refusal(revision.approve, editor) == (
        "You wrote or edited this revision, or the byline names you, "
        "so another reviewer must check it.",
        "four_eyes",
    )


def test_unpublishing_an_article_that_is_not_published_is_refused(make_article, editor):
    article = make_article(approved=False)
    assert refusal(article.unpublish, editor) == ("This article is not published.", "not_published")


def test_a_review_cannot_be_changed_once_recorded(article):
    review = article.current_review
    review.reviewer_name = "Someone else"
    with pytest.raises(ValidationError) as refused:
        review.save()
    assert (refused.value.messages, refused.value.code) == (
        ["A review cannot be changed once recorded."],
        "immutable",
    )
    assert Review.objects.get().reviewer_name == "Nora Nurse"


# Each step's record in the history -------------------------------------------------


def test_a_new_revision_is_an_exact_copy_of_the_live_text_and_its_references(make_article, editor):
    article = make_article(references=2)
    live = article.published_revision
    draft = article.start_revision(editor)
    assert (draft.title, draft.summary, draft.body, draft.created_by) == (
        live.title,
        live.summary,
        live.body,
        editor,
    )
    fields = ("position", "source", "title", "url", "accessed_on")
    assert list(draft.references.values_list(*fields)) == list(live.references.values_list(*fields))
    assert list(draft.references.values_list("position", "source", "url")) == [
        (0, "Source 0", "https://example.org/ref/0"),
        (1, "Source 1", "https://example.org/ref/1"),
    ]
    created = draft.events.get()
    assert (created.action, created.actor) == (ArticleEvent.Action.STARTED, editor)


def test_the_history_names_who_approved_and_who_scheduled_and_for_when(
    make_article, editor, reviewer
):
    article = make_article(approved=False)
    revision = article.revisions.get()
    revision.submit(editor)
    revision.approve(reviewer, what_changed="Checked against current guidance.")
    at = timezone.now() + timedelta(days=2, hours=3)
    revision.publish(editor, at=at)
    scheduled, approved, submitted = article.events.all()[:3]
    assert (submitted.action, submitted.actor, submitted.note) == (
        ArticleEvent.Action.SUBMITTED,
        editor,
        "",
    )
    assert (approved.action, approved.actor, approved.note) == (
        ArticleEvent.Action.APPROVED,
        reviewer,
        "",
    )
    assert (scheduled.action, scheduled.actor, scheduled.note) == (
        ArticleEvent.Action.SCHEDULED,
        editor,
        f"For {timezone.localtime(at):%Y-%m-%d %H:%M}",
    )


def test_unpublishing_records_who_did_it_and_cancels_a_waiting_schedule(article, editor, reviewer):
    live = article.published_revision
    correction = article.start_revision(editor)
    correction.submit(editor)
    correction.approve(reviewer, what_changed="Checked against current guidance.")
    correction.publish(editor, at=timezone.now() + timedelta(days=1))
    article.unpublish(editor)

    correction.refresh_from_db()
    assert (correction.state, correction.scheduled_for) == (RevisionState.APPROVED, None)
    cancelled = correction.events.first()
    assert (cancelled.action, cancelled.actor, cancelled.note) == (
        ArticleEvent.Action.CANCELLED,
        editor,
        "The article was unpublished.",
    )
    unpublished = live.events.first()
    assert (unpublished.action, unpublished.actor, unpublished.note) == (
        ArticleEvent.Action.UNPUBLISHED,
        editor,
        "",
    )
    article.refresh_from_db()
    assert (article.published_revision, article.published_at, article.next_review_due) == (
        None,
        None,
        None,
    )


def test_publishing_a_newer_text_cancels_an_older_schedule_and_says_so(article, editor, reviewer):
    scheduled = article.start_revision(editor)
    scheduled.submit(editor)
    scheduled.approve(reviewer, what_changed="Checked against current guidance.")
    scheduled.publish(editor, at=timezone.now() + timedelta(days=3))
    approved = article.start_revision(editor)
    approved.submit(editor)
    approved.approve(reviewer, what_changed="Checked against current guidance.")
    newer = article.start_revision(editor)
    newer.submit(editor)
    newer.approve(reviewer, what_changed="Checked against current guidance.")

    newer.publish(editor)
    scheduled.refresh_from_db()
    approved.refresh_from_db()
    assert (scheduled.state, scheduled.scheduled_for) == (RevisionState.SUPERSEDED, None)
    assert approved.state == RevisionState.SUPERSEDED
    cancelled = scheduled.events.first()
    assert (cancelled.action, cancelled.actor, cancelled.note) == (
        ArticleEvent.Action.CANCELLED,
        editor,
        "A newer revision was published.",
    )
    assert not approved.events.filter(action=ArticleEvent.Action.CANCELLED).exists()


def test_a_scheduled_revision_published_at_once_keeps_no_schedule(make_article, editor):
    article = make_article(published_at=timezone.now() + timedelta(days=2))
    revision = article.revisions.get()
    revision.publish(editor)
    revision.refresh_from_db()
    assert (revision.state, revision.scheduled_for) == (RevisionState.PUBLISHED, None)


def test_a_revision_written_at_the_same_moment_as_the_live_one_is_not_older(
    article, editor, reviewer
):
    live = article.published_revision
    correction = article.start_revision(editor)
    correction.submit(editor)
    correction.approve(reviewer, what_changed="Checked against current guidance.")
    Revision.objects.filter(pk=correction.pk).update(created_at=live.created_at)
    correction.refresh_from_db()
    correction.publish(editor)
    article.refresh_from_db()
    assert article.published_revision == correction


# Which revision, which review: the orderings ------------------------------------------


def test_the_open_revision_is_the_newest_one_and_a_second_is_refused_by_its_title(
    make_article, editor
):
    article = make_article(approved=False)
    first = article.revisions.get()
    second = Revision.objects.create(
        article=article, title="Second draft", summary="S", body="B", created_by=editor
    )
    Revision.objects.filter(pk=first.pk).update(created_at=second.created_at)
    assert article.open_revision() == second, "written at the same moment: the later one"
    assert refusal(article.start_revision, editor) == (
        "This article already has a revision in progress: \u201cSecond draft\u201d.",
        "revision_in_progress",
    )
    Revision.objects.filter(pk=second.pk).update(created_at=second.created_at - timedelta(hours=1))
    assert article.open_revision() == first


def test_the_latest_revision_of_an_unpublished_article_goes_by_when_it_was_written(
    make_article, editor
):
    article = make_article(approved=False)
    first = article.revisions.get()
    second = Revision.objects.create(
        article=article, title="T", summary="S", body="B", created_by=editor
    )
    Revision.objects.filter(pk=first.pk).update(created_at=second.created_at)
    assert article.latest_revision() == second
    Revision.objects.filter(pk=second.pk).update(created_at=second.created_at - timedelta(hours=1))
    assert article.latest_revision() == first


def test_a_revisions_latest_review_goes_by_when_it_was_reviewed(
    make_article, reviewer, second_reviewer
):
    revision = make_article(publish=False).revisions.get()
    first = revision.latest_review()
    second = Review.objects.create(
        revision=revision,
        reviewer=second_reviewer,
        reviewer_name="Omar Okafor",
        credentials="RN",
        reviewed_at=first.reviewed_at,
    )
    assert revision.latest_review() == second, "reviewed at the same moment: the later one"
    Review.objects.filter(pk=second.pk).update(reviewed_at=first.reviewed_at - timedelta(days=1))
    assert revision.latest_review() == first


def test_a_diff_compares_with_the_latest_earlier_revision_a_reviewer_approved(
    article, editor, reviewer
):
    def revision(title, *, reviewed):
        made = Revision.objects.create(
            article=article, title=title, summary="S", body="B", created_by=editor
        )
        if reviewed:
            Review.objects.create(
                revision=made, reviewer=reviewer, reviewer_name="Nora Nurse", credentials="RN"
            )
        return made

    live = article.published_revision
    assert live.last_approved() is None, "not itself"
    unreviewed = revision("Never approved", reviewed=False)
    current = revision("Current", reviewed=True)
    later = revision("Written later", reviewed=True)
    assert unreviewed.last_approved() == live
    assert current.last_approved() == live
    assert later.last_approved() == current

    Revision.objects.filter(pk=live.pk).update(created_at=current.created_at)
    assert later.last_approved() == current, "written at the same moment: the later one"
    Revision.objects.filter(pk=current.pk).update(created_at=current.created_at - timedelta(days=1))
    assert later.last_approved() == live


# Who sees what in their queues -------------------------------------------------------


def test_a_revision_comes_back_to_the_reviewer_who_sent_it_back(draft, editor, reviewer):
    draft.submit(editor)
    draft.send_back(reviewer, "Add the dose.")
    draft.submit(editor)
    assert draft in Revision.objects.awaiting_review_by(reviewer)


def test_a_reviewer_never_sees_a_revision_they_wrote_in_their_queue(
    make_article, editor, second_reviewer
):
    article = make_article(approved=False)
    theirs = Revision.objects.create(
        article=article, title="T", summary="S", body="B", created_by=second_reviewer
    )
    Revision.objects.filter(pk=article.revisions.exclude(pk=theirs.pk).get().pk).update(
        state=RevisionState.SUPERSEDED
    )
    theirs.submit(editor)
    assert theirs not in Revision.objects.awaiting_review_by(second_reviewer)


def test_a_sent_back_revision_goes_to_its_writer_and_to_the_articles_editor(
    make_article, editor, reviewer
):
    pat = staff_member("pat", "Pat", "Page", EDITORS)
    lee = staff_member("lee", "Lee", "Lane", EDITORS)
    article = make_article(approved=False)
    article.editor = pat
    article.save()
    revision = article.revisions.get()
    revision.submit(editor)
    revision.send_back(reviewer, "Please cite a source.")
    assert revision in Revision.objects.sent_back_to(editor), "who wrote it"
    assert revision in Revision.objects.sent_back_to(pat), "the article's editor"
    assert revision not in Revision.objects.sent_back_to(lee)


def test_only_scheduled_revisions_whose_time_has_come_are_due(make_article, editor):
    now = timezone.now()
    due = make_article("due", published_at=now + timedelta(hours=1)).revisions.get()
    later = make_article("later", published_at=now + timedelta(hours=3)).revisions.get()
    waiting = make_article("waiting", published_at=now + timedelta(hours=1)).revisions.get()
    waiting.cancel_schedule(editor)
    Revision.objects.filter(pk=waiting.pk).update(scheduled_for=now + timedelta(hours=1))
    soon = now + timedelta(hours=2)
    assert list(Revision.objects.due_for_publishing(soon)) == [due]
    assert later not in Revision.objects.due_for_publishing(soon)


def test_articles_due_for_review_within_some_days_include_those_due_on_the_last_day(article):
    Article.objects.filter(pk=article.pk).update(
        next_review_due=timezone.localdate() + timedelta(days=10)
    )
    assert article in Article.objects.review_due_within(10)
    assert article in Article.objects.review_due_within(30)
    assert article not in Article.objects.review_due_within(9)


# What readers see in lists ------------------------------------------------------------


def test_listings_put_the_latest_published_first_and_the_newer_article_on_a_tie(make_article):
    when = timezone.now() - timedelta(days=1)
    first = make_article("first", published_at=when)
    older = make_article("older", published_at=when - timedelta(days=1))
    same_time = make_article("same-time", published_at=when)
    assert list(Article.objects.published().for_listing()) == [same_time, first, older]


def test_a_condition_counts_only_the_articles_readers_can_see(make_article, condition):
    make_article("live")
    make_article("a-draft", approved=False)
    make_article("tomorrow", published_at=timezone.now() + timedelta(days=1))
    assert Condition.objects.with_article_counts().get(pk=condition.pk).article_count == 1


def test_an_article_is_named_by_its_live_title_or_else_its_slug(make_article):
    assert str(make_article()) == "What is hemifacial spasm?"
    assert str(make_article("not-yet", approved=False)) == "not-yet"


def test_a_citation_ends_each_part_with_one_stop():
    def citation(source, title):
        return Reference(source=source, title=title, accessed_on=date(2011, 12, 5)).citation

    assert citation("Mayo Clinic.", "Is it serious?") == (
        "Mayo Clinic. Is it serious? Web. 5 December 2011."
    )
    assert citation("NHS", "Act fast!") == "NHS. Act fast! Web. 5 December 2011."


def test_the_average_rating_is_shown_to_one_decimal(article):
    for key, stars in (("a", 1), ("b", 2), ("c", 2)):
        article.rate(key, stars)
    summary = article.rating_summary()
    assert (summary.average, summary.count) == (1.7, 3)


# Reviews in date ---------------------------------------------------------------------


def test_a_revision_without_a_review_has_no_current_review(draft):
    assert draft.review_is_current() is False


def test_a_review_is_current_up_to_and_including_the_day_it_runs_out(make_article):
    revision = make_article(publish=False).revisions.get()
    today = timezone.localdate()
    reviewed_on = today - timedelta(days=300)
    while add_months(reviewed_on, 12) != today:
        reviewed_on -= timedelta(days=1)
    noon = timezone.make_aware(timezone.datetime.combine(reviewed_on, timezone.datetime.min.time()))
    Review.objects.filter(revision=revision).update(reviewed_at=noon + timedelta(hours=12))
    assert revision.review_is_current() is True
    Review.objects.filter(revision=revision).update(
        reviewed_at=noon + timedelta(hours=12) - timedelta(days=1)
    )
    assert revision.review_is_current() is False


def test_a_review_runs_out_its_conditions_interval_after_the_local_day_it_was_made(
    condition, settings
):
    # 23:30 in London on 31 August is already 1 September in Auckland.
    reviewed_at = timezone.datetime(2026, 8, 31, 23, 30, tzinfo=timezone.UTC)
    settings.ARTICLE_REVIEW_INTERVAL_MONTHS = 3
    with timezone.override("UTC"):
        assert review_due_on(reviewed_at, condition) == date(2026, 11, 30)
    with timezone.override("Pacific/Auckland"):
        assert review_due_on(reviewed_at, condition) == date(2026, 12, 1)
    condition.review_interval_months = 6
    with timezone.override("UTC"):
        assert review_due_on(reviewed_at, condition) == date(2027, 2, 28)


# The pieces the admin builds on -------------------------------------------------------


def test_a_new_article_is_saved_with_its_first_draft_and_its_references(condition, editor):
    article = Article(slug="new", condition=condition, author=editor, editor=editor)
    references = [
        {"source": f"Source {n}", "title": f"Title {n}", "accessed_on": date(2026, 1, 2)}
        for n in range(2)
    ]
    revision = article.save_with_draft(
        editor, title="New", summary="Short.", body="**Bold**", references=references
    )
    assert Article.objects.get(slug="new").revisions.get() == revision
    assert (revision.title, revision.summary, revision.body, revision.created_by) == (
        "New",
        "Short.",
        "**Bold**",
        editor,
    )
    assert (revision.state, revision.body_html) == (
        RevisionState.DRAFT,
        "<p><strong>Bold</strong></p>",
    )
    assert list(revision.references.values_list("position", "source", "title")) == [
        (0, "Source 0", "Title 0"),
        (1, "Source 1", "Title 1"),
    ]
    created = revision.events.get()
    assert (created.action, created.actor, created.article) == (
        ArticleEvent.Action.CREATED,
        editor,
        article,
    )


def test_an_article_whose_draft_cannot_be_saved_is_not_saved_either(condition, editor):
    article = Article(slug="half", condition=condition, author=editor, editor=editor)
    with pytest.raises(IntegrityError):
        article.save_with_draft(
            editor, title="T", summary="S", body="B", references=[{"source": "S", "title": "T"}]
        )
    assert not Article.objects.filter(slug="half").exists()
    assert not Revision.objects.exists()


def test_each_article_comes_with_the_latest_review_of_its_live_text(
    make_article, editor, second_reviewer
):
    article = make_article()
    unpublished = make_article("unpublished", publish=False)
    live = article.published_revision
    nora = live.latest_review()
    renewal = Review.objects.create(
        revision=live,
        reviewer=second_reviewer,
        reviewer_name="Omar Okafor",
        credentials="RN",
        reviewed_at=nora.reviewed_at,
    )
    correction = article.start_revision(editor)
    correction.submit(editor)
    correction.approve(second_reviewer, what_changed="Checked against current guidance.")
    Review.objects.filter(revision=correction).update(reviewed_at=timezone.now() + timedelta(1))

    def annotated(which):
        found = Article.objects.with_last_review().get(pk=which.pk)
        return found.last_reviewed, found.last_reviewer_name

    assert annotated(article) == (renewal.reviewed_at, "Omar Okafor"), "same moment: the later"
    Review.objects.filter(pk=renewal.pk).update(reviewed_at=nora.reviewed_at - timedelta(days=1))
    assert annotated(article) == (nora.reviewed_at, "Nora Nurse")
    assert annotated(unpublished) == (None, None)


def test_an_editor_may_start_a_revision_only_when_none_is_open_and_unpublish_a_live_one(
    make_article, editor, reviewer
):
    article = make_article()
    assert article.available_steps(editor) == ["start_revision", "unpublish"]
    assert article.available_steps(reviewer) == ["start_revision"]  # from what readers report
    article.start_revision(editor)
    assert article.available_steps(editor) == ["unpublish"]
    assert article.available_steps(reviewer) == []
    not_live = make_article("not-live", approved=False)
    assert not_live.available_steps(editor) == []


@pytest.mark.parametrize(
    ("permission", "steps"),
    [("add_revision", ["start_revision"]), ("publish_revision", ["unpublish"])],
)
def test_each_article_step_needs_its_own_permission(article, permission, steps):
    someone = get_user_model().objects.create_user("sam", is_staff=True)
    someone.user_permissions.add(Permission.objects.get(codename=permission))
    assert article.available_steps(someone) == steps


def test_a_nurse_who_only_started_a_revision_may_still_approve_it(article, editor, reviewer):
    revision = article.start_revision(reviewer)  # a copy of the live text: she wrote nothing
    revision.body = "Fixed the broken link."
    revision.save()
    revision.record_edit(editor)
    revision.submit(editor)
    assert reviewer.pk not in revision.contributors()
    revision.approve(reviewer, what_changed="Replaced a broken link.")


def test_a_nurse_who_edited_a_revision_may_not_approve_it(article, editor, reviewer):
    revision = article.start_revision(editor)
    revision.record_edit(reviewer)
    revision.submit(editor)
    with pytest.raises(WorkflowError) as refused:
        revision.approve(reviewer, what_changed="Changed it myself.")
    assert refused.value.code == "four_eyes"
