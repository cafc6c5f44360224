"""A teacher's ``python -m pakafghan progress-report FOLDER``: the class table from hand-in files.

Good hand-ins (JSON and CSV, in subfolders too, from ``export_progress()`` itself) make the table;
every damaged or foreign file gets one clear line (its name and why) and is left out; nothing
crashes, whatever the bytes. Exit 0 when at least one file was read, 1 when none was, 2 on a
usage error; never a traceback.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pakafghan.__main__ import main
from pakafghan.handin import (
    FORMAT,
    Handin,
    HandinError,
    HandinRow,
    handin_document,
    read_folder,
    read_handin,
    write_handin,
)

AMINA = [
    HandinRow("actors-1", "right", 2, 1, "2025-09-01T08:05:00+00:00"),
    HandinRow("actors-2", "not yet", 1, 0, "2025-09-01T08:06:00+00:00"),
    HandinRow("actors-3", "not attempted"),
    HandinRow("start-6", "written", 1, 0, "2025-09-01T08:07:00+00:00", "=SUM(A1) is my answer"),
]
BILAL = [HandinRow("actors-1", "not yet", 3), HandinRow("actors-10", "right", 1)]


def run(*args: str, env: dict | None = None, cwd: Path | None = None):
    return subprocess.run(
        [sys.executable, "-m", "pakafghan", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        cwd=cwd,
    )


def good(folder: Path, name: str, rows, learner: str | None, csv_too: bool = False) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    json_path, csv_path = folder / f"{name}.json", folder / f"{name}.csv"
    write_handin(rows, json_path, csv_path, learner=learner, exported_at=None)
    if not csv_too:
        csv_path.unlink()


def doc(**changes) -> str:
    document = handin_document(AMINA, "Amina")
    document.update(changes)
    return json.dumps(document)


def row(**changes) -> str:
    item = {"exercise_id": "actors-1", "state": "right", "attempts": 1}
    item.update(changes)
    return doc(exercises=[item])


HEADER = "format,version,learner,exercise_id,state,attempts,hints,last_attempt,text"

#: Files that are not readable hand-ins, and what the one line about each must say.
BAD = {
    "truncated.json": (doc()[:80], "not valid JSON (line 1, column"),
    "cut-at-end.json": (doc()[:-2], "is the file cut short?"),
    "binary.json": (b"\x89PNG\r\n\x1a\n\x00\x00\xff\xd8", "not text (byte 0x89 at position 0"),
    "empty.json": ("", "the file is empty"),
    "blank.csv": ("\n \n", "the file is empty"),
    "a-list.json": ("[1, 2]", "not a progress file: the JSON is a list"),
    "a-number.json": ("42", "not a progress file: the JSON is a number"),
    "someone-elses.json": ('{"name": "x", "cells": []}', 'no "format" key'),
    "notebook.json": (json.dumps({"format": 4, "cells": []}), '"format" is a number, expected'),
    "otter.json": (doc(format="otter-results"), "\"format\" is 'otter-results'"),
    "newer.json": (doc(version=2), "version 2 is newer than this pakafghan reads (1)"),
    "version-text.json": (doc(version="1"), '"version" should be the number 1, found text'),
    "no-learner.json": (json.dumps({"format": FORMAT, "version": 1, "exercises": []}), "'learner'"),
    "no-exercises.json": (
        json.dumps({"format": FORMAT, "version": 1, "learner": None}),
        "'exercises'",
    ),
    "exercises-object.json": (doc(exercises={}), '"exercises": expected a list, found an object'),
    "learner-number.json": (doc(learner=5), "learner: expected text or null, found a number"),
    "learner-escape.json": (doc(learner="a\x1b[31mb"), "learner: holds a control character"),
    "row-text.json": (doc(exercises=["actors-1"]), "exercises[0]: expected an object, found text"),
    "state.json": (row(state="done"), "exercises[0].state: 'done' is not one of right"),
    "attempts-text.json": (row(attempts="3"), "attempts: expected a whole number, found text"),
    "attempts-bool.json": (row(attempts=True), "attempts: expected a whole number, found true"),
    "attempts-negative.json": (row(attempts=-1), "attempts: -1 is out of range"),
    "attempts-float.json": (row(attempts=1.5), "attempts: expected a whole number, found a num"),
    "bad-id.json": (row(exercise_id="../../etc"), "'../../etc' is not an exercise id"),
    "no-id.json": (
        doc(exercises=[{"state": "right", "attempts": 1}]),
        "missing field 'exercise_id'",
    ),
    "bad-time.json": (row(last_attempt="yesterday"), "'yesterday' is not an ISO date and time"),
    "answer-text.json": (row(text="pakistan"), "only a written answer carries text"),
    "written-no-text.json": (row(state="written"), "a written answer needs its text"),
    "twice.json": (doc(exercises=[json.loads(row())["exercises"][0]] * 2), "listed twice"),
    "duplicate-key.json": (
        '{"format": "pakafghan-progress", "format": "x"}',
        "'format' appears twice",
    ),
    "nan.json": (row().replace('"attempts": 1', '"attempts": NaN'), "NaN is not a number JSON"),
    "deep.json": ("[" * 100_000, "nested too deeply"),
    "many-keys.json": ("{" + ",".join(f'"k{i}": 0' for i in range(100_000)) + ',"k7": 1}', "twice"),
    "csv-digits.csv": (f"{HEADER}\n{FORMAT},1,Amina,actors-1,right,²,0,,\n", "whole number"),
    "huge.json": (" " * 2_500_000 + doc(), "too large for a progress file"),
    "other-header.csv": ("name,score\nAmina,3\n", "its first line should be"),
    "ragged.csv": (f"{HEADER}\n{FORMAT},1,Amina,actors-1\n", "line 2: 4 fields, expected 9"),
    "two-learners.csv": (
        f"{HEADER}\n{FORMAT},1,Amina,actors-1,right,1,0,,\n{FORMAT},1,Bilal,actors-2,right,1,0,,\n",
        "the rows name different learners",
    ),
    "unclosed.csv": (f'{HEADER}\n{FORMAT},1,"Amina,actors-1,right,1,0,,\n', "not a readable CSV"),
    "csv-state.csv": (f"{HEADER}\n{FORMAT},1,Amina,actors-1,great,1,0,,\n", "'great' is not one"),
    "csv-version.csv": (f"{HEADER}\n{FORMAT},7,Amina,actors-1,right,1,0,,\n", "version 7 is newer"),
    "class-report.csv": ("learner,file,actors-1\nAmina,a.json,right\n", "a class report"),
}


def bad_folder(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (content, _) in BAD.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.mark.parametrize("name", sorted(BAD))
def test_a_bad_file_is_refused_with_its_reason(tmp_path, name):
    bad_folder(tmp_path)
    with pytest.raises(HandinError) as caught:
        read_handin(tmp_path / name)
    assert BAD[name][1] in caught.value.reason
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / name) + ": ")


def test_not_a_regular_file(tmp_path):
    (tmp_path / "folder.json").mkdir()
    with pytest.raises(HandinError, match="not a regular file"):
        read_handin(tmp_path / "folder.json")
    if Path("/dev/zero").exists():
        (tmp_path / "zero.json").symlink_to("/dev/zero")
        with pytest.raises(HandinError, match="not a regular file"):
            read_handin(tmp_path / "zero.json")


def test_good_files_are_read_back_as_written(tmp_path):
    good(tmp_path, "amina", AMINA, "Amina", csv_too=True)
    from_json, from_csv = read_handin(tmp_path / "amina.json"), read_handin(tmp_path / "amina.csv")
    assert isinstance(from_json, Handin)
    assert from_json.rows == from_csv.rows == tuple(AMINA)
    assert from_json.learner == from_csv.learner == "Amina"
    assert from_json.state("actors-9") == "not attempted"
    # a spreadsheet must not run a learner's text as a formula, and it still reads back
    assert "'=SUM(A1) is my answer" in (tmp_path / "amina.csv").read_text(encoding="utf-8")


def test_a_bom_and_extra_keys_are_accepted(tmp_path):
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + doc(extra="from a later version").encode())
    assert read_handin(path).learner == "Amina"


def test_the_class_report_reads_good_files_and_names_every_bad_one(tmp_path):
    folder = bad_folder(tmp_path / "hand-ins")
    good(folder, "amina", AMINA, "Amina", csv_too=True)  # a pair: one hand-in
    good(folder / "bilal-submission", "progress", BILAL, "Bilal")  # a platform's subfolder
    (folder / "notes.txt").write_text("not a hand-in", encoding="utf-8")
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    out = run("progress-report", str(folder))
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stdout + out.stderr
    lines = out.stderr.splitlines()
    refused = {name: reason for name, (_, reason) in BAD.items() if name != "class-report.csv"}
    for name, reason in refused.items():
        [line] = [ln for ln in lines if ln.startswith(f"not read: {name}: ")]
        assert reason in line
    assert "skipped: notes.txt: not a .json or .csv file" in lines
    assert not any(".DS_Store" in ln for ln in lines)
    assert len(lines) == len(refused) + 1  # the old class-report.csv is the output: not read
    stdout = out.stdout.splitlines()
    assert stdout[0] == "Class report: 2 learner(s), 5 exercise(s)."
    assert stdout[1] == "+ right  x not yet  . not attempted  w written"
    assert stdout[3].split() == ["learner", "actors", "start", "right", "written"]
    assert stdout[4].split() == ["1", "2", "3", "10", "6"]
    assert stdout[5].split() == ["Amina", "+", "x", ".", ".", "w", "1/5", "1"]
    assert stdout[6].split() == ["Bilal", "x", ".", ".", "+", ".", "1/5", "0"]
    assert stdout[-1].startswith(f"Wrote {folder / 'class-report.csv'}")
    assert f"{len(refused)} file(s) not read" in stdout[-1]


def test_the_class_report_is_written_as_csv_with_the_written_answers_beside_it(tmp_path):
    folder = tmp_path / "hand-ins"
    good(folder, "amina", AMINA, "Amina")
    good(folder, "bilal", BILAL, "=cmd|' /C calc'!A0")
    out = run("progress-report", str(folder))
    assert out.returncode == 0, out.stderr
    report = folder / "class-report.csv"
    with report.open(encoding="utf-8", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == [
        "learner",
        "file",
        *["actors-1", "actors-2", "actors-3", "actors-10", "start-6"],
        *["right", "not yet", "not attempted", "written"],
    ]
    assert table[1][0] == "'=cmd|' /C calc'!A0"  # no formula for a spreadsheet to run
    assert table[1][2:7] == ["not yet", *["not attempted"] * 2, "right", "not attempted"]
    assert table[1][7:] == ["1", "1", "3", "0"]
    assert table[2][:2] == ["Amina", "amina.json"]
    assert table[2][2:7] == ["right", "not yet", "not attempted", "not attempted", "written"]
    with (folder / "class-report-written.csv").open(encoding="utf-8", newline="") as f:
        written = list(csv.reader(f))
    assert written == [
        ["learner", "file", "exercise_id", "last_attempt", "text"],
        ["Amina", "amina.json", "start-6", "2025-09-01T08:07:00+00:00", "'=SUM(A1) is my answer"],
    ]
    assert f"Wrote {report} and {folder / 'class-report-written.csv'}: 2 learner(s)" in out.stdout
    again = run("progress-report", str(folder))  # its own output is not read as a hand-in
    assert again.returncode == 0 and again.stdout == out.stdout and again.stderr == ""


def test_out_chooses_the_file(tmp_path):
    folder = tmp_path / "hand-ins"
    good(folder, "bilal", BILAL, "Bilal")
    out = run("progress-report", str(folder), "--out", str(tmp_path / "week1.csv"))
    assert out.returncode == 0, out.stderr
    assert (tmp_path / "week1.csv").is_file() and not (folder / "class-report.csv").exists()
    assert not (tmp_path / "week1-written.csv").exists()  # no written answers: no such file


def test_duplicate_learner_names_are_told_apart_by_file(tmp_path):
    good(tmp_path, "first", AMINA, "Amina")
    good(tmp_path, "second", BILAL, " amina ")
    good(tmp_path / "x", "third", BILAL, None)
    report = read_folder(tmp_path)
    assert [label for label, _ in report.learners] == [
        "(no name: x/third.json)",
        "Amina (first.json)",
        "amina (second.json)",
    ]
    assert report.notes == (
        "2 files name the learner 'Amina' (first.json, second.json): each is shown with its "
        "file's name",
    )
    out = run("progress-report", str(tmp_path))
    assert out.returncode == 0
    assert "note: 2 files name the learner 'Amina'" in out.stderr


def test_a_broken_json_file_falls_back_to_its_csv_twin(tmp_path):
    good(tmp_path, "amina", AMINA, "Amina", csv_too=True)
    (tmp_path / "amina.json").write_text(doc()[:50], encoding="utf-8")
    report = read_folder(tmp_path)
    assert [h.path.name for _, h in report.learners] == ["amina.csv"]
    assert [p.path.name for p in report.problems] == ["amina.json"]


@pytest.mark.parametrize("setup", ["empty", "only-bad"])
def test_exit_1_when_no_file_could_be_read(tmp_path, setup):
    if setup == "only-bad":
        bad_folder(tmp_path)
    out = run("progress-report", str(tmp_path))
    assert out.returncode == 1
    assert "No progress file could be read" in out.stderr and "nothing written" in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "class-report.csv").exists() or setup == "only-bad"


def test_exit_1_when_the_report_cannot_be_written(tmp_path):
    good(tmp_path, "bilal", BILAL, "Bilal")
    out = run("progress-report", str(tmp_path), "--out", str(tmp_path / "no" / "such" / "r.csv"))
    assert out.returncode == 1
    assert "error: cannot write" in out.stderr and "Traceback" not in out.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("progress-report",),
        ("progress-report", "/no/such/folder"),
        ("progress-report", "FILE"),
        ("progress-report", "FOLDER", "--out", "FOLDER"),
        ("progress-report", "FOLDER", "--colour"),
        ("progress-report", "FOLDER", "FOLDER"),
    ],
)
def test_usage_errors_exit_2_without_traceback(tmp_path, args):
    (tmp_path / "file.json").write_text(doc(), encoding="utf-8")
    args = [{"FILE": str(tmp_path / "file.json"), "FOLDER": str(tmp_path)}.get(a, a) for a in args]
    out = run(*args)
    assert out.returncode == 2
    assert "usage:" in out.stderr and "Traceback" not in out.stderr


def test_a_console_that_cannot_show_a_name_does_not_crash(tmp_path):
    good(tmp_path, "ahmad", BILAL, "احمد")
    (tmp_path / "کار.json").write_text("{", encoding="utf-8")
    env = dict(os.environ, PYTHONIOENCODING="ascii")
    out = run("progress-report", str(tmp_path), env=env)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    assert "????" in out.stdout


def test_the_command_in_process(tmp_path, capsys):
    good(tmp_path, "bilal", BILAL, "Bilal")
    assert main(["progress-report", str(tmp_path)]) == 0
    assert "Bilal" in capsys.readouterr().out


# --- whatever the bytes, the reader answers (a hand-in or a reason), never crashes -------------


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".csv"]))
def test_random_bytes_never_crash_the_reader(tmp_path, data, suffix):
    path = tmp_path / f"random{suffix}"
    path.write_bytes(data)
    try:
        read_handin(path)
    except HandinError as error:
        assert error.reason and "\n" not in error.reason


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=20,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    key=st.sampled_from(["format", "version", "learner", "exercises", "exported_at"]),
    value=_JSON,
    field=st.sampled_from(["exercise_id", "state", "attempts", "hints", "last_attempt", "text"]),
    field_value=_JSON,
    cut=st.integers(min_value=0, max_value=400),
)
def test_damaged_hand_ins_never_crash_the_reader(tmp_path, key, value, field, field_value, cut):
    document = handin_document(AMINA, "Amina")
    document[key] = value
    damaged = handin_document(AMINA, "Amina")
    damaged["exercises"][1][field] = field_value
    for i, text in enumerate(
        [json.dumps(document), json.dumps(damaged), json.dumps(damaged)[:cut]]
    ):
        path = tmp_path / f"damaged-{i}.json"
        path.write_text(text, encoding="utf-8")
        try:
            handin = read_handin(path)
        except HandinError as error:
            assert error.reason and "\n" not in error.reason
        else:
            assert all(
                r.state in ("right", "not yet", "not attempted", "written") for r in handin.rows
            )
