"""Why a target of ``make bench`` can be missed: one explanation per kind of measure, printed and
written to docs/benchmarks.md under the table for every kind with a row not met.

Each says what the time or memory goes to (measured cell by cell or with cProfile on this
machine) and what was done about it; the figures themselves are in the table.

Example:
    >>> from bench.run import Row
    >>> rows = [Row("2. kernel peak memory: 05_timeline", "1.26×", "≤ 1.25×", False)]
    >>> [kind for kind, _ in not_met(rows)]
    ['2. kernel peak memory']
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bench.run import Row

#: The start of a measure's name → why its target may not be met.
WHY = {
    "1. lesson suite": (
        "The import-only notebooks only import three libraries. The lessons also load the data, "
        "draw two to four matplotlib charts each, build widgets and check exercises. Per cell, "
        "a chart or an explorer's first view takes 0.3-2 s (text layout and glyph rendering; a "
        "timeline of 120 events is a 1300 x 4000 pixel PNG); a table of conflicting claims "
        "about 0.6 s."
    ),
    "2. kernel peak memory": (
        "The peak is set by the largest chart a lesson draws. Its pixels are held by the renderer "
        "while matplotlib encodes the PNG from a copy of them. Lesson 5's explorer starts with "
        "every dated event (a 13 x 40 inch figure, about 21 MB of pixels). Lesson 3's explorer "
        "draws a network (networkx is imported only then). A chart lets go of its pixels once "
        "drawn, so charts kept in Out no longer add up."
    ),
    "3. start-up": (
        "A user's first start validates all seven tables: about 80 ms of pandas calls on small "
        "frames, each with a fixed overhead. Later starts read the tables from the per-user "
        "cache (pakafghan.tablecache), keyed on the data's bytes and the library's code."
    ),
    "4. validation vs bare read_csv": (
        "read_csv only parses. The validator also applies some fifteen checks to every cell "
        "(types, allowed values, patterns, lengths, white space, formulas, keys, references, "
        "date order, quotes). The parse alone is about a third of the time. Getting within 1.5x "
        "of the parse would take a compiled validator."
    ),
    "4. validation vs frictionless": (
        "frictionless checks row by row in Python, and we check column by column. Ours is over "
        "20x faster at 10,000 events. The ratio falls at 100,000: from 10,000 to 100,000 "
        "frictionless grew about 5x and ours about 9x. Why frictionless grows less than "
        "linearly was not looked into."
    ),
    "4. validation vs pandera": (
        "Both read with pandas' C parser (about 0.2 s of ours at 100k). pandera's checks are "
        "vectorised pandas calls, as ours are. Ours went from 0.8x to 1.4-1.6x by vectorising "
        "the source-before-event rule, finding white space and formulas with one regular "
        "expression over the joined column, using set lookups, matching patterns a thousand "
        "values at a time and parsing from bytes. What is left is one pass per check over "
        "Python strings. Going further would mean caching parsed dates across checks and "
        "merging checks into fewer passes, which would make the checks harder to read: not "
        "done."
    ),
    "7. Run All": (
        "A lesson's cells, timed one by one in a kernel, take 0.7-4.5 s. The charts and the "
        "explorers' first views are most of it (see 1.); the browser adds about 1 s for a "
        "lesson's outputs, widget views and images, about 1 MB of PNG for a long timeline. "
        "Meeting 1.5x would mean drawing no chart at all on Run All."
    ),
    "8. widget change": (
        "A change that draws a new chart (an actor's network, a filtered timeline) takes the "
        "chart's drawing time. Going back to an earlier choice is cached."
    ),
}


def not_met(rows: list[Row]) -> list[tuple[str, str]]:
    """(kind, why) for each kind of measure that has a row not met, in the table's order."""
    out: list[tuple[str, str]] = []
    for row in rows:
        if row.met is not False:
            continue
        kind = next((k for k in WHY if row.measure.startswith(k)), None)
        entry = (kind or row.measure, WHY.get(kind or "", "not explained yet"))
        if entry not in out:
            out.append(entry)
    return out


def render(rows: list[Row]) -> str:
    """The section under the table: each kind of measure not met, and why."""
    missed = not_met(rows)
    if not missed:
        return "Every target is met.\n"
    lines = ["## Where a target is not met, and why", ""]
    lines += [f"- **{kind}.** {why}" for kind, why in missed]
    return "\n".join(lines) + "\n"
