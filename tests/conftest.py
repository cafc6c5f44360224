"""Shared fixtures: a throwaway copy of the bundled data that a test may break."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pakafghan.datadir import BUNDLED_DATA_DIR

ROOT = Path(__file__).resolve().parents[1]


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
