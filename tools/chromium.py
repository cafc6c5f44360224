"""Debian's Chromium, as the browser tests and the handouts launch it through Playwright.

Playwright's own browser download does not work on the project's machines, so everything that
drives a browser uses the ``chromium`` package (``make browser-deps``) at :data:`CHROMIUM`
(``PAKAFGHAN_CHROMIUM`` overrides the path), headless, with nothing that calls home.

Example:
    >>> "--headless" in FLAGS and "--disable-quic" in FLAGS
    True
"""

from __future__ import annotations

import os
from pathlib import Path

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


def missing_reason() -> str | None:
    """Why Chromium cannot be driven here, or None when it can."""
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the Python package playwright is not installed (it is in requirements-dev.txt)"
    if not (CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK)):
        return (
            f"Chromium not found at {CHROMIUM}: `make browser-deps` installs Debian's chromium "
            "(needs root and apt-get; not possible on a Mac or without root)"
        )
    return None
