"""The fast sending path, through a real SMTP server on loopback."""

import email
import email.policy
import re
import socket

import pytest
from aiosmtpd.controller import Controller

from newsletter.models import Issue, Subscriber
from newsletter.sending import IssueRenderer

pytestmark = pytest.mark.django_db


class Inbox:
    def __init__(self):
        self.received = []

    async def handle_DATA(self, server, session, envelope):
        self.received.append((envelope.rcpt_tos, envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """smtp_server(handler) starts a loopback SMTP server and points the mailer at it."""
    controllers = []

    def start(handler):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        controller = Controller(handler, hostname="127.0.0.1", port=port)
        controller.start()
        controllers.append(controller)
        settings.MAILERS = {
            "default": {
                "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
                "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 5},
            }
        }
        return handler

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def smtp_inbox(smtp_server):
    return smtp_server(Inbox())


def test_each_reader_gets_a_well_formed_message_with_their_own_links(smtp_inbox, editor):
    readers = [
        Subscriber.objects.create(
            email=f"r{n}@example.org", status="confirmed", wants_newsletter=True
        )
        for n in range(3)
    ]
    issue = Issue.objects.create(
        subject="Santé: spring news for women's health",
        body="Hello **readers**.\n\n" + "A long paragraph about café au lait and health. " * 30,
    )
    issue.start_sending(editor)
    assert sorted(rcpt[0] for rcpt, _raw in smtp_inbox.received) == [r.email for r in readers]

    renderer = IssueRenderer(issue)
    message_ids = set()
    for (recipient,), raw in smtp_inbox.received:
        reader = Subscriber.objects.get(email=recipient)
        head, body = raw.split(b"\r\n\r\n", 1)
        assert max(len(line) for line in head.split(b"\r\n")) <= 998
        assert max(len(line) for line in body.split(b"\r\n")) <= 78, "7-bit safe, short lines"
        assert raw.isascii()
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert message["Subject"] == "Santé: spring news for women's health"
        assert message["To"] == recipient
        assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
        assert message["List-Unsubscribe"] == f"<{reader.unsubscribe_url()}>"
        message_ids.add(message["Message-ID"])
        text = message.get_body(preferencelist=("plain",)).get_content()
        html = message.get_body(preferencelist=("html",)).get_content()
        expected = renderer.message_for(reader)

        def same(content):
            return content.replace("\r\n", "\n").strip()

        assert same(text) == same(expected.body)
        assert same(html) == same(expected.alternatives[0].content)
        assert reader.unsubscribe_url() in text
        assert reader.preferences_url() in html
        assert "café au lait" in html
    assert len(message_ids) == 3


class RefusesOne(Inbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.startswith("gone@"):
            return "550 5.1.1 No such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"


def test_a_permanent_refusal_fails_that_delivery_and_counts_as_a_hard_bounce(smtp_server, editor):
    inbox = smtp_server(RefusesOne())
    for address in ["gone@example.org", "here@example.org"]:
        Subscriber.objects.create(email=address, status="confirmed", wants_newsletter=True)
    Issue.objects.create(subject="News", body="Hello").start_sending(editor)
    assert [rcpt for rcpt, _raw in inbox.received] == [["here@example.org"]]
    gone = Subscriber.objects.get(email="gone@example.org")
    assert gone.status == Subscriber.Status.BOUNCED
    delivery = gone.deliveries.get()
    assert (delivery.status, delivery.attempts) == ("failed", 1)
    assert "550" in delivery.error


def list_headers(raw: bytes) -> dict[bytes, bytes]:
    head = raw.split(b"\r\n\r\n", 1)[0].replace(b"\r\n ", b" ")
    return dict(
        line.split(b": ", 1) for line in head.split(b"\r\n") if line.lower().startswith(b"list-")
    )


def test_every_path_sends_list_headers_exactly_as_written(smtp_inbox, editor, settings):
    """The fast path, Django's SMTP backend (a domain that isn't ASCII) and an
    editor's test send: List-Unsubscribe is a plain <https://…>, never an
    RFC 2047 encoded word, which RFC 2369 forbids and mailbox providers ignore."""
    settings.SITE_URL = "https://empower.example"
    settings.NEWSLETTER_FROM_EMAIL = "Empower <news@mail.empower.example>"
    editor.email = "erin@empower.example"
    editor.save()
    readers = [
        Subscriber.objects.create(email=address, status="confirmed", wants_newsletter=True)
        for address in ["ann@example.org", "bo@exämple.org"]
    ]
    issue = Issue.objects.create(subject="Spring news", body="Hello")
    issue.start_sending(editor)
    issue.send_test(editor)
    assert len(smtp_inbox.received) == 3

    for _recipient, raw in smtp_inbox.received:
        headers = list_headers(raw)
        assert b"=?" not in b"".join(headers.values()), headers
        assert headers[b"List-Unsubscribe"].startswith(
            b"<https://empower.example/newsletter/unsubscribe/"
        )
        assert headers[b"List-Unsubscribe-Post"] == b"List-Unsubscribe=One-Click"
        assert headers[b"List-Id"] == b"Empower health newsletter <newsletter.empower.example>"
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert message["Message-ID"].endswith("@mail.empower.example>")
    received = {to[0]: list_headers(raw)[b"List-Unsubscribe"] for to, raw in smtp_inbox.received}
    for reader in readers:
        to = reader.email if reader.email.isascii() else "bo@xn--exmple-cua.org"
        assert received[to] == f"<{reader.unsubscribe_url()}>".encode()


def test_plain_addresses_take_the_pre_encoded_fast_path_and_others_djangos(smtp_inbox, editor):
    for address in ["ann@example.org", "bo@exämple.org"]:
        Subscriber.objects.create(email=address, status="confirmed", wants_newsletter=True)
    Issue.objects.create(subject="News", body="Hello").start_sending(editor)
    boundaries = {
        to[0]: re.search(rb'boundary="([^"]+)"', raw).group(1) for to, raw in smtp_inbox.received
    }
    # MessageTemplate's own boundary, against the email package's "=====…123==".
    assert re.fullmatch(rb"==[0-9a-f]{32}==", boundaries["ann@example.org"])
    assert re.fullmatch(rb"=+\d+==", boundaries["bo@xn--exmple-cua.org"])
