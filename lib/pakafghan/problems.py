"""Problems found in the data, and the one exception the library raises for bad data.

Every problem names the file, the physical line of the CSV file (1 is the header) and the field,
and says in plain words what is wrong. It also carries a stable, machine-readable ``code`` (one of
:data:`CODES`, in the manner of frictionless's error types): code that reacts to a problem, and
tests, use the code, never the wording. The code is not part of the printed problem.

Example:
    >>> from pakafghan.problems import Problem
    >>> p = Problem("events.csv", 7, "date_earliest", "'2025-02-30' is not a real date", "type")
    >>> print(p)
    events.csv:7: date_earliest: '2025-02-30' is not a real date
    >>> p.code
    'type'
"""

from __future__ import annotations

from dataclasses import dataclass

#: How many problems an exception message lists before it says "and N more".
MESSAGE_LIMIT = 20

#: Every problem code, with what it means. The one list: the README's validator section lists
#: exactly these, and a test keeps the two in step.
CODES: dict[str, str] = {
    # files
    "file-missing": "a table's CSV file, or datapackage.json, is not in the data folder",
    "file-unreadable": "a file is there but cannot be read (no permission to read it, say)",
    "package-unreadable": "datapackage.json is not valid JSON or lacks a required key",
    "encoding-error": "the file has bytes that are not UTF-8",
    "file-empty": "the file is empty: not even a header line",
    "control-character": "the text holds a control character (U+0000 or U+0001)",
    # CSV structure
    "unclosed-quote": 'a quote (") opens a cell and is never closed',
    "csv-malformed": "the file cannot be read as CSV at all",
    "duplicate-column": "a column name appears more than once in the header",
    "unnamed-column": "a column has no name in the header",
    "unknown-column": "a column is not described in datapackage.json",
    "missing-column": "a required column is not in the file",
    "blank-row": "a blank line, or a row with only one field",
    "ragged-row": "a row has more or fewer fields than the header",
    "header-only": "the table has a header but no rows",
    # cells (Table Schema)
    "required": "a required cell is empty",
    "whitespace": "a cell has white space at its start or end",
    "type": "a cell is not of its field's type (a number, a whole number, a real YYYY-MM-DD date)",
    "enum": "a cell is not one of its field's allowed values",
    "pattern": "a cell does not have its field's expected form",
    "length": "a cell is longer or shorter than its field allows",
    "range": "a number or date is outside its field's minimum or maximum",
    "formula": "a text cell starts like a spreadsheet formula (=, +, -, @)",
    # keys
    "primary-key": "a row's key is already used (ignoring case and surrounding spaces)",
    "unique": "a value that must be unique is already used (ignoring case and spaces)",
    "foreign-key": "a reference matches no row of the table it points at",
    # rules of this data set
    "date-order": "a latest date comes before its earliest date",
    "year-basis": "an event's dates do not fit its year_basis (stated, inferred or none)",
    "date-precision": "date_precision 'day', but the earliest and latest dates differ",
    "self-copy": "a source is recorded as a copy of itself",
    "text-file-missing": "a source's text_file is not in the sources folder",
    "text-file-encoding": "a source's text file is not UTF-8",
    "quote-missing": "a row citing a source whose text ships has no quote",
    "evidence-missing": "a row citing a source whose text does not ship has no quote and no note",
    "quote-not-found": "a quote does not occur, exactly, in its source's text",
    "qualifier-needs-value": "a claim's value_qualifier is set, but its value is empty",
    "value-max-between": "value_max without value_qualifier 'between', or 'between' without it",
    "value-order": "a claim's value_max is below its value",
    "source-before-event": "a row says an event was held, citing a source published before its end",
    # not produced by the validator
    "other": "a problem reported by something other than the validator (no specific code)",
}

#: The code of a problem built without one (``Problem(file, line, field, message)``).
DEFAULT_CODE = "other"


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data. ``line`` 0: the whole file; ``field`` '': the whole row.

    ``code`` is one of :data:`CODES`; an unknown code is a programming error (``ValueError``).
    """

    file: str
    line: int
    field: str
    message: str
    code: str = DEFAULT_CODE

    def __post_init__(self) -> None:
        if self.code not in CODES:
            raise ValueError(f"unknown problem code {self.code!r}; add it to CODES first")

    def __str__(self) -> str:
        where = self.file if self.line == 0 else f"{self.file}:{self.line}"
        return (
            f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        )


class DataValidationError(ValueError):
    """Raised by the loaders when the data breaks its contract; ``.problems`` lists every problem.

    Example:
        >>> err = DataValidationError([Problem("actors.csv", 3, "kind", "'army' is not allowed")])
        >>> print(err)
        The data has 1 problem:
          actors.csv:3: kind: 'army' is not allowed
    """

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(describe(self.problems))


def describe(problems: list[Problem], limit: int = MESSAGE_LIMIT) -> str:
    """A readable summary of ``problems``, at most ``limit`` lines of them.

    Example:
        >>> print(describe([Problem("places.csv", 0, "", "file is missing", "file-missing")]))
        The data has 1 problem:
          places.csv: file is missing
    """
    n = len(problems)
    head = f"The data has {n} problem{'s' if n != 1 else ''}:"
    lines = [f"  {p}" for p in problems[:limit]]
    if n > limit:
        lines.append(f"  ... and {n - limit} more (run `python -m pakafghan validate` to see all)")
    return "\n".join([head, *lines])
