"""Column checks that follow Table Schema: types, required, enum, pattern, lengths, ranges, keys.

Every check works on a whole column at once (pandas string methods, ``isin``, ``duplicated``);
Python only loops over the rows that fail, to word their messages.

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
from numpy.dtypes import StringDType

from pakafghan.problems import Problem
from pakafghan.schema import Field

#: Longest cell accepted in a field that sets no maxLength of its own.
CELL_LIMIT = 10_000

#: A cell that starts with one of these may be run as a formula when opened in a spreadsheet.
FORMULA_SIGNS = ("=", "+", "-", "@", "\t", "\r")
_WHITESPACE = " \t\r\n\x0b\x0c\xa0"

_DATE_SHAPE = r"\d{4}-\d{2}-\d{2}"
_NUMBER_SHAPE = r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?"
_INTEGER_SHAPE = r"[+-]?\d+"


def short(value: object, limit: int = 60) -> str:
    """``repr`` of a cell, cut to ``limit`` characters so a 1 MB cell does not flood a report."""
    text = str(value)
    if len(text) > limit:
        return repr(text[:limit]) + f"... ({len(text)} characters)"
    return repr(text)


def as_strings(col: pd.Series | np.ndarray) -> np.ndarray:
    """A column as a NumPy ``StringDType`` array, for fast vectorised string operations."""
    return np.asarray(col, dtype=object).astype(StringDType())


def member(values: np.ndarray | pd.Series, allowed: object) -> np.ndarray:
    """True where ``values`` is in ``allowed``.

    A hash lookup, linear in the number of rows (``np.isin`` on string arrays is quadratic when
    both sides are long). Pass object arrays (``frame[col].to_numpy(dtype=object)``): converting
    from NumPy string arrays costs more than the lookup.
    """
    keys = values if isinstance(values, pd.Series) else pd.Series(np.asarray(values, dtype=object))
    return keys.isin(list(allowed)).to_numpy(dtype=bool)


def fullmatch(values: np.ndarray, pattern: str, where: np.ndarray) -> np.ndarray:
    """True where ``values`` fully match ``pattern``; only rows in ``where`` are looked at.

    Fast path: the selected values joined by newlines are matched by one regular expression in
    one call; only when that fails is each value matched on its own.
    """
    out = np.zeros(len(values), dtype=bool)
    idx = np.flatnonzero(where)
    if not len(idx):
        return out
    subset = values[idx].astype(object).tolist()
    regex = _compiled(pattern)
    joined = "\n".join(subset)
    if "\n" not in "".join(subset) and _compiled(f"(?:(?:{pattern})\n)*(?:{pattern})").fullmatch(
        joined
    ):
        out[idx] = True
    else:
        out[idx] = [regex.fullmatch(v) is not None for v in subset]
    return out


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
            s = as_strings(col)
            length = np.strings.str_len(s)
            present = length > 0
            out = []
            if f.required:
                out += self.flag(
                    ~present, f.name, s, lambda v: "is required but empty", code="required"
                )
            spaced, formula = self._edges(s, length, present, f.type == "string")
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

    @staticmethod
    def _edges(
        s: np.ndarray, length: np.ndarray, present: np.ndarray, text: bool
    ) -> tuple[np.ndarray, np.ndarray]:
        """Cells with white space at either end, and (for text) cells starting like a formula.

        Two vectorised strips find the few cells worth a look; Python sorts those out.
        """
        lead = ("=+-@" if text else "") + _WHITESPACE  # NumPy 2.4 misses "@" after "\xa0"
        edge = present & (
            (np.strings.str_len(np.strings.lstrip(s, lead)) < length)
            | (np.strings.str_len(np.strings.rstrip(s)) < length)
        )
        spaced = np.zeros(len(s), dtype=bool)
        formula = np.zeros(len(s), dtype=bool)
        for i in np.flatnonzero(edge):
            value = str(s[i])
            if value[0].isspace() or value[-1].isspace():
                spaced[i] = True
            elif text and value[0] in FORMULA_SIGNS:
                formula[i] = True
        return spaced, formula

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
        parts = [np.strings.lower(np.strings.strip(as_strings(frame[n]))) for n in names]
        key = parts[0]
        for part in parts[1:]:
            key = np.strings.add(np.strings.add(key, "\x1f"), part)
        keys = pd.Series(key.astype(object))
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
    return pd.to_datetime(col.where(col != "", None), format="%Y-%m-%d", errors="coerce")
