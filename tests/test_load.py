"""Loaders: every table loads with the schema's types; the data folder is found from anywhere."""

from __future__ import annotations

import os
import subprocess
import sys

import pandas as pd
import pytest

import pakafghan
from pakafghan.datadir import BUNDLED_DATA_DIR, ENV_VAR, resolve_data_dir
from pakafghan.schema import read_package

TABLES = read_package().table_names


@pytest.mark.parametrize("name", TABLES)
def test_every_table_loads_with_rows_and_schema_columns(name):
    frame = pakafghan.load_table(name)
    assert len(frame) > 0
    assert list(frame.columns) == read_package().table(name).field_names


@pytest.mark.parametrize("name", TABLES)
def test_primary_keys_are_unique(name):
    frame = pakafghan.load_table(name)
    key = read_package().table(name).primary_key
    assert not frame.duplicated(subset=key).any()


def test_dtypes_follow_the_schema():
    events = pakafghan.load_events()
    assert events["date_earliest"].dtype == "datetime64[ns]"
    assert isinstance(events["status"].dtype, pd.CategoricalDtype)
    assert events["status"].cat.categories.tolist()[:2] == ["planned", "held"]
    assert events["title"].dtype == "string"
    places = pakafghan.load_places()
    assert places["latitude"].dtype == "Float64"


def test_missing_values_are_na_not_empty_strings():
    events = pakafghan.load_events()
    undated = events[events["year_basis"] == "none"]
    assert len(undated) > 0
    assert undated["date_earliest"].isna().all()
    assert undated["year_source_id"].isna().all()
    assert not (events.astype(str) == "").any().any()


def test_each_named_loader_matches_load_table():
    for name in TABLES:
        loader = getattr(pakafghan, f"load_{name}")
        pd.testing.assert_frame_equal(loader(), pakafghan.load_table(name))


def test_load_dataset_has_every_table_as_attribute():
    ds = pakafghan.load_dataset()
    assert sorted(ds.tables) == sorted(TABLES)
    assert ds.events is ds.tables["events"]
    assert ds.data_dir == BUNDLED_DATA_DIR
    with pytest.raises(AttributeError):
        ds.no_such_table  # noqa: B018


def test_returned_frames_are_copies():
    first = pakafghan.load_events()
    first.loc[0, "title"] = "changed by a learner"
    assert pakafghan.load_events().loc[0, "title"] != "changed by a learner"


def test_unknown_table_is_a_clear_key_error():
    with pytest.raises(KeyError, match="the tables are"):
        pakafghan.load_table("event")


def test_data_dir_argument_wins_over_environment(monkeypatch, data_copy, tmp_path):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "elsewhere"))
    assert resolve_data_dir(data_copy.path) == data_copy.path.resolve()


def test_environment_variable_is_used(monkeypatch, data_copy):
    monkeypatch.setenv(ENV_VAR, str(data_copy.path))
    assert resolve_data_dir() == data_copy.path.resolve()
    data_copy.replace("places", "Islamabad,city", "Islamabad (copy),city")
    assert pakafghan.load_places().loc[0, "name"] == "Islamabad (copy)"


def test_bundled_data_is_the_default(monkeypatch):
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert resolve_data_dir() == BUNDLED_DATA_DIR
    assert (BUNDLED_DATA_DIR / "datapackage.json").is_file()


def test_bundled_data_is_found_from_another_working_directory(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != ENV_VAR}
    code = "import pakafghan; print(len(pakafghan.load_events()))"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    assert int(out.stdout) == len(pakafghan.load_events())


def test_an_edit_is_seen_on_the_next_load(data_copy):
    assert pakafghan.load_places(data_copy.path).loc[0, "name"] == "Islamabad"
    data_copy.replace("places", "Islamabad,city", "Islamabad city,city")
    assert pakafghan.load_places(data_copy.path).loc[0, "name"] == "Islamabad city"


def test_invalid_data_raises_one_error_listing_every_problem(data_copy):
    data_copy.replace("places", ",city,PAK,", ",town,PAK,")
    data_copy.replace("events", ",CONSULT,", ",MEET,")
    with pytest.raises(pakafghan.DataValidationError) as caught:
        pakafghan.load_events(data_copy.path)
    fields = {(p.file, p.field) for p in caught.value.problems}
    assert ("places.csv", "kind") in fields
    assert ("events.csv", "event_type") in fields
    assert "The data has 2 problems" in str(caught.value)


def test_source_text_is_the_shipped_article_byte_for_byte():
    path = BUNDLED_DATA_DIR / "sources" / "000_cf27569e8efaa1ef.txt"
    assert pakafghan.source_text("article") == path.read_text(encoding="utf-8")
    with pytest.raises(LookupError, match="not shipped"):
        pakafghan.source_text("S1")


def test_evidence_locates_the_quote_in_the_text():
    ev = pakafghan.evidence("claims", "cl-019")
    text = pakafghan.source_text("article")
    assert text[ev.start : ev.end] == ev.quote
    assert ev.source_id == "article"
    with pytest.raises(ValueError):
        pakafghan.evidence("actors", "ttp")
    with pytest.raises(KeyError):
        pakafghan.evidence("claims", "cl-999")
