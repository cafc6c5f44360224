"""The per-user cache of validated tables: used when nothing changed, never when anything did."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from pakafghan import load, tablecache
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.problems import DataValidationError


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    where = tmp_path / "cache"
    monkeypatch.setenv(tablecache.ENV_VAR, str(where))
    load._load_signed.cache_clear()
    yield where
    load._load_signed.cache_clear()


@pytest.fixture
def data(tmp_path) -> Path:
    folder = tmp_path / "data"
    shutil.copytree(BUNDLED_DATA_DIR, folder)
    return folder


def _validations(monkeypatch) -> list[Path]:
    """Record each call of the validator the loader makes."""
    calls: list[Path] = []
    real = load.validate

    def counted(folder):
        calls.append(folder)
        return real(folder)

    monkeypatch.setattr(load, "validate", counted)
    return calls


def test_a_second_kernel_loads_from_the_cache_without_validating(cache, data, monkeypatch):
    calls = _validations(monkeypatch)
    first = load.load_dataset(data)
    assert len(calls) == 1 and len(list(cache.glob("*.pickle"))) == 1
    load._load_signed.cache_clear()  # as a new kernel would start
    again = load.load_dataset(data)
    assert len(calls) == 1
    for name, frame in first.tables.items():
        pd.testing.assert_frame_equal(again.tables[name], frame)


def test_a_changed_file_is_validated_again(cache, data, monkeypatch):
    calls = _validations(monkeypatch)
    load.load_dataset(data)
    places = data / "places.csv"
    places.write_text(places.read_text(encoding="utf-8").replace("Islamabad", "Islamabat", 1))
    load._load_signed.cache_clear()
    loaded = load.load_dataset(data)
    assert len(calls) == 2
    assert "Islamabat" in set(loaded.places["name"])


def test_invalid_data_is_never_cached(cache, data):
    events = data / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "not,an,event\n", encoding="utf-8")
    with pytest.raises(DataValidationError):
        load.load_dataset(data)
    assert not list(cache.glob("*.pickle"))


def test_the_key_follows_the_code_that_checks(tmp_path, data, monkeypatch):
    code = tmp_path / "code"
    code.mkdir()
    (code / "rules.py").write_text("RULES = 1\n")
    before = tablecache.code_digest(code)
    (code / "rules.py").write_text("RULES = 2\n")
    assert tablecache.code_digest(code) != before
    key = tablecache.cache_key(data)
    monkeypatch.setattr(tablecache, "CODE_DIGEST", before)
    assert tablecache.cache_key(data) != key


def test_the_key_follows_files_behind_a_symbolic_link(tmp_path, data):
    real = tmp_path / "texts"
    shutil.move(data / "sources", real)
    (data / "sources").symlink_to(real, target_is_directory=True)
    before = tablecache.cache_key(data)
    text = next(real.glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + " ", encoding="utf-8")
    assert tablecache.cache_key(data) != before


def test_an_entry_others_may_write_is_not_read(cache, data):
    key = tablecache.cache_key(data)
    tablecache.put(key, {"planted": True})
    assert tablecache.get(key) == {"planted": True}
    (cache / f"{key}.pickle").chmod(0o666)
    assert tablecache.get(key) is None


def test_no_home_folder_is_no_cache(monkeypatch):
    monkeypatch.delenv(tablecache.ENV_VAR, raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    assert tablecache.cache_dir() is None
    assert tablecache.cache_key(BUNDLED_DATA_DIR) is None


def test_a_broken_entry_is_ignored_and_replaced(cache, data, monkeypatch):
    calls = _validations(monkeypatch)
    key = tablecache.cache_key(data)
    cache.mkdir()
    (cache / f"{key}.pickle").write_bytes(b"cut short")
    load.load_dataset(data)
    assert len(calls) == 1
    assert tablecache.get(key) is not None


def test_an_unwritable_cache_is_no_cache(tmp_path, data, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv(tablecache.ENV_VAR, str(blocker / "cache"))
    load._load_signed.cache_clear()
    assert len(load.load_dataset(data).events) > 0
    load._load_signed.cache_clear()


def test_off_writes_nothing(tmp_path, data, monkeypatch):
    monkeypatch.setenv(tablecache.ENV_VAR, "off")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    load._load_signed.cache_clear()
    load.load_dataset(data)
    load._load_signed.cache_clear()
    assert tablecache.cache_dir() is None and not (tmp_path / "xdg").exists()


def test_only_the_newest_entries_are_kept(cache):
    for i in range(tablecache.MAX_ENTRIES + 3):
        tablecache.put(f"key{i}", i)
    assert len(list(cache.glob("*.pickle"))) == tablecache.MAX_ENTRIES
    assert not list(cache.glob("*.tmp"))
