"""The site's settings with bench/urls.py, for bench/pages.py only."""

from empower.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls"
