"""GLOSSARY.md defines the words the lessons use, says truly where each first appears, and every
lesson links to it."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[1]
GLOSSARY = ROOT / "GLOSSARY.md"
LESSONS = sorted((ROOT / "lessons").glob("[0-9][0-9]_*.ipynb"))
_ENTRY = re.compile(
    r"^\*\*(?P<term>[^*]+)\*\* — (?P<meaning>.+) "
    r"\*First in \[lesson (?P<n>\d+)\]\(notebooks/(?P<file>\d\d_[a-z_]+\.ipynb)\)\.\*$"
)

#: The words the teaching review found unexplained (X6), each with the entry that defines it.
REVIEW_WORDS = {
    "proposition": "proposition",
    "stance": "stance",
    "directness": "directness",
    "PLOVER": "PLOVER",
    "CONSULT": "CONSULT / ACCUSE",
    "ACCUSE": "CONSULT / ACCUSE",
    "ISO 3166": "ISO 3166",
    "NaT": "NaT",
    "Timedelta": "Timedelta",
    "syndicated": "copy",
    "mirror": "copy",
    "wire copy": "copy",
    "aggregator": "aggregator",
    "validator": "validator",
    "kernel": "kernel",
    "scratch copy": "scratch copy",
    "thread": "thread",
    "year_basis": "year_basis",
    "de facto": "de facto / de jure",
    "de jure": "de facto / de jure",
    "CPEC": "CPEC",
    "TTP": "TTP",
    "ISIS-K": "ISIS-K",
}


def entries() -> list[dict[str, str]]:
    out = []
    for line in GLOSSARY.read_text(encoding="utf-8").splitlines():
        if line.startswith("**"):
            found = _ENTRY.match(line)
            assert found, (
                f"GLOSSARY.md: an entry not in the form '**term** — … *First in …*': {line}"
            )
            out.append(found.groupdict())
    return out


@cache
def lesson_text(path: Path) -> str:
    nb = nbformat.read(path, as_version=4)
    return "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")


def _pattern(word: str) -> re.Pattern:
    flags = 0 if word.isupper() or word in {"NaT"} else re.IGNORECASE
    return re.compile(rf"(?<![\w-]){re.escape(word)}(?:s|es)?(?![\w-])", flags)


def first_lesson(term: str) -> Path | None:
    words = [w.strip() for w in term.split(" / ")]
    for path in LESSONS:
        if any(_pattern(w).search(lesson_text(path)) for w in words):
            return path
    return None


def test_the_entries_are_in_alphabetical_order_and_defined():
    terms = [e["term"] for e in entries()]
    assert len(terms) >= 40
    assert terms == sorted(terms, key=str.casefold)
    assert len(set(terms)) == len(terms)
    for e in entries():
        assert len(e["meaning"]) > 30 and e["meaning"].endswith("."), e["term"]


@pytest.mark.parametrize("entry", entries(), ids=lambda e: e["term"])
def test_each_entry_names_the_lesson_where_it_first_appears(entry):
    first = first_lesson(entry["term"])
    assert first is not None, f"{entry['term']!r} is not used in any lesson: drop it"
    assert (entry["file"], int(entry["n"])) == (first.name, int(first.name[:2])), entry["term"]


@pytest.mark.parametrize("word", sorted(REVIEW_WORDS))
def test_every_word_the_review_found_unexplained_is_defined_if_a_lesson_uses_it(word):
    used = any(_pattern(word).search(lesson_text(p)) for p in LESSONS)
    terms = {e["term"] for e in entries()}
    if used:
        assert REVIEW_WORDS[word] in terms


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_every_lesson_links_to_the_glossary(path):
    first = nbformat.read(path, as_version=4).cells[0].source
    assert "](../GLOSSARY.md)" in first


@pytest.mark.parametrize(
    ("word", "text", "found"),
    [
        ("kernel", "Restart the Kernel.", True),
        ("cell", "Run the cells.", True),
        ("cell", "an excellent report", False),
        ("TTP", "the ttp", False),
        ("NaT", "national", False),
    ],
)
def test_the_word_finder_itself(word, text, found):
    assert bool(_pattern(word).search(text)) is found
