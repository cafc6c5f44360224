"""What every chart and widget shares: the palettes, the chart base and the widget base."""

from __future__ import annotations

import ipywidgets as widgets
import matplotlib

from pakafghan.charts.base import DPI, Chart, classroom_style, new_figure
from pakafghan.html import html_text
from pakafghan.style import FONT, OKABE_ITO, STANCE_STYLE, STATUS_HATCH, STATUS_STYLE
from pakafghan.widgets.base import IMAGE_CLASS, LessonWidget


def test_palettes_only_use_okabe_ito_colours():
    allowed = set(OKABE_ITO.values())
    assert {s["color"] for s in STATUS_STYLE.values()} <= allowed
    assert {s["color"] for s in STANCE_STYLE.values()} <= allowed
    # status is told apart by marker or fill too, not by colour alone
    shapes = {(s["marker"], s["filled"]) for s in STATUS_STYLE.values()}
    assert len(shapes) == len(STATUS_STYLE)
    # and filled areas by hatching
    assert set(STATUS_HATCH) == set(STATUS_STYLE)
    assert len(set(STATUS_HATCH.values())) == len(STATUS_HATCH)
    # each stance has its own symbol
    assert len({s["symbol"] for s in STANCE_STYLE.values()}) == len(STANCE_STYLE)


def test_statuses_and_stances_are_the_codebooks(ds):
    assert set(STATUS_STYLE) == set(ds.events["status"].cat.categories)
    assert set(STANCE_STYLE) == set(ds.claims["stance"].cat.categories)


def test_classroom_style_sets_projector_sizes_only_inside():
    before = matplotlib.rcParams["font.size"]
    with classroom_style():
        assert matplotlib.rcParams["font.size"] == FONT["base"]
        assert matplotlib.rcParams["axes.titlesize"] == FONT["title"]
        assert not matplotlib.rcParams["axes.spines.top"]
    assert matplotlib.rcParams["font.size"] == before


def test_new_figure_is_not_registered_with_pyplot():
    import matplotlib.pyplot as plt

    before = plt.get_fignums()
    fig, ax = new_figure(4, 3)
    assert fig.get_size_inches().tolist() == [4.0, 3.0]
    assert fig.dpi == DPI
    assert ax in fig.axes
    assert plt.get_fignums() == before


def test_chart_shows_figure_and_alt_text():
    with classroom_style():
        fig, ax = new_figure()
        ax.plot([1, 2], [1, 2])
    chart = Chart(fig, "A rising line <b>.")
    bundle = chart._repr_mimebundle_()
    assert bundle["text/plain"] == "Chart: A rising line <b>."
    assert bundle["image/png"]
    # the same picture in an <img> whose alt is the text alternative, quotes and tags escaped
    assert bundle["text/html"] == (
        f'<img src="data:image/png;base64,{bundle["image/png"]}" '
        'alt="A rising line &lt;b&gt;." style="max-width:100%">'
    )
    quoted = Chart(fig, 'Say "no" & <go>')._repr_mimebundle_()["text/html"]
    assert 'alt="Say &quot;no&quot; &amp; &lt;go&gt;"' in quoted
    assert chart.caption_bundle() == {
        "text/html": "<p><em>Text alternative:</em> A rising line &lt;b&gt;.</p>",
        "text/plain": "Text alternative: A rising line <b>.",
    }
    assert chart.png().startswith(b"\x89PNG")
    assert chart.png() == chart.png()


def test_lesson_widget_recomputes_on_change_and_escapes():
    w = LessonWidget(
        {"name": widgets.Dropdown(options=["a", "<b>"], value="a")},
        render=lambda name: f"<p>{html_text(name)}</p>",
        title="Names",
    )
    assert w.image is None
    assert w.html.value == "<p>a</p>"
    w.controls["name"].value = "<b>"
    assert w.html.value == "<p>&lt;b&gt;</p>"
    assert w.state() == {"name": "<b>"}
    assert repr(w) == "<Names widget: name='<b>'>"


def test_lesson_widget_image_follows_the_controls():
    calls = []

    def image(n: int) -> str:
        calls.append(n)
        return f'<img src="data:image/png;base64,{n}" alt="{n} dots">'

    w = LessonWidget(
        {"n": widgets.IntSlider(value=1, min=0, max=5)},
        render=lambda n: str(n),
        image=image,
    )
    assert w.image.value == '<img src="data:image/png;base64,1" alt="1 dots">'
    assert w.image._dom_classes == (IMAGE_CLASS,) and w.children[1:] == (w.image, w.html)
    w.controls["n"].value = 4
    assert w.image.value == '<img src="data:image/png;base64,4" alt="4 dots">'
    assert w.html.value == "4"
    assert calls == [1, 4]
    assert repr(w) == "<Explorer widget: n=4>"
