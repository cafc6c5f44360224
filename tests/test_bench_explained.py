"""make bench explains every target it misses, and each explanation belongs to a real measure."""

from __future__ import annotations

import re
from pathlib import Path

from bench import explained
from bench.run import Row

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _measure_names() -> set[str]:
    """The measure names the benchmark code writes (the literal start of each)."""
    made = [p for p in BENCH.glob("*.py") if p.name != "explained.py"]  # not its own doctest
    text = "\n".join(p.read_text(encoding="utf-8") for p in made)
    return set(re.findall(r'f?"(\d(?:–\d)?\. [^"{]+)', text)) - set(explained.WHY)


def test_every_explanation_names_a_measure_the_benchmark_makes():
    names = _measure_names()
    for kind in explained.WHY:
        assert any(name.startswith(kind) for name in names), kind


def test_only_rows_not_met_are_explained_once_per_kind():
    rows = [
        Row("2. kernel peak memory: 03_actors", "1.3×", "≤ 1.25×", False),
        Row("2. kernel peak memory: 05_timeline", "1.3×", "≤ 1.25×", False),
        Row("3. start-up, later starts", "40 ms", "≤ 100 ms", True),
        Row("9. something new", "2×", "≤ 1×", False),
    ]
    text = explained.render(rows)
    assert text.count("**2. kernel peak memory.**") == 1
    assert "start-up" not in text
    assert "**9. something new.** not explained yet" in text
    assert explained.render(rows[2:3]) == "Every target is met.\n"
