"""Private links in emails: a row's primary key and its random key, signed.

A link never carries an email address (Django logs the paths of refused
requests, and people forward emails). The random key (`link_key` on the row)
means a link made for one row never opens another, even where SQLite reuses
the number of a deleted one. Each kind of link has its own salt and life.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing


def new_link_key() -> str:
    return secrets.token_urlsafe(12)


class LinkError(Exception):
    """A link that is tampered with, for someone else, or too old."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # "expired" or "invalid"


@dataclass(frozen=True)
class LinkKind:
    salt: str
    # The setting that holds the link's life in days; None for links that must
    # work for ever (RFC 8058 one-click unsubscribe).
    days_setting: str | None = None

    def _signer(self) -> signing.TimestampSigner | signing.Signer:
        if self.days_setting:
            return signing.TimestampSigner(salt=self.salt)
        return signing.Signer(salt=self.salt)

    @property
    def max_age(self) -> timedelta | None:
        if self.days_setting is None:
            return None
        return timedelta(days=getattr(settings, self.days_setting))

    def make(self, row) -> str:
        """A token for this row: [A-Za-z0-9._:-] only, so URLs keep it as it is."""
        return self._signer().sign(f"{row.pk}.{row.link_key}")

    def find(self, queryset, token: str, *, even_if_expired: bool = False):
        """The row this token was made for; LinkError when there is none."""
        try:
            signer = self._signer()
            if isinstance(signer, signing.TimestampSigner) and not even_if_expired:
                value = signer.unsign(token, max_age=self.max_age)
            else:
                value = self._signer().unsign(token)
        except signing.SignatureExpired:
            raise LinkError("expired") from None
        except signing.BadSignature:
            raise LinkError("invalid") from None
        pk, _dot, key = value.partition(".")
        row = queryset.filter(pk=int(pk), link_key=key).first() if pk.isdigit() else None
        if row is None or not key:
            raise LinkError("invalid")
        return row
