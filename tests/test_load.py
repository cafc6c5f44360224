"""Loaders: every table loads with the schema's types; the data folder is found from anywhere."""

from __future__ import annotations

import importlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pakafghan
from pakafghan.datadir import BUNDLED_DATA_DIR, ENV_VAR, resolve_data_dir
from pakafghan.load import CACHE_SIZE, Dataset
from pakafghan.schema import read_package

load_module = importlib.import_module("pakafghan.load")

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


# -- the cache ---------------------------------------------------------------------------------


@pytest.fixture
def validations(monkeypatch):
    """The folders the loaders validate, in order, while the test runs (the per-user cache is
    off: these tests are about the cache in the kernel; tests/test_tablecache.py has the other)."""
    monkeypatch.setenv("PAKAFGHAN_CACHE", "off")
    seen: list[Path] = []
    real = load_module.validate

    def counting(folder):
        seen.append(Path(folder))
        return real(folder)

    monkeypatch.setattr(load_module, "validate", counting)
    return seen


def test_two_folders_stay_cached(data_copy, tmp_path, validations):
    a = data_copy.path
    b = tmp_path / "other" / "data"
    shutil.copytree(a, b)
    assert CACHE_SIZE >= 2
    pakafghan.load_places(a)
    pakafghan.load_places(b)
    pakafghan.load_places(a)
    pakafghan.load_dataset(b)
    assert validations == [a, b]


def test_an_edit_in_a_cached_folder_is_validated_again(data_copy, tmp_path, validations):
    a = data_copy.path
    b = tmp_path / "other" / "data"
    shutil.copytree(a, b)
    pakafghan.load_places(a)
    pakafghan.load_places(b)
    data_copy.replace("places", "Islamabad,city", "Islamabad city,city")
    assert pakafghan.load_places(a).loc[0, "name"] == "Islamabad city"
    assert pakafghan.load_places(b).loc[0, "name"] == "Islamabad"
    assert validations == [a, b, a]
    data_copy.replace("places", ",city,PAK,", ",town,PAK,")
    with pytest.raises(pakafghan.DataValidationError):
        pakafghan.load_places(a)
    with pytest.raises(pakafghan.DataValidationError):  # invalid data is never cached
        pakafghan.load_places(a)
    assert validations == [a, b, a, a, a]


def test_signature_lists_every_file_once_without_extra_stats(monkeypatch):
    files = load_module._files(str(BUNDLED_DATA_DIR))
    paths = [path for path, _, _ in files]
    assert sorted(paths) == sorted(str(p) for p in BUNDLED_DATA_DIR.rglob("*") if p.is_file())
    calls: list[str] = []
    real_stat = os.stat

    def counting_stat(path, *args, **kwargs):
        calls.append(str(path))
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "stat", counting_stat)
    monkeypatch.setattr(Path, "stat", lambda self, **kw: counting_stat(self, **kw))
    load_module._signature(BUNDLED_DATA_DIR)
    # only the folder is stat-ed by path; each file's one stat comes from its directory entry
    assert calls == [str(BUNDLED_DATA_DIR)]


def test_evidence_loads_the_tables_once(monkeypatch):
    pakafghan.evidence("claims", "cl-019")  # fill the cache
    calls = []
    real = load_module._signature
    monkeypatch.setattr(load_module, "_signature", lambda folder: calls.append(1) or real(folder))
    pakafghan.evidence("claims", "cl-019")
    assert len(calls) == 1


# -- the description ---------------------------------------------------------------------------


def test_dataset_has_a_short_description():
    ds = pakafghan.load_dataset()
    package = read_package()
    text = ds.DESCR
    assert isinstance(text, str)
    assert text.startswith(package.title)
    lines = text.splitlines()
    assert len(lines) < 40 and max(map(len, lines)) <= 88
    for table in package.tables:
        assert f"- {table.name} ({table.path}, {len(ds.tables[table.name])} rows): " in text
    assert "README.md" in text and "codebook" in text.lower()
    assert str(ds.data_dir) not in text  # the same text on every machine


def test_description_follows_the_tables_it_holds():
    ds = pakafghan.load_dataset()
    subset = Dataset(ds.data_dir, {**ds.tables, "events": ds.events.head(1)})
    assert "- events (events.csv, 1 row): " in subset.DESCR
    elsewhere = Dataset(Path("no-such-folder"), {"events": ds.events})
    assert elsewhere.DESCR.startswith("Tables: events (")
