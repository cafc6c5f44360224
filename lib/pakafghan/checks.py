"""Column checks that follow Table Schema: types, required, enum, pattern, lengths, ranges, keys.

Every check works on a whole column at once: regular expressions over a column's joined cells,
set lookups, lengths and ``duplicated``, each one pass over the column; messages are worded only
for the rows that fail.

Example:
    >>> import numpy as np, pandas as pd
    >>> from pakafghan.checks import ColumnChecker
    >>> from pakafghan.schema import Field
    >>> checker = ColumnChecker("t.csv", np.array([2, 3]))
    >>> f = Field("kind", "string", constraints={"enum": ["city", "region"]})
    >>> [str(p) for p in checker.check_field(f, pd.Series(["city", "town"]))]
    ["t.csv:3: kind: 'town' is not allowed; use one of: city, region"]
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

import numpy as np
import pandas as pd

from pakafghan.problems import Problem
from pakafghan.schema import Field

#: Longest cell accepted in a field that sets no maxLength of its own.
CELL_LIMIT = 10_000

#: A cell that starts with one of these may be run as a formula when opened in a spreadsheet.
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
_SPACE_AFTER = re.compile(r"\0(?=\s)")

_DATE_SHAPE = r"\d{4}-\d{2}-\d{2}"
_NUMBER_SHAPE = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
_INTEGER_SHAPE = r"[+-]?\d+"


def short(value: object, limit: int = 60) -> str:
    """``repr`` of a cell, cut to ``limit`` characters so a 1 MB cell does not flood a report."""
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + f"... ({len(text)} characters)"
    return repr(text)


def _plain(values: object) -> object:
    """pandas' values as a NumPy object array (iterating a pandas string column is slow)."""
    return values.to_numpy(dtype=object) if isinstance(values, (pd.Series, pd.Index)) else values


def member(values: np.ndarray | pd.Series, allowed: object) -> np.ndarray:
    """True where ``values`` is in ``allowed``: one set lookup per row, linear in the rows."""
    cells = _plain(values)
    known = set(_plain(allowed))
    return np.fromiter(map(known.__contains__, cells), dtype=bool, count=len(cells))


#: How many values :func:`fullmatch` matches at once.
_BLOCK = 1_000


def fullmatch(values: np.ndarray, pattern: str, where: np.ndarray) -> np.ndarray:
    """True where ``values`` fully match ``pattern``; only rows in ``where`` are looked at.

    Fast path: a block of values joined by newlines is matched by one regular expression in one
    call; only a block that fails (or holds a newline) is matched value by value.
    """
    out = np.zeros(len(values), dtype=bool)
    idx = np.flatnonzero(where)
    regex = _compiled(pattern)
    joined_regex = _compiled(f"(?:(?:{pattern})\n)*(?:{pattern})")
    for start in range(0, len(idx), _BLOCK):
        rows = idx[start : start + _BLOCK]
        block = values[rows].tolist()
        joined = "\n".join(block)
        if joined.count("\n") == len(block) - 1 and joined_regex.fullmatch(joined):
            out[rows] = True
        else:
            out[rows] = [regex.fullmatch(v) is not None for v in block]
    return out


def _edges(cells: np.ndarray, length: np.ndarray, text: bool) -> tuple[np.ndarray, np.ndarray]:
    """Cells with white space at either end, and (for ``text``) cells starting like a formula.

    The cells are joined by NUL, a character no table may hold (see :mod:`pakafghan.csvread`).
    Two scans find every NUL followed by something worth a look: one over the joined cells for
    their first characters, one over the same text reversed for their last. Python sorts out
    those few cells.
    """
    joined = "\0" + "\0".join(cells) + "\0"
    starts = np.cumsum(length + 1) - length  # where each cell begins in ``joined``
    ends = starts + length  # the NUL after each cell
    first = _compiled(r"\0(?=[\s=+@-])" if text else r"\0(?=\s)")
    look = np.searchsorted(starts, [m.end() for m in first.finditer(joined)])
    back = len(joined) - 1 - np.array([m.start() for m in _SPACE_AFTER.finditer(joined[::-1])])
    look = set(look.tolist()) | set(np.searchsorted(ends, back).tolist())
    spaced = np.zeros(len(cells), dtype=bool)
    formula = np.zeros(len(cells), dtype=bool)
    for i in look:
        value = cells[i]
        if value[0].isspace() or value[-1].isspace():
            spaced[i] = True
        elif text and value[0] in FORMULA_SIGNS:
            formula[i] = True
    return spaced, formula


@lru_cache(maxsize=64)
def _compiled(pattern: str) -> re.Pattern:
    return re.compile(pattern)


class ColumnChecker:
    """Checks the columns of one table; ``lines[i]`` is the CSV line of row ``i``."""

    def __init__(self, file: str, lines: np.ndarray):
        self.file = file
        self.lines = lines

    def flag(
        self,
        mask: np.ndarray | pd.Series,
        field: str,
        values: pd.Series | np.ndarray,
        say: Callable[[str], str],
        *,
        code: str,
    ) -> list[Problem]:
        """One problem (with ``code``) for every row where ``mask`` holds; ``say(value)`` words it.

        Example:
            >>> checker = ColumnChecker("t.csv", np.array([2, 3]))
            >>> [p] = checker.flag(np.array([False, True]), "n", ["1", "x"], repr, code="type")
            >>> print(p)
            t.csv:3: n: 'x'
            >>> p.code
            'type'
        """
        idx = np.flatnonzero(np.asarray(mask, dtype=bool))
        if not len(idx):
            return []
        vals = np.asarray(values, dtype=object)
        return [Problem(self.file, int(self.lines[i]), field, say(str(vals[i])), code) for i in idx]

    def check_field(self, f: Field, col: pd.Series, check_unique: bool = True) -> list[Problem]:
        """All per-cell checks of one field: required, shape, type, constraints."""
        c = f.constraints
        if f.type == "string" and f.enum is not None:
            out = self._check_enum(f, col)
        else:
            s = col.to_numpy(dtype=object)
            length = np.fromiter(map(len, s), dtype=np.int64, count=len(s))
            present = length > 0
            out = []
            if f.required:
                out += self.flag(
                    ~present, f.name, s, lambda v: "is required but empty", code="required"
                )
            spaced, formula = _edges(s, length, f.type == "string")
            out += self.flag(
                spaced,
                f.name,
                s,
                lambda v: f"{short(v)} has spaces at the start or end",
                code="whitespace",
            )
            ok = present & ~spaced
            if f.type == "string":
                out += self._check_string(f, s, ok, length, formula)
            elif f.type in ("number", "integer"):
                out += self._check_number(f, s, ok)
            elif f.type == "date":
                out += self._check_date(f, s, ok)
        if c.get("unique") and check_unique:
            out += self.check_unique([f.name], col.to_frame(), code="unique")
        return out

    def _check_enum(self, f: Field, col: pd.Series) -> list[Problem]:
        """An enum field needs no string operations: a value is allowed or it is not."""
        cells = col.to_numpy(dtype=object)
        present = cells != ""
        out = []
        if f.required:
            out += self.flag(
                ~present, f.name, cells, lambda v: "is required but empty", code="required"
            )
        allowed = ", ".join(f.enum or [])
        out += self.flag(
            present & ~member(col, f.enum),
            f.name,
            cells,
            lambda v: f"{short(v)} is not allowed; use one of: {allowed}",
            code="enum",
        )
        return out

    def _check_string(
        self, f: Field, s: np.ndarray, ok: np.ndarray, length: np.ndarray, formula: np.ndarray
    ) -> list[Problem]:
        c = f.constraints
        out = []
        limit = c.get("maxLength", CELL_LIMIT)
        too_long = ok & (length > limit)
        out += self.flag(
            too_long,
            f.name,
            s,
            lambda v: f"is {len(v)} characters long; the limit is {limit}",
            code="length",
        )
        ok = ok & ~too_long
        if "minLength" in c:
            n = c["minLength"]
            out += self.flag(
                ok & (length < n), f.name, s, lambda v: f"is shorter than {n}", code="length"
            )
        formula = ok & formula
        out += self.flag(
            formula,
            f.name,
            s,
            lambda v: (
                f"{short(v)} starts with {v[0]!r}, which a spreadsheet may run as a "
                "formula; reword it so that it starts with a letter or digit"
            ),
            code="formula",
        )
        ok = ok & ~formula
        if "pattern" in c:
            pattern = c["pattern"]
            out += self.flag(
                ok & ~fullmatch(s, pattern, ok),
                f.name,
                s,
                lambda v: f"{short(v)} does not have the expected form ({pattern})",
                code="pattern",
            )
        return out

    def _check_number(self, f: Field, s: np.ndarray, ok: np.ndarray) -> list[Problem]:
        shape = _INTEGER_SHAPE if f.type == "integer" else _NUMBER_SHAPE
        bad = ok & ~fullmatch(s, shape, ok)
        word = "a whole number" if f.type == "integer" else "a number"
        out = self.flag(bad, f.name, s, lambda v: f"{short(v)} is not {word}", code="type")
        good = ok & ~bad
        numbers = np.full(len(s), np.nan)
        numbers[good] = s[good].astype(np.float64)
        out += self._range(f, s, numbers, good, str)
        return out

    def _check_date(self, f: Field, s: np.ndarray, ok: np.ndarray) -> list[Problem]:
        shape_ok = fullmatch(s, _DATE_SHAPE, ok)
        out = self.flag(
            ok & ~shape_ok,
            f.name,
            s,
            lambda v: f"{short(v)} is not a date in the form YYYY-MM-DD",
            code="type",
        )
        candidate = ok & shape_ok
        dates = np.full(len(s), np.datetime64("NaT"), dtype="datetime64[D]")
        if candidate.any():
            dates[candidate] = parse_dates(pd.Series(s[candidate].astype(object))).to_numpy(
                dtype="datetime64[D]"
            )
        impossible = candidate & np.isnat(dates)
        out += self.flag(
            impossible,
            f.name,
            s,
            lambda v: f"{short(v)} is not a real date (no such day)",
            code="type",
        )
        good = candidate & ~impossible
        out += self._range(f, s, dates, good, lambda b: str(b)[:10])
        return out

    def _range(
        self, f: Field, s: np.ndarray, parsed: np.ndarray, good: np.ndarray, fmt: Callable
    ) -> list[Problem]:
        c = f.constraints
        out = []
        as_value = (lambda x: np.datetime64(x, "D")) if f.type == "date" else float
        with np.errstate(invalid="ignore"):
            if "minimum" in c:
                lo = as_value(c["minimum"])
                out += self.flag(
                    good & (parsed < lo),
                    f.name,
                    s,
                    lambda v: (
                        f"{short(v)} is before the earliest allowed value {fmt(c['minimum'])}"
                    ),
                    code="range",
                )
            if "maximum" in c:
                hi = as_value(c["maximum"])
                out += self.flag(
                    good & (parsed > hi),
                    f.name,
                    s,
                    lambda v: f"{short(v)} is after the latest allowed value {fmt(c['maximum'])}",
                    code="range",
                )
        return out

    def check_unique(
        self, names: list[str], frame: pd.DataFrame, *, code: str = "primary-key"
    ) -> list[Problem]:
        """Keys must be unique, also when compared without surrounding spaces and case.

        ``code`` is ``"primary-key"`` for the table's key, ``"unique"`` for a unique field.

        Example:
            >>> checker = ColumnChecker("t.csv", np.array([2, 3]))
            >>> [p] = checker.check_unique(["id"], pd.DataFrame({"id": ["a", "A "]}))
            >>> p.line, p.code, p.message.startswith("'A ' is already used on line 2")
            (3, 'primary-key', True)
        """
        parts = [[v.strip().lower() for v in frame[n].to_numpy(dtype=object)] for n in names]
        joined = parts[0] if len(parts) == 1 else ["\x1f".join(k) for k in zip(*parts, strict=True)]
        keys = pd.Series(joined)
        dup = keys.duplicated(keep="first").to_numpy()
        if not dup.any():
            return []
        first_line = pd.Series(self.lines).groupby(keys.to_numpy()).transform("first")
        label = "+".join(names)
        shown = frame[names].agg(" + ".join, axis=1) if len(names) > 1 else frame[names[0]]
        idx = np.flatnonzero(dup)
        return [
            Problem(
                self.file,
                int(self.lines[i]),
                label,
                f"{short(shown.iloc[i])} is already used on line {int(first_line.iloc[i])} "
                "(keys must be unique, ignoring case and spaces)",
                code,
            )
            for i in idx
        ]


def parse_dates(col: pd.Series) -> pd.Series:
    """ISO dates to datetimes; empty or impossible dates become NaT."""
    return pd.to_datetime(col, format="%Y-%m-%d", errors="coerce")
