"""The W3C's Nu Html Checker (vnu.jar, from the npm registry), run as a local service.

One Java process serves the whole test session: starting it costs about three
seconds, and checking a page afterwards a few milliseconds.
"""

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest

VNU_JAR = Path(__file__).resolve().parents[1] / "node_modules/vnu-jar/build/dist/vnu.jar"


@dataclass(frozen=True)
class Message:
    kind: str  # "error" or "warning"
    line: int
    text: str
    extract: str

    def __str__(self):
        return f"{self.kind} on line {self.line}: {self.text} [{self.extract.strip()}]"


class NuChecker:
    def __init__(self, port: int):
        self.url = f"http://127.0.0.1:{port}/?out=json"

    def check(self, html: str | bytes) -> list[Message]:
        body = html.encode() if isinstance(html, str) else html
        request = urllib.request.Request(  # noqa: S310 - loopback
            self.url, data=body, headers={"Content-Type": "text/html; charset=utf-8"}
        )
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 - loopback
            messages = json.load(response)["messages"]
        return [
            Message(
                "error" if item["type"] == "error" else "warning",
                item.get("lastLine", 0),
                item["message"],
                item.get("extract", ""),
            )
            for item in messages
            if item["type"] == "error" or item.get("subType") == "warning"
        ]

    def errors(self, html: str | bytes) -> list[str]:
        return [str(message) for message in self.check(html) if message.kind == "error"]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _missing(reason: str):
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def start_nu_checker():
    """Yields a NuChecker; skips where Java or vnu.jar is missing, except in CI."""
    if not shutil.which("java"):
        _missing("Java not found: apt-get install default-jre-headless")
    if not VNU_JAR.exists():
        _missing(f"{VNU_JAR} not found: npm ci")
    port = _free_port()
    process = subprocess.Popen(
        [
            "java",
            "-Xss1024k",
            "-Dnu.validator.servlet.bind-address=127.0.0.1",
            "-cp",
            str(VNU_JAR),
            "nu.validator.servlet.Main",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    checker = NuChecker(port)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                checker.check("<!doctype html><html lang=en><title>x</title>")
                break
            except (urllib.error.URLError, ConnectionError):
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the Nu Html Checker did not start") from None
                time.sleep(0.2)
        yield checker
    finally:
        process.terminate()
        process.wait(timeout=10)
