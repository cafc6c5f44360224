"""Checks that coach and record: hints in steps, solutions only for teachers, the kernel's record
of every attempt, ``progress()`` (deterministic: no times shown), ``export_progress()`` (a JSON and
CSV pair with times, never a checked answer's text) and written answers (``write()``).
"""

from __future__ import annotations

import csv
import json
import re
from datetime import datetime, timedelta

import pytest

import pakafghan.exercises as exercises
from pakafghan.exercises import (
    SOLUTIONS_ENV,
    WRITTEN_LIMIT,
    Exercise,
    answer_digest,
    check,
    export_progress,
    hint,
    progress,
    register,
    solution,
    write,
)
from pakafghan.exercises._record import Record
from pakafghan.handin import CSV_COLUMNS, FORMAT, read_handin

ISO_TIME = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


class Clock:
    """A clock for the record that moves a minute each time it is read (UTC)."""

    def __init__(self) -> None:
        self.now = datetime.fromisoformat("2025-09-01T08:00:00+00:00")

    def __call__(self) -> str:
        self.now += timedelta(minutes=1)
        return self.now.isoformat(timespec="seconds")


@pytest.fixture(autouse=True)
def record(monkeypatch):
    """A fresh record for each test, with a clock that moves."""
    fresh = Record(clock=Clock())
    monkeypatch.setattr(exercises, "RECORD", fresh)
    monkeypatch.delenv(SOLUTIONS_ENV, raising=False)
    return fresh


@pytest.fixture
def demo(monkeypatch):
    """A demo lesson: a checked exercise with three steps, one without, and a written one."""
    for exercise in [
        Exercise(
            "demo-1",
            accepted={answer_digest("demo-1", "kabul")},
            steps=("Read the <first> sentence.", "Which city hosts the talks?", "It is a capital."),
        ),
        Exercise("demo-2", accepted={answer_digest("demo-2", "x")}),
        Exercise("demo-10", written=True, steps=("Say who, then what.", "Name your source.")),
    ]:
        monkeypatch.setitem(exercises._REGISTRY, exercise.exercise_id, exercise)


# --- the record --------------------------------------------------------------------------------


def test_a_placeholder_touches_an_exercise_but_is_not_an_attempt(record):
    check("background-4", ...)
    entry = record.get("background-4")
    assert (entry.state, entry.attempts, entry.last_attempt) == ("not attempted", 0, None)


def test_every_check_is_recorded_with_its_state_attempts_and_utc_time(record):
    check("background-4", "a")
    assert record.get("background-4").state == "not yet"
    check("background-4", "b")
    entry = record.get("background-4")
    assert (entry.state, entry.attempts) == ("right", 2)
    when = datetime.fromisoformat(entry.last_attempt)
    assert when.utcoffset() == timedelta(0)
    check("background-4", None)  # running the cell with the placeholder again changes nothing
    assert record.get("background-4") == entry
    check("background-4", "c")  # the latest attempt counts
    assert (record.get("background-4").state, record.get("background-4").attempts) == (
        "not yet",
        3,
    )


def test_the_real_clock_gives_utc_iso_times():
    when = datetime.fromisoformat(Record().clock())
    assert when.utcoffset() == timedelta(0)
    assert abs(datetime.now(when.tzinfo) - when) < timedelta(minutes=1)


def test_the_record_never_keeps_a_checked_answer(record, tmp_path, demo):
    check("demo-1", "my-secret-guess")
    check("demo-1", "kabul")
    assert "my-secret-guess" not in repr(record.get("demo-1"))
    paths = export_progress(tmp_path)
    for path in paths:
        text = path.read_text(encoding="utf-8").casefold()
        assert "my-secret-guess" not in text and "kabul" not in text


# --- progress() ----------------------------------------------------------------------------------


def test_progress_shows_every_exercise_of_the_lessons_touched_in_id_order():
    check("background-4", "b")
    check("start-1", 1)
    check("background-1", ...)
    shown = progress()
    ids = [e.exercise_id for e in shown]
    assert ids == [f"background-{n}" for n in range(1, 7)] + [f"start-{n}" for n in range(1, 6)]
    states = {e.exercise_id: e.state for e in shown}
    assert states["background-4"] == "right" and states["start-1"] == "not yet"
    assert states["background-1"] == states["background-6"] == "not attempted"
    assert shown.summary() == (
        "11 exercises in lessons background, start: 1 right, 1 not yet, 9 not attempted."
    )


def test_progress_orders_numbers_as_numbers(demo):
    check("demo-2", "y")
    assert [e.exercise_id for e in progress()] == ["demo-1", "demo-2", "demo-10"]


def test_progress_shows_as_text_and_html_without_times():
    check("background-4", "a")
    check("background-4", "b")
    hint("background-2")
    text, html = repr(progress()), progress()._repr_html_()
    lines = text.splitlines()
    assert lines[0] == "6 exercises in lesson background: 1 right, 0 not yet, 5 not attempted."
    assert lines[1].split() == ["exercise", "state", "attempts", "hints", "seen"]
    assert lines[2].split() == ["background-1", "○", "not", "attempted", "0", "0"]
    assert lines[3].split() == ["background-2", "○", "not", "attempted", "0", "1"]
    assert lines[5].split() == ["background-4", "✓", "right", "2", "0"]
    assert "<th>exercise</th><th>state</th><th>attempts</th><th>hints seen</th>" in html
    assert "<td>background-4</td><td>✓ right</td><td>2</td>" in html
    assert not ISO_TIME.search(text) and not ISO_TIME.search(html)


def test_progress_is_the_same_whatever_the_time(record):
    """What a lesson stores (nbval compares it) does not depend on when the cells ran."""
    check("background-4", "b")
    first = (repr(progress()), progress()._repr_html_())
    record.clock.now += timedelta(days=3)
    check("background-4", ...)
    assert (repr(progress()), progress()._repr_html_()) == first


def test_progress_before_any_check_says_so():
    assert len(progress()) == 0
    assert repr(progress()).startswith("No exercise checked yet")
    assert "No exercise checked yet" in progress()._repr_html_()


# --- hints in steps ---------------------------------------------------------------------------


def test_hint_shows_the_next_step_each_time_then_says_there_are_no_more(demo, record):
    assert repr(hint("demo-1")) == "Hint 1 of 3 for demo-1: Read the <first> sentence."
    assert repr(hint("demo-1")) == "Hint 2 of 3 for demo-1: Which city hosts the talks?"
    assert repr(hint("demo-1")) == "Hint 3 of 3 for demo-1: It is a capital."
    last = hint("demo-1")
    assert repr(last).startswith("No more hints for demo-1. You have seen all 3")
    assert "hint('demo-1', 1) shows the first again" in repr(last)
    assert record.get("demo-1").hints == 3
    assert record.get("demo-1").attempts == 0  # a hint is not an attempt


def test_a_hint_can_be_shown_again_by_its_number(demo, record):
    assert repr(hint("demo-1", 2)) == "Hint 2 of 3 for demo-1: Which city hosts the talks?"
    assert record.get("demo-1").hints == 2
    assert repr(hint("demo-1")).startswith("Hint 3 of 3")
    assert repr(hint("demo-1", 1)).startswith("Hint 1 of 3")
    assert record.get("demo-1").hints == 3
    with pytest.raises(ValueError, match="hints 1 to 3, not 4"):
        hint("demo-1", 4)


def test_hints_show_as_escaped_html(demo):
    html = hint("demo-1")._repr_html_()
    assert "<strong>Hint 1 of 3 for demo-1:</strong> Read the &lt;first&gt; sentence." in html


def test_an_exercise_without_steps_and_an_unknown_one(demo):
    assert repr(hint("demo-2")).startswith("No hints for demo-2.")
    with pytest.raises(KeyError, match="no exercise 'nothing-1'"):
        hint("nothing-1")


def test_every_lesson_exercise_gives_its_steps_in_order():
    for exercise_id in ("start-1", "background-4", "security-3", "timeline-4", "checking-1"):
        shown = [repr(hint(exercise_id)) for _ in range(4)]
        steps = exercises._REGISTRY[exercise_id].steps
        for n, step in enumerate(steps, start=1):
            assert shown[n - 1] == f"Hint {n} of {len(steps)} for {exercise_id}: {step}"
        assert shown[len(steps)].startswith(f"No more hints for {exercise_id}.")


def test_not_attempted_points_to_the_first_hint():
    assert 'For a first step: hint("background-4").' in repr(check("background-4", ...))


# --- solutions only for teachers ---------------------------------------------------------------


def test_without_the_teachers_setting_no_solution_is_shown(demo):
    for exercise_id in [*exercises.exercise_ids()]:
        note = solution(exercise_id)
        assert note.code is None
        assert repr(note).startswith("Solutions are with your teacher.")
        assert "<pre>" not in note._repr_html_()
    assert 'hint("background-4") gives the next step' in repr(solution("background-4"))


def test_the_teacher_enables_solutions_with_a_file(tmp_path, monkeypatch, demo):
    solutions = tmp_path / "solutions.json"
    solutions.write_text(
        json.dumps({"demo-1": 'answer = "<kabul>"\n', "demo-2": ["x = 1\n", "answer = x\n"]}),
        encoding="utf-8",
    )
    monkeypatch.setenv(SOLUTIONS_ENV, str(solutions))
    note = solution("demo-1")
    assert repr(note) == 'Solution to demo-1 (instructor):\nanswer = "<kabul>"'
    assert "<pre><code>answer = &quot;&lt;kabul&gt;&quot;</code></pre>" in note._repr_html_()
    assert solution("demo-2").code == "x = 1\nanswer = x"
    assert repr(solution("demo-10")) == "No solution for demo-10 in the teacher's solutions file."


@pytest.mark.parametrize(
    ("content", "reason"),
    [(None, "No such file"), ("{not json", "not JSON"), ("[1, 2]", "should map exercise ids")],
)
def test_a_broken_solutions_file_shows_no_solution_and_says_why(
    tmp_path, monkeypatch, content, reason
):
    path = tmp_path / "solutions.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    monkeypatch.setenv(SOLUTIONS_ENV, str(path))
    note = solution("background-4")
    assert note.code is None
    assert repr(note).startswith("Solutions are with your teacher.") and reason in repr(note)


# --- export_progress() ---------------------------------------------------------------------------


def test_export_writes_a_json_and_csv_pair_in_the_current_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    check("background-4", "a")
    check("background-4", "b")
    hint("background-2")
    paths = export_progress()
    assert (paths.json.name, paths.csv.name) == (
        "pakafghan-progress-learner.json",
        "pakafghan-progress-learner.csv",
    )
    assert paths.json.parent == tmp_path
    assert "pakafghan-progress-learner.json" in repr(paths)
    doc = json.loads(paths.json.read_text(encoding="utf-8"))
    assert doc["format"] == FORMAT and doc["version"] == 1 and doc["learner"] is None
    assert datetime.fromisoformat(doc["exported_at"]).utcoffset() == timedelta(0)
    rows = {r["exercise_id"]: r for r in doc["exercises"]}
    assert list(rows) == [f"background-{n}" for n in range(1, 7)]
    assert rows["background-4"]["state"] == "right" and rows["background-4"]["attempts"] == 2
    last = rows["background-4"]["last_attempt"]
    assert datetime.fromisoformat(last).utcoffset() == timedelta(0)
    assert rows["background-2"] == {
        "exercise_id": "background-2",
        "state": "not attempted",
        "attempts": 0,
        "hints": 1,
        "last_attempt": None,
        "text": None,
    }
    with paths.csv.open(encoding="utf-8", newline="") as f:
        table = list(csv.DictReader(f))
    assert tuple(table[0]) == CSV_COLUMNS
    assert [r["exercise_id"] for r in table] == list(rows)
    assert (
        table[3]["state"] == "right"
        and table[3]["last_attempt"] == rows["background-4"]["last_attempt"]
    )
    assert read_handin(paths.json).rows == read_handin(paths.csv).rows


def test_export_with_a_name_a_folder_or_a_file_name(tmp_path):
    check("start-1", 1)
    named = export_progress(tmp_path / "new" / "folder", name="  Amina   Khan ")
    assert named.json == tmp_path / "new" / "folder" / "pakafghan-progress-amina-khan.json"
    assert read_handin(named.json).learner == "Amina Khan"
    assert read_handin(named.csv).learner == "Amina Khan"
    chosen = export_progress(tmp_path / "hand-in.csv", name="=HYPERLINK(1)")
    assert (chosen.json.name, chosen.csv.name) == ("hand-in.json", "hand-in.csv")
    assert "'=HYPERLINK(1)" in chosen.csv.read_text(encoding="utf-8")  # no spreadsheet formula
    assert read_handin(chosen.csv).learner == "=HYPERLINK(1)"
    odd = export_progress(tmp_path, name="../../احمد")
    assert odd.json.parent == tmp_path and odd.json.name == "pakafghan-progress-احمد.json"
    with pytest.raises(TypeError, match="name should be text"):
        export_progress(tmp_path, name=42)
    escaped = export_progress(tmp_path / "e.json", name="Amina\x1b[2J\x00 Khan\n")
    assert read_handin(escaped.json).learner == "Amina[2J Khan"  # the teacher can read it
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(ValueError, match="is a file"):
        export_progress(tmp_path / "notes.txt")


def test_export_replaces_an_earlier_file_whole(tmp_path):
    check("start-1", 1)
    first = export_progress(tmp_path, name="Bilal")
    check("start-1", 2)
    again = export_progress(tmp_path, name="Bilal")
    assert again == first
    assert read_handin(again.json).rows[0].attempts == 2
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "pakafghan-progress-bilal.csv",
        "pakafghan-progress-bilal.json",
    ]


# --- written answers ---------------------------------------------------------------------------


def test_a_written_answer_is_saved_with_its_text_and_exported(demo, record, tmp_path):
    first = write("demo-10", "  The article, because it names nobody.  ")
    assert first.state == "written" and not first
    assert repr(first).startswith("✎ Saved. Your answer (6 words) is kept for your teacher")
    write("demo-10", "Second thoughts,\x00 in full.")
    entry = record.get("demo-10")
    assert (entry.state, entry.attempts, entry.text) == ("written", 2, "Second thoughts, in full.")
    paths = export_progress(tmp_path, name="Amina")
    handin = read_handin(paths.json)
    [row] = [r for r in handin.rows if r.exercise_id == "demo-10"]
    assert (row.state, row.text) == ("written", "Second thoughts, in full.")
    assert read_handin(paths.csv).rows == handin.rows
    assert [e.state for e in progress()] == ["not attempted", "not attempted", "written"]


def test_a_written_answer_is_not_evaluated_and_has_a_length_limit(demo, record):
    assert write("demo-10", ...).state == "not attempted"
    assert write("demo-10", "   ").state == "not attempted"
    assert record.get("demo-10").attempts == 0
    assert write("demo-10", 42).state == "not yet"
    too_long = write("demo-10", "x" * (WRITTEN_LIMIT + 1))
    assert too_long.state == "not yet" and "the limit is 3,000" in too_long.message
    assert record.get("demo-10").attempts == 0, "nothing saved"
    assert write("demo-10", "x" * WRITTEN_LIMIT).state == "written"


def test_written_and_checked_exercises_are_not_mixed_up(demo):
    with pytest.raises(ValueError, match="use write"):
        check("demo-10", "text")
    with pytest.raises(ValueError, match="use check"):
        write("demo-1", "text")
    with pytest.raises(KeyError):
        write("nothing-1", "text")


def test_register_a_written_exercise_for_a_lesson(monkeypatch):
    """How a lesson module adds one (the next lessons' written exercises will)."""
    monkeypatch.setitem(exercises._REGISTRY, "demo-3", None)
    register(Exercise("demo-3", written=True))
    assert write("demo-3", "My answer.").state == "written"
