"""Lighthouse's four category scores for one page of each public page type of a running site.

    .venv/bin/python bench/lighthouse.py [BASE_URL] [--preset mobile|desktop] [--reports DIR]

BASE_URL is a running Empower site (default http://localhost:8000), e.g. `manage.py
runserver` or gunicorn; the site's SITE_URL should name the same host, or the pages'
canonical links point elsewhere. The script finds one URL of each page type that search
engines should index by reading the site's own links (home, the conditions A-Z, a
condition guide, an article, the community, a question, the medical reviewers, a
reviewer's profile and an editor-maintained page such as /privacy/), so it needs no
slugs. It runs Lighthouse 12 (bench/lighthouse/, pinned by its own package-lock.json
and installed there with `npm ci` when missing or stale, apart from the site's own
npm packages) in Debian's headless Chromium (CHROME_PATH, default /usr/bin/chromium),
one page at a time (up to four runs of a page when Lighthouse fails to audit it, as
its NO_NAVSTART now and then does), and prints a table of the performance, accessibility,
best-practices and SEO scores (0-100). Mobile is Lighthouse's default (an emulated
phone on a simulated slow 4G network with a 4x slower CPU); --preset desktop is the
other.

It exits 1 when any page scores below 100 for accessibility, best practices or SEO,
after listing each failing audit with the elements Lighthouse names; performance is
shown, not judged: it means little on a development server with DEBUG on, and on a
shared machine it varies from run to run. It exits 2 when it can't run (a bad
argument, no site at BASE_URL, a page type not found, no node or Chromium).
"""

import argparse
import html
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "bench" / "lighthouse"
LIGHTHOUSE = FOLDER / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
JUDGED = ("accessibility", "best-practices", "seo")
# Without the background-networking ones, Chromium's own requests to Google's services
# are refused on a closed network and Lighthouse's run fails.
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
    "--disable-background-networking --disable-component-update --disable-sync"
)
PAGE_SECONDS = 240  # one Lighthouse run; a normal one takes 10-20 s
ELEMENTS_SHOWN = 10  # per failing audit
ATTEMPTS = 4  # per page, when Lighthouse fails to audit it


class Parser(argparse.ArgumentParser):
    def error(self, message):  # one line, not argparse's usage and message
        self.exit(2, f"{self.prog}: {message} (--help for usage)\n")


class Stop(Exception):
    """The script can't go on: a one-line reason, exit 2."""


def main() -> int:
    parser = Parser(
        prog="bench/lighthouse.py",
        description=__doc__.splitlines()[0],
    )
    parser.add_argument(
        "base_url",
        nargs="?",
        default="http://localhost:8000",
        metavar="BASE_URL",
        help="the running site (default http://localhost:8000)",
    )
    parser.add_argument(
        "--preset",
        choices=("mobile", "desktop"),
        default="mobile",
        help="Lighthouse's default mobile emulation, or its desktop preset (default mobile)",
    )
    parser.add_argument(
        "--reports", metavar="DIR", help="also keep each page's full Lighthouse JSON report here"
    )
    args = parser.parse_args()
    try:
        base = base_url(args.base_url)
        reports = Path(args.reports) if args.reports else None
        if reports and reports.exists() and not reports.is_dir():
            raise Stop(f"--reports {args.reports}: not a directory")
        chrome = os.environ.get("CHROME_PATH") or "/usr/bin/chromium"
        if not os.access(chrome, os.X_OK):
            raise Stop(f"no Chromium at {chrome} (apt-get install chromium, or set CHROME_PATH)")
        for tool in ("node", "npm"):
            if shutil.which(tool) is None:
                raise Stop(f"{tool} is not installed")
        pages = discover(base)
        install()
        if reports:
            reports.mkdir(parents=True, exist_ok=True)
        results = {}
        for name, url in pages.items():
            print(f"Lighthouse: {name}, {url}…", file=sys.stderr, flush=True)
            results[name] = audit_page(url, args.preset, chrome, reports, name)
    except Stop as stop:
        print(f"bench/lighthouse.py: {stop}", file=sys.stderr)
        return 2
    return report(base, args.preset, pages, results, browser_version(chrome))


def base_url(text: str) -> str:
    """The site's address as scheme://host[:port], or Stop with why not."""
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https"):
        raise Stop(f"BASE_URL {text!r}: must start with http:// or https://")
    try:
        parts.port  # noqa: B018 -- raises on a port that isn't a number in range
    except ValueError:
        raise Stop(f"BASE_URL {text!r}: the port is not a number from 0 to 65535") from None
    if not parts.hostname:
        raise Stop(f"BASE_URL {text!r}: no host")
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise Stop(
            f"BASE_URL {text!r}: give only scheme, host and port, e.g. http://localhost:8000"
        )
    return f"{parts.scheme}://{parts.netloc}"


def fetch(url: str) -> str:
    # The scheme is http or https: base_url() allows no other.
    agent = {"User-Agent": "Empower bench/lighthouse.py"}
    request = urllib.request.Request(url, headers=agent)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
            return response.read().decode(response.headers.get_content_charset() or "utf-8")
    except urllib.error.HTTPError as error:
        raise Stop(f"{url} answered {error.code} {error.reason}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise Stop(f"cannot reach {url} ({reason}): is the site running?") from None


def links(base: str, url: str, body: str) -> list[str]:
    """The site's own pages that a page links to, as paths, in order, once each."""
    found = []
    origin = urlsplit(base)[:2]
    for href in re.findall(r"""<a\b[^>]*?\shref\s*=\s*["']([^"']*)["']""", body, re.I):
        target = urlsplit(urljoin(url, html.unescape(href)))
        if target[:2] == origin and not target.query and target.path not in found:
            found.append(target.path)
    return found


def discover(base: str) -> dict[str, str]:
    """One URL of each public page type, found from the site's own links."""
    print(f"Finding the pages of {base}…", file=sys.stderr, flush=True)
    bodies: dict[str, list[str]] = {}

    def links_on(path: str) -> list[str]:
        if path not in bodies:
            bodies[path] = links(base, base + path, fetch(base + path))
        return bodies[path]

    def first(name: str, pattern: str, *on: str) -> str:
        for path in on:
            for link in links_on(path):
                if re.fullmatch(pattern, link):
                    return link
        raise Stop(f"no link to a {name} ({pattern}) on {', '.join(on)}")

    pages = {"home": "/", "conditions A-Z": "/conditions/"}
    for path in pages.values():
        links_on(path)
    pages["condition guide"] = first("condition", r"/conditions/[-\w]+/", "/conditions/")
    pages["article"] = first("article", r"/articles/[-\w]+/", "/", pages["condition guide"])
    pages["community"] = "/community/"
    pages["question"] = first(
        "question", r"/community/questions/\d+/[-\w]+/", "/community/", pages["condition guide"]
    )
    pages["medical reviewers"] = "/medical-reviewers/"
    pages["reviewer profile"] = first(
        "profile", r"/people/[-\w]+/", "/medical-reviewers/", pages["article"]
    )
    # An editor-maintained page: /privacy/ or /about/ when the home page links to one,
    # else the first page at /<slug>/ it links to that is none of the above.
    home_links = links_on("/")
    static = [p for p in ("/privacy/", "/about/") if p in home_links]
    if not static:
        sections = set(pages.values()) | {"/search/", "/newsletter/", "/admin/"}
        static = [p for p in home_links if re.fullmatch(r"/[-\w]+/", p) and p not in sections]
    if not static:
        raise Stop("no link to an editor-maintained page such as /privacy/ on /")
    pages["page"] = static[0]
    for path in pages.values():
        links_on(path)  # each answers 200, and the page cache has it before Lighthouse comes
    return {name: base + path for name, path in pages.items()}


def install() -> None:
    """npm ci in bench/lighthouse/ unless node_modules already holds exactly its lock."""
    lock = json.loads((FOLDER / "package-lock.json").read_text())["packages"]
    lock.pop("", None)
    hidden = FOLDER / "node_modules" / ".package-lock.json"
    try:
        installed = json.loads(hidden.read_text())["packages"]
    except (OSError, ValueError, KeyError):
        installed = None
    if installed == lock and LIGHTHOUSE.exists():
        return
    print("Installing Lighthouse (npm ci in bench/lighthouse/)…", file=sys.stderr, flush=True)
    done = subprocess.run(
        ["npm", "ci", "--no-audit", "--no-fund"], cwd=FOLDER, capture_output=True, text=True
    )
    if done.returncode or not LIGHTHOUSE.exists():
        last = (done.stderr.strip() or done.stdout.strip() or "no output").splitlines()[-1]
        raise Stop(f"npm ci in bench/lighthouse/ failed: {last}")


def audit_page(url: str, preset: str, chrome: str, reports: Path | None, name: str) -> dict:
    """Lighthouse's report, run again when Lighthouse itself failed: its NO_NAVSTART (no
    trace of the page load) comes and goes with Chromium, and its advice is to run again."""
    for attempt in range(1, ATTEMPTS + 1):
        result = run_lighthouse(url, preset, chrome, reports, name)
        broken = "error" in result or any(
            score(result, category) is None for category in CATEGORIES
        )
        if not broken or attempt == ATTEMPTS:
            return result
        why = result.get("error", "a category without a score")
        print(f"  {why}; again ({attempt + 1} of {ATTEMPTS})…", file=sys.stderr, flush=True)
    raise AssertionError("unreachable")


def run_lighthouse(url: str, preset: str, chrome: str, reports: Path | None, name: str) -> dict:
    """Lighthouse's JSON report for one URL, or {"error": why}."""
    with tempfile.TemporaryDirectory(prefix="empower-lighthouse-") as scratch:
        output = Path(scratch) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={output}",
            f"--only-categories={','.join(CATEGORIES)}",
            f"--chrome-flags={CHROME_FLAGS}",
            *(["--preset=desktop"] if preset == "desktop" else []),
        ]
        env = {**os.environ, "CHROME_PATH": chrome, "TMPDIR": scratch}
        try:
            done = subprocess.run(
                command, env=env, cwd=FOLDER, capture_output=True, text=True, timeout=PAGE_SECONDS
            )
        except subprocess.TimeoutExpired:
            return {"error": f"Lighthouse took more than {PAGE_SECONDS} s"}
        if not output.exists():
            last = (done.stderr.strip() or f"exit {done.returncode}").splitlines()[-1]
            return {"error": f"Lighthouse failed: {last}"}
        if reports:
            shutil.copy(output, reports / (re.sub(r"\W+", "-", name) + ".json"))
        result = json.loads(output.read_text())
    if result.get("runtimeError"):
        error = result["runtimeError"]
        return {"error": f"{error.get('code')}: {error.get('message')}", **result}
    return result


def browser_version(chrome: str) -> str:
    """Chromium's version as it says it (Debian's wrapper script may grumble on stderr)."""
    try:
        said = subprocess.run(
            [chrome, "--version"], capture_output=True, text=True, timeout=30
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        said = ""
    found = re.search(r"\d+(?:\.\d+){1,3}", said)
    return found.group(0) if found else "?"


def score(result: dict, category: str) -> int | None:
    value = result.get("categories", {}).get(category, {}).get("score")
    return None if value is None else int(value * 100 + 0.5)  # as Lighthouse rounds


def report(base: str, preset: str, pages: dict, results: dict, browser: str) -> int:
    settings, version = {}, ""
    for result in results.values():
        if "configSettings" in result:
            settings = result["configSettings"]
            version = result.get("lighthouseVersion", "")
            break
    screen = settings.get("screenEmulation", {})
    throttling = settings.get("throttling", {})
    print(
        f"\nLighthouse {version or '?'}, {preset} "
        f"({'Lighthouse default, ' if preset == 'mobile' else '--preset=desktop, '}"
        f"{screen.get('width', '?')}x{screen.get('height', '?')} screen, "
        f"{settings.get('throttlingMethod', '?')} throttling: "
        f"{throttling.get('rttMs', '?')} ms RTT, {throttling.get('throughputKbps', '?')} kb/s, "
        f"CPU x{throttling.get('cpuSlowdownMultiplier', '?')}); "
        f"Chromium {browser}, headless; {base}.\n"
    )
    print("| page | URL | performance | accessibility | best practices | SEO |")
    print("|---|---|---:|---:|---:|---:|")
    failing = []
    for name, url in pages.items():
        result = results[name]
        scores = {category: score(result, category) for category in CATEGORIES}
        cells = " | ".join("error" if s is None else str(s) for s in scores.values())
        print(f"| {name} | {url.removeprefix(base)} | {cells} |")
        if "error" in result or any(scores[c] is None or scores[c] < 100 for c in JUDGED):
            failing.append(name)
    if not failing:
        print("\nEvery page scores 100 for accessibility, best practices and SEO.")
        return 0
    print("\nBelow 100 for accessibility, best practices or SEO:")
    for name in failing:
        result = results[name]
        print(f"\n{name}, {pages[name]}")
        if "error" in result:
            print(f"  Lighthouse could not audit it: {result['error']}")
        for category in JUDGED:
            for line in failed_audits(result, category):
                print(f"  {line}")
    return 1


def failed_audits(result: dict, category: str) -> list[str]:
    """Each audit that costs the category points, with the elements Lighthouse names."""
    lines = []
    audits = result.get("audits", {})
    for ref in result.get("categories", {}).get(category, {}).get("auditRefs", []):
        audit = audits.get(ref["id"], {})
        if ref.get("weight", 0) <= 0:
            continue
        if audit.get("score") is not None and audit["score"] >= 1:
            continue
        if audit.get("score") is None and audit.get("scoreDisplayMode") != "error":
            continue  # not applicable, manual or informative: it counts for nothing
        got = "error" if audit.get("score") is None else f"score {audit['score']:g}"
        lines.append(f"[{category}] {ref['id']}: {audit.get('title', '')} ({got})")
        for note in (
            audit.get("displayValue"),
            audit.get("explanation"),
            audit.get("errorMessage"),
        ):
            if note:
                lines.append(f"    {one_line(note)}")
        elements = list(describe(audit.get("details") or {}))
        for element in elements[:ELEMENTS_SHOWN]:
            lines.append(f"    - {element}")
        if len(elements) > ELEMENTS_SHOWN:
            lines.append(f"    … and {len(elements) - ELEMENTS_SHOWN} more")
    return lines


def describe(details: dict):
    """One line per item of an audit's details: the element's selector and snippet when
    it names one, else what the item says (a URL, a console message, a robots.txt line)."""
    if details.get("type") == "list":
        for part in details.get("items", []):
            yield from describe(part)
        return
    for item in details.get("items", []) or []:
        if not isinstance(item, dict):
            continue
        node = item.get("node")
        if isinstance(node, dict) and (node.get("selector") or node.get("snippet")):
            text = element(node)
            sub = item.get("subItems") if isinstance(item.get("subItems"), dict) else {}
            related = [
                element(s["relatedNode"])
                for s in sub.get("items", [])
                if isinstance(s, dict) and isinstance(s.get("relatedNode"), dict)
            ]
            if related:
                text += f" (related: {'; '.join(related[:3])})"
            why = (node.get("explanation") or "").replace("Fix any of the following:", "")
            why = why.replace("Fix all of the following:", "")
            if why.strip():
                text += f" — {why.strip()}"
            yield one_line(text)
            continue
        said = []
        for key in ("description", "message", "issueType", "source", "url", "line", "code"):
            value = item.get(key)
            if isinstance(value, dict):
                value = value.get("url") or value.get("value") or value.get("text")
            if value not in (None, "") and str(value) not in said:
                said.append(str(value))
        sub = (
            item.get("subItems", {}).get("items", [])
            if isinstance(item.get("subItems"), dict)
            else []
        )
        for sub_item in sub[:3]:
            if isinstance(sub_item, dict) and sub_item.get("url"):
                said.append(sub_item["url"])
        if said:
            yield one_line(" — ".join(said))


def element(node: dict) -> str:
    """An element as Lighthouse names it: CSS selector, opening tag, and its text."""
    text = f"{node.get('selector', '')}  {node.get('snippet', '')}".strip()
    label = node.get("nodeLabel")
    if label and label not in node.get("snippet", ""):
        text += f"  “{label}”"
    return text


def one_line(text) -> str:
    text = re.sub(r"\s+", " ", str(text)).strip()
    return text if len(text) <= 400 else text[:399] + "…"


if __name__ == "__main__":
    sys.exit(main())
