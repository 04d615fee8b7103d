import hmac

from django.conf import settings
from django.contrib import messages
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from empower.headers import noindex
from empower.origin import same_origin_post
from empower.ratelimit import allow
from empower.visitors import address_key, keyed_hash
from newsletter import bounces, emails
from newsletter.forms import PreferencesForm, SignupForm
from newsletter.models import Follow, LinkError, Subscriber
from newsletter.tasks import send_signup_email


@noindex
@same_origin_post
def subscribe(request):
    """Sign up for the newsletter or condition updates (double opt-in).

    Whether the address is new, pending or already subscribed, the visitor sees
    the same "check your inbox" page, so the form reveals nothing about who
    subscribes. The sign-up boxes on shared pages post here without a CSRF token:
    a forged sign-up only sends a confirmation email. Template: newsletter/subscribe.html.
    """
    form = SignupForm(request.POST or None, initial={"source": request.GET.get("from", "")})
    if request.method == "POST":
        if form.is_valid() and within_signup_limits(request, form.cleaned_data["email"]):
            _sign_up(form.cleaned_data)
            return redirect("newsletter:check_inbox")
        if form.is_valid():
            form.add_error(
                None, "You have signed up several times in the last hour. Please try later."
            )
        return render(request, "newsletter/subscribe.html", {"form": form}, status=400)
    return render(request, "newsletter/subscribe.html", {"form": form})


def within_signup_limits(request, email: str) -> bool:
    """Sign-ups and follows from one address, or for one email, per hour."""
    limit = settings.NEWSLETTER_SIGNUPS_PER_HOUR
    return allow(
        "signup:address", address_key(request, "signup"), limit=limit, window_seconds=3600
    ) and allow(
        "signup:email", keyed_hash("signup-email", email.lower()), limit=limit, window_seconds=3600
    )


def _sign_up(data) -> None:
    email = data["email"].strip().lower()
    try:
        with transaction.atomic():
            subscriber, _created = Subscriber.objects.get_or_create(email=email)
    except IntegrityError:  # the same address, sent twice at the same moment
        subscriber = Subscriber.objects.get(email=email)
    _sign_up_subscriber(subscriber, data)


@transaction.atomic
def _sign_up_subscriber(subscriber, data) -> None:
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status == Subscriber.Status.BOUNCED:
        return  # their mail bounces or they complained: send nothing
    if subscriber.status != Subscriber.Status.CONFIRMED:
        subscriber.status = Subscriber.Status.PENDING
        subscriber.wants_newsletter = data["newsletter"]
        subscriber.source = data["source"] or "signup form"
        subscriber.save()
        subscriber.conditions.set(data["conditions"])
    # A confirmation, or a "manage your subscription" link for the confirmed. The
    # database backend stores the task in this transaction, so no worker can
    # run it before the change above is committed.
    send_signup_email.enqueue(subscriber.pk)


@noindex
def check_inbox(request):
    """Template: newsletter/check_inbox.html."""
    return render(
        request, "newsletter/check_inbox.html", {"confirm_days": settings.NEWSLETTER_CONFIRM_DAYS}
    )


@never_cache
def confirm(request, token):
    """The link in the confirmation email: a page with one button, so that mail
    scanners that open links don't subscribe anyone. Template: newsletter/confirm.html."""
    try:
        subscriber = Subscriber.from_confirm_token(token)
    except LinkError as error:
        return _bad_link(request, error)
    if subscriber.is_confirmed:
        return render(
            request, "newsletter/confirmed.html", {"subscriber": subscriber, "already": True}
        )
    if subscriber.status != Subscriber.Status.PENDING:
        # Unsubscribed (or bounced) since: an old link must not sign them up again.
        return _bad_link(request, LinkError("invalid"))
    if request.method == "POST":
        subscriber.confirm(address_hash=address_key(request, "consent"))
        return render(request, "newsletter/confirmed.html", {"subscriber": subscriber})
    return render(
        request,
        "newsletter/confirm.html",
        {"subscriber": subscriber, "consent_text": subscriber.consent_text()},
    )


@never_cache
def preferences(request, token):
    """Change topics, leave, or ask for a link to download or delete everything.

    The link is in every email and never expires, so it opens no data beyond
    the topics: downloading and deleting need a fresh emailed link.
    Template: newsletter/preferences.html.
    """
    try:
        subscriber = Subscriber.from_token(token)
    except LinkError as error:
        return _bad_link(request, error)
    form = PreferencesForm(
        request.POST or None,
        initial={
            "newsletter": subscriber.wants_newsletter,
            "conditions": list(subscriber.conditions.all()),
            "discreet": subscriber.discreet,
        },
    )
    if request.method == "POST":
        if "data_link" in request.POST:
            _send_data_link(request, subscriber)
            return redirect(request.path)
        if "stop_follow" in request.POST:
            _stop_follow(request, subscriber)
            return redirect(request.path)
        if "unsubscribe" in request.POST:
            subscriber.unsubscribe(
                source="preferences page", address_hash=address_key(request, "consent")
            )
            messages.success(
                request, "You are unsubscribed from everything. We won't email you again."
            )
            return redirect(request.path)
        if form.is_valid():
            subscriber.set_topics(
                newsletter=form.cleaned_data["newsletter"],
                conditions=form.cleaned_data["conditions"],
                address_hash=address_key(request, "consent"),
            )
            subscriber.discreet = form.cleaned_data["discreet"]
            subscriber.save(update_fields=["discreet"])
            messages.success(request, "Your choices are saved.")
            return redirect(request.path)
    follows = subscriber.follows.active().prefetch_related("target")
    return render(
        request,
        "newsletter/preferences.html",
        {"subscriber": subscriber, "form": form, "follows": follows},
    )


def _stop_follow(request, subscriber) -> None:
    pk = request.POST["stop_follow"]
    follow = subscriber.follows.filter(pk=pk).first() if pk.isdigit() else None
    if follow and follow.stop(
        source="preferences page", address_hash=address_key(request, "consent")
    ):
        messages.success(request, f"Stopped: {follow.label()}. We won't email you about it again.")


def _send_data_link(request, subscriber) -> None:
    if allow(
        "data-link", keyed_hash("data-link", str(subscriber.pk)), limit=3, window_seconds=3600
    ):
        emails.send_data_link(subscriber)
    messages.success(
        request,
        f"We've emailed you a link to download or delete your data. "
        f"It works for {settings.NEWSLETTER_DATA_LINK_DAYS} days.",
    )


@never_cache
def your_data(request, token):
    """Download or delete everything we keep about a subscriber, from a fresh
    emailed link. An expired link offers to send a new one.

    Template: newsletter/your_data.html.
    """
    try:
        subscriber = Subscriber.from_data_token(token)
    except LinkError as error:
        if error.reason == "expired" and "resend" in request.POST:
            subscriber = Subscriber.from_data_token(token, even_if_expired=True)
            _send_data_link(request, subscriber)
            return redirect(request.path)
        return _bad_link(request, error, resend=error.reason == "expired")
    if request.GET.get("download"):
        response = JsonResponse(subscriber.export(), json_dumps_params={"indent": 2})
        response["Content-Disposition"] = 'attachment; filename="empower-subscription.json"'
        return response
    if request.method == "POST" and "delete" in request.POST:
        subscriber.delete()
        return render(request, "newsletter/deleted.html")
    return render(request, "newsletter/your_data.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token
def unsubscribe(request, token):
    """One-click unsubscribe. POST unsubscribes at once; GET asks with one button.

    Template: newsletter/unsubscribe.html.
    """
    try:
        subscriber = Subscriber.from_token(token)
    except LinkError as error:
        return _bad_link(request, error)
    if request.method == "POST":
        subscriber.unsubscribe(
            source="one-click unsubscribe", address_hash=address_key(request, "consent")
        )
        return render(
            request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "done": True}
        )
    return render(request, "newsletter/unsubscribe.html", {"subscriber": subscriber})


@never_cache
@csrf_exempt  # RFC 8058: mail clients POST here without a session or a CSRF token
def stop_follow(request, token):
    """One-click stop for one follow. POST stops it at once; GET asks with one button.

    Template: newsletter/stop_follow.html.
    """
    try:
        follow = Follow.from_token(token)
    except LinkError as error:
        return _bad_link(request, error)
    if request.method == "POST":
        follow.stop(source="one-click stop", address_hash=address_key(request, "consent"))
    context = {"follow": follow, "done": not follow.is_active or request.method == "POST"}
    return render(request, "newsletter/stop_follow.html", context)


def _bad_link(request, error: LinkError, *, resend: bool = False):
    """Template: newsletter/bad_link.html (with a button to send a new link when `resend`)."""
    context = {
        "reason": error.reason,
        "resend": resend,
        "confirm_days": settings.NEWSLETTER_CONFIRM_DAYS,
    }
    return render(request, "newsletter/bad_link.html", context, status=400)


@csrf_exempt
@require_POST
def bounce_webhook(request):
    """Bounces and complaints from the email provider, as JSON:
    [{"email": "...", "type": "hard" | "soft" | "complaint"}, ...].

    Authenticated with `Authorization: Bearer <NEWSLETTER_WEBHOOK_TOKEN>`.
    """
    expected = settings.NEWSLETTER_WEBHOOK_TOKEN
    if not expected:
        raise Http404("Bounce webhook is not configured.")
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    if not hmac.compare_digest(given.encode(), expected.encode()):
        return HttpResponse("Unauthorized", status=401)
    try:
        events = bounces.parse_events(request.body)
    except bounces.NotAReport as error:
        return HttpResponse(str(error), status=400, content_type="text/plain")
    return JsonResponse(bounces.record_events(events))
