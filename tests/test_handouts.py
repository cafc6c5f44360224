"""The handouts' pages as HTML, before any browser prints them (``tools/handouts.py``)."""

from __future__ import annotations

import re

import nbformat

from pakafghan.article import sentences
from tools import build_site, handouts


def test_the_source_list_gives_each_named_source_from_the_data(ds):
    html = handouts.source_list(ds.sources, ["article", "S7"])
    assert html.count("<tr>") == 3  # the header and two sources
    s7 = ds.sources.set_index("source_id").loc["S7"]
    assert s7["publisher"] in html and s7["url"] in html
    assert "no address recorded" in html  # the article's record has no address
    assert "names no source" in handouts.source_list(ds.sources, [])


def test_the_article_handout_numbers_every_sentence(ds):
    html = handouts.article_html("")
    numbers = [int(n) for n in re.findall(r'<span class="number">(\d+)</span>', html)]
    assert numbers == [s.number for s in sentences(ds)]
    assert html.count('<p class="sentence">') == len(numbers)


def test_learner_pages_leave_space_after_each_exercise_more_for_written_ones():
    path = handouts.LEARNER_DIR / "01_start_here.ipynb"
    body, title = handouts.lesson_html(path, "learner", build_site.exporter())
    cells = {cell.id: cell for cell in nbformat.read(path, as_version=4).cells}
    for tag, call, count in [
        (handouts.ANSWER_SPACE, "write", 2),
        (handouts.SHORT_ANSWER_SPACE, "check", 3),
    ]:
        marked = re.findall(rf'celltag_{tag}" id="cell-id=([^"]+)"', body)
        sources = [cells[cell_id].source for cell_id in marked]
        assert len(sources) == count and all(f'\n{call}("start-' in s for s in sources), sources
    assert title in body and "celltag" not in path.read_text(encoding="utf-8")
