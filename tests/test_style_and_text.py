"""Shared chart style, safe text and the widget base."""

from __future__ import annotations

import ipywidgets as widgets
import pytest

from pakafghan.style import (
    OKABE_ITO,
    STANCE_STYLE,
    STATUS_STYLE,
    Chart,
    classroom_style,
    new_figure,
)
from pakafghan.textsafe import html_text, plot_text
from pakafghan.widgets.base import LessonWidget, html_table

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    "&amp; Tom & Jerry",
    "$x^2$ and \\alpha and *bold* and _it_ and `code`",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_html_text_leaves_no_markup_or_specials(text):
    out = html_text(text)
    for ch in "<>$\\*_`":
        assert ch not in out
    assert "&amp;amp;" in out or "&amp;" not in text


def test_html_text_of_missing_values_is_empty():
    import pandas as pd

    assert html_text(None) == html_text(pd.NA) == html_text(float("nan")) == ""


def test_plot_text_escapes_dollars():
    assert plot_text("$5 and $6") == r"\$5 and \$6"


def test_palettes_only_use_okabe_ito_colours():
    allowed = set(OKABE_ITO.values())
    assert {s["color"] for s in STATUS_STYLE.values()} <= allowed
    assert {s["color"] for s in STANCE_STYLE.values()} <= allowed
    # status is told apart by marker or fill too, not by colour alone
    shapes = {(s["marker"], s["filled"]) for s in STATUS_STYLE.values()}
    assert len(shapes) == len(STATUS_STYLE)


def test_chart_shows_figure_and_alt_text():
    with classroom_style():
        fig, ax = new_figure()
        ax.plot([1, 2], [1, 2])
    chart = Chart(fig, "A rising line <b>.")
    bundle = chart._repr_mimebundle_()
    assert bundle["text/plain"] == "Chart: A rising line <b>."
    assert bundle["image/png"]
    assert "&lt;b&gt;" in chart.caption_bundle()["text/html"]
    assert chart.png() == chart.png()


def test_lesson_widget_recomputes_on_change_and_escapes():
    w = LessonWidget(
        {"name": widgets.Dropdown(options=["a", "<b>"], value="a")},
        render=lambda name: f"<p>{html_text(name)}</p>",
        title="Names",
    )
    assert w.html.value == "<p>a</p>"
    w.controls["name"].value = "<b>"
    assert w.html.value == "<p>&lt;b&gt;</p>"
    assert repr(w) == "<Names widget: name='<b>'>"


def test_html_table_escapes_cells_and_says_when_empty():
    import pandas as pd

    frame = pd.DataFrame({"q": ["<script>x</script>"]})
    assert "<script>" not in html_table(frame, ["q"])
    assert "Nothing matches" in html_table(frame.iloc[0:0], ["q"])
