"""Scratch copies of the data, and the row helpers: never a byte written into data/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

import pakafghan
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.schema import EVIDENCE_TABLES
from pakafghan.scratch import (
    DEFAULT_FOLDER,
    MARKER,
    add_row,
    compare_coding,
    display_path,
    open_copy,
    read_rows,
    remove_row,
    scratch_copy,
    scratch_root,
    update_row,
    zip_copy,
)
from pakafghan.select import article_only, select
from pakafghan.views import original_of

EVENT = {
    "event_id": "ev-test-dialogue",
    "title": "Dialogue in Islamabad, as a test reports it",
    "thread": "islamabad_meeting",
    "event_type": "CONSULT",
    "mode": "multilateral",
    "context": "political",
    "status": "held",
    "date_text": "29 Sep 2025",
    "date_earliest": "2025-09-29",
    "date_latest": "2025-09-29",  # S10, of 29 Sep, can report only that day as held
    "date_precision": "day",
    "year_basis": "stated",
    "place_id": "islamabad",
    "related_event_id": "ev-meeting-announced",
    "source_id": "S10",
    "note": 'A note with a comma, "quotes" and\na second line.',
}


def folder_digest(folder: Path) -> str:
    """One hash over every file's path and bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@pytest.fixture
def scratch(tmp_path, monkeypatch):
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(tmp_path / "scratch"))
    return tmp_path / "scratch"


@pytest.fixture
def bundled_unchanged():
    before = folder_digest(BUNDLED_DATA_DIR)
    yield
    assert folder_digest(BUNDLED_DATA_DIR) == before, "something wrote into data/"


def test_a_whole_session_never_touches_the_bundled_data(scratch, bundled_unchanged):
    folder = scratch_copy("session")
    assert add_row(folder, "events", {**EVENT, "status": "happened"})
    assert not pakafghan.validate(folder).ok
    assert update_row(folder, "events", "ev-test-dialogue", {"status": "held"})
    assert pakafghan.validate(folder).ok
    assert remove_row(folder, "events", "ev-test-dialogue")
    scratch_copy("session", fresh=True)
    scratch_copy("everything", start="all")


def test_the_copy_lands_in_the_scratch_root_with_a_marker(scratch):
    folder = scratch_copy()
    assert folder == scratch / "my-data"
    assert (folder / MARKER).is_file()
    assert (folder / "sources" / "000_cf27569e8efaa1ef.txt").is_file()
    assert display_path(folder) == "$PAKAFGHAN_SCRATCH/my-data"


def _home(monkeypatch, folder: Path) -> Path:
    """Make ``folder`` the home folder (POSIX and Windows), with PAKAFGHAN_SCRATCH unset."""
    folder.mkdir(parents=True, exist_ok=True)
    monkeypatch.delenv("PAKAFGHAN_SCRATCH", raising=False)
    monkeypatch.setenv("HOME", str(folder))
    monkeypatch.setenv("USERPROFILE", str(folder))
    return folder.resolve()


def test_default_root_is_a_folder_in_the_home_folder(tmp_path, monkeypatch):
    home = _home(monkeypatch, tmp_path / "home")
    assert DEFAULT_FOLDER == "pakafghan-scratch"
    assert scratch_root() == home / "pakafghan-scratch"
    folder = scratch_copy()
    assert folder == home / "pakafghan-scratch" / "my-data"
    assert (folder / MARKER).is_file()
    assert display_path(folder) == "~/pakafghan-scratch/my-data"


def test_a_path_is_shown_the_same_on_every_machine(tmp_path, monkeypatch):
    shown = set()
    for user in ("ana", "bilal"):  # two machines, two user names, two home folders
        _home(monkeypatch, tmp_path / "machines" / user / "home")
        shown.add(display_path(scratch_copy("classroom-project", fresh=True)))
        shown.add(display_path(scratch_copy("classroom-project")))  # run again: the same
    assert shown == {"~/pakafghan-scratch/classroom-project"}
    for user in ("ana", "bilal"):  # the variable set: shown by its name, not the folder's
        monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(tmp_path / user / "elsewhere"))
        assert display_path(scratch_copy("x")) == "$PAKAFGHAN_SCRATCH/x"
    assert display_path(BUNDLED_DATA_DIR) == "data"
    assert display_path(BUNDLED_DATA_DIR / "sources") == "data/sources"
    assert display_path(tmp_path) == tmp_path.resolve().as_posix()


def test_the_shown_path_can_be_given_back_to_the_library(tmp_path, monkeypatch):
    _home(monkeypatch, tmp_path / "home")
    folder = scratch_copy("given-back")
    assert pakafghan.validate(display_path(folder)).ok
    assert pakafghan.load_dataset(display_path(folder)).data_dir == folder


def test_a_root_that_cannot_be_made_says_how_to_choose_another(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(blocker / "scratch"))
    with pytest.raises(PermissionError, match="set PAKAFGHAN_SCRATCH to a folder you can write"):
        scratch_copy()


def test_no_home_folder_says_how_to_choose_one(monkeypatch):
    monkeypatch.delenv("PAKAFGHAN_SCRATCH", raising=False)

    def no_home():
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    with pytest.raises(RuntimeError, match="set PAKAFGHAN_SCRATCH"):
        scratch_root()


def test_article_start_keeps_reference_tables_and_only_article_records(scratch):
    folder = scratch_copy(start="article")
    assert pakafghan.validate(folder).ok
    copy = pakafghan.load_dataset(folder)
    bundled = article_only(pakafghan.load_dataset())
    for table in ("sources", "places", "actors"):
        assert copy.tables[table].equals(pakafghan.load_table(table)), table
    for table in EVIDENCE_TABLES:
        key = copy.tables[table].columns[0]
        assert set(copy.tables[table][key]) == set(bundled.tables[table][key]), table
        originals = {original_of(copy)[s] for s in copy.tables[table]["source_id"]}
        assert originals == {"article"}, table
    assert "cl-019" in set(copy.claims["claim_id"])
    assert "ev-kabul-trilateral" in set(copy.events["event_id"])
    kept = set(copy.propositions["proposition_id"])
    assert set(copy.claims["proposition_id"]) <= kept


def test_article_rows_are_copied_byte_for_byte(scratch):
    folder = scratch_copy()
    bundled = (BUNDLED_DATA_DIR / "events.csv").read_text(encoding="utf-8").splitlines()
    copied = (folder / "events.csv").read_text(encoding="utf-8").splitlines()
    assert copied[0] == bundled[0]
    assert set(copied) <= set(bundled)
    assert any(line.startswith("ev-kabul-trilateral,") for line in copied)


def test_all_start_is_a_full_copy(scratch):
    folder = scratch_copy("full", start="all")
    for name in ("events.csv", "claims.csv", "datapackage.json"):
        assert (folder / name).read_bytes() == (BUNDLED_DATA_DIR / name).read_bytes()


def test_a_second_call_keeps_edits_and_fresh_starts_again(scratch):
    folder = scratch_copy("class")
    add_row(folder, "events", EVENT)
    assert scratch_copy("class") == folder
    assert "ev-test-dialogue" in set(read_rows(folder, "events")["event_id"])
    assert scratch_copy("class", fresh=True) == folder
    assert "ev-test-dialogue" not in set(read_rows(folder, "events")["event_id"])
    assert not [p for p in scratch.iterdir() if p.name.startswith(".")]  # no leftovers


def test_refuses_bad_names_and_starts(scratch):
    for name in ("", "../up", "a/b", ".hidden"):
        with pytest.raises(ValueError, match="name"):
            scratch_copy(name)
    with pytest.raises(ValueError, match="start must be one of"):
        scratch_copy("x", start="nothing")


def test_never_makes_a_copy_inside_data(monkeypatch, bundled_unchanged):
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(BUNDLED_DATA_DIR / "scratch"))
    with pytest.raises(ValueError, match="overlap the data folder"):
        scratch_copy("inside")
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(BUNDLED_DATA_DIR.parent))
    with pytest.raises(ValueError, match="overlap the data folder"):
        scratch_copy("data")
    assert not (BUNDLED_DATA_DIR / "scratch").exists()


def test_never_replaces_a_folder_it_did_not_make(scratch):
    other = scratch / "precious"
    other.mkdir(parents=True)
    (other / "notes.txt").write_text("mine")
    with pytest.raises(FileExistsError):
        scratch_copy("precious")
    with pytest.raises(FileExistsError):
        scratch_copy("precious", fresh=True)
    assert (other / "notes.txt").read_text() == "mine"


def test_helpers_refuse_the_bundled_data_and_unmarked_folders(data_copy, bundled_unchanged):
    for folder in (BUNDLED_DATA_DIR, data_copy.path):
        with pytest.raises(ValueError, match="not a scratch copy"):
            add_row(folder, "events", EVENT)
        with pytest.raises(ValueError, match="not a scratch copy"):
            update_row(folder, "events", "ev-kabul-trilateral", {"status": "held"})
        with pytest.raises(ValueError, match="not a scratch copy"):
            remove_row(folder, "events", "ev-kabul-trilateral")


def test_add_row_writes_proper_csv_in_the_files_column_order(scratch):
    folder = scratch_copy()
    change = add_row(folder, "events", dict(reversed(list(EVENT.items()))))
    assert change.ok
    rows = read_rows(folder, "events").set_index("event_id")
    assert rows.loc["ev-test-dialogue", "note"] == EVENT["note"]
    assert rows.loc["ev-test-dialogue", "quote"] == ""
    text = (folder / "events.csv").read_text(encoding="utf-8")
    assert '"A note with a comma, ""quotes"" and\na second line."' in text
    assert text.endswith("\n")
    assert pakafghan.validate(folder).ok
    loaded = pakafghan.load_dataset(folder).events.set_index("event_id")
    assert loaded.loc["ev-test-dialogue", "status"] == "held"


def test_add_row_reports_the_line_the_validator_uses(scratch):
    folder = scratch_copy()
    change = add_row(
        folder, "events", {**EVENT, "date_latest": "2025-09-31", "date_precision": "days"}
    )
    report = pakafghan.validate(folder)
    [problem] = report.problems
    assert problem.field == "date_latest"
    assert f"line {problem.line}." in change.message


def test_add_row_is_idempotent_and_will_not_overwrite(scratch):
    folder = scratch_copy()
    first = add_row(folder, "events", EVENT)
    again = add_row(folder, "events", EVENT)
    assert repr(first) == repr(again)
    assert list(read_rows(folder, "events")["event_id"]).count("ev-test-dialogue") == 1
    clash = add_row(folder, "events", {**EVENT, "status": "planned"})
    assert not clash.ok
    assert "already has a row ev-test-dialogue" in clash.message
    assert read_rows(folder, "events").set_index("event_id").loc["ev-test-dialogue", "status"] == (
        "held"
    )


def test_add_row_values_become_text(scratch):
    folder = scratch_copy()
    row = {"claim_id": "cl-x", "proposition_id": "pr-meeting-headcount", "value": 37}
    row |= {"claimant_id": "article-author", "stance": "asserts", "directness": "reported"}
    row |= {"source_id": "S10", "note": "test", "confidence": None}
    add_row(folder, "claims", row)
    saved = read_rows(folder, "claims").set_index("claim_id").loc["cl-x"]
    assert saved["value"] == "37" and saved["confidence"] == ""


def test_mistakes_in_the_call_are_messages_not_tracebacks(scratch):
    folder = scratch_copy()
    before = folder_digest(folder)
    typo = add_row(folder, "events", {**EVENT, "evnt_type": "CONSULT"})
    assert not typo.ok and "no column 'evnt_type'" in typo.message
    assert "✗ Nothing written" in typo._repr_html_()
    no_table = add_row(folder, "event", EVENT)
    assert not no_table.ok and "use one of sources, places" in no_table.message
    no_key = add_row(folder, "events", {"title": "untitled"})
    assert not no_key.ok and "'event_id'" in no_key.message
    missing = update_row(folder, "events", "ev-none", {"status": "held"})
    assert not missing.ok and "has no row 'ev-none'" in missing.message
    rename = update_row(folder, "events", "ev-kabul-trilateral", {"event_id": "ev-other"})
    assert not rename.ok
    assert folder_digest(folder) == before


def test_update_row_changes_only_the_given_fields(scratch):
    folder = scratch_copy()
    add_row(folder, "events", {**EVENT, "status": "happened", "date_latest": "2025-09-31"})
    change = update_row(
        folder, "events", "ev-test-dialogue", {"status": "held", "date_latest": "2025-09-29"}
    )
    assert change.ok
    assert "with status = 'held', date_latest = '2025-09-29'." in repr(change)
    assert repr(change) == repr(
        update_row(
            folder, "events", "ev-test-dialogue", {"status": "held", "date_latest": "2025-09-29"}
        )
    )
    row = read_rows(folder, "events").set_index("event_id").loc["ev-test-dialogue"]
    assert row["title"] == EVENT["title"] and row["date_latest"] == "2025-09-29"
    assert pakafghan.validate(folder).ok


def test_remove_row_is_idempotent(scratch):
    folder = scratch_copy()
    add_row(folder, "events", EVENT)
    first = remove_row(folder, "events", "ev-test-dialogue")
    assert repr(first) == repr(remove_row(folder, "events", "ev-test-dialogue"))
    assert repr(first) == "✓ ev-test-dialogue is not in events.csv."
    assert "ev-test-dialogue" not in set(read_rows(folder, "events")["event_id"])


def test_row_change_html_is_escaped(scratch):
    folder = scratch_copy()
    change = add_row(folder, "events", {**EVENT, "event_id": "<b>x</b>"})
    html = change._repr_html_()
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html


def test_compare_coding_puts_your_records_next_to_the_projects(scratch):
    folder = scratch_copy()
    add_row(folder, "events", EVENT)
    add_row(
        folder,
        "event_actors",
        {
            "participation_id": "pa-test-1",
            "event_id": "ev-test-dialogue",
            "actor_id": "pakistan",
            "role": "host",
            "source_id": "S10",
            "note": "test",
        },
    )
    rows = compare_coding(folder, "S10")
    assert list(rows.columns) == ["table", "coded_by", "id", "says", "evidence"]
    yours = rows[rows["coded_by"] == "you"].set_index("id")
    assert set(yours.index) == {"ev-test-dialogue", "pa-test-1"}
    assert yours.loc["ev-test-dialogue", "evidence"] == EVENT["note"]
    assert yours.loc["pa-test-1", "says"] == f"Pakistan: host of “{EVENT['title']}”"
    project = select(pakafghan.load_dataset(), sources=["S10"])
    theirs = rows[rows["coded_by"] == "project"]
    assert len(theirs) == sum(len(project.tables[t]) for t in EVIDENCE_TABLES)
    order = {"event": 0, "participation": 1, "claim": 2}
    assert rows["table"].map(order).is_monotonic_increasing
    events = rows[rows["table"] == "event"]
    assert events["coded_by"].iloc[0] == "you"


def test_add_row_refuses_a_template_with_blanks(scratch):
    folder = scratch_copy()
    before = folder_digest(folder)
    change = add_row(folder, "events", {**EVENT, "status": ..., "date_text": ...})
    assert not change.ok
    assert "replace the ... of status, date_text" in change.message
    assert not add_row(folder, "events", ...).ok  # not a dictionary: a message, not a traceback
    assert folder_digest(folder) == before


def test_add_row_with_replace_puts_an_edited_template_in_the_old_rows_place(scratch):
    folder = scratch_copy()
    first = add_row(folder, "events", {**EVENT, "status": "happened"})
    again = add_row(folder, "events", EVENT, replace=True)
    assert again.ok and repr(again) == repr(first)  # same line
    rows = read_rows(folder, "events")
    assert list(rows["event_id"]).count("ev-test-dialogue") == 1
    assert rows.set_index("event_id").loc["ev-test-dialogue", "status"] == "held"
    assert pakafghan.validate(folder).ok


def test_compare_coding_lists_only_the_rows_a_learner_added(scratch):
    folder = scratch_copy()
    assert compare_coding(folder, "article")["coded_by"].eq("project").all()
    mine = {
        **EVENT,
        "source_id": "article",
        "status": "planned",
        "quote": "Pakistan is facilitating",
    }
    add_row(folder, "events", mine)
    rows = compare_coding(folder, "article")
    assert rows.loc[rows["coded_by"] == "you", "id"].tolist() == ["ev-test-dialogue"]


def test_compare_coding_compares_two_learners_folders(scratch):
    mine, theirs = scratch_copy("mine"), scratch_copy("theirs")
    add_row(mine, "events", {**EVENT, "event_id": "ev-mine"})
    add_row(theirs, "events", {**EVENT, "event_id": "ev-theirs", "source_id": "S11"})
    rows = compare_coding(mine, "S10", other=theirs, other_source="S11")
    assert rows[["coded_by", "id"]].values.tolist() == [
        ["you", "ev-mine"],
        ["partner", "ev-theirs"],
    ]
    named = compare_coding(mine, "S10", other=theirs, other_source="S11", labels=("A", "B"))
    assert named["coded_by"].tolist() == ["A", "B"]


def test_zip_copy_packs_a_copy_that_open_copy_unpacks(scratch, tmp_path, monkeypatch):
    folder = scratch_copy("classroom-project")
    add_row(folder, "events", EVENT)
    monkeypatch.chdir(tmp_path)
    packed = zip_copy(folder)
    assert packed.ok
    assert "classroom-project.zip" in packed.message and "Download" in packed.message
    assert str(tmp_path) not in packed.message  # the same on every machine
    data = (tmp_path / "classroom-project.zip").read_bytes()
    assert zip_copy(folder) and (tmp_path / "classroom-project.zip").read_bytes() == data
    partner = open_copy(tmp_path / "classroom-project.zip", "partner")
    assert partner == scratch / "partner"
    assert folder_digest(partner) == folder_digest(folder)
    assert "ev-test-dialogue" in set(read_rows(partner, "events")["event_id"])
    assert pakafghan.validate(partner).ok


def test_zip_copy_refuses_what_is_not_a_copy(scratch, tmp_path, bundled_unchanged):
    assert not zip_copy(BUNDLED_DATA_DIR, tmp_path).ok
    assert not zip_copy(tmp_path, tmp_path).ok
    folder = scratch_copy("x")
    assert not zip_copy(folder, folder).ok  # never inside the copy it packs


def test_open_copy_refuses_other_zips(scratch, tmp_path):
    import zipfile

    bad = tmp_path / "bad.zip"
    with zipfile.ZipFile(bad, "w") as archive:
        archive.writestr("copy/../../evil.txt", "x")
        archive.writestr(f"copy/{MARKER}", "x")
    with pytest.raises(ValueError, match="does not hold one scratch copy"):
        open_copy(bad, "partner")
    plain = tmp_path / "plain.zip"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes/readme.txt", "x")
    with pytest.raises(ValueError, match="does not hold one scratch copy"):
        open_copy(plain, "partner")
    (tmp_path / "text.zip").write_text("not a zip")
    with pytest.raises(ValueError, match="not a zip file"):
        open_copy(tmp_path / "text.zip", "partner")
    with pytest.raises(ValueError, match="name"):
        open_copy(plain, "../up")
    assert not (tmp_path / "evil.txt").exists() and not (scratch / "partner").exists()
