"""Whether the web addresses that references cite still answer.

Each address is fetched with httpx: HEAD first, then GET when HEAD gets an error
status, because many servers refuse HEAD (405, 501, often 403) or answer it
wrongly; only a GET's answer counts against a reference. A GET reads the headers
and never the body. Redirects are followed one hop at a time, so that every hop
passes the same guard (http and https only, no private or loopback addresses)
and waits for its own host's turn.

Concurrency is a small pool of threads with a semaphore per host, rather than
asyncio: the ORM, the command and the task are synchronous, an httpx Client may
be shared between threads, and the work is waiting on the network, which threads
do well. Only the calling thread touches the database.
"""

import ipaddress
import socket
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime
from itertools import zip_longest
from urllib.parse import urlsplit

import httpx
from django.conf import settings
from django.template.defaultfilters import pluralize

from articles.models import LinkCheck, Reference

WORKERS = 8  # requests in flight at once, over every host
MAX_REDIRECTS = 5


@dataclass(frozen=True)
class Outcome:
    """What one fetch got: a status and where the redirects ended, or an error."""

    url: str
    status: int | None = None
    final_url: str = ""
    error: str = ""


@dataclass
class Summary:
    checked: int = 0
    answered: int = 0
    failed: int = 0
    dead: int = 0

    def add(self, check: LinkCheck) -> None:
        self.checked += 1
        if check.failures_in_a_row:
            self.failed += 1
        else:
            self.answered += 1
        if check.is_dead:
            self.dead += 1

    def __str__(self) -> str:
        return (
            f"Checked {self.checked} address{pluralize(self.checked, 'es')}: "
            f"{self.answered} answered, "
            f"{self.failed} failed, {self.dead} dead "
            f"(failed {settings.REFERENCE_DEAD_AFTER_CHECKS} checks in a row)."
        )


class NotFetched(Exception):
    """An address we would not or could not ask for; the message says why."""


def cited_urls() -> list[str]:
    """Every address that the texts readers see now cite, once each."""
    return list(
        Reference.objects.cited_in_live_texts()
        .exclude(url="")
        .order_by("url")
        .values_list("url", flat=True)
        .distinct()
    )


def check_references(*, now: datetime, client: httpx.Client | None = None) -> Summary:
    """The daily job: check every cited address and record what it got."""
    return check_urls(cited_urls(), now=now, client=client)


def check_urls(
    urls: Iterable[str],
    *,
    now: datetime,
    client: httpx.Client | None = None,
    progress: Callable[[LinkCheck], None] | None = None,
) -> Summary:
    """Fetch each address and record its check as `now`, as each answer arrives
    (a job stopped half-way keeps what it learnt)."""
    summary = Summary()
    for outcome in fetch_all(urls, client=client):
        check = LinkCheck.objects.record(
            outcome.url,
            status=outcome.status,
            final_url=outcome.final_url,
            error=outcome.error,
            now=now,
        )
        summary.add(check)
        if progress:
            progress(check)
    return summary


def fetch_all(urls: Iterable[str], *, client: httpx.Client | None = None) -> Iterator[Outcome]:
    """Fetch each address once, at most WORKERS at a time and REFERENCE_CHECKS_PER_HOST
    to any one host; outcomes come in the order they finish."""
    own_client = client is None
    client = client or new_client()
    hosts = HostLimits(settings.REFERENCE_CHECKS_PER_HOST)
    allow_private = settings.REFERENCE_CHECK_ALLOW_PRIVATE
    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            futures = [
                pool.submit(fetch, client, url, hosts, allow_private=allow_private)
                for url in by_turns(urls)
            ]
            for future in as_completed(futures):
                yield future.result()
    finally:
        if own_client:
            client.close()


def new_client() -> httpx.Client:
    return httpx.Client(
        headers={"User-Agent": user_agent()},
        timeout=settings.REFERENCE_CHECK_TIMEOUT,
        follow_redirects=False,  # `follow` takes one hop at a time
        limits=httpx.Limits(max_connections=WORKERS),
    )


def user_agent() -> str:
    """Says who we are and where our policy is, so a site's owner can tell why we call."""
    return f"EmpowerLinkChecker/1.0 (+{settings.SITE_URL}/editorial-policy/)"


def fetch(client: httpx.Client, url: str, hosts: "HostLimits", *, allow_private: bool) -> Outcome:
    try:
        response = follow(client, "HEAD", url, hosts, allow_private=allow_private)
        if response.is_error:
            response = follow(client, "GET", url, hosts, allow_private=allow_private)
    except NotFetched as reason:
        return Outcome(url, error=str(reason))
    except httpx.InvalidURL:
        return Outcome(url, error="not a web address")
    except httpx.TimeoutException:
        return Outcome(url, error="timed out")
    except httpx.TooManyRedirects:
        return Outcome(url, error="too many redirects")
    except httpx.ConnectError:
        return Outcome(url, error="could not connect")
    except httpx.HTTPError as error:
        return Outcome(url, error=f"broken answer ({type(error).__name__})")
    return Outcome(url, status=response.status_code, final_url=str(response.url))


def follow(
    client: httpx.Client, method: str, url: str, hosts: "HostLimits", *, allow_private: bool
) -> httpx.Response:
    """The last response of `url`'s redirects, each hop guarded and in its host's turn."""
    request = client.build_request(method, url)
    for _hop in range(MAX_REDIRECTS + 1):
        guard(request.url, allow_private=allow_private)
        with hosts.turn(request.url.host):
            response = client.send(request, stream=True, follow_redirects=False)
            response.close()  # the status and headers are all we need
        if response.next_request is None:
            return response
        request = response.next_request
    raise httpx.TooManyRedirects(f"More than {MAX_REDIRECTS} redirects.", request=request)


def guard(url: httpx.URL, *, allow_private: bool) -> None:
    """Refuse what a link checker on our servers must not fetch: other schemes, and
    (the server-side request forgery guard) hosts that resolve to a private,
    loopback or link-local address.

    httpx resolves the name again to connect, so a name whose answer changes in
    between could slip past; the check only records a status, and the addresses
    come from editors, so this guards against mistakes and redirects, which is
    what a reference can bring."""
    if url.scheme not in ("http", "https"):
        raise NotFetched("not a web address")
    if allow_private:
        return
    host = url.raw_host.decode("ascii")
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise NotFetched("no such host") from None
    if any(not ipaddress.ip_address(address[4][0]).is_global for address in found):
        raise NotFetched("private address refused")


class HostLimits:
    """A turn for each request, at most `per_host` at once to any one host."""

    def __init__(self, per_host: int):
        self._per_host = per_host
        self._lock = threading.Lock()
        self._semaphores: dict[str, threading.Semaphore] = {}

    def turn(self, host: str) -> threading.Semaphore:
        with self._lock:
            if host not in self._semaphores:
                self._semaphores[host] = threading.Semaphore(self._per_host)
            return self._semaphores[host]


def by_turns(urls: Iterable[str]) -> list[str]:
    """Each address once, hosts taking turns (a1 b1 c1 a2 b2 a3), so that the pool's
    workers spread over the hosts instead of queueing behind one host's limit."""
    by_host: dict[str, list[str]] = defaultdict(list)
    for url in dict.fromkeys(urls):
        by_host[urlsplit(url).hostname or ""].append(url)
    return [url for turn in zip_longest(*by_host.values()) for url in turn if url is not None]
