"""A server installs only what the site needs, every file pinned and checked by its hash."""

import re
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
TOOLS = {"pytest", "pytest-django", "playwright", "ruff", "hypothesis", "aiosmtpd", "extruct"}


def requirements(name: str) -> dict[str, list[str]]:
    """{package: its --hash lines} from a pip-compile'd file."""
    packages: dict[str, list[str]] = {}
    current = None
    for line in (PROJECT / name).read_text().splitlines():
        if pinned := re.match(r"^([A-Za-z0-9._-]+)==\S+", line):
            current = pinned.group(1).lower()
            packages[current] = []
        elif current and "--hash=sha256:" in line:
            packages[current].append(line)
        elif line and not line.startswith(("#", " ")):
            raise AssertionError(f"{name}: an unpinned line: {line!r}")
    return packages


def test_the_server_installs_no_test_tools():
    assert not TOOLS & set(requirements("requirements.txt"))
    assert set(requirements("requirements-dev.txt")) >= TOOLS


def test_every_package_is_pinned_with_hashes():
    for name in ["requirements.txt", "requirements-dev.txt"]:
        packages = requirements(name)
        assert packages, name
        for package, hashes in packages.items():
            assert hashes, f"{package} in {name} has no hash"


def test_the_two_files_agree_on_shared_versions():
    site = (PROJECT / "requirements.txt").read_text()
    dev = (PROJECT / "requirements-dev.txt").read_text()
    site_pins = dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", site, re.MULTILINE))
    dev_pins = dict(re.findall(r"^([A-Za-z0-9._-]+)==(\S+)", dev, re.MULTILINE))
    for package in site_pins.keys() & dev_pins.keys():
        assert site_pins[package] == dev_pins[package], package
