"""Keep private links out of the server's log.

Django logs the path of every refused request ("Bad Request: /newsletter/confirm/…"),
and the paths of private links carry signed tokens that open someone's page.
"""

import logging
import re

# What django.core.signing makes: a value, maybe a timestamp, and a long signature.
SIGNED_TOKEN = re.compile(r"[\w.-]+(?::[\w-]+)*:[\w-]{20,}")


def redact(text: str) -> str:
    return SIGNED_TOKEN.sub("[private link]", text)


class RedactPrivateLinks(logging.Filter):
    def filter(self, record):
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True
