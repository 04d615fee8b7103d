"""Compressed HTML for pages without secrets in them.

Compressing a page that holds a secret (a CSRF token) next to text an attacker
can choose lets them guess the secret from the size (BREACH). Public pages hold
none, so only they are compressed.
"""

from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if "public" not in response.get("Cache-Control", ""):
            return response
        return super().process_response(request, response)
