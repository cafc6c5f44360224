"""Problems found in the data, and the one exception the library raises for bad data.

Every problem names the file, the physical line of the CSV file (1 is the header) and the field,
and says in plain words what is wrong.

Example:
    >>> from pakafghan.problems import Problem
    >>> print(Problem("events.csv", 7, "date_earliest", "'2025-02-30' is not a real date"))
    events.csv:7: date_earliest: '2025-02-30' is not a real date
"""

from __future__ import annotations

from dataclasses import dataclass

#: How many problems an exception message lists before it says "and N more".
MESSAGE_LIMIT = 20


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the data. ``line`` 0: the whole file; ``field`` '': the whole row."""

    file: str
    line: int
    field: str
    message: str

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
    """A readable summary of ``problems``, at most ``limit`` lines of them."""
    n = len(problems)
    head = f"The data has {n} problem{'s' if n != 1 else ''}:"
    lines = [f"  {p}" for p in problems[:limit]]
    if n > limit:
        lines.append(f"  ... and {n - limit} more (run `python -m pakafghan validate` to see all)")
    return "\n".join([head, *lines])
