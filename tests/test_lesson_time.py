"""Each lesson states the time its measured method gives, and no lesson's core is over an hour."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from tools import lesson_time
from tools.lesson_time import LIMIT, MINUTES, measure


def _write(path, cells, metadata=None):
    nb = new_notebook(cells=cells, metadata=metadata or {})
    for i, cell in enumerate(nb.cells):
        cell.id = f"c{i}"
    nbformat.write(nb, path)
    return nb


@pytest.fixture
def lesson(tmp_path):
    words = " ".join(["word"] * 300)
    cells = [
        new_markdown_cell(f"# Title\n\n{words}\n\n## Time to learn\n\nAbout 20 minutes."),
        new_code_cell('check("x-1", answer)'),
        new_code_cell('write("x-2", answer)'),
        new_markdown_cell("**Discuss** (in pairs):\n\n- one?\n- two?"),
        new_code_cell("chart(ds)"),
        new_markdown_cell("## 3. More (optional)\n\n" + words),
        new_code_cell('check("x-3", answer)'),
        new_markdown_cell("## Summary\n\nshort"),
    ]
    source = _write(tmp_path / "01_x.ipynb", cells, {"pakafghan": {"extra_minutes": 1}})
    executed = nbformat.from_dict(source)
    executed.cells[4].outputs = [new_output("display_data", {"image/png": "iVBOR"})]
    executed.cells[1].outputs = [new_output("execute_result", {"text/plain": "one two three"})]
    nbformat.write(executed, tmp_path / "executed.ipynb")
    return tmp_path / "01_x.ipynb", tmp_path / "executed.ipynb"


def test_the_method_counts_words_items_and_extra_minutes(lesson):
    timing = measure(*lesson)
    core = timing.core
    assert core.counts == {
        "exercise": 1,
        "written exercise": 1,
        "chart": 1,
        "widget": 0,
        "discussion item": 2,
    }
    assert core.output_words == 3
    expected = (core.words + 3) / 150 + 3 + 5 + 2 + 2 * 2 + 1
    assert timing.core_minutes == pytest.approx(expected)
    assert 300 < core.words < 320  # the prose, the headings' words, "About 20 minutes", …


def test_an_optional_section_is_counted_apart_until_the_next_heading_of_its_level(lesson):
    timing = measure(*lesson)
    assert timing.optional.counts["exercise"] == 1
    assert timing.optional.words >= 300
    assert timing.core.words < 330  # the summary after it is core again
    assert timing.optional_minutes == 10  # 2 minutes of reading + 3 for the exercise, up to 5s


def test_a_wrong_or_missing_stated_time_is_reported(lesson, tmp_path):
    timing = measure(*lesson)
    assert timing.rounded == 20 and timing.stated == 20 and timing.problems() == []
    timing.stated = 15
    assert "states 15 minutes; the method gives 20" in timing.problems()[0]
    timing.stated = None
    assert "no 'Time to learn" in timing.problems()[0]


def test_a_lesson_over_the_limit_is_reported(tmp_path):
    words = " ".join(["word"] * (150 * (LIMIT + 5)))
    path = tmp_path / "02_long.ipynb"
    _write(path, [new_markdown_cell(f"{words}\n\n## Time to learn\n\nAbout 65 minutes.")])
    assert any("over the 60-minute limit" in p for p in measure(path).problems())


def test_the_minutes_per_item_are_the_ones_the_readme_states():
    assert MINUTES == {
        "exercise": 3.0,
        "written exercise": 5.0,
        "chart": 2.0,
        "widget": 3.0,
        "discussion item": 2.0,
    }


@pytest.mark.parametrize("path", lesson_time.lessons(), ids=lambda p: p.stem)
def test_every_lesson_states_its_measured_time_and_fits_an_hour(path):
    assert measure(path).problems() == []


ROOT = lesson_time.ROOT


def _between(text: str, marker: str) -> str:
    return text.split(f"<!-- {marker} -->", 1)[1].split(f"<!-- /{marker} -->", 1)[0].strip()


def test_the_instructor_readme_shows_the_measured_breakdown():
    readme = (ROOT / "notebooks" / "instructor" / "README.md").read_text(encoding="utf-8")
    expected = lesson_time.table([measure(p) for p in lesson_time.lessons()])
    assert _between(readme, "lesson-time-table") == expected, "run: python -m tools.lesson_time"


@pytest.mark.parametrize(
    "page", ["README.md", "notebooks/instructor/README.md", "notebooks/instructor/SUBSTITUTE.md"]
)
def test_the_readmes_state_each_lessons_own_time(page):
    text = (ROOT / page).read_text(encoding="utf-8")
    for path in lesson_time.lessons():
        stated = measure(path).stated
        row = next(line for line in text.splitlines() if _names(line, path))
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert str(stated) in cells, (page, path.name, row)


def _names(line: str, path) -> bool:
    number = int(path.name[:2])
    return line.startswith("|") and (path.name in line or line.startswith(f"| {number}. "))
