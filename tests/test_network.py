"""The network chart of reported relations: its drawing, its labels and its text alternative.

The relations themselves are tested in test_relations.py; the chart's speed on large data is
measured by ``make bench`` (bench/run.py), never asserted here.
"""

from __future__ import annotations

import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyArrowPatch

from bench.synthetic import busy_network
from pakafghan.charts.network import (
    KIND_MARKER,
    PLANNED_STYLE,
    RELATION_STYLE,
    network_chart,
    short_name,
)
from pakafghan.relations import RELATIONS, relations_graph
from pakafghan.select import article_only, select
from pakafghan.style import OKABE_ITO


def _arrows(chart):
    return [p for p in chart.figure.axes[0].patches if isinstance(p, FancyArrowPatch)]


def _labels(chart) -> dict[str, tuple[float, float]]:
    ax = chart.figure.axes[0]
    return {t.get_text(): tuple(t.xy) for t in ax.texts if hasattr(t, "xy")}


def test_chart_draws_every_article_link_in_colour_and_line_style(article):
    chart = network_chart(article)
    graph = relations_graph(article)
    arrows = _arrows(chart)
    assert len(arrows) == graph.number_of_edges()
    allowed = set(OKABE_ITO.values())
    assert {_hex(a.get_edgecolor()) for a in arrows} <= {c.lower() for c in allowed}
    # a link that rests only on planned events is grey and thinner; the others are not
    planned = {(u, v, k) for u, v, k, p in graph.edges(keys=True, data="planned") if p}
    grey = [a for a in arrows if _hex(a.get_edgecolor()) == PLANNED_STYLE["color"].lower()]
    assert len(grey) == len(planned) > 0
    assert {a.get_linewidth() for a in grey} == {PLANNED_STYLE["linewidth"]}
    assert all(a.get_linewidth() > PLANNED_STYLE["linewidth"] for a in arrows if a not in grey)
    looks = {(s["color"], str(s["linestyle"])) for s in RELATION_STYLE.values()}
    assert len({s["color"] for s in RELATION_STYLE.values()}) == len(RELATION_STYLE)
    assert len({str(s["linestyle"]) for s in RELATION_STYLE.values()}) == len(looks)
    legends = [t.get_text() for leg in _legends(chart) for t in leg.get_texts()]
    assert "criticises →" in legends and "meet (same event)" in legends
    assert any(t.startswith("grey, thin: only planned") for t in legends)
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    assert len(_labels(chart)) == len(linked)
    assert {"Pakistan", "SASSI"} <= set(_labels(chart))
    # no tie for a claim someone denies, and no hosting of a visit that was postponed
    assert not {"Taliban", "TTP"} & set(_labels(chart))
    assert not graph.has_edge("pakistan", "muttaqi")


def _hex(rgba) -> str:
    return "#" + "".join(f"{round(c * 255):02x}" for c in rgba[:3])


def _legends(chart):
    ax = chart.figure.axes[0]
    found = [a for a in ax.artists if a.__class__.__name__ == "Legend"]
    return [*found, ax.get_legend()]


def test_actor_kinds_have_distinct_shapes():
    assert len(set(KIND_MARKER.values())) == len(KIND_MARKER)


def test_alt_text_counts_actors_and_links_and_names_the_most_connected(article):
    graph = relations_graph(article)
    degree = {n: d for n, d in graph.degree() if d > 0}
    top = min(degree, key=lambda n: (-degree[n], n))
    alt = network_chart(article).alt_text
    assert alt.startswith(
        f"A network of {len(degree)} actors joined by {graph.number_of_edges()} links"
    )
    assert f"The most connected are {graph.nodes[top]['name']} ({degree[top]} links)" in alt
    assert top == "pakistan"
    assert alt.count(". ") == 1  # two sentences
    planned = sum(1 for *_, p in graph.edges(keys=True, data="planned") if p)
    assert f"; {planned} drawn links rest only on planned events (grey, thinner)." in alt


def test_layout_is_deterministic_and_depends_on_the_seed(article):
    first, second = _labels(network_chart(article)), _labels(network_chart(article))
    assert first == second
    assert _labels(network_chart(article, seed=7)) != first


def test_labels_do_not_overlap_on_the_article_network(article):
    chart = network_chart(article)
    renderer = FigureCanvasAgg(chart.figure).get_renderer()
    boxes = [t.get_window_extent(renderer) for t in chart.figure.axes[0].texts]
    overlaps = sum(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])
    assert overlaps == 0


def test_max_nodes_keeps_the_most_connected_and_says_so(ds):
    chart = network_chart(ds, max_nodes=5)
    labels = _labels(chart)
    assert len(labels) == 5
    assert "Pakistan" in labels
    assert chart.alt_text.startswith("The 5 most connected of ")
    assert "the others are left out" in chart.alt_text


def test_relations_argument_limits_the_kinds_drawn(article):
    chart = network_chart(article, relations=["criticises"])
    assert set(_labels(chart)) == {"Zalmay Khalilzad", "Pakistan"}
    assert chart.alt_text.startswith("A network of 2 actors joined by 1 link (criticises 1).")
    with pytest.raises(ValueError, match="unknown kinds"):
        network_chart(article, relations=["denies"])


def test_focus_draws_one_actors_links(article):
    chart = network_chart(article, focus="khalilzad")
    assert chart.alt_text.startswith("Zalmay Khalilzad's reported links: 1 link with 1 other")
    assert set(_labels(chart)) == {"Zalmay Khalilzad", "Pakistan"}
    with pytest.raises(KeyError):
        network_chart(article, focus="nobody")


def test_empty_selections_say_so(ds, article):
    none = select(ds, sources=[])
    assert network_chart(none).alt_text == "No reported links between actors in this selection."
    alt = network_chart(article, focus="un").alt_text
    assert alt == "No reported links for United Nations (UN) in this selection."


def test_names_from_the_data_are_escaped_for_matplotlib(data_copy):
    data_copy.replace("actors", "khalilzad,Zalmay Khalilzad,", "khalilzad,$x$ Khalilzad,")
    chart = network_chart(article_only(data_copy.load()))
    assert r"\$x\$ Khalilzad" in _labels(chart)
    assert chart.png()


def test_short_names():
    assert short_name("TTP (Pakistani Taliban)") == "TTP"
    assert short_name("National Resistance Front of Afghanistan (NRF)") == "NRF"
    assert short_name("Some observers (unnamed)") == "Some observers"
    assert short_name("Pakistan") == "Pakistan"
    assert short_name("Afghan women's rights advocates") == "Afghan women's\nrights advocates"
    assert len(short_name("a long name " * 5).split("\n")) == 2


def test_nodes_are_labelled_with_short_names(ds):
    graph = relations_graph(ds)
    chart = network_chart(ds, focus="nrf")
    labels = set(_labels(chart))
    assert "NRF" in labels
    assert "label" not in graph.nodes["nrf"]  # the chart adds its labels; the graph has none
    drawn = {n for n in graph.nodes if short_name(graph.nodes[n]["name"]) in labels}
    assert "nrf" in drawn and len(drawn) == len(labels)


def test_every_kind_of_link_has_a_style_and_every_kind_of_actor_a_marker(ds):
    assert list(RELATION_STYLE) == list(RELATIONS)
    assert all(set(style) == {"color", "linestyle"} for style in RELATION_STYLE.values())
    assert set(KIND_MARKER) == set(ds.actors["kind"].cat.categories)


def test_a_100000_event_export_keeps_the_40_most_connected_actors_and_150_links():
    chart = network_chart(busy_network(100_000))
    assert len(_labels(chart)) == 40
    assert re.match(r"The 40 most connected of [\d,]+ linked actors", chart.alt_text)
    assert "Actor 0 (" in chart.alt_text
    assert "only 150 of them are drawn" in chart.alt_text
    assert len(_arrows(chart)) == 150
