"""Staff sign-in pages: password, then a second factor; enrolment; sign-in methods."""

import segno
from django.conf import settings
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_POST
from django_otp import login as otp_login
from django_otp.plugins.otp_totp.models import TOTPDevice

from empower.ratelimit import allow
from empower.visitors import keyed_hash
from staff import signin
from staff.forms import AppSetupForm, CodeForm, ResetForm
from staff.models import (
    FactorReset,
    add_authenticator_app,
    describe,
    has_passkey,
    has_second_factor,
    make_backup_codes,
    new_app_key,
    remaining_backup_codes,
    remove_factor,
    sign_in_methods,
)


def _admin_context(request, title, **context):
    from django.contrib import admin

    return {**admin.site.each_context(request), "title": title, **context}


@sensitive_post_parameters()
@csrf_protect
@never_cache
def login(request):
    """Step one: username and password. Replaces the admin's login page.

    Too many wrong passwords lock the username and the address out (django-axes
    answers with staff/locked_out.html). Template: staff/login.html.
    """
    next_url = signin.safe_next(request, request.POST.get("next") or request.GET.get("next"))
    if request.user.is_authenticated:
        return redirect(next_url)
    form = AdminAuthenticationForm(request, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.get_user()
        signin.begin(request, user, next_url)
        return redirect("staff:verify" if has_second_factor(user) else "staff:enrol")
    context = _admin_context(request, "Sign in", form=form, next=next_url)
    return render(request, "staff/login.html", context)


def _pending_or_restart(request):
    user = signin.pending_user(request)
    if user is None:
        messages.info(request, "Signing in took too long. Please start again.")
    return user


@sensitive_post_parameters()
@never_cache
def verify(request):
    """Step two: a passkey, a code from the authenticator app, or a backup code.

    Template: staff/verify.html.
    """
    user = _pending_or_restart(request)
    if user is None:
        return redirect("admin:login")
    if not has_second_factor(user):
        return redirect("staff:enrol")
    form = CodeForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        return redirect(signin.safe_next(request, signin.complete(request, user, form.device)))
    context = _admin_context(
        request, "Confirm it’s you", form=form, has_passkey=has_passkey(user), signing_in=user
    )
    return render(request, "staff/verify.html", context)


def _enrolling_user(request):
    """Who is adding a second factor: a signed-in staff member, or someone
    half-way through their first sign-in who has none yet."""
    if request.user.is_authenticated:
        return request.user
    user = _pending_or_restart(request)
    if user is not None and has_second_factor(user):
        return None  # they must use the factor they have
    return user


@never_cache
def enrol(request):
    """Add a passkey (preferred) or an authenticator app. A staff member without
    a second factor comes here straight after their password, before anything
    else. Template: staff/enrol.html.
    """
    user = _enrolling_user(request)
    if user is None:
        return redirect("admin:login")
    # The key lives in this session until the app proves it has it: reloading
    # keeps the QR code already scanned, and nobody else ever sees it.
    key = request.session.setdefault(signin.ENROL_KEY, new_app_key())
    form = AppSetupForm(key, request.POST or None)
    if request.method == "POST" and not _enrol_attempt_allowed(user):
        form.is_valid()
        form.add_error(None, "Too many tries. Wait ten minutes, then type the newest code.")
    elif request.method == "POST" and form.is_valid():
        device = add_authenticator_app(user, key, form.step)
        request.session.pop(signin.ENROL_KEY)
        if request.user.is_authenticated:
            messages.success(request, "Your authenticator app is added.")
            return redirect("staff:methods")
        signin.complete(request, user, device)
        return redirect("staff:backup_codes")
    device = TOTPDevice(user=user, key=key)  # not saved: for its QR code and key
    context = _admin_context(
        request,
        "Add a second way to sign in",
        form=form,
        user_enrolling=user,
        first_time=not request.user.is_authenticated,
        qr_svg=_qr_svg(device),
        app_key=" ".join(_key_groups(device)),
        after_passkey=reverse(
            "staff:methods" if request.user.is_authenticated else "staff:backup_codes"
        ),
    )
    return render(request, "staff/enrol.html", context)


def _enrol_attempt_allowed(user) -> bool:
    return allow("enrol", keyed_hash("enrol", str(user.pk)), limit=10, window_seconds=600)


def _qr_svg(device) -> str:
    svg = segno.make(device.config_url, error="m").svg_inline(
        scale=5, title="QR code for your authenticator app"
    )
    # segno draws the code as rectangles: no text anyone typed goes into the SVG.
    return mark_safe(svg)  # noqa: S308


def _key_groups(device) -> list[str]:
    from base64 import b32encode

    key = b32encode(device.bin_key).decode()
    return [key[i : i + 4] for i in range(0, len(key), 4)]


@login_required
@never_cache
def backup_codes(request):
    """One-time codes for the day the phone or key is lost; made (and shown, once)
    on a POST. Template: staff/backup_codes.html."""
    codes = make_backup_codes(request.user) if request.method == "POST" else None
    context = _admin_context(
        request,
        "Backup codes",
        codes=codes,
        remaining=remaining_backup_codes(request.user),
    )
    return render(request, "staff/backup_codes.html", context)


@login_required
@never_cache
def methods(request):
    """Your passkeys, authenticator apps and backup codes. Template: staff/methods.html."""
    context = _admin_context(
        request,
        "Your sign-in methods",
        methods=sign_in_methods(request.user),
        remaining=remaining_backup_codes(request.user),
    )
    return render(request, "staff/methods.html", context)


@login_required
@require_POST
def remove_method(request, persistent_id):
    """Remove one of your own factors; never the last passkey or app."""
    chosen = [m for m in sign_in_methods(request.user) if m.persistent_id == persistent_id]
    if not chosen:
        raise Http404("No such sign-in method.")
    if remove_factor(request.user, chosen[0]):
        if getattr(request.user.otp_device, "persistent_id", None) == persistent_id:
            # This session was verified by it; let another of theirs vouch for it.
            otp_login(request, sign_in_methods(request.user)[0])
        messages.success(request, f"{describe(chosen[0])} removed.")
    else:
        messages.error(request, "Add another passkey or app first: this is your last one.")
    return redirect("staff:methods")


def locked_out(request, original_response=None, credentials=None):
    """What django-axes answers while an account or address is locked out: the
    same words whether or not the username exists."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = _admin_context(request, "Signing in is paused", minutes=minutes)
    return render(request, "staff/locked_out.html", context, status=429)


@never_cache
def reset_factors(request, user_pk):
    """A superuser removes someone's lost factors; recorded as a FactorReset.

    Template: admin/confirm_step.html (the admin's confirmation page).
    """
    if not request.user.is_superuser:
        raise PermissionDenied
    user = get_object_or_404(get_user_model(), pk=user_pk)
    change_url = reverse("admin:auth_user_change", args=[user.pk])
    form = ResetForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            FactorReset.reset(by=request.user, user=user, reason=form.cleaned_data["reason"])
        except PermissionDenied as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(
                request, f"{user.get_username()} will set up a new second factor at next sign-in."
            )
        return redirect(change_url)
    context = _admin_context(
        request,
        f"Reset {user.get_username()}’s second factor",
        form=form,
        original=user,
        opts=user._meta,
        label="Reset second factor",
        change_url=change_url,
        methods=sign_in_methods(user),
    )
    return render(request, "staff/reset.html", context)
