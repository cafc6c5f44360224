"""Launching Debian's Chromium through Playwright, or saying clearly why the tests cannot.

Playwright's own browser download does not work on the project's machines, so the tests drive
the ``chromium`` package (``make browser-deps``) at :data:`CHROMIUM`. Where it is missing (a
teacher's Mac, a machine without root) the browser tests skip with the reason; under CI
(``CI=true``) a missing browser fails them instead.

Example:
    >>> "--headless" in FLAGS and "--disable-quic" in FLAGS
    True
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("PAKAFGHAN_CHROMIUM", "/usr/bin/chromium"))
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail under CI, where the browser tests must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run here)", pytrace=False)
    pytest.skip(reason)


def missing_reason() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (it is in requirements.txt)"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"Chromium not found at {CHROMIUM}: `make browser-deps` installs Debian's chromium "
            "(needs root and apt-get; not possible on a Mac or without root)"
        )
    return None
