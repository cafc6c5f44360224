"""The friendly validation report: an OK banner, or one escaped row per problem."""

from __future__ import annotations

import pakafghan
from pakafghan import Problem, ValidationReport
from pakafghan.report import ValidationView, problems_frame, validation_report_html


def test_valid_data_shows_only_an_ok_banner():
    view = ValidationView(pakafghan.validate())
    assert view.ok
    assert repr(view) == "✓ OK: the 7 tables in this folder are valid."
    html = view._repr_html_()
    assert "✓ OK" in html and "<table>" not in html


def test_problems_become_rows_with_file_line_record_field_message(data_copy):
    data_copy.replace(
        "events",
        "kabul_trilateral,CONSULT,multilateral,diplomatic,held",
        ("kabul_trilateral,CONSULT,multilateral,diplomatic,happened"),
    )
    line = data_copy.line_of("events", "ev-kabul-trilateral,")
    report = pakafghan.validate(data_copy.path)
    frame = problems_frame(report)
    row = frame.iloc[0]
    assert (row["file"], row["line"], row["record"], row["field"]) == (
        "events.csv",
        line,
        "ev-kabul-trilateral",
        "status",
    )
    assert "'happened' is not allowed" in row["message"]
    view = ValidationView(report)
    assert not view.ok
    text = repr(view)
    assert text.startswith("✗ Not valid yet: 1 problem in 1 file.")
    assert f"events.csv:{line} (ev-kabul-trilateral): status: 'happened' is not allowed" in text
    html = validation_report_html(report)
    assert f"<td>events.csv</td><td>{line}</td><td>ev-kabul-trilateral</td>" in html
    assert "<th>what is wrong</th>" in html


def test_no_absolute_path_in_what_a_lesson_shows(data_copy):
    data_copy.replace("events", "2025-08-20,2025-08-20,day", "2025-08-20,2025-08-32,day")
    report = pakafghan.validate(data_copy.path)
    shown = repr(ValidationView(report)) + validation_report_html(report)
    assert str(data_copy.path) not in shown
    assert "'2025-08-32' is not a real date" in shown


def test_every_problem_is_listed_and_counted(data_copy):
    data_copy.replace("actors", "khalilzad,Zalmay Khalilzad,official", "khalilzad,,officiall")
    report = pakafghan.validate(data_copy.path)
    frame = problems_frame(report)
    assert len(frame) == len(report.problems) >= 2
    assert set(frame["field"]) >= {"name", "kind"}
    assert set(frame["record"]) == {"khalilzad"}
    assert f"{len(report.problems)} problems in 1 file" in repr(ValidationView(report))


def test_problems_without_a_readable_row_have_no_record(data_copy):
    (data_copy.path / "places.csv").unlink()
    report = pakafghan.validate(data_copy.path)
    frame = problems_frame(report)
    missing = frame[frame["file"] == "places.csv"].iloc[0]
    assert missing["line"] == 0 and missing["record"] == ""
    assert "  places.csv: file is missing" in repr(ValidationView(report))


def test_messages_and_records_are_escaped(hostile):
    report = ValidationReport(".", [Problem("events.csv", 3, "title", hostile.text)])
    html = validation_report_html(report)
    hostile.assert_inert(html)
    assert f"<td>title</td><td>{hostile.html}</td>" in html
    assert html.startswith('<div style="border-left:4px solid #D55E00;padding:4px 8px">')
    assert "<strong>✗ Not valid yet: 1 problem in 1 file." in html
    assert repr(ValidationView(report)).endswith(f"events.csv:3: title: {hostile.text}")
