"""Property-based tests: random bytes and random edits never crash the reader or the validator.

The only outcomes allowed are valid data or the library's own problems, each with a specific code
(and, from the loaders, ``DataValidationError``) — never a pandas traceback.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pakafghan
from pakafghan.csvread import read_csv_text
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.problems import CODES, DEFAULT_CODE, Problem

FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=list(HealthCheck))
TABLE = "places"
CSV_ALPHABET = st.sampled_from(list('abc,;"\n\r\t =+-@é’\x00\x01\ufeff0123456789-'))


@pytest.fixture(scope="module")
def folder():
    path = Path(tempfile.mkdtemp(prefix="pakafghan-fuzz-")) / "data"
    shutil.copytree(BUNDLED_DATA_DIR, path)
    yield path
    shutil.rmtree(path.parent, ignore_errors=True)


def _restore(folder: Path) -> None:
    shutil.copy(BUNDLED_DATA_DIR / f"{TABLE}.csv", folder / f"{TABLE}.csv")


def _assert_only_our_outcomes(folder: Path) -> None:
    """The loader validates the whole folder: it returns a table or raises our own error."""
    try:
        places = pakafghan.load_places(folder)
    except pakafghan.DataValidationError as err:
        assert err.problems
        assert all(isinstance(p, Problem) and p.file for p in err.problems)
        assert all(p.code in CODES and p.code != DEFAULT_CODE for p in err.problems)
    else:
        assert len(places) > 0


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_as_a_table(folder, data):
    (folder / f"{TABLE}.csv").write_bytes(data)
    try:
        _assert_only_our_outcomes(folder)
    finally:
        _restore(folder)


@FUZZ
@given(st.text(CSV_ALPHABET, max_size=300))
def test_random_text_never_crashes_the_reader(text):
    table = read_csv_text(text, "x.csv")
    problems = [*table.problems, *table.row_problems]
    assert all(isinstance(p, Problem) and p.code != DEFAULT_CODE for p in problems)
    if not table.problems:
        assert len(table.lines) == len(table.frame)


EDIT = st.tuples(
    st.sampled_from(["insert", "delete", "duplicate_line", "swap_lines", "truncate"]),
    st.integers(min_value=0, max_value=10_000),
    st.integers(min_value=0, max_value=10_000),
    st.text(CSV_ALPHABET, min_size=1, max_size=5),
)


def _apply(text: str, edit: tuple) -> str:
    kind, a, b, chunk = edit
    if not text:
        return chunk
    i, j = sorted((a % len(text), b % len(text)))
    lines = text.split("\n")
    k, m = a % len(lines), b % len(lines)
    if kind == "insert":
        return text[:i] + chunk + text[i:]
    if kind == "delete":
        return text[:i] + text[j:]
    if kind == "duplicate_line":
        return "\n".join(lines[: k + 1] + [lines[k]] + lines[k + 1 :])
    if kind == "swap_lines":
        lines[k], lines[m] = lines[m], lines[k]
        return "\n".join(lines)
    return text[:i]


@FUZZ
@given(st.lists(EDIT, min_size=1, max_size=4))
def test_random_edits_of_a_valid_table(folder, edits):
    text = (BUNDLED_DATA_DIR / f"{TABLE}.csv").read_text(encoding="utf-8")
    for edit in edits:
        text = _apply(text, edit)
    (folder / f"{TABLE}.csv").write_text(text, encoding="utf-8", newline="")
    try:
        _assert_only_our_outcomes(folder)
    finally:
        _restore(folder)
