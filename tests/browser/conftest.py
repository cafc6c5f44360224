"""Fixtures for the browser tests: Chromium, screenshots, and a summary at the end of the run.

Without Chromium the tests skip and say why, except under ``CI=true``, where they fail.
Screenshots go to ``build/screenshots/``; the summary names the folders and what each lesson
showed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from .chromium import CHROMIUM, FLAGS, missing_reason, unavailable
from .helpers import ROOT

SCREENSHOTS = ROOT / "build" / "screenshots"
_seen: dict[str, object] = {}


@pytest.fixture(scope="module")
def chromium() -> Iterator:
    """Debian's Chromium driven by Playwright; one per test module."""
    reason = missing_reason()
    if reason:
        _seen["skipped"] = reason
        unavailable(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def screenshots() -> Callable[[str], Path]:
    """A function giving the path for a screenshot, ``build/screenshots/<group>/<name>.png``."""

    def path(name: str) -> Path:
        target = SCREENSHOTS / f"{name}.png"
        folders = _seen.setdefault("shots", set())
        if target.parent not in folders:  # first use in this run: drop older screenshots
            shutil.rmtree(target.parent, ignore_errors=True)
            target.parent.mkdir(parents=True)
            folders.add(target.parent)
        return target

    return path


@pytest.fixture(scope="session")
def note() -> Callable[[str], None]:
    """A function that adds a line to the browser tests' summary at the end of the run."""
    return _seen.setdefault("notes", []).append


def summary_lines() -> list[str]:
    """What the browser tests saw: skipped or not, the screenshot folders, the notes."""
    lines = [f"browser tests NOT RUN: {_seen['skipped']}"] if "skipped" in _seen else []
    for folder in sorted(_seen.get("shots", ())):
        lines.append(f"browser screenshots: {folder} ({len(list(folder.glob('*.png')))} files)")
    return lines + [f"browser: {line}" for line in _seen.get("notes", [])]


def pytest_sessionfinish(session) -> None:
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:  # a pytest-xdist worker: tests/conftest.py prints them
        worker_output["summary"] = worker_output.get("summary", []) + summary_lines()


def pytest_terminal_summary(terminalreporter) -> None:
    for line in summary_lines():
        terminalreporter.write_line(line)
