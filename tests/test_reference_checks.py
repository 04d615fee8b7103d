"""References that are checked: every address a published article cites is fetched
(HEAD, then GET where HEAD is refused), its status and final address are recorded,
and an address that fails three checks in a row puts its article under "Needs
attention" on the dashboard. Fetched from a server these tests start on the
loopback interface, never the internet."""

import logging
import os
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.core.management import CommandError, call_command

from articles import linkcheck
from articles.models import Article, LinkCheck, create_article
from articles.tasks import check_references
from empower.roles import MODERATORS
from tests.conftest import sign_in, staff_member

pytestmark = pytest.mark.django_db

PROJECT = Path(__file__).resolve().parent.parent
MONDAY = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def day(n: int) -> datetime:
    return MONDAY + timedelta(days=n)


class Sources(ThreadingHTTPServer):
    """The sites our references cite, each path a kind of site."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), SourceHandler)
        self.seen: list[tuple[str, str, str]] = []  # method, path, User-Agent
        self.flaky_status = 404
        self.in_flight = 0
        self.most_in_flight = 0
        self.lock = threading.Lock()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_port}{path}"

    def handle_error(self, request, client_address):
        pass  # a client that timed out and hung up is what /slow is for


class SourceHandler(BaseHTTPRequestHandler):
    server: Sources

    def do_HEAD(self):
        self.answer()

    def do_GET(self):
        self.answer()

    def answer(self):
        self.server.seen.append((self.command, self.path, self.headers["User-Agent"]))
        match self.path:
            case "/ok":
                self.reply(200)
            case "/gone":
                self.reply(404)
            case "/flaky":
                self.reply(self.server.flaky_status)
            case "/moved":
                self.reply(301, Location="/ok")
            case "/loop":
                self.reply(302, Location="/loop")
            case "/to-ftp":
                self.reply(302, Location="ftp://127.0.0.1/file")
            case "/no-head":
                self.reply(405 if self.command == "HEAD" else 200)
            case "/slow":
                time.sleep(2)
                self.reply(200)
            case _ if self.path.startswith("/busy/"):
                self.busy()

    def busy(self):
        with self.server.lock:
            self.server.in_flight += 1
            self.server.most_in_flight = max(self.server.most_in_flight, self.server.in_flight)
        time.sleep(0.1)
        with self.server.lock:
            self.server.in_flight -= 1
        self.reply(200)

    def reply(self, status, **headers):
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        body = b"" if self.command == "HEAD" else b"A page about a health condition."
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format, *args):
        pass


@pytest.fixture
def sources():
    server = Sources()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(autouse=True)
def _checks_may_reach_the_local_server(settings):
    settings.REFERENCE_CHECK_ALLOW_PRIVATE = True
    settings.REFERENCE_CHECK_TIMEOUT = 5


@pytest.fixture
def publish_citing(condition, editor, reviewer):
    """An article, reviewed and published, whose references cite these addresses."""

    def publish(slug, *urls):
        article, revision = create_article(
            condition=condition,
            slug=slug,
            author=editor,
            editor=editor,
            title=slug.replace("-", " ").capitalize(),
            summary="A summary.",
            body="Spasms on one side of the face.",
            references=[
                {
                    "source": f"Source {n}",
                    "title": f"Reference {n}",
                    "url": url,
                    "accessed_on": date(2026, 11, 1),
                }
                for n, url in enumerate(urls)
            ],
        )
        revision.submit(editor)
        revision.approve(reviewer)
        revision.publish(editor)
        article.refresh_from_db()
        return article

    return publish


def check_on(n: int) -> linkcheck.Summary:
    return linkcheck.check_references(now=day(n))


def needing_attention() -> list[str]:
    return [article.slug for article in Article.objects.with_dead_references()]


# What a check records -------------------------------------------------------------------


def test_a_reference_that_answers_404_three_times_flags_its_article(sources, publish_citing):
    publish_citing("gone-source", sources.url("/gone"))
    publish_citing("good-source", sources.url("/ok"))

    check_on(0)
    check_on(1)
    assert needing_attention() == [], "two bad days are not enough"

    check_on(2)
    assert needing_attention() == ["gone-source"]
    gone = LinkCheck.objects.get(url=sources.url("/gone"))
    assert (gone.status, gone.failures_in_a_row, gone.checked_at) == (404, 3, day(2))
    assert LinkCheck.objects.get(url=sources.url("/ok")).failures_in_a_row == 0


def test_an_answer_in_between_starts_the_count_again(sources, publish_citing):
    publish_citing("flaky-source", sources.url("/flaky"))
    for n, status in enumerate([404, 404, 200, 404, 404]):
        sources.flaky_status = status
        check_on(n)
    assert needing_attention() == []

    check_on(5)
    assert needing_attention() == ["flaky-source"]


def test_a_redirect_records_the_final_address(sources, publish_citing):
    publish_citing("moved-source", sources.url("/moved"))
    check_on(0)
    check = LinkCheck.objects.get(url=sources.url("/moved"))
    assert (check.status, check.final_url, check.failures_in_a_row) == (200, sources.url("/ok"), 0)


def test_a_server_that_refuses_head_is_asked_with_get(sources, publish_citing):
    publish_citing("no-head-source", sources.url("/no-head"))
    check_on(0)
    check = LinkCheck.objects.get(url=sources.url("/no-head"))
    assert (check.status, check.failures_in_a_row) == (200, 0)
    assert [(method, path) for method, path, _agent in sources.seen] == [
        ("HEAD", "/no-head"),
        ("GET", "/no-head"),
    ]


@pytest.mark.parametrize(
    ("path", "status", "error"),
    [
        ("/gone", 404, ""),
        ("/loop", None, "too many redirects"),
        ("/to-ftp", None, "not a web address"),
    ],
)
def test_what_counts_as_a_failure(sources, publish_citing, path, status, error):
    publish_citing("failing-source", sources.url(path))
    check_on(0)
    check = LinkCheck.objects.get(url=sources.url(path))
    assert (check.status, check.error, check.failures_in_a_row) == (status, error, 1)


def test_a_server_too_slow_to_answer_times_out_and_counts_as_a_failure(
    sources, publish_citing, settings
):
    settings.REFERENCE_CHECK_TIMEOUT = 0.3
    publish_citing("slow-source", sources.url("/slow"))
    started = time.monotonic()
    check_on(0)
    assert time.monotonic() - started < 1.5, "the server takes 2 seconds; we wait 0.3"
    check = LinkCheck.objects.get(url=sources.url("/slow"))
    assert (check.status, check.error, check.failures_in_a_row) == (None, "timed out", 1)


def test_an_address_nothing_listens_on_counts_as_a_failure(publish_citing):
    closed = Sources()
    port = closed.server_port
    closed.server_close()
    publish_citing("closed-source", f"http://127.0.0.1:{port}/")
    check_on(0)
    assert LinkCheck.objects.get().error == "could not connect"


def test_no_host_gets_more_than_its_limit_of_requests_at_once(sources, settings):
    settings.REFERENCE_CHECKS_PER_HOST = 2
    urls = [sources.url(f"/busy/{n}") for n in range(10)]
    outcomes = list(linkcheck.fetch_all(urls))
    assert sorted(outcome.url for outcome in outcomes) == sorted(urls)
    assert {outcome.status for outcome in outcomes} == {200}
    assert sources.most_in_flight == 2, "two at a time: never more, and not one by one"


def test_the_checker_says_who_it_is(sources, publish_citing, settings):
    settings.SITE_URL = "https://empower.example"
    publish_citing("ok-source", sources.url("/ok"))
    check_on(0)
    agents = {agent for _method, _path, agent in sources.seen}
    assert agents == {"EmpowerLinkChecker/1.0 (+https://empower.example/editorial-policy/)"}


def test_private_and_loopback_addresses_are_refused_unless_allowed(
    sources, publish_citing, settings
):
    settings.REFERENCE_CHECK_ALLOW_PRIVATE = False
    publish_citing("private-source", sources.url("/ok"), "http://10.0.0.1/admin")
    check_on(0)
    errors = set(LinkCheck.objects.values_list("error", flat=True))
    assert errors == {"private address refused"}
    assert sources.seen == [], "not even one request"


# The command and the daily task ---------------------------------------------------------


def test_the_command_checks_only_what_readers_see_and_prints_a_summary(
    sources, publish_citing, make_article, caplog
):
    publish_citing("two-sources", sources.url("/ok"), sources.url("/gone"))
    publish_citing("same-source-again", sources.url("/ok"))
    make_article("draft-only", approved=False)  # cites https://example.org/ref/0
    out = StringIO()
    with caplog.at_level(logging.INFO):
        call_command("check_references", stdout=out)
    assert caplog.records == [], "no line per request to bury the summary in cron's mail"
    assert (
        out.getvalue()
        == "Checked 2 addresses: 1 answered, 1 failed, 0 dead (failed 3 checks in a row).\n"
    )
    assert set(LinkCheck.objects.values_list("url", flat=True)) == {
        sources.url("/ok"),
        sources.url("/gone"),
    }


def test_the_command_checks_one_address_when_asked_and_fetches_nothing_on_a_dry_run(
    sources, publish_citing
):
    publish_citing("two-sources", sources.url("/ok"), sources.url("/gone"))
    out = StringIO()
    call_command("check_references", "--dry-run", stdout=out)
    assert out.getvalue() == "Would check 2 addresses on 1 host.\n"
    assert sources.seen == []

    call_command("check_references", sources.url("/gone"), stdout=StringIO())
    assert list(LinkCheck.objects.values_list("url", "status")) == [(sources.url("/gone"), 404)]


def test_the_command_refuses_an_address_no_published_article_cites(publish_citing, sources):
    publish_citing("ok-source", sources.url("/ok"))
    with pytest.raises(CommandError) as refused:
        call_command("check_references", "http://elsewhere.example/", stdout=StringIO())
    assert str(refused.value) == "No published article cites http://elsewhere.example/"
    assert not LinkCheck.objects.exists()


def test_a_bad_argument_stops_the_command_with_one_line():
    result = subprocess.run(
        [sys.executable, "manage.py", "check_references", "ftp://example.org/file"],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], "DEBUG": "true"},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert result.stderr == "CommandError: Not a web address: ftp://example.org/file\n"
    assert result.stdout == ""


def test_the_daily_task_checks_what_the_command_checks(sources, publish_citing):
    publish_citing("two-sources", sources.url("/ok"), sources.url("/gone"))
    result = check_references.enqueue()
    assert result.return_value == {"checked": 2, "answered": 1, "failed": 1, "dead": 0}
    assert LinkCheck.objects.count() == 2


# The dashboard and the admin ------------------------------------------------------------


def dead(url: str, failures: int = 3, status: int | None = 404, error: str = "") -> LinkCheck:
    return LinkCheck.objects.create(
        url=url, status=status, error=error, failures_in_a_row=failures, checked_at=day(2)
    )


def test_needs_attention_lists_articles_citing_dead_references_for_editors_and_reviewers(
    client, publish_citing, editor, reviewer
):
    flagged = publish_citing(
        "two-dead", "https://gone.example/a", "https://slow.example/b", "https://ok.example/c"
    )
    publish_citing("healthy", "https://ok.example/c", "https://failing.example/d")
    dead("https://gone.example/a")
    dead("https://slow.example/b", failures=4, status=None, error="timed out")
    dead("https://ok.example/c", failures=0, status=200)
    dead("https://failing.example/d", failures=2)

    for person in (editor, reviewer):
        page = sign_in(client, person).get("/admin/").text
        assert 'Needs attention <span class="work-count">1</span>' in page
        assert f'<a href="/admin/articles/article/{flagged.pk}/change/">Two dead</a>' in page
        assert (
            "2 dead references: Source 0 (404 on the last 3 checks); "
            "Source 1 (timed out on the last 4 checks)"
        ) in page

    listed = sign_in(client, editor).get("/admin/articles/article/?references=dead").text
    assert f"/admin/articles/article/{flagged.pk}/change/" in listed
    assert "Healthy" not in listed


def test_needs_attention_is_not_shown_to_staff_outside_the_editorial_workflow(
    client, publish_citing
):
    publish_citing("gone-source", "https://gone.example/a")
    dead("https://gone.example/a")
    moderator = staff_member("mo", "Mo", "Derator", MODERATORS)
    reader = staff_member("rea", "Rea", "Der", MODERATORS)
    reader.user_permissions.add(Permission.objects.get(codename="view_article"))

    for person in (moderator, reader):
        page = sign_in(client, person).get("/admin/").text
        assert "Needs attention" not in page
    assert "Reviews due in the next" in page, "Rea may see articles, just not this work"


def test_the_needs_attention_panel_costs_the_same_queries_for_one_article_or_twenty(
    client, make_article, editor, django_assert_max_num_queries
):
    def dashboard_queries():
        sign_in(client, editor)
        with django_assert_max_num_queries(40) as captured:
            page = client.get("/admin/").text
        return len(captured), page

    dead("https://example.org/ref/0")  # what make_article's references cite
    make_article("article-0")
    few, page = dashboard_queries()
    assert 'Needs attention <span class="work-count">1</span>' in page
    for n in range(1, 20):
        make_article(f"article-{n}", title=f"Article {n}")
    many, page = dashboard_queries()
    assert 'Needs attention <span class="work-count">20</span>' in page
    assert 'href="/admin/articles/article/?references=dead">See all 20' in page
    assert many == few


def test_the_revision_page_says_when_each_reference_was_last_checked(
    client, publish_citing, editor
):
    article = publish_citing("checked", "https://gone.example/a", "https://ok.example/b")
    dead("https://gone.example/a")
    dead("https://ok.example/b", failures=0, status=200)
    revision = article.published_revision
    page = sign_in(client, editor).get(f"/admin/articles/revision/{revision.pk}/change/").text
    assert "404 on 25 November 2026, 3 failures in a row" in page
    assert "Answered on 25 November 2026" in page
