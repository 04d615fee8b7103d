from django.contrib import admin
from django.urls import include, path

from staff import passkeys, views

app_name = "staff"

# Mounted under admin/, before the admin's own URLs: login/ replaces its login page.
urlpatterns = [
    path("login/", views.login, name="login"),
    path("sign-in/confirm/", views.verify, name="verify"),
    path("sign-in/enrol/", views.enrol, name="enrol"),
    path("sign-in/backup-codes/", views.backup_codes, name="backup_codes"),
    path("sign-in/methods/", views.methods, name="methods"),
    path(
        "sign-in/methods/<path:persistent_id>/remove/",
        views.remove_method,
        name="remove_method",
    ),
    path(
        "auth/user/<int:user_pk>/reset-second-factor/",
        admin.site.admin_view(views.reset_factors),
        name="reset_factors",
    ),
]

# django-otp-webauthn's templates find these by its own namespace.
passkey_urls = include((passkeys.urlpatterns, "otp_webauthn"))
