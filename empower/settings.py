"""Empower's settings, read from the environment.

Every variable is optional for a developer on their own machine: the defaults
give a working site on SQLite with email printed to the console. With DEBUG
off, the values a public site must choose (SECRET_KEY, ALLOWED_HOSTS) are
required, and a malformed value stops start-up with one line naming it.
"""

import shutil
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from django.utils.csp import CSP

from empower.env import (
    env_bool,
    env_choice,
    env_database,
    env_int,
    env_list,
    env_mailer,
    env_required,
    env_str,
    env_time_zone,
    env_url,
)

BASE_DIR = Path(__file__).resolve().parent.parent

DEBUG = env_bool("DEBUG", False)

if DEBUG:
    SECRET_KEY = env_str("SECRET_KEY") or "insecure-key-for-local-development-only"
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
else:
    SECRET_KEY = env_required("SECRET_KEY", why="when DEBUG is off")
    ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
    if not ALLOWED_HOSTS:
        ALLOWED_HOSTS = [env_required("ALLOWED_HOSTS", why="when DEBUG is off")]

SITE_NAME = env_str("SITE_NAME", "Empower")
SITE_DESCRIPTION = (
    "Trustworthy, nurse-reviewed articles about health conditions, "
    "and a community to talk them through."
)
# The public address, for links in emails (no trailing slash).
SITE_URL = env_url("SITE_URL", schemes=["http", "https"]).rstrip("/") or "http://localhost:8000"

INSTALLED_APPS = [
    "empower.apps.EmpowerAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.forms",
    "django.contrib.postgres",
    "django.contrib.sitemaps",
    "crispy_forms",
    "crispy_bootstrap5",
    "captcha",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",
    "axes",
    "staff",
    "images",
    "articles",
    "comments",
    "community",
    "newsletter",
    "search",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "empower.headers.ResourcePolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "empower.compression.PublicGZipMiddleware",
    # Before sessions and CSRF: a reader served from the cache costs neither.
    "empower.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A page at an old slug answers with a permanent redirect to its new one.
    "empower.moved.MovedMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "staff.middleware.StaffSessionMiddleware",
    "empower.visitors.VisitorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so it can turn a refused sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "empower.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "empower.context_processors.site",
            ],
            # empower/ is not an app (its admin config is), so its tags are named here.
            "libraries": {
                "admin_tables": "empower.templatetags.admin_tables",
                "dates": "empower.templatetags.dates",
                "notices": "empower.templatetags.notices",
            },
        },
    },
]

# Widgets render through TEMPLATES, so templates/ can restyle one (the CAPTCHA).
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

WSGI_APPLICATION = "empower.wsgi.application"

DATABASES = {"default": env_database("DATABASE_URL", f"sqlite:///{BASE_DIR / 'empower.sqlite3'}")}

# One cache for every app server, because rate limits and sign-in lockouts
# live in it: Redis when REDIS_URL is set; otherwise, with DEBUG off, a table
# in the database (`manage.py createcachetable`), which every gunicorn worker
# and machine shares; memory only for a developer's single process.
REDIS_URL = env_url("REDIS_URL", schemes=["redis", "rediss"])
# Public pages live apart (CACHES["pages"]), so that a flood of them can't push
# out a rate limit or a lockout: in Redis under their own prefix, in a table
# and in memory of their own.
PAGE_CACHE_ENTRIES = env_int("PAGE_CACHE_ENTRIES", 2000, minimum=10)
# Without Redis, with DEBUG off: tables in the database (also what tests of that use).
DATABASE_CACHES: dict[str, dict[str, Any]] = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "empower_cache",
    },
    "pages": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "empower_page_cache",
        "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES},
    },
}
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "pages",
        },
    }
elif DEBUG:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages",
            "OPTIONS": {"MAX_ENTRIES": PAGE_CACHE_ENTRIES},
        },
    }
else:
    CACHES = DATABASE_CACHES

# Public pages for anonymous readers (empower.pagecache): kept until what they
# show changes, not for a time. PAGE_CACHE_SECONDS only frees the memory of
# pages nobody asks for; shared caches (a CDN) may keep a page
# PAGE_CACHE_SHARED_SECONDS and serve it stale PAGE_CACHE_STALE_SECONDS more
# while they revalidate; browsers revalidate every time.
PAGE_CACHE = env_bool("PAGE_CACHE", True)
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 24 * 60 * 60, minimum=1)
PAGE_CACHE_SHARED_SECONDS = env_int("PAGE_CACHE_SHARED_SECONDS", 60)
PAGE_CACHE_STALE_SECONDS = env_int("PAGE_CACHE_STALE_SECONDS", 600)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "staff.passwords.SiteWordsValidator"},
]

# Staff sign-in: a password, then a second factor (a passkey, an authenticator
# app or a backup code); nobody is signed in with a password alone.
AUTHENTICATION_BACKENDS = [
    # Refuses every attempt while an account or address is locked out.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "admin:login"
STAFF_SESSION_HOURS = env_int("STAFF_SESSION_HOURS", 8, minimum=1)
STAFF_IDLE_MINUTES = env_int("STAFF_IDLE_MINUTES", 30, minimum=1)
SESSION_COOKIE_AGE = STAFF_SESSION_HOURS * 60 * 60
# Words a staff password may not contain, besides the site's name.
STAFF_PASSWORD_FORBIDDEN_WORDS = ["empower", "nurse", "editor", "health"]

# Lockout (django-axes): after STAFF_LOGIN_FAILURES wrong passwords for one
# username, or from one address, both are refused for STAFF_LOCKOUT_MINUTES,
# even with the right password. The counts live only in the cache, and the
# address axes sees is a keyed hash, so no address is stored or logged.
AXES_HANDLER = "axes.handlers.cache.AxesCacheHandler"
AXES_FAILURE_LIMIT = env_int("STAFF_LOGIN_FAILURES", 6, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("STAFF_LOCKOUT_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_CLIENT_IP_CALLABLE = "empower.visitors.address_for_lockout"
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
# Failures are not forgiven by a success: otherwise someone guessing other
# people's passwords could sign in to their own account between guesses.
AXES_RESET_ON_SUCCESS = False
AXES_ENABLE_ADMIN = False
AXES_DISABLE_ACCESS_LOG = True
# Its log lines name no address and no username (people type passwords there).
AXES_VERBOSE = False
AXES_SENSITIVE_PARAMETERS = ["username", "password"]

# Second factors (django-otp). Passkeys belong to SITE_URL's host name: a
# passkey made for one host name works on no other.
OTP_TOTP_ISSUER = SITE_NAME
OTP_WEBAUTHN_RP_NAME = SITE_NAME
OTP_WEBAUTHN_RP_ID = urlsplit(SITE_URL).hostname
OTP_WEBAUTHN_ALLOWED_ORIGINS = [SITE_URL]
OTP_WEBAUTHN_EXCEPTION_LOGGER_NAME = "staff.passkeys"
OTP_WEBAUTHN_HELPER_CLASS = "staff.passkeys.StaffPasskeyHelper"
# A developer's single process keeps lockouts in its own memory, which is all it needs.
SILENCED_SYSTEM_CHECKS = ["axes.W001"] if DEBUG else []

LANGUAGE_CODE = "en-us"
TIME_ZONE = env_time_zone("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True
FORMAT_MODULE_PATH = ["empower.locale_formats"]

# Static files: our own CSS in static/, Bootstrap from the npm registry
# (`npm ci` puts it in node_modules/), both served by whitenoise.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", BASE_DIR / "node_modules" / "bootstrap" / "dist"),
]
STORAGES: dict[str, dict[str, Any]] = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Uploaded images and their renditions. One machine: MEDIA_ROOT, served by the
# site itself (SERVE_MEDIA); several: S3-compatible storage (see the README).
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(BASE_DIR / "media")))
# Several app servers share media through S3-compatible storage (django-storages;
# `pip install "django-storages[s3]"`): a bucket name, and the endpoint and public
# address where the provider is not AWS. Credentials come from the usual
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables, never from here.
MEDIA_S3_BUCKET = env_str("MEDIA_S3_BUCKET", "")
if MEDIA_S3_BUCKET:
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_S3_BUCKET,
            "endpoint_url": env_str("MEDIA_S3_ENDPOINT", "") or None,
            "custom_domain": env_str("MEDIA_S3_DOMAIN", "") or None,
            "querystring_auth": False,  # public images, the same address for everyone
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000, immutable"},
        },
    }
SERVE_MEDIA = env_bool("SERVE_MEDIA", not MEDIA_S3_BUCKET)
IMAGE_MAX_BYTES = env_int("IMAGE_MAX_BYTES", 15 * 1024 * 1024, minimum=1024)
IMAGE_MAX_PIXELS = env_int("IMAGE_MAX_PIXELS", 40_000_000, minimum=10_000)

# In development whitenoise serves straight from the finders; in production
# from STATIC_ROOT, filled by collectstatic.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG

# Email goes through MAILERS; EMAIL_URL picks the backend (console by default).
MAILERS = {"default": env_mailer("EMAIL_URL", "console:")}
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Empower <hello@empower.example>")
SERVER_EMAIL = env_str("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
ADMINS = env_list("ADMINS")

# Editorial rules: how long a nurse review stays current, and how recently a
# reviewer's credentials must have been verified for them to sign off.
ARTICLE_REVIEW_INTERVAL_MONTHS = env_int("ARTICLE_REVIEW_INTERVAL_MONTHS", 12, minimum=1)
REVIEWER_VERIFICATION_DAYS = env_int("REVIEWER_VERIFICATION_DAYS", 2 * 365, minimum=1)
# The US school grade patient material should read at (health bodies ask for 6 to 8).
# A nurse approving text above it gives a reason, kept with the review.
READING_GRADE_TARGET = env_int("READING_GRADE_TARGET", 8, minimum=1)

# Reference checks (manage.py check_references, daily): a reference is dead, and
# its article needs attention, once its address failed this many checks in a row
# (one bad day of a source's server is not enough). Each fetch waits at most
# REFERENCE_CHECK_TIMEOUT seconds, and no host gets more than
# REFERENCE_CHECKS_PER_HOST of our requests at once. Addresses on private or
# loopback networks are refused unless REFERENCE_CHECK_ALLOW_PRIVATE is on (tests).
REFERENCE_DEAD_AFTER_CHECKS = env_int("REFERENCE_DEAD_AFTER_CHECKS", 3, minimum=1)
REFERENCE_CHECK_TIMEOUT = env_int("REFERENCE_CHECK_TIMEOUT", 10, minimum=1)
REFERENCE_CHECKS_PER_HOST = env_int("REFERENCE_CHECKS_PER_HOST", 2, minimum=1)
REFERENCE_CHECK_ALLOW_PRIVATE = env_bool("REFERENCE_CHECK_ALLOW_PRIVATE", False)

# Reviewers and editors are emailed this many days before a review runs out.
REVIEW_REMINDER_DAYS = env_int("REVIEW_REMINDER_DAYS", 30, minimum=1)

# Comments and other reader-written content.
COMMENTS_MAX_LENGTH = 5000
COMMENTS_PER_HOUR = env_int("COMMENTS_PER_HOUR", 5, minimum=1)
COMMENTS_MAX_LINKS = env_int("COMMENTS_MAX_LINKS", 2)
COMMENTS_MIN_SECONDS = env_int("COMMENTS_MIN_SECONDS", 3)
COMMENTS_MAX_FORM_AGE_HOURS = env_int("COMMENTS_MAX_FORM_AGE_HOURS", 12, minimum=1)
COMMENTS_REPORT_THRESHOLD = env_int("COMMENTS_REPORT_THRESHOLD", 3, minimum=1)
REPORTS_PER_HOUR = env_int("REPORTS_PER_HOUR", 10, minimum=1)
COMMENTS_CLOSE_AFTER_DAYS = env_int("COMMENTS_CLOSE_AFTER_DAYS", 730)
MODERATION_EMAIL_MINUTES = env_int("MODERATION_EMAIL_MINUTES", 30, minimum=1)

# The image CAPTCHA, with a spoken version where the flite speech synthesiser
# is installed (apt-get install flite).
# Tuned with bench/captcha_ocr.py: large, unambiguous capitals, rotated and
# crossed by arcs and dots, which tesseract cannot read but people can.
CAPTCHA_LENGTH = 5
CAPTCHA_CHALLENGE_FUNCT = "comments.captcha.readable_challenge"
CAPTCHA_FONT_SIZE = 32
CAPTCHA_LETTER_ROTATION = (-25, 25)
CAPTCHA_NOISE_FUNCTIONS = ("captcha.helpers.noise_arcs", "captcha.helpers.noise_dots")
CAPTCHA_FILTER_FUNCTIONS = ("captcha.helpers.post_smooth",)
CAPTCHA_FOREGROUND_COLOR = "#1a1a1a"
CAPTCHA_TIMEOUT = 30  # minutes a challenge stays valid
CAPTCHA_FLITE_PATH = env_str("CAPTCHA_FLITE_PATH") or shutil.which("flite")
# sox mixes noise into the spoken characters (apt-get install sox), so that they
# aren't simply flite's own output, which a program can read back.
CAPTCHA_SOX_PATH = env_str("CAPTCHA_SOX_PATH") or shutil.which("sox")
CAPTCHA_REQUESTS_PER_MINUTE = env_int("CAPTCHA_REQUESTS_PER_MINUTE", 20, minimum=1)

# Background tasks (django.tasks). The embedded default runs them at once;
# production uses the shared database, worked by `manage.py db_worker`.
# /healthz answers only requests with "Authorization: Bearer <this>" when it is set.
HEALTHZ_TOKEN = env_str("HEALTHZ_TOKEN")

TASKS_BACKEND = env_choice("TASKS_BACKEND", "immediate", ["immediate", "database"])
TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend"
        if TASKS_BACKEND == "database"
        else "django.tasks.backends.immediate.ImmediateBackend"
    }
}

# The newsletter and condition updates.
NEWSLETTER_FROM_EMAIL = env_str("NEWSLETTER_FROM_EMAIL", DEFAULT_FROM_EMAIL)
NEWSLETTER_CONFIRM_DAYS = env_int("NEWSLETTER_CONFIRM_DAYS", 3, minimum=1)
# How long an emailed link to download or delete one's data works.
NEWSLETTER_DATA_LINK_DAYS = env_int("NEWSLETTER_DATA_LINK_DAYS", 30, minimum=1)
NEWSLETTER_SIGNUPS_PER_HOUR = env_int("NEWSLETTER_SIGNUPS_PER_HOUR", 5, minimum=1)
NEWSLETTER_BATCH_SIZE = env_int("NEWSLETTER_BATCH_SIZE", 500, minimum=1)
NEWSLETTER_PARALLEL_TASKS = env_int("NEWSLETTER_PARALLEL_TASKS", 4, minimum=1)
NEWSLETTER_MAX_ATTEMPTS = env_int("NEWSLETTER_MAX_ATTEMPTS", 5, minimum=1)
NEWSLETTER_LEASE_SECONDS = env_int("NEWSLETTER_LEASE_SECONDS", 300, minimum=5)
NEWSLETTER_CONDITION_UPDATES = env_choice(
    "NEWSLETTER_CONDITION_UPDATES", "immediate", ["immediate", "weekly"]
)
NEWSLETTER_UNSUBSCRIBE_MAILTO = env_str("NEWSLETTER_UNSUBSCRIBE_MAILTO")
NEWSLETTER_WEBHOOK_TOKEN = env_str("NEWSLETTER_WEBHOOK_TOKEN")

SEARCHES_PER_MINUTE = env_int("SEARCHES_PER_MINUTE", 30, minimum=1)
# How long the asker's private link in each "new answer" email works.
ASKER_LINK_DAYS = env_int("ASKER_LINK_DAYS", 90, minimum=1)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Security headers. The CSP allows nothing from other hosts and no inline
# script or style; data: images are allowed because Bootstrap draws its form
# controls with inline SVG backgrounds.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
# Nothing on the site needs a camera, a microphone, the reader's location or
# the like; passkeys need publickey-credentials-* for our own origin only.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "browsing-topics": [],
    "camera": [],
    "clipboard-read": [],
    "display-capture": [],
    "encrypted-media": [],
    "geolocation": [],
    "gyroscope": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "picture-in-picture": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
    "publickey-credentials-create": ["self"],
    "publickey-credentials-get": ["self"],
}
SECURE_CROSS_ORIGIN_RESOURCE_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "empower.views.csrf_failure"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

HTTPS = env_bool("HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
    # One-way doors: once browsers or the preload list have them, an operator
    # can't take them back for a year, so they are opt-in.
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
    # Django's deployment checks nudge towards both; here they are the operator's choice.
    SILENCED_SYSTEM_CHECKS += ["security.W005", "security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
if env_bool("BEHIND_HTTPS_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# How many reverse proxies in front of the site append to X-Forwarded-For; the
# visitor's address is the one the outermost of them saw.
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"private_links": {"()": "empower.logs.RedactPrivateLinks"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["private_links"]},
    },
    # On the logger too, so every handler (and a test's log capture) gets it redacted.
    "loggers": {
        "django.request": {"filters": ["private_links"]},
        # httpx logs each request at INFO: the daily reference check would print a
        # line per address and bury its one-line summary.
        "httpx": {"level": "WARNING"},
    },
    "root": {
        "handlers": ["console"],
        "level": env_choice("LOG_LEVEL", "INFO", ["DEBUG", "INFO", "WARNING", "ERROR"]),
    },
}
