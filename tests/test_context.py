"""The background tables: short columns, date order, every row with its source."""

from __future__ import annotations

import pytest

from pakafghan.context import background_events, who_says


def test_background_events_are_short_sourced_rows_in_date_order(ds):
    rows = background_events(ds, "designations")
    assert list(rows.columns) == ["when", "what", "source"]
    assert len(rows) == (ds.events["thread"] == "designations").sum()
    assert rows["source"].str.fullmatch(r".+ \([A-Z][0-9]+\)|the article").all()
    chosen = ds.events[ds.events["thread"] == "designations"].sort_values(
        ["date_earliest", "event_id"], kind="stable", na_position="last"
    )
    assert rows["what"].tolist() == chosen["title"].tolist()


def test_background_events_can_keep_only_named_events(ds):
    rows = background_events(ds, ["background", "durand_line"], ["ev-durand-agreement-1893"])
    assert len(rows) == 1 and "Durand" in rows.loc[0, "what"]


def test_an_unknown_thread_is_an_error(ds):
    with pytest.raises(KeyError, match="no thread nowhere"):
        background_events(ds, "nowhere")


def test_who_says_gives_the_stance_and_the_version(ds):
    rows = who_says(ds, "pr-durand-line-length")
    assert len(rows) == (ds.claims["proposition_id"] == "pr-durand-line-length").sum()
    assert rows["says"].str.fullmatch(r"asserts: .*km.*").all()
    denial = who_says(ds, "pr-china-credentials-mean-recognition")
    assert denial.loc[0, "says"].startswith("denies")


def test_who_says_a_claim_without_a_version_shows_the_stance_alone(ds):
    rows = who_says(ds, "pr-cpec-bri-flagship")
    assert rows["says"].tolist() == ["asserts"]


def test_who_says_an_unknown_proposition_is_an_error(ds):
    with pytest.raises(KeyError, match="no proposition"):
        who_says(ds, "pr-nothing")


def test_background_events_until_a_day_leave_out_later_and_undated_events(ds):
    every = background_events(ds, "refugees")
    before = background_events(ds, "refugees", until="2025-09-30")
    assert 0 < len(before) < len(every)
    dates = ds.events.set_index("title").loc[before["what"], "date_earliest"]
    assert (dates <= "2025-09-30").all()
