"""Helpers shared by the browser tests: the lessons to check, and a log of a page's requests.

Example:
    >>> only_loopback("ws://127.0.0.1:8888/api"), only_loopback("https://unpkg.com/x")
    (True, False)
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load_build_site():
    """The static-site builder, ``tools/build_site.py``."""
    from tools import build_site

    return build_site


def lessons() -> list[Path]:
    """The lesson notebooks to check, in lesson order."""
    build_site = load_build_site()
    folder = Path(os.environ.get("PAKAFGHAN_LESSONS_DIR", build_site.LESSONS_DIR))
    return build_site.lesson_paths(folder)


def lesson_params() -> list:
    """One pytest parameter per lesson (named by its file), or one skipped placeholder."""
    found = [pytest.param(path, id=path.stem) for path in lessons()]
    none = pytest.param(None, id="no-lessons", marks=pytest.mark.skip(reason="no lessons yet"))
    return found or [none]


class RequestLog:
    """Every request the pages of a context make; those outside the allowed places are listed
    in ``outside`` (and blocked, for the network: Playwright cannot stop ``file://`` reads)."""

    def __init__(self, allowed: Callable[[str], bool]):
        self.allowed = allowed
        self.seen: list[str] = []
        self.outside: list[str] = []

    def _allowed(self, url: str) -> bool:
        return url.startswith(("data:", "blob:")) or self.allowed(url)

    def _note(self, url: str) -> None:
        self.seen.append(url)
        if not self._allowed(url) and url not in self.outside:
            self.outside.append(url)

    def _route(self, route) -> None:
        if self._allowed(route.request.url):
            route.continue_()
        else:
            route.abort()

    def attach(self, context) -> None:
        context.route("**/*", self._route)
        context.on("request", lambda request: self._note(request.url))
        context.on("page", lambda page: page.on("websocket", lambda ws: self._note(ws.url)))


def only_loopback(url: str) -> bool:
    """True for an address on 127.0.0.1."""
    return urlsplit(url).hostname == "127.0.0.1"
