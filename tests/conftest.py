"""Shared fixtures and whole-run guards.

- ``ds``: the bundled data, loaded once for the whole run; ``article``: its article-only
  selection. Tests must not change them: both are compared with a fresh load at the end of the
  run, and a difference fails it. A test that needs other data builds it (in memory, or in
  ``data_copy``).
- ``extra_events``: test events added to a ``Dataset`` in memory.
- ``data_copy``: a throwaway copy of the bundled data that a test may break;
  ``data_copy_factory`` makes one that a whole module shares.
- ``hostile``: the one set of hostile texts (markup that runs script, an event handler, an
  entity, Markdown and LaTeX specials), with exactly what each must become in HTML.
- ``tree_digest``: one hash over every file of a folder (the guard below uses it too).
- Offline: every network connection except loopback is blocked, in this process and in every
  notebook kernel the tests start (an IPython startup file in a temporary IPYTHONDIR); any
  attempt is logged and fails the run.
- Nothing lost: ``data/`` is hashed before and after the run; any change fails the run.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import network_guard
import pandas as pd
import pytest

import pakafghan
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.load import Dataset
from pakafghan.select import article_only

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # bench/synthetic.py builds the large data some tests draw
    sys.path.append(str(ROOT))

_STARTUP = """import importlib.util as u
spec = u.spec_from_file_location("network_guard", {path!r})
guard = u.module_from_spec(spec)
spec.loader.exec_module(guard)
guard.install()
del u, spec, guard
"""
_state: dict[str, object] = {}


def _tree_digest(folder: Path) -> str:
    """SHA-256 over every file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def pytest_configure(config: pytest.Config) -> None:
    _state["data_digest"] = _tree_digest(BUNDLED_DATA_DIR)
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
    os.environ["PAKAFGHAN_CACHE"] = str(work / "table-cache")  # not the user's ~/.cache
    os.environ[network_guard.LOG_ENV] = str(log)
    network_guard.install()


# Under pytest-xdist (``make test`` runs two workers), each worker's whole-run problems and
# summary lines reach the controller, which reports them (a worker's own report is not shown).
_from_workers: dict[str, list[str]] = {"problems": [], "summary": []}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error) -> None:
    output = getattr(node, "workeroutput", {})
    _from_workers["problems"] += output.get("whole_run_problems", [])
    _from_workers["summary"] += output.get("summary", [])


def pytest_terminal_summary(terminalreporter) -> None:
    for line in _from_workers["summary"]:
        terminalreporter.write_line(line)


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if "data_digest" not in _state:
        return
    problems = []
    if _tree_digest(BUNDLED_DATA_DIR) != _state["data_digest"]:
        problems.append("data/ changed during the test run: the library or a lesson wrote to it")
    attempts = Path(_state["log"]).read_text().split()
    expected = {"example.org"}  # the offline test's own deliberate attempts
    unexpected = sorted(set(attempts) - expected)
    if unexpected:
        problems.append(f"network access was attempted (and blocked) to: {', '.join(unexpected)}")
    problems += _state.get("shared_changed", [])
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:
        worker_output["whole_run_problems"] = problems
    problems += _from_workers["problems"]
    if problems:
        reporter = session.config.pluginmanager.get_plugin("terminalreporter")
        for p in problems:
            if reporter:
                reporter.write_line(f"FAILED (whole run): {p}", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED
    shutil.rmtree(Path(_state["work"]), ignore_errors=True)


@pytest.fixture(scope="session")
def tree_digest() -> Callable[[Path], str]:
    """The folder hash the whole-run guard uses: ``tree_digest(folder)``."""
    return _tree_digest


# --- shared data ------------------------------------------------------------------------------


def _changed_tables(shared: Dataset, fresh: Dataset) -> list[str]:
    changed = sorted(set(shared.tables) ^ set(fresh.tables))
    for name in sorted(set(shared.tables) & set(fresh.tables)):
        try:
            pd.testing.assert_frame_equal(shared.tables[name], fresh.tables[name])
        except AssertionError:
            changed.append(name)
    return changed


def _guarded(name: str, shared: Dataset, fresh: Callable[[], Dataset]) -> Iterator[Dataset]:
    """Yield ``shared``; after the run, record it if a test changed any of its tables."""
    yield shared
    changed = _changed_tables(shared, fresh())
    if changed:
        _state.setdefault("shared_changed", []).append(
            f"a test changed the shared `{name}` fixture's tables {changed}: copy them first"
        )


def _bundled() -> Dataset:
    return pakafghan.load_dataset(BUNDLED_DATA_DIR)  # whatever $PAKAFGHAN_DATA says


@pytest.fixture(scope="session")
def ds() -> Iterator[Dataset]:
    """The bundled data, loaded once. Do not change it: build another ``Dataset`` instead."""
    yield from _guarded("ds", _bundled(), _bundled)


@pytest.fixture(scope="session")
def article(ds: Dataset) -> Iterator[Dataset]:
    """Only what the article (and its copies) says: ``article_only(ds)``. Do not change it."""
    yield from _guarded("article", article_only(ds), lambda: article_only(_bundled()))


class ExtraEvents:
    """Events added to a ``Dataset`` in memory: copies of ``ev-meeting-announced`` (the
    article's planned meeting), each changed by one dict. Three ready-made changes: a held
    meeting (from S10, over two days), a postponement (S3, one day) and a plan for a week (S3)."""

    held_s10 = MappingProxyType(
        {
            "event_id": "ev-test-held",
            "title": "Test meeting held",
            "source_id": "S10",
            "status": "held",
            "date_text": "Monday",
            "date_earliest": pd.Timestamp("2025-09-29"),
            "date_latest": pd.Timestamp("2025-09-30"),
            "year_basis": "stated",
            "year_source_id": pd.NA,
        }
    )
    postponed_s3 = MappingProxyType(
        {
            "event_id": "ev-test-postponed",
            "title": "Test meeting postponed",
            "source_id": "S3",
            "status": "postponed",
            "date_text": "Friday",
            "date_earliest": pd.Timestamp("2025-08-22"),
            "date_latest": pd.Timestamp("2025-08-22"),
            "date_precision": "day",
            "year_basis": "stated",
            "year_source_id": pd.NA,
        }
    )
    week_s3 = MappingProxyType(
        {
            "event_id": "ev-test-week",
            "title": "Test meeting moved to a later week",
            "source_id": "S3",
            "status": "planned",
            "date_text": "the last week of September",
            "date_earliest": pd.Timestamp("2025-09-22"),
            "date_latest": pd.Timestamp("2025-09-28"),
            "date_precision": "week",
            "year_basis": "stated",
            "year_source_id": pd.NA,
        }
    )

    @staticmethod
    def add(ds: Dataset, *changes: Mapping) -> Dataset:
        """``ds`` plus one changed copy of ev-meeting-announced per dict (types kept)."""
        events = ds.events
        base = events[events["event_id"] == "ev-meeting-announced"]
        extra = [base.assign(quote=pd.NA, note="test row", **change) for change in changes]
        out = pd.concat([events, *extra], ignore_index=True)
        for column in events.columns:
            if isinstance(events[column].dtype, pd.CategoricalDtype):
                categories = events[column].cat.categories
                out[column] = pd.Categorical(out[column].astype(object), categories=categories)
        return Dataset(ds.data_dir, {**ds.tables, "events": out})


@pytest.fixture(scope="session")
def extra_events() -> ExtraEvents:
    return ExtraEvents()


# --- hostile text -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Hostile:
    """Text that would run, or change what a reader sees, if shown unescaped.

    ``parts``: markup that runs script, an element with an event handler, an entity, and the
    Markdown/LaTeX specials; ``parts_html``: exactly what each must become in HTML. ``text`` and
    ``html``: all of them joined by spaces (it fits an actor's name, and holds no comma or
    double quote, so it can be pasted into a CSV line as it is). ``live``: what must never
    appear in HTML built from it.
    """

    parts: tuple[str, ...] = (
        "<script>alert('x')</script>",
        "<img src=x onerror=alert(1)>",
        "&amp; Tom & Jerry",
        "$x^2$ \\(\\alpha\\) *b* _i_ `c`",
    )
    parts_html: tuple[str, ...] = (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;",
        "&lt;img src=x onerror=alert(1)&gt;",
        "&amp;amp; Tom &amp; Jerry",
        "&#36;x^2&#36; &#92;(&#92;alpha&#92;) &#42;b&#42; &#95;i&#95; &#96;c&#96;",
    )
    live: tuple[str, ...] = ("<script", "<img", "$x^2$", "*b*", "_i_", "`c`")

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    @property
    def html(self) -> str:
        return " ".join(self.parts_html)

    def assert_inert(self, html: str) -> None:
        """Fail if ``html`` holds any of the hostile text live."""
        found = [piece for piece in self.live if piece in html]
        assert not found, f"live hostile text {found} in {html[:300]!r}"


@pytest.fixture(scope="session")
def hostile() -> Hostile:
    return Hostile()


# --- a copy of the data -----------------------------------------------------------------------


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

    def set_cell(self, table: str, key: str, column: str, value: str) -> int:
        """Set one cell of the row whose first column is ``key``, through the csv module (so
        quoting stays right); return the row's line (1 is the header)."""
        rows = list(csv.reader(io.StringIO(self.text(table))))
        header = rows[0]
        for line, row in enumerate(rows[1:], start=2):
            if row[0] == key:
                row[header.index(column)] = value
                out = io.StringIO()
                csv.writer(out, lineterminator="\n").writerows(rows)
                self.write(table, out.getvalue())
                return line
        raise AssertionError(f"no row {key!r} in {table}.csv: the fixture is out of date")

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

    def load(self) -> Dataset:
        """The copy, validated and loaded."""
        return pakafghan.load_dataset(self.path)


@pytest.fixture(scope="session")
def data_copy_factory(tmp_path_factory: pytest.TempPathFactory) -> Callable[[], DataCopy]:
    """``data_copy_factory()``: a new copy of the bundled data, for a module-scoped fixture."""

    def make() -> DataCopy:
        target = tmp_path_factory.mktemp("data-copy") / "data"
        shutil.copytree(BUNDLED_DATA_DIR, target)
        return DataCopy(target)

    return make


@pytest.fixture
def data_copy(tmp_path: Path) -> DataCopy:
    target = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, target)
    return DataCopy(target)
