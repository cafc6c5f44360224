"""Launching Debian's Chromium (``tools/chromium.py``), or saying clearly why the tests cannot.

Where Chromium is missing (a teacher's Mac, a machine without root) the browser tests skip with
the reason; under CI (``CI=true``) a missing browser fails them instead.
"""

from __future__ import annotations

import os

import pytest

from tools.chromium import CHROMIUM, FLAGS, missing_reason

__all__ = ["CHROMIUM", "FLAGS", "missing_reason", "unavailable"]


def unavailable(reason: str) -> None:
    """Skip with ``reason``, or fail under CI, where the browser tests must run."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason} (CI=true: the browser tests must run here)", pytrace=False)
    pytest.skip(reason)
