"""The network of reported relations: its links, its drawing, its text alternative, its speed."""

from __future__ import annotations

import re
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import FancyArrowPatch

import pakafghan
from pakafghan.charts.network import (
    KIND_MARKER,
    RELATION_STYLE,
    network_chart,
    relations_graph,
    relations_table,
    short_name,
)
from pakafghan.load import Dataset
from pakafghan.select import article_only, select
from pakafghan.style import OKABE_ITO


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return pakafghan.load_dataset()


@pytest.fixture(scope="module")
def article(ds) -> Dataset:
    return article_only(ds)


def _arrows(chart):
    return [p for p in chart.figure.axes[0].patches if isinstance(p, FancyArrowPatch)]


def _labels(chart) -> dict[str, tuple[float, float]]:
    ax = chart.figure.axes[0]
    return {t.get_text(): tuple(t.xy) for t in ax.texts if hasattr(t, "xy")}


def test_khalilzad_criticises_pakistan_from_the_event_and_the_claim(ds):
    graph = relations_graph(ds)
    edge = graph.edges["khalilzad", "pakistan", "criticises"]
    assert {"ev-khalilzad-criticism", "cl-008"} <= set(edge["records"])
    assert "article" in edge["sources"]
    assert not graph.has_edge("pakistan", "khalilzad", key="criticises")


def test_the_three_foreign_ministers_meet_at_the_trilateral(ds):
    graph = relations_graph(ds)
    ministers = sorted(["muttaqi", "wang-yi", "ishaq-dar"])
    for i, a in enumerate(ministers):
        for b in ministers[i + 1 :]:
            assert "ev-kabul-trilateral" in graph.edges[a, b, "meets"]["records"]


def test_pakistan_and_sassi_host_the_islamabad_invitees_but_not_the_nrf(article):
    graph = relations_graph(article)
    for host in ("pakistan", "sassi"):
        for guest in ("afghan-exiles", "womens-rights-advocates", "pakistani-officials"):
            assert "ev-meeting-announced" in graph.edges[host, guest, "hosts"]["records"]
    # The NRF declined its invitation: a refusal is not being hosted.
    assert not graph.has_edge("pakistan", "nrf")
    # Pakistan hosts the visit the Taliban's foreign minister postponed.
    assert graph.has_edge("pakistan", "muttaqi", key="hosts")


def test_accusations_and_denials_follow_mode_and_stance(article):
    graph = relations_graph(article)
    assert graph.has_edge("pakistan", "afghanistan", key="accuses")  # mode allege
    assert graph.has_edge("asim-iftikhar-ahmad", "afghanistan", key="accuses")
    assert graph.edges["taliban", "ttp", "denies"]["records"] == ("cl-019",)
    # The UN reports *confirm*: a confirmation is not a link.
    assert not graph.has_edge("un-monitoring-team", "ttp", key="denies")


def test_relations_table_is_sorted_unique_and_filters_by_kind(ds):
    table = relations_table(ds)
    assert not table.duplicated().any()
    assert table.equals(table.sort_values(list(table.columns)).reset_index(drop=True))
    assert set(table["kind"]) <= set(RELATION_STYLE)
    meets = relations_table(ds, kinds=["meets"])
    assert set(meets["kind"]) == {"meets"}
    assert (meets["source"] < meets["target"]).all()
    with pytest.raises(ValueError, match="unknown kinds"):
        relations_table(ds, kinds=["likes"])


def test_every_actor_is_a_node_with_kind_and_label(ds):
    graph = relations_graph(ds)
    assert set(graph.nodes) == set(ds.actors["actor_id"])
    assert graph.nodes["nrf"]["label"] == "NRF"
    assert graph.nodes["nrf"]["kind"] == "opposition_movement"


def test_chart_draws_every_article_link_in_colour_and_line_style(article):
    chart = network_chart(article)
    graph = relations_graph(article)
    arrows = _arrows(chart)
    assert len(arrows) == graph.number_of_edges()
    allowed = set(OKABE_ITO.values())
    assert {_hex(a.get_edgecolor()) for a in arrows} <= {c.lower() for c in allowed}
    looks = {(s["color"], str(s["linestyle"])) for s in RELATION_STYLE.values()}
    assert len({s["color"] for s in RELATION_STYLE.values()}) == len(RELATION_STYLE)
    assert len({str(s["linestyle"]) for s in RELATION_STYLE.values()}) == len(looks)
    legends = [t.get_text() for leg in _legends(chart) for t in leg.get_texts()]
    assert "criticises →" in legends and "meet (same event)" in legends
    linked = [n for n in graph.nodes if graph.degree(n) > 0]
    assert len(_labels(chart)) == len(linked)
    assert {"Pakistan", "SASSI", "TTP"} <= set(_labels(chart))


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
    chart = network_chart(article, relations=["denies"])
    assert set(_labels(chart)) == {"Taliban", "TTP"}
    assert chart.alt_text.startswith("A network of 2 actors joined by 1 link (denies 1).")


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
    chart = network_chart(article_only(pakafghan.load_dataset(data_copy.path)))
    assert r"\$x\$ Khalilzad" in _labels(chart)
    assert chart.png()


def test_short_names():
    assert short_name("TTP (Pakistani Taliban)") == "TTP"
    assert short_name("Pakistan") == "Pakistan"
    assert short_name("Afghan women's rights advocates") == "Afghan women's\nrights advocates"
    assert len(short_name("a long name " * 5).split("\n")) == 2


def _large_export(n_events: int = 100_000, n_actors: int = 2_000) -> Dataset:
    """A teacher's export: many events, a few very busy actors (Zipf-like), two roles each."""
    rng = np.random.default_rng(0)
    weights = 1 / np.arange(1, n_actors + 1)
    picks = rng.choice(n_actors, size=(n_events, 3), p=weights / weights.sum())
    ids = np.array([f"a-{i:05d}" for i in range(n_actors)])
    events = np.array([f"ev-{i:06d}" for i in range(n_events)])
    accuse = np.arange(n_events) % 4 == 0
    roles = np.where(
        accuse[:, None], [["speaker", "target", "target"]], [["host", "participant", "invitee"]]
    )
    tables = {
        "actors": pd.DataFrame(
            {"actor_id": ids, "name": [f"Actor {i}" for i in range(n_actors)], "kind": "state"}
        ),
        "events": pd.DataFrame(
            {
                "event_id": events,
                "event_type": np.where(accuse, "ACCUSE", "CONSULT"),
                "mode": np.where(np.arange(n_events) % 8 == 0, "disapprove", "allege"),
            }
        ),
        "event_actors": pd.DataFrame(
            {
                "event_id": np.repeat(events, 3),
                "actor_id": ids[picks.ravel()],
                "role": roles.ravel(),
                "source_id": "article",
            }
        ),
        "propositions": pd.DataFrame({"proposition_id": ["pr-x"], "subject_actor_id": ["a-00000"]}),
        "claims": pd.DataFrame(
            {
                "claim_id": ["cl-x"],
                "proposition_id": ["pr-x"],
                "claimant_id": ["a-00001"],
                "stance": ["denies"],
                "source_id": ["article"],
            }
        ),
    }
    return Dataset(Path("."), tables)


def test_a_100000_event_export_draws_in_well_under_two_seconds():
    big = _large_export()
    started = time.process_time()
    chart = network_chart(big)
    elapsed = time.process_time() - started
    assert elapsed < 2.0, f"took {elapsed:.2f} s of CPU"
    assert len(_labels(chart)) == 40
    assert re.match(r"The 40 most connected of [\d,]+ linked actors", chart.alt_text)
    assert "Actor 0 (" in chart.alt_text
    assert len(_arrows(chart)) <= 150
