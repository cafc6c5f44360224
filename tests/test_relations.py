"""The relations the data reports: who meets, hosts, accuses, criticises or denies whom."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.relations import (
    RELATIONS,
    links_graph,
    raw_relations,
    relations_graph,
    relations_table,
)
from pakafghan.select import select


def test_khalilzad_criticises_pakistan_from_the_event_and_the_claim(ds):
    graph = relations_graph(ds)
    edge = graph.edges["khalilzad", "pakistan", "criticises"]
    assert {"ev-khalilzad-criticism", "cl-008"} <= set(edge["records"])
    assert "article" in edge["sources"]
    assert edge["count"] == len(edge["records"])
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
    assert list(table.columns) == ["source", "target", "kind", "record_id", "source_id"]
    assert not table.duplicated().any()
    assert table.equals(table.sort_values(list(table.columns)).reset_index(drop=True))
    assert set(table["kind"]) == set(RELATIONS)
    meets = relations_table(ds, kinds=["meets"])
    assert set(meets["kind"]) == {"meets"}
    assert (meets["source"] < meets["target"]).all()
    with pytest.raises(ValueError, match="unknown kinds"):
        relations_table(ds, kinds=["likes"])


def test_every_link_names_its_record_and_source(ds):
    table = relations_table(ds)
    records = set(ds.events["event_id"]) | set(ds.claims["claim_id"])
    assert set(table["record_id"]) <= records
    sources = set(ds.sources["source_id"])
    for cited in table["source_id"]:
        assert set(cited.split(", ")) <= sources, cited
    # a pair of participations cited by two sources names both
    assert table["source_id"].str.contains(", ").any()


def test_raw_relations_hold_the_table_unsorted_and_with_repeats(ds):
    raw = raw_relations(ds)
    table = relations_table(ds)
    assert list(raw.columns) == list(table.columns)
    assert len(raw) >= len(table)
    unique = raw.drop_duplicates().sort_values(list(table.columns)).reset_index(drop=True)
    pd.testing.assert_frame_equal(unique, table)
    assert set(raw_relations(ds, ["hosts"])["kind"]) == {"hosts"}
    with pytest.raises(ValueError, match="unknown kinds"):
        raw_relations(ds, ["likes"])


def test_kinds_of_link_say_whether_they_have_a_direction():
    assert list(RELATIONS) == ["meets", "hosts", "accuses", "criticises", "denies"]
    assert [k for k, r in RELATIONS.items() if not r["directed"]] == ["meets"]
    assert RELATIONS["meets"]["label"] == "meet (same event)"
    assert len({r["label"] for r in RELATIONS.values()}) == len(RELATIONS)


def test_every_actor_is_a_node_with_name_and_kind_only(ds):
    graph = relations_graph(ds)
    assert set(graph.nodes) == set(ds.actors["actor_id"])
    assert graph.nodes["nrf"] == {
        "name": "National Resistance Front of Afghanistan (NRF)",
        "kind": "armed_group",
    }


def test_an_empty_selection_has_nodes_but_no_links(ds):
    graph = relations_graph(select(ds, sources=[]))
    assert graph.number_of_nodes() == len(ds.actors)
    assert graph.number_of_edges() == 0


def test_links_graph_keys_edges_by_kind_and_keeps_every_other_column():
    actors = pd.DataFrame({"actor_id": ["b", "a"], "name": ["B", "A"], "kind": ["state", "person"]})
    links = pd.DataFrame(
        {
            "source": ["a", "a"],
            "target": ["b", "b"],
            "kind": ["meets", "hosts"],
            "count": [2, 1],
            "note": ["x", "y"],
        }
    )
    graph = links_graph(links, actors)
    assert list(graph.nodes) == ["a", "b"]
    assert graph.nodes["a"] == {"name": "A", "kind": "person"}
    assert graph.edges["a", "b", "meets"] == {"kind": "meets", "count": 2, "note": "x"}
    assert graph.edges["a", "b", "hosts"]["count"] == 1
    assert not graph.has_edge("b", "a")
