"""The relations the data reports: who meets, hosts, accuses or criticises whom."""

from __future__ import annotations

import pandas as pd
import pytest

from pakafghan.relations import (
    NOT_HELD,
    RELATIONS,
    actor_links,
    links_graph,
    raw_relations,
    relation_summary,
    relations_graph,
    relations_table,
    top_relations,
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
            assert graph.edges[host, guest, "hosts"]["planned"]  # the meeting was only planned
    # The NRF declined its invitation: a refusal is not being hosted.
    assert not graph.has_edge("pakistan", "nrf")
    # A visit that was postponed did not take place: Pakistan does not host the minister.
    assert not graph.has_edge("pakistan", "muttaqi")


def test_an_event_that_did_not_take_place_gives_no_link(ds):
    not_held = set(ds.events.loc[ds.events["status"].isin(NOT_HELD), "event_id"])
    assert {"ev-muttaqi-visit-postponed", "ev-khalilzad-invitation"} <= not_held
    assert not set(relations_table(ds)["record_id"]) & not_held
    assert set(NOT_HELD) == {"postponed", "cancelled", "refused"}


def test_a_link_from_a_planned_event_is_marked_planned(ds):
    table = relations_table(ds)
    status = dict(zip(ds.events["event_id"], ds.events["status"].astype(object), strict=True))
    from_events = table[table["record_id"].isin(status)]
    assert (from_events["planned"] == from_events["record_id"].map(status).eq("planned")).all()
    assert from_events["planned"].any() and not from_events["planned"].all()
    assert not table.loc[~table["record_id"].isin(status), "planned"].any()  # claims
    # a link reported from a held and from a planned event is not planned
    graph = relations_graph(ds)
    assert not graph.edges["ishaq-dar", "wang-yi", "meets"]["planned"]


def test_accusations_follow_mode_and_a_denial_is_no_link(article, ds):
    graph = relations_graph(article)
    assert graph.has_edge("pakistan", "afghanistan", key="accuses")  # mode allege
    assert graph.has_edge("asim-iftikhar-ahmad", "afghanistan", key="accuses")
    # The Taliban deny that the TTP is in Afghanistan: that is no tie between them.
    assert "cl-019" in set(article.claims["claim_id"])
    assert not graph.has_edge("taliban", "ttp") and not graph.has_edge("ttp", "taliban")
    # The Foreign Office's spokesman denies a claim about Pakistan: no link to his own state.
    assert not relations_graph(ds).has_edge("shafqat-ali-khan", "pakistan")
    assert not set(relations_table(ds)["record_id"]) & {"cl-019", "cl-062"}


def test_relations_table_is_sorted_unique_and_filters_by_kind(ds):
    table = relations_table(ds)
    assert list(table.columns) == [
        "source",
        "target",
        "kind",
        "record_id",
        "source_id",
        "planned",
    ]
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
    assert list(RELATIONS) == ["meets", "hosts", "accuses", "criticises"]
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


def test_the_summary_has_one_row_per_relation_with_its_records_in_one_cell(article):
    summary = relation_summary(article)
    assert not summary.duplicated(["source", "target", "kind"]).any()
    row = summary[(summary["source"] == "khalilzad") & (summary["kind"] == "criticises")]
    assert len(row) == 1
    assert row["records"].item() == "cl-008, cl-079, ev-khalilzad-criticism"
    # the unspecified copy of the article is the article: one report, not two
    assert row["reports"].item() == 1
    assert list(summary["reports"]) == sorted(summary["reports"], reverse=True)


def test_the_top_relations_are_the_most_reported_with_names(ds):
    top = top_relations(ds, 10)
    assert len(top) == 10 and list(top.index) == list(range(1, 11))
    assert list(top.columns) == ["from", "link", "to", "reports", "records"]
    assert list(top["reports"]) == sorted(top["reports"], reverse=True)
    assert top.loc[1, "from"] == "Zalmay Khalilzad" and top.loc[1, "to"] == "Pakistan"
    assert set(top["link"]) <= {"meet", "hosts", "accuses", "criticises", "meet (planned)"} | {
        "hosts (planned)"
    }
    assert top_relations(ds, 2).equals(top.head(2))
    # a long list of records is cut, and says how many there are
    full = relation_summary(ds).loc[0, "records"].split(", ")
    assert len(full) > 4
    assert top.loc[1, "records"] == f"{', '.join(full[:3])} … ({len(full)} records)"


def test_the_links_of_one_actor_show_direction_role_and_records(article):
    links = actor_links(article, "pakistan")
    assert list(links.columns) == ["link", "other actor", "its role", "records"]
    hosting = links[links["link"] == "hosts (planned) →"]
    assert set(hosting["its role"]) == {"facilitator"}
    assert set(hosting["records"]) == {"ev-meeting-announced"}
    criticised = links[links["link"] == "← criticises"]
    assert criticised["other actor"].tolist() == ["Zalmay Khalilzad"]
    assert criticised["records"].item() == "cl-008, cl-079, ev-khalilzad-criticism"
    assert "meet" in set(links["link"])
    assert actor_links(article, "nobody").empty
