"""How long a lesson takes, by a stated method, so that "Time to learn" is a measurement.

The method (the teaching review's): reading at :data:`WORDS_PER_MINUTE` words a minute, for the
lesson's text and for the text its cells print (tables, messages; counted in the executed
learner edition, as a learner sees it after running it), plus fixed minutes per exercise, chart,
widget and discussion item (:data:`MINUTES`), plus any minutes the lesson declares in its
metadata (``"pakafghan": {"extra_minutes": 10, "extra_reason": "..."}``, e.g. a first start of
JupyterLab). Sections whose heading says "(optional)" are counted apart: the stated time is the
core's, and the optional minutes are stated beside it.

What counts:

- an **exercise** is a code cell that calls ``check("…")`` (checked) or ``write("…")`` (written);
- a **chart** is an image output, a **widget** a widget view (the widget's minutes include
  reading what it shows);
- a **discussion item** is a list item of a Markdown cell that starts with ``**Discuss``; such a
  cell without a list is one item.

The stated time is the line after "Time to learn": "About N minutes", N the core minutes rounded
up to 5. ``python -m tools.lesson_time`` prints every lesson's breakdown; ``--check`` exits 1 when
a stated time is not the method's, or is over :data:`LIMIT` minutes.

Example:
    >>> round(reading_minutes(300), 1)
    2.0
"""

from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "lessons"
EXECUTED = SOURCES / "executed"

WORDS_PER_MINUTE = 150
#: Minutes per item, for a class of non-programmers.
MINUTES = {
    "exercise": 3.0,
    "written exercise": 5.0,
    "chart": 2.0,
    "widget": 3.0,
    "discussion item": 2.0,
}
#: The longest a lesson's core may take, in minutes.
LIMIT = 60
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
_OPTIONAL = re.compile(r"^(#{1,6})\s.*\(optional\)", re.I | re.M)
_HEADING = re.compile(r"^(#{1,6})\s", re.M)
#: Horizontal rules (``---``) that may open a cell before its heading.
_RULE = re.compile(r"^(\s*-{3,}\s*\n)+")
_STATED = re.compile(r"Time to learn\s*\n+\s*About (\d+) minutes", re.I)
_CHECK = re.compile(r"\bcheck\(\"")
_WRITE = re.compile(r"\bwrite\(\"")


def reading_minutes(words: int) -> float:
    """Minutes to read ``words`` words."""
    return words / WORDS_PER_MINUTE


class _Text(HTMLParser):
    """The visible words of an HTML output (no style or script)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in ("style", "script"):
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "script") and self._skip:
            self._skip -= 1

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _words(text: str) -> int:
    return len(re.findall(r"\w[\w'’.,:/-]*", text))


def output_words(output: dict) -> int:
    """Words a learner reads in one output: its HTML's visible text, else its plain text."""
    data = output.get("data", {})
    if WIDGET_VIEW in data or "image/png" in data:
        return 0
    if "text/html" in data:
        parser = _Text()
        parser.feed("".join(data["text/html"]))
        return _words(" ".join(parser.parts))
    if "text/plain" in data:
        return _words("".join(data["text/plain"]))
    if output.get("output_type") == "stream":
        return _words("".join(output.get("text", "")))
    return 0


@dataclass
class Part:
    """What one part of a lesson (core or optional) holds."""

    words: int = 0
    output_words: int = 0
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(MINUTES, 0))

    @property
    def minutes(self) -> float:
        items = sum(MINUTES[k] * n for k, n in self.counts.items())
        return reading_minutes(self.words + self.output_words) + items


@dataclass
class Timing:
    """A lesson's measured time: the core, the optional sections, and declared extra minutes."""

    name: str
    core: Part
    optional: Part
    extra: float
    extra_reason: str
    stated: int | None

    @property
    def core_minutes(self) -> float:
        return self.core.minutes + self.extra

    @property
    def rounded(self) -> int:
        """The core minutes rounded up to 5: what the lesson should state."""
        return int(5 * math.ceil(self.core_minutes / 5))

    @property
    def optional_minutes(self) -> int:
        return int(5 * math.ceil(self.optional.minutes / 5)) if self.optional.minutes else 0

    def problems(self) -> list[str]:
        """What is wrong with the lesson's stated time (empty when right)."""
        found = []
        if self.stated is None:
            found.append(f"{self.name}: no 'Time to learn … About N minutes' line")
        elif self.stated != self.rounded:
            found.append(
                f"{self.name}: states {self.stated} minutes; the method gives {self.rounded} "
                f"({self.core_minutes:.1f})"
            )
        if self.rounded > LIMIT:
            found.append(f"{self.name}: {self.rounded} minutes is over the {LIMIT}-minute limit")
        return found


def _discussion_items(source: str) -> int:
    items = len(re.findall(r"^\s*[-*] ", source, re.M))
    return items or 1


def measure(source_path: Path, executed_path: Path | None = None) -> Timing:
    """Measure the lesson ``source_path``; outputs come from its executed learner edition."""
    source = nbformat.read(source_path, as_version=4)
    executed_path = executed_path or EXECUTED / source_path.name
    executed = nbformat.read(executed_path, as_version=4) if executed_path.exists() else None
    outputs = {}
    if executed is not None:
        outputs = {c.get("id"): c.get("outputs", []) for c in executed.cells}
    core, optional = Part(), Part()
    part, optional_level = core, 0
    stated = None
    for cell in source.cells:
        text = cell.source
        if cell.cell_type == "markdown":
            heading = _HEADING.match(_RULE.sub("", text))
            if heading:
                level = len(heading[1])
                if _OPTIONAL.match(_RULE.sub("", text)):
                    part, optional_level = optional, level
                elif optional_level and level <= optional_level:
                    part, optional_level = core, 0
            found = _STATED.search(text)
            if found:
                stated = int(found[1])
            if text.lstrip().startswith("**Discuss"):
                part.counts["discussion item"] += _discussion_items(text)
                continue
            part.words += _words(re.sub(r"[|#*`_>-]", " ", text))
            continue
        if cell.cell_type != "code":
            continue
        part.counts["exercise"] += len(_CHECK.findall(text))
        part.counts["written exercise"] += len(_WRITE.findall(text))
        for output in outputs.get(cell.get("id"), []):
            data = output.get("data", {})
            if WIDGET_VIEW in data:
                part.counts["widget"] += 1
            elif "image/png" in data:
                part.counts["chart"] += 1
            part.output_words += output_words(output)
    meta = source.metadata.get("pakafghan", {})
    return Timing(
        source_path.stem,
        core,
        optional,
        float(meta.get("extra_minutes", 0)),
        str(meta.get("extra_reason", "")),
        stated,
    )


def lessons() -> list[Path]:
    """The lesson sources, in lesson order."""
    return sorted(SOURCES.glob("[0-9][0-9]_*.ipynb"))


def table(timings: list[Timing]) -> str:
    """A Markdown table of the breakdowns."""
    head = (
        "| lesson | text words | output words | exercises (written) | charts | widgets | "
        "discussion | extra | core minutes | stated | optional |"
    )
    rows = [head, "|" + "---|" * 11]
    for t in timings:
        c = t.core.counts
        rows.append(
            f"| {t.name} | {t.core.words} | {t.core.output_words} | "
            f"{c['exercise'] + c['written exercise']} ({c['written exercise']}) | {c['chart']} | "
            f"{c['widget']} | {c['discussion item']} | {t.extra:g} | {t.core_minutes:.1f} | "
            f"{t.stated} | {t.optional_minutes or '—'} |"
        )
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.lesson_time")
    parser.add_argument("lessons", nargs="*", type=Path, help="sources (default: every lesson)")
    parser.add_argument("--check", action="store_true", help="exit 1 when a stated time is wrong")
    args = parser.parse_args(argv)
    timings = [measure(p) for p in (args.lessons or lessons())]
    print(table(timings))
    problems = [p for t in timings for p in t.problems()]
    for problem in problems:
        print(problem, file=sys.stderr)
    return 1 if args.check and problems else 0


if __name__ == "__main__":
    sys.exit(main())
