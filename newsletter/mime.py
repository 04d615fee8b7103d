"""Newsletter messages built fast: encode the issue once, then only each reader's part.

Building and serialising a MIME message with Python's email package costs more
than sending it over SMTP. An issue is the same for everyone except the
address, a few headers and the footer links, so the shared parts are encoded
once here, and each message is put together from pre-encoded pieces. Bodies
are quoted-printable (7-bit safe, lines under 78 characters), which encodes
line by line, so the shared body and the personal footer encode separately.
"""

import email.policy
import email.quoprimime
import uuid
from email.header import Header
from email.headerregistry import HeaderRegistry, UnstructuredHeader
from email.utils import format_datetime, formataddr, parseaddr

from django.core.mail import EmailMultiAlternatives
from django.utils import timezone

from empower.emails import message_id

CRLF = "\r\n"


def _qp(text: str) -> str:
    """Quoted-printable UTF-8 (the email package's encoder works on bytes as latin-1)."""
    if not text.endswith("\n"):
        text += "\n"
    as_bytes = text.encode("utf-8").decode("latin-1")
    return email.quoprimime.body_encode(as_bytes, maxlinelen=76, eol=CRLF)


def _header(value: str, name: str = "") -> str:
    """A header value: folded under 78 characters, encoded (RFC 2047) when not ASCII,
    and never able to start a header of its own."""
    value = " ".join(value.splitlines())
    if value.isascii() and len(name) + len(value) < 76:
        return value
    charset = "us-ascii" if value.isascii() else "utf-8"
    return Header(value, charset, maxlinelen=76, header_name=name).encode(linesep=CRLF)


def _address(value: str) -> str:
    return formataddr(parseaddr(value), charset="utf-8")


class MessageTemplate:
    """One issue's message, ready to be stamped with each recipient's address and links."""

    def __init__(self, *, subject, from_email, text, html, text_footer, html_footer):
        """`text` and `html` are the same for everyone; the footers contain the
        markers that render() replaces with each reader's links."""
        self.subject = subject
        self.from_email = from_email
        self.boundary = f"=={uuid.uuid4().hex}=="
        self.text_footer = text_footer
        self.html_footer = html_footer
        self.head = CRLF.join(
            [
                f"Subject: {_header(subject, 'Subject')}",
                f"From: {_address(from_email)}",
                f"Date: {format_datetime(timezone.now())}",
                "MIME-Version: 1.0",
                f'Content-Type: multipart/alternative; boundary="{self.boundary}"',
            ]
        )
        self.text_part = _qp(text)
        self.html_part = _qp(html)

    @staticmethod
    def can_send_to(address: str) -> bool:
        """Plain ASCII addresses only; others need SMTPUTF8 and take the slow path."""
        return address.isascii()

    def render(self, to: str, headers: dict[str, str], personalise) -> bytes:
        """`personalise(footer)` puts this reader's links into a footer."""
        # URLs can't be folded; these stay on one line (well under the 998 limit).
        personal = CRLF.join(
            f"{name}: {' '.join(value.splitlines())}" for name, value in headers.items()
        )
        part = (
            "--{boundary}" + CRLF + "Content-Type: {kind}; charset=\"utf-8\"" + CRLF
            + "Content-Transfer-Encoding: quoted-printable" + CRLF + CRLF
        )  # fmt: skip
        message = (
            self.head + CRLF
            + f"To: {to}" + CRLF
            + f"Message-ID: {message_id(self.from_email)}" + CRLF
            + (personal + CRLF if personal else "")
            + CRLF
            + part.format(boundary=self.boundary, kind="text/plain")
            + self.text_part + _qp(personalise(self.text_footer))
            + part.format(boundary=self.boundary, kind="text/html")
            + self.html_part + _qp(personalise(self.html_footer))
            + f"--{self.boundary}--" + CRLF
        )  # fmt: skip
        return message.encode("ascii")


class UnfoldedHeader(UnstructuredHeader):
    """A header written exactly as given. The email package folds a long value by
    turning it into RFC 2047 encoded words, which RFC 2369 forbids in List-*
    headers (mailbox providers then ignore them): a URL stays one line (well
    under the 998-character limit)."""

    def fold(self, *, policy):
        return f"{self.name}: {self}{policy.linesep}"


LIST_HEADERS = HeaderRegistry()
for _name in ("list-unsubscribe", "list-unsubscribe-post", "list-id"):
    # typeshed types the registry with BaseHeader; an UnstructuredHeader is what it takes.
    LIST_HEADERS.map_to_type(_name, UnfoldedHeader)  # type: ignore[arg-type]


class ListMessage(EmailMultiAlternatives):
    """A bulk message (newsletter, condition update) for Django's mail backends:
    whichever policy a backend serialises with, List-* headers stay as written."""

    def message(self, *, policy=email.policy.default):
        return super().message(policy=policy.clone(header_factory=LIST_HEADERS))
