"""Validator: one broken copy of the data for each kind of problem, with file, line, field, code.

Each case edits a fresh copy of ``data/`` and asserts the exact place of the problem, its code
(see :data:`pakafghan.problems.CODES`) and the gist of its message. Every report a case produces
is also checked as a whole: every problem carries a documented code, never the default one.
Benign variations (BOM, CRLF, no final newline, reordered columns) must stay valid.
"""

from __future__ import annotations

import ast
import csv
import importlib
import io
import json
import re
from pathlib import Path

import pytest

import pakafghan
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.problems import CODES, DEFAULT_CODE, Problem
from pakafghan.schema import EVIDENCE_TABLES, SOURCES_DIR, read_package

validate_module = importlib.import_module("pakafghan.validate")  # the name is also a function
README = BUNDLED_DATA_DIR.parent / "README.md"
LIB = Path(pakafghan.__file__).parent
#: The modules whose problems the validator reports.
VALIDATOR_MODULES = ("csvread.py", "checks.py", "rules.py", "validate.py")


def validate(folder=None):
    """Validate, and check that every problem carries a specific, documented code."""
    report = validate_module.validate(folder)
    for p in report.problems:
        assert p.code in CODES and p.code != DEFAULT_CODE, f"{p}: code {p.code!r}"
    return report


def only(report, file=None):
    problems = [p for p in report.problems if file is None or p.file == file]
    assert problems, f"expected a problem, got {report.summary()}"
    return problems


def expect(data_copy, file, line, field, code, words=""):
    """The report has a problem at ``file:line: field`` with ``code`` (and ``words``, if given)."""
    report = validate(data_copy.path)
    assert not report.ok
    matches = [
        p
        for p in report.problems
        if (p.file, p.line, p.field, p.code) == (file, line, field, code) and words in p.message
    ]
    assert matches, "\n".join(f"{p} [{p.code}]" for p in report.problems)
    return report


def test_bundled_data_is_valid():
    report = validate()
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.summary().startswith("OK: 7 tables")


# -- files -------------------------------------------------------------------------------------


def test_missing_table_file(data_copy):
    data_copy.file("claims").unlink()
    expect(data_copy, "claims.csv", 0, "", "file-missing", "file is missing")


def test_missing_datapackage(data_copy):
    (data_copy.path / "datapackage.json").unlink()
    expect(data_copy, "datapackage.json", 0, "", "file-missing", "file is missing")


def test_empty_file(data_copy):
    data_copy.write("places", "")
    expect(data_copy, "places.csv", 0, "", "file-empty", "file is empty")


def test_header_only(data_copy):
    data_copy.write("claims", data_copy.text("claims").split("\n")[0] + "\n")
    expect(data_copy, "claims.csv", 0, "", "header-only", "header but no rows")


def test_non_utf8_bytes(data_copy):
    line = data_copy.line_of("actors", "khalilzad")
    raw = data_copy.file("actors").read_bytes().replace(b"Zalmay", b"Zalm\xe4y")
    data_copy.file("actors").write_bytes(raw)
    expect(data_copy, "actors.csv", line, "", "encoding-error", "not valid UTF-8")


def test_control_character(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "Kabul,", "Ka\x00bul,")
    expect(data_copy, "places.csv", line, "", "control-character", "control character")


# -- structure ---------------------------------------------------------------------------------


def test_missing_required_column(data_copy):
    rows = list(csv.reader(io.StringIO(data_copy.text("places"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:1] + r[2:] for r in rows])
    data_copy.write("places", out.getvalue())
    expect(data_copy, "places.csv", 1, "name", "missing-column", "required column is missing")


def test_unknown_extra_column_is_rejected(data_copy):
    lines = data_copy.text("places").rstrip("\n").split("\n")
    data_copy.write(
        "places", "\n".join([lines[0] + ",population"] + [x + "," for x in lines[1:]]) + "\n"
    )
    expect(data_copy, "places.csv", 1, "population", "unknown-column", "unknown column")


def test_duplicate_column_name(data_copy):
    lines = data_copy.text("places").rstrip("\n").split("\n")
    data_copy.write("places", "\n".join([lines[0] + ",note"] + [x + "," for x in lines[1:]]) + "\n")
    expect(data_copy, "places.csv", 1, "note", "duplicate-column", "more than once")


def test_row_with_too_many_fields(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "kabul,Kabul,", "kabul,Kabul,extra,")
    expect(data_copy, "places.csv", line, "", "ragged-row", "too many")


def test_row_with_too_few_fields(data_copy):
    line = data_copy.append("places", "herat,Herat,city")
    report = expect(data_copy, "places.csv", line, "", "ragged-row", "too few")
    assert len(only(report, "places.csv")) == 1


def test_unbalanced_quote(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "kabul,Kabul,", 'kabul,"Kabul,')
    expect(data_copy, "places.csv", line, "", "unclosed-quote", "never closed")


def test_lines_count_multiline_cells(data_copy):
    # a note spanning three physical lines moves every later row down by two lines
    data_copy.set_cell("places", "islamabad", "note", "first\nsecond\nthird")
    line = data_copy.line_of("places", "gwadar,")
    data_copy.set_cell("places", "gwadar", "kind", "port")
    expect(data_copy, "places.csv", line, "kind", "enum", "'port' is not allowed")


# -- cells -------------------------------------------------------------------------------------


def test_required_cell_empty(data_copy):
    line = data_copy.set_cell("actors", "ttp", "description", "")
    expect(data_copy, "actors.csv", line, "description", "required", "required but empty")


def test_value_outside_enum(data_copy):
    line = data_copy.set_cell("events", "ev-kabul-trilateral", "status", "happened")
    expect(data_copy, "events.csv", line, "status", "enum", "'happened' is not allowed; use one of")


def test_pattern(data_copy):
    line = data_copy.set_cell("places", "kabul", "country", "Afghanistan")
    expect(data_copy, "places.csv", line, "country", "pattern", "does not have the expected form")


def test_not_a_number(data_copy):
    line = data_copy.set_cell("places", "kabul", "latitude", "34,5 N")
    expect(data_copy, "places.csv", line, "latitude", "type", "is not a number")


def test_number_out_of_range(data_copy):
    line = data_copy.set_cell("places", "kabul", "latitude", "134.5")
    expect(data_copy, "places.csv", line, "latitude", "range", "after the latest allowed value 90")


@pytest.mark.parametrize("bad", ["20/08/2025", "2025-8-20", "August 20th"])
def test_malformed_date(data_copy, bad):
    line = data_copy.set_cell("events", "ev-kabul-trilateral", "date_earliest", bad)
    expect(
        data_copy, "events.csv", line, "date_earliest", "type", "not a date in the form YYYY-MM-DD"
    )


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "2025-04-31"])
def test_impossible_date(data_copy, bad):
    line = data_copy.set_cell("events", "ev-kabul-trilateral", "date_latest", bad)
    expect(data_copy, "events.csv", line, "date_latest", "type", "not a real date")


@pytest.mark.parametrize("bad", ["1025-08-20", "2125-08-20"])
def test_year_out_of_range(data_copy, bad):
    line = data_copy.set_cell("sources", "S1", "published_earliest", bad)
    report = validate(data_copy.path)
    [p] = [p for p in report.problems if p.line == line and p.field == "published_earliest"]
    assert p.code == "range"
    assert "allowed value" in p.message


def test_latest_date_before_earliest(data_copy):
    line = data_copy.set_cell("events", "ev-meeting-announced", "date_latest", "2025-08-24")
    expect(data_copy, "events.csv", line, "date_latest", "date-order", "before date_earliest")


def test_surrounding_spaces(data_copy):
    line = data_copy.set_cell("actors", "ttp", "country", " PAK")
    expect(data_copy, "actors.csv", line, "country", "whitespace", "spaces at the start or end")


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_injection_is_rejected(data_copy, start):
    line = data_copy.set_cell("actors", "ttp", "description", start + 'HYPERLINK("x")')
    expect(data_copy, "actors.csv", line, "description", "formula", "formula")


def test_one_megabyte_cell(data_copy):
    line = data_copy.set_cell("actors", "ttp", "description", "x" * 1_000_000)
    report = expect(
        data_copy, "actors.csv", line, "description", "length", "1000000 characters long"
    )
    assert max(len(str(p)) for p in report.problems) < 300


# -- keys --------------------------------------------------------------------------------------


def test_duplicate_primary_key(data_copy):
    first = data_copy.line_of("places", "kabul,")
    line = data_copy.set_cell("places", "gwadar", "place_id", "kabul")
    expect(
        data_copy, "places.csv", line, "place_id", "primary-key", f"already used on line {first}"
    )


@pytest.mark.parametrize("variant", ["Kabul", "KABUL"])
def test_key_differing_only_by_case(data_copy, variant):
    line = data_copy.set_cell("places", "gwadar", "place_id", variant)
    expect(data_copy, "places.csv", line, "place_id", "primary-key", "already used on line")


def test_key_differing_only_by_spaces(data_copy):
    line = data_copy.set_cell("places", "gwadar", "place_id", "kabul ")
    report = expect(
        data_copy, "places.csv", line, "place_id", "primary-key", "already used on line"
    )
    assert any(p.code == "whitespace" and p.line == line for p in report.problems)


def test_dangling_foreign_key(data_copy):
    line = data_copy.set_cell("claims", "cl-019", "claimant_id", "taleban")
    expect(
        data_copy,
        "claims.csv",
        line,
        "claimant_id",
        "foreign-key",
        "'taleban' matches no actor_id in actors.csv",
    )


def test_dangling_self_reference(data_copy):
    line = data_copy.set_cell("actors", "muttaqi", "parent_id", "islamic-emirate")
    expect(data_copy, "actors.csv", line, "parent_id", "foreign-key", "matches no actor_id")


# -- rules beyond Table Schema -----------------------------------------------------------------


def test_quote_not_found_in_source_text(data_copy):
    line = data_copy.set_cell("claims", "cl-019", "quote", "The Taliban deny the presence")
    expect(
        data_copy,
        "claims.csv",
        line,
        "quote",
        "quote-not-found",
        "does not occur in the source's text",
    )


def test_straight_apostrophe_is_not_the_curly_one(data_copy):
    line = data_copy.set_cell("claims", "cl-020", "quote", "UN reports confirm the TTP's presence")
    expect(data_copy, "claims.csv", line, "quote", "quote-not-found", "curly quotes")


def test_quote_required_for_shipped_source(data_copy):
    line = data_copy.set_cell("event_actors", "pa-001", "quote", "")
    expect(data_copy, "event_actors.csv", line, "quote", "quote-missing", "must quote its text")


def test_inferred_year_needs_its_source(data_copy):
    line = data_copy.set_cell("events", "ev-kabul-trilateral", "year_source_id", "")
    expect(data_copy, "events.csv", line, "year_source_id", "year-basis", "'inferred'")


def test_day_precision_needs_one_day(data_copy):
    line = data_copy.set_cell("events", "ev-kabul-trilateral", "date_latest", "2025-08-21")
    expect(
        data_copy, "events.csv", line, "date_latest", "date-precision", "date_precision is 'day'"
    )


def test_undated_event_cannot_have_dates(data_copy):
    line = data_copy.set_cell("events", "ev-khalilzad-criticism", "date_earliest", "2025-08-16")
    expect(
        data_copy, "events.csv", line, "year_basis", "year-basis", "is 'none' but the row has dates"
    )


def test_text_file_must_exist(data_copy):
    line = data_copy.set_cell("sources", "article", "text_file", "missing.txt")
    expect(data_copy, "sources.csv", line, "text_file", "text-file-missing", "is not in sources/")


def test_all_problems_reported_in_one_pass(data_copy):
    data_copy.set_cell("places", "kabul", "kind", "town")
    data_copy.set_cell("actors", "ttp", "kind", "militia")
    data_copy.set_cell("claims", "cl-001", "stance", "says")
    report = validate(data_copy.path)
    assert {p.file for p in report.problems} == {"places.csv", "actors.csv", "claims.csv"}
    assert {p.code for p in report.problems} == {"enum"}


# -- benign variations -------------------------------------------------------------------------


def test_bom_is_accepted(data_copy):
    data_copy.file("events").write_bytes(b"\xef\xbb\xbf" + data_copy.file("events").read_bytes())
    assert validate(data_copy.path).ok


def test_crlf_line_endings_are_accepted(data_copy):
    for table in ("events", "claims", "places"):
        data_copy.write(table, data_copy.text(table).replace("\n", "\r\n"))
    assert validate(data_copy.path).ok


def test_missing_final_newline_is_accepted(data_copy):
    data_copy.write("claims", data_copy.text("claims").rstrip("\n"))
    assert validate(data_copy.path).ok


def test_columns_in_another_order_are_accepted(data_copy):
    rows = list(csv.reader(io.StringIO(data_copy.text("events"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([list(reversed(r)) for r in rows])
    data_copy.write("events", out.getvalue())
    assert validate(data_copy.path).ok


def test_missing_optional_column_is_read_as_empty(data_copy):
    rows = list(csv.reader(io.StringIO(data_copy.text("places"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:-1] for r in rows])  # drop 'note'
    data_copy.write("places", out.getvalue())
    assert validate(data_copy.path).ok
    assert pakafghan.load_places(data_copy.path)["note"].isna().all()


@pytest.mark.parametrize("value", ["\xa0PAK", "PAK\xa0", "\tPAK"])
def test_any_white_space_at_the_edges(data_copy, value):
    line = data_copy.set_cell("actors", "ttp", "country", value)
    expect(data_copy, "actors.csv", line, "country", "whitespace", "spaces at the start or end")


# -- more files, structure and rules: one case for every code the validator reports ------------


def test_unreadable_file(data_copy, monkeypatch):
    real = Path.read_bytes

    def refuse(path):
        if path.name == "actors.csv":
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    expect(data_copy, "actors.csv", 0, "", "file-unreadable", "cannot be read (Permission denied)")


@pytest.mark.parametrize("text", ["{not json", "[]", '{"resources": 5}', '{"name": "x"}'])
def test_unreadable_datapackage(data_copy, text):
    (data_copy.path / "datapackage.json").write_text(text, encoding="utf-8")
    expect(data_copy, "datapackage.json", 0, "", "package-unreadable", "cannot be read")


def test_blank_line_between_rows(data_copy):
    line = data_copy.line_of("places", "kabul,")
    data_copy.replace("places", "kabul,", "\nkabul,")
    expect(data_copy, "places.csv", line, "", "blank-row", "blank line")


def test_column_without_a_name(data_copy):
    lines = data_copy.text("places").rstrip("\n").split("\n")
    data_copy.write("places", "\n".join([lines[0] + ","] + [x + "," for x in lines[1:]]) + "\n")
    expect(data_copy, "places.csv", 1, "", "unnamed-column", "has no name")


def test_unclosed_quote_in_the_header(data_copy):
    data_copy.replace("places", "place_id,", '"place_id,')
    expect(data_copy, "places.csv", 1, "", "unclosed-quote", "header line")


def test_unique_field_that_is_not_the_key(data_copy):
    package = data_copy.path / "datapackage.json"
    descriptor = json.loads(package.read_text(encoding="utf-8"))
    [places] = [r for r in descriptor["resources"] if r["name"] == "places"]
    [name] = [f for f in places["schema"]["fields"] if f["name"] == "name"]
    name.setdefault("constraints", {})["unique"] = True
    package.write_text(json.dumps(descriptor), encoding="utf-8")
    line = data_copy.set_cell("places", "gwadar", "name", "KABUL")
    expect(data_copy, "places.csv", line, "name", "unique", "already used on line")


def test_published_latest_before_earliest(data_copy):
    line = data_copy.set_cell("sources", "S1", "published_latest", "2025-08-16")
    expect(data_copy, "sources.csv", line, "published_latest", "date-order", "before")


def test_source_cannot_be_a_copy_of_itself(data_copy):
    line = data_copy.set_cell("sources", "S1", "copy_of", "S1")
    expect(data_copy, "sources.csv", line, "copy_of", "self-copy", "copy of itself")


def test_text_file_must_be_utf8(data_copy):
    text_file = data_copy.path / SOURCES_DIR / "000_cf27569e8efaa1ef.txt"
    text_file.write_bytes(text_file.read_bytes() + b"\xff")
    line = data_copy.line_of("sources", "000_cf27569e8efaa1ef.txt")
    expect(data_copy, "sources.csv", line, "text_file", "text-file-encoding", "is not UTF-8")


def test_text_file_that_is_a_folder_is_reported_not_raised(data_copy):
    (data_copy.path / SOURCES_DIR / "folder.txt").mkdir()
    line = data_copy.set_cell("sources", "article", "text_file", "folder.txt")
    expect(data_copy, "sources.csv", line, "text_file", "text-file-missing", "is not in sources/")


def test_quote_or_note_needed_for_a_source_we_do_not_ship(data_copy):
    data_copy.set_cell("claims", "cl-028", "quote", "")
    line = data_copy.set_cell("claims", "cl-028", "note", "")
    expect(data_copy, "claims.csv", line, "quote", "evidence-missing", "quote or note")


# -- numbers and their wording --------------------------------------------------------------


def test_value_qualifier_needs_a_value(data_copy):
    line = data_copy.set_cell("claims", "cl-033", "value", "")
    expect(data_copy, "claims.csv", line, "value_qualifier", "qualifier-needs-value", "'over'")


def test_value_qualifier_is_one_of_the_codebooks(data_copy):
    line = data_copy.set_cell("claims", "cl-033", "value_qualifier", "more than")
    expect(data_copy, "claims.csv", line, "value_qualifier", "enum", "use one of: about")


def test_value_max_needs_between(data_copy):
    line = data_copy.set_cell("claims", "cl-036", "value_max", "45")
    expect(data_copy, "claims.csv", line, "value_max", "value-max-between", "'between'")


def test_between_needs_value_max(data_copy):
    line = data_copy.set_cell("claims", "cl-095", "value_max", "")
    expect(data_copy, "claims.csv", line, "value_max", "value-max-between", "top of the range")


def test_value_max_not_below_value(data_copy):
    line = data_copy.set_cell("claims", "cl-095", "value_max", "5500")
    report = expect(data_copy, "claims.csv", line, "value_max", "value-order", "below value")
    assert [p.code for p in report.problems] == ["value-order"]


# -- what a source could know ----------------------------------------------------------------


def test_held_event_cannot_cite_a_source_published_before_it_ended(data_copy):
    # PTI's report of 29 Sep as the source of the meeting held on 29-30 Sep
    line = data_copy.set_cell("events", "ev-meeting-held", "source_id", "S10")
    report = expect(
        data_copy,
        "events.csv",
        line,
        "source_id",
        "source-before-event",
        "event ev-meeting-held cites S10, published by 2025-09-29 (published_latest), before its "
        "last possible day 2025-09-30 (date_latest)",
    )
    assert [p.code for p in report.problems] == ["source-before-event"]


def test_what_the_source_could_know_is_accepted(data_copy):
    # the same report, coded as the report could know it: a plan
    data_copy.set_cell("events", "ev-meeting-held", "source_id", "S10")
    data_copy.set_cell("events", "ev-meeting-held", "status", "planned")
    assert validate(data_copy.path).ok
    # a source with no known latest publication day cannot be judged: not flagged
    data_copy.set_cell("events", "ev-meeting-held", "status", "held")
    data_copy.set_cell("events", "ev-meeting-held", "source_id", "S26")
    assert validate(data_copy.path).ok


def test_participation_in_a_held_event_cannot_cite_an_earlier_source(data_copy):
    line = data_copy.set_cell("event_actors", "pa-038", "source_id", "S10")
    expect(
        data_copy,
        "event_actors.csv",
        line,
        "source_id",
        "source-before-event",
        "participation pa-038 cites S10, published by 2025-09-29 (published_latest), before the "
        "held event ev-meeting-held's last possible day 2025-09-30",
    )


def test_claim_that_a_held_event_happened_cannot_cite_an_earlier_source(data_copy):
    # pr-meeting-funding is about ev-meeting-held; cl-049 asserts it
    line = data_copy.set_cell("claims", "cl-049", "source_id", "S10")
    expect(
        data_copy,
        "claims.csv",
        line,
        "source_id",
        "source-before-event",
        "claim cl-049 cites S10, published by 2025-09-29",
    )


def test_data_with_no_held_event_or_no_dated_source_is_judged_without_error(data_copy):
    events = data_copy.path / "events.csv"
    events.write_text(events.read_text(encoding="utf-8").replace(",held,", ",planned,"))
    assert validate(data_copy.path).ok
    sources = data_copy.path / "sources.csv"
    with sources.open(encoding="utf-8", newline="") as text:
        rows = list(csv.DictReader(text))
    for row in rows:
        row["published_latest"] = ""
    with sources.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    report = validate(data_copy.path)
    assert "source-before-event" not in {p.code for p in report.problems}


def test_claim_that_does_not_say_the_event_happened_is_not_covered(data_copy):
    # a denial (participants deny the Taliban represent Afghans) does not say it happened
    data_copy.set_cell("claims", "cl-057", "source_id", "S10")
    assert validate(data_copy.path).ok


# -- codes -------------------------------------------------------------------------------------


def test_codes_are_kebab_case_with_a_meaning():
    for code, meaning in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)*", code), code
        assert meaning and "|" not in meaning and "\n" not in meaning, code
    assert DEFAULT_CODE in CODES


def test_problem_code_is_extra_and_checked():
    p = Problem("events.csv", 7, "status", "'x' is not allowed", "enum")
    assert str(p) == "events.csv:7: status: 'x' is not allowed"
    assert Problem("events.csv", 7, "status", "'x' is not allowed").code == DEFAULT_CODE
    with pytest.raises(ValueError, match="unknown problem code"):
        Problem("events.csv", 7, "status", "'x' is not allowed", "not-a-code")


def _validator_problem_calls():
    for name in VALIDATOR_MODULES:
        tree = ast.parse((LIB / name).read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                called = getattr(func, "id", None) or getattr(func, "attr", None)
                if called in ("Problem", "flag"):
                    yield name, node, called


def test_validator_code_names_a_code_for_every_problem():
    """Cases above cannot reach every branch; the source itself must pass a known code each time."""
    calls = list(_validator_problem_calls())
    assert len(calls) > 30
    for name, node, called in calls:
        where = f"{name}:{node.lineno}"
        if called == "Problem":
            assert len(node.args) + len(node.keywords) == 5, f"{where}: Problem without a code"
            code = node.args[4] if len(node.args) == 5 else node.keywords[0].value
        else:
            [code] = [k.value for k in node.keywords if k.arg == "code"] or [None]
            assert code is not None, f"{where}: flag without code="
        if isinstance(code, ast.Constant):
            assert code.value in CODES and code.value != DEFAULT_CODE, f"{where}: {code.value!r}"


def _readme_validator_section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## For teachers: checking and extending the data")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def test_readme_lists_exactly_the_codes_with_their_meanings():
    rows = re.findall(r"(?m)^\| `([a-z-]+)` \| (.+?) \|$", _readme_validator_section())
    listed = dict(rows)
    assert len(rows) == len(listed), "a code is listed twice in the README"
    assert listed == CODES, "keep the README's list of problem codes equal to problems.CODES"


def test_validate_leaves_the_tables_it_reads_unchanged(data_copy, monkeypatch):
    rows = list(csv.reader(io.StringIO(data_copy.text("places"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:-1] for r in rows])  # drop 'note'
    data_copy.write("places", out.getvalue())
    data_copy.write("claims", data_copy.text("claims").split("\n")[0] + "\n")  # no rows
    read = {}
    real = validate_module.read_csv_file

    def spy(path):
        raw = real(path)
        read[path.name] = (raw, list(raw.frame.columns), raw.frame.copy(), raw.lines.copy())
        return raw

    monkeypatch.setattr(validate_module, "read_csv_file", spy)
    report = validate(data_copy.path)
    for raw, columns, frame, lines in read.values():
        assert list(raw.frame.columns) == columns
        assert raw.frame.equals(frame) and (raw.lines == lines).all()
    assert "note" not in read["places.csv"][1]
    assert "note" in report.tables["places"].frame.columns


def test_layout_constants_follow_the_datapackage():
    assert read_package().evidence_tables == EVIDENCE_TABLES
    assert (BUNDLED_DATA_DIR / SOURCES_DIR).is_dir()
    assert read_package().keys["events"] == "event_id"
