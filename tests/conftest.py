"""Shared fixtures and whole-run guards.

- ``data_copy``: a throwaway copy of the bundled data that a test may break.
- Offline: every network connection except loopback is blocked, in this process and in every
  notebook kernel the tests start (an IPython startup file in a temporary IPYTHONDIR); any
  attempt is logged and fails the run.
- Nothing lost: ``data/`` is hashed before and after the run; any change fails the run.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

import network_guard
import pytest

from pakafghan.datadir import BUNDLED_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
_STARTUP = """import importlib.util as u
spec = u.spec_from_file_location("network_guard", {path!r})
guard = u.module_from_spec(spec)
spec.loader.exec_module(guard)
guard.install()
del u, spec, guard
"""
_state: dict[str, object] = {}


def tree_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pytest_configure(config: pytest.Config) -> None:
    _state["data_digest"] = tree_digest(BUNDLED_DATA_DIR)
    work = Path(tempfile.mkdtemp(prefix="pakafghan-tests-"))
    _state["work"] = work
    startup = work / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    guard_path = str(Path(network_guard.__file__).resolve())
    (startup / "00-network-guard.py").write_text(_STARTUP.format(path=guard_path))
    log = work / "network-attempts.log"
    log.touch()
    _state["log"] = log
    os.environ["IPYTHONDIR"] = str(work / "ipython")
    os.environ[network_guard.LOG_ENV] = str(log)
    network_guard.install()


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if "data_digest" not in _state:
        return
    problems = []
    if tree_digest(BUNDLED_DATA_DIR) != _state["data_digest"]:
        problems.append("data/ changed during the test run: the library or a lesson wrote to it")
    attempts = Path(_state["log"]).read_text().split()
    expected = {"example.org"}  # the offline test's own deliberate attempts
    unexpected = sorted(set(attempts) - expected)
    if unexpected:
        problems.append(f"network access was attempted (and blocked) to: {', '.join(unexpected)}")
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for p in problems:
            if reporter:
                reporter.write_line(f"FAILED (whole run): {p}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    shutil.rmtree(Path(_state["work"]), ignore_errors=True)


class DataCopy:
    """A copy of ``data/`` in a temporary folder, with helpers to edit one table as text."""

    def __init__(self, path: Path):
        self.path = path

    def file(self, table: str) -> Path:
        return self.path / f"{table}.csv"

    def text(self, table: str) -> str:
        return self.file(table).read_text(encoding="utf-8")

    def write(self, table: str, text: str) -> None:
        self.file(table).write_text(text, encoding="utf-8", newline="")

    def replace(self, table: str, old: str, new: str, count: int = 1) -> None:
        text = self.text(table)
        assert old in text, f"{old!r} not in {table}.csv: the fixture is out of date"
        self.write(table, text.replace(old, new, count))

    def line_of(self, table: str, needle: str) -> int:
        """The 1-based line of the first line containing ``needle``."""
        for number, line in enumerate(self.text(table).split("\n"), start=1):
            if needle in line:
                return number
        raise AssertionError(f"{needle!r} not in {table}.csv")

    def append(self, table: str, line: str) -> int:
        """Append a line; return its line number."""
        text = self.text(table)
        self.write(table, text + line + "\n")
        return text.count("\n") + 1


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, target)
    return DataCopy(target)
