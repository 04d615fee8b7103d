from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from articles.models import Condition
from comments.models import ModerationError, Status
from comments.submissions import SubmissionView
from comments.views import tell_about_report
from community.emails import send_asker_link
from community.forms import (
    AcceptForm,
    AnswerForm,
    QuestionForm,
    ReportForm,
    StaffAnswerForm,
)
from community.models import Answer, Question
from community.similar import related_questions, similar_questions
from community.structured_data import qa_page
from empower.links import LinkError
from empower.origin import same_origin_post
from empower.pagecache import public_page, shared_with_everyone
from empower.queries import QueryForm, page_field, slug_field
from empower.visitors import address_key
from newsletter.forms import FollowForm
from newsletter.models import follow_by_email
from newsletter.views import within_signup_limits

QUESTIONS_PER_PAGE = 20
FILTERS = {
    "unanswered": "Unanswered",
    "nurse": "Answered by a nurse",
}


class Filters(QueryForm):
    condition = slug_field()
    show = forms.ChoiceField(required=False, choices=[("", "All"), *FILTERS.items()], initial="")
    page = page_field()


@public_page("community", query=("condition", "show", "page"))
def home(request):
    """Approved questions, newest first, filtered and paginated.

    Template: community/home.html.
    """
    wanted = Filters.read(request)
    questions = Question.objects.for_listing()
    condition = None
    if wanted["condition"]:
        condition = Condition.objects.filter(slug=wanted["condition"]).first()
        questions = questions.filter(condition=condition) if condition else questions.none()
    if wanted["show"] == "unanswered":
        questions = questions.unanswered()
    elif wanted["show"] == "nurse":
        questions = questions.answered_by_a_nurse()
    page = Paginator(questions, QUESTIONS_PER_PAGE).get_page(wanted["page"])
    return render(
        request,
        "community/home.html",
        {
            "page": page,
            "conditions": Condition.objects.listed(),
            "condition": condition,
            "shown": wanted["show"],
            "filters": FILTERS,
        },
    )


class AskFilters(QueryForm):
    condition = slug_field()


@public_page("community")
def question_detail(request, pk, slug):
    """One approved question with its approved answers, expert answers first,
    which nurses' answers may be out of date, and related questions; a question
    closed as a duplicate points to the other.

    Template: community/question_detail.html.
    """
    question = get_object_or_404(
        Question.objects.approved().select_related("condition", "duplicate_of"), pk=pk
    )
    if slug != question.slug:
        return redirect(question, permanent=True)
    # Through the question, so each answer knows it (and its condition) without a query.
    answers = list(question.answers.for_question_page())
    today = timezone.localdate()
    out_of_date = {answer.pk for answer in answers if answer.may_be_out_of_date(today)}
    staff_form = None
    staff = Question.STAFF_REPLY_PERMISSION
    if not shared_with_everyone(request) and request.user.has_perm(staff):
        staff_form = StaffAnswerForm(question=question)
    return render(
        request,
        "community/question_detail.html",
        {
            "question": question,
            "answers": answers,
            "out_of_date": out_of_date,
            "staff_form": staff_form,
            "related": related_questions(question),
            "structured_data": qa_page(question, answers),
        },
    )


class AskView(SubmissionView):
    """Ask the community. Template: community/ask.html (partial #question-form)."""

    form_class = QuestionForm
    template_name = "community/ask.html"
    partial_name = "question-form"
    thanks = "Thanks — your question will appear once a moderator approves it."

    def get_subject(self):
        slug = AskFilters.read(self.request)["condition"]
        return Condition.objects.filter(slug=slug).first() if slug else None

    def get_form_kwargs(self, condition):
        return {"condition": condition}

    def get_success_url(self, condition, question):
        return "community:home"

    def get_context_data(self, condition, **context):
        return {"condition": condition, **context}

    def hold_back(self, form, condition):
        """The first time, questions like it are shown with "Ask it anyway", and
        nothing is stored; never to someone who may be in danger (help comes first).
        The CAPTCHA was used up, so the form asks again: no token to replay."""
        if form.cleaned_data["confirmed"] or form.crisis_terms:
            return None
        similar = similar_questions(form.cleaned_data["title"])
        if not similar:
            return None
        form.ask_to_confirm()
        return self.render(condition, form, similar=similar)


class AnswerView(SubmissionView):
    """Answer an approved question. Template: community/answer.html (partial #answer-form)."""

    form_class = AnswerForm
    template_name = "community/answer.html"
    partial_name = "answer-form"
    thanks = "Thanks — your answer will appear once a moderator approves it."

    def get_subject(self):
        return get_object_or_404(Question.objects.approved(), pk=self.kwargs["pk"])

    def is_open(self, question):
        # Closed as a duplicate: answers belong on the question it points to.
        return not question.is_closed

    def get_form_kwargs(self, question):
        return {"question": question}

    def extra_fields(self, question):
        return {"question": question}

    def get_success_url(self, question, answer):
        return f"{question.get_absolute_url()}#answers"

    def get_context_data(self, question, **context):
        return {"question": question, **context}


@require_POST
def staff_answer(request, pk):
    """A nurse reviewer or editor answers from the site; published at once.

    Someone whose staff session ended meanwhile is sent to sign in, and back to
    the question afterwards.
    """
    question = get_object_or_404(Question.objects.approved(), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(question.get_absolute_url())
    form = StaffAnswerForm(request.POST, question=question)
    if not form.is_valid():
        messages.error(request, "Write an answer of up to 5,000 characters.")
        return redirect(question)
    try:
        answer = question.answer_as_staff(request.user, form.cleaned_data["body"])
    except ModerationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return redirect(question)
    messages.success(request, "Your expert answer is published.")
    return redirect(answer)


@require_POST
@same_origin_post
def follow(request, pk):
    """ "Email me when it gets an answer", from the plain form on a question's page.

    Whatever the address (new, waiting for confirmation, confirmed), the reader
    sees the same message, so the form reveals nothing about who follows what.
    """
    question = get_object_or_404(Question.objects.approved().open(), pk=pk)
    form = FollowForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Enter an email address like name@example.com.")
    elif not within_signup_limits(request, form.cleaned_data["email"]):
        messages.error(
            request, "You have signed up several times in the last hour. Please try later."
        )
    else:
        follow_by_email(
            form.cleaned_data["email"],
            question,
            discreet=form.cleaned_data["discreet"],
            source=question.get_absolute_url(),
            address_hash=address_key(request, "consent"),
        )
        messages.success(
            request,
            "Thanks. If this address is new to us, check your inbox for a link to confirm it. "
            "We'll email you when this question gets an answer.",
        )
    return redirect(f"{question.get_absolute_url()}#follow")


@require_POST
@same_origin_post
def helpful(request, pk):
    """A reader marks an answer as helpful, once."""
    answer = get_object_or_404(
        Answer.objects.approved()
        .filter(question__status=Status.APPROVED)
        .select_related("question"),
        pk=pk,
    )
    if answer.vote_helpful(request.visitor.key("helpful", create=True)):
        messages.success(request, "Thanks for letting others know this helped.")
    else:
        messages.info(request, "You have already marked this answer as helpful.")
    return redirect(answer)


@require_POST
@same_origin_post
def report(request):
    """A reader reports an approved question or a reader's answer, once, as they do
    a comment (`comments.views.report`): the question page's Report buttons share
    one form and name the post, with no token. Expert answers can't be reported away.
    """
    form = ReportForm(request.POST)
    if not form.is_valid():
        raise Http404("No such post.")
    if answer_pk := form.cleaned_data["answer"]:
        public = Answer.objects.approved().filter(is_expert=False, question__status=Status.APPROVED)
        item = get_object_or_404(public.select_related("question"), pk=answer_pk)
        noun, question = "answer", item.question
    else:
        item = question = get_object_or_404(
            Question.objects.approved(), pk=form.cleaned_data["question"]
        )
        noun = "question"
    tell_about_report(request, item, noun)
    # Hidden by this report, the question's page is gone: back to the list.
    return redirect(question if question.is_public else "community:home")


@never_cache
def asker(request, token):
    """The asker's private page, from the link in their email: accept an answer, stop emails.

    Template: community/asker.html; a wrong, tampered or expired link gets
    community/bad_link.html (an expired one offers to email a new link).
    """
    try:
        question = Question.from_asker_token(token)
    except LinkError as error:
        if error.reason == "expired" and "resend" in request.POST:
            send_asker_link(Question.from_asker_token(token, even_if_expired=True))
            messages.success(request, "We've emailed you a new link.")
            return redirect(request.path)
        context = {"reason": error.reason}
        return render(request, "community/bad_link.html", context, status=400)
    if request.method == "POST":
        if "stop_emails" in request.POST:
            question.stop_emails()
            messages.success(request, "Done: we won't email you about this question again.")
            return redirect(request.path)
        form = AcceptForm(request.POST, question=question)
        if form.is_valid():
            question.accept(form.cleaned_data["answer"])
            messages.success(request, "Thank you. We marked it as the answer that helped.")
        else:
            messages.error(request, "Choose one of the published answers to your question.")
        return redirect(request.path)
    answers = Answer.objects.for_question_page().filter(question=question)
    return render(request, "community/asker.html", {"question": question, "answers": answers})
