"""Three learners on a real JupyterHub (``tools/classroom``), two faults, and nothing left after.

The classroom benchmark's three-learner version, for correctness only (no timing): three
learners log in, get the learner edition, run the fastest lesson with a widget at once; one
server is killed half way and restarted; the hub is restarted under running servers. Then the
hub is stopped, and no process it started may be left, nor any port it listened on. Every port
seen while it ran was on 127.0.0.1. Deselect with ``-m "not hub"`` (about a minute).
"""

from __future__ import annotations

import asyncio
import os
import socket

import pytest

from tools.classroom.bench import run_class
from tools.classroom.hub import PROXY, Hub

pytestmark = pytest.mark.hub
LESSON = "01_start_here.ipynb"  # the fastest lesson that shows a widget and a chart


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory):
    if not PROXY.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{PROXY} is missing (make test installs it with npm ci)")
        pytest.skip(f"{PROXY} is missing: run `make test` (npm ci installs it)")
    # Learners' kernels get the tests' network guard too (tests/conftest.py sets these).
    guard = {k: os.environ[k] for k in ("IPYTHONDIR", "PAKAFGHAN_NETWORK_LOG") if k in os.environ}
    with Hub(tmp_path_factory.mktemp("classroom") / "hub", extra_env=guard) as running:
        yield running


def _answers(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_three_learners_two_faults_and_nothing_left(hub: Hub) -> None:
    report = asyncio.run(run_class(hub, 3, LESSON, baseline=False))
    assert not report.problems, report.table()
    assert report.completed == 3, report.table()
    assert [f.survived for f in report.faults] == [True, True], report.table()
    assert report.listening, "no listening socket of the hub's processes was seen"
    assert all(entry.startswith("127.0.0.1 ") for entry in report.listening), report.listening

    ports = [hub.settings.public_port, hub.settings.hub_port, hub.settings.proxy_api_port]
    left = hub.stop()
    assert not left, f"still running after stop: {left}"
    assert not [p for p in ports if _answers(p)], "a port of the hub still answers after stop"
