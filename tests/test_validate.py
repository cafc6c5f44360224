"""Validator: one broken copy of the data for each kind of problem, with file, line and field.

Each case edits a fresh copy of ``data/`` and asserts the exact place of the problem and the
gist of its message. Benign variations (BOM, CRLF, no final newline, reordered columns) must stay
valid.
"""

from __future__ import annotations

import csv
import io

import pytest

from pakafghan.validate import validate


def only(report, file=None):
    problems = [p for p in report.problems if file is None or p.file == file]
    assert problems, f"expected a problem, got {report.summary()}"
    return problems


def expect(data_copy, file, line, field, words):
    report = validate(data_copy.path)
    assert not report.ok
    matches = [
        p
        for p in report.problems
        if p.file == file and p.line == line and p.field == field and words in p.message
    ]
    assert matches, "\n".join(str(p) for p in report.problems)
    return report


def rewrite_cell(data_copy, table, key, column, value):
    """Set one cell through the csv module (so quoting stays right); return the row's line."""
    rows = list(csv.reader(io.StringIO(data_copy.text(table))))
    header = rows[0]
    for i, row in enumerate(rows[1:], start=2):
        if row[0] == key:
            row[header.index(column)] = value
            out = io.StringIO()
            csv.writer(out, lineterminator="\n").writerows(rows)
            data_copy.write(table, out.getvalue())
            return i
    raise AssertionError(f"no row {key} in {table}")


def test_bundled_data_is_valid():
    report = validate()
    assert report.ok, "\n".join(map(str, report.problems))
    assert report.summary().startswith("OK: 7 tables")


# -- files -------------------------------------------------------------------------------------


def test_missing_table_file(data_copy):
    data_copy.file("claims").unlink()
    expect(data_copy, "claims.csv", 0, "", "file is missing")


def test_missing_datapackage(data_copy):
    (data_copy.path / "datapackage.json").unlink()
    expect(data_copy, "datapackage.json", 0, "", "file is missing")


def test_empty_file(data_copy):
    data_copy.write("places", "")
    expect(data_copy, "places.csv", 0, "", "file is empty")


def test_header_only(data_copy):
    data_copy.write("claims", data_copy.text("claims").split("\n")[0] + "\n")
    expect(data_copy, "claims.csv", 0, "", "header but no rows")


def test_non_utf8_bytes(data_copy):
    line = data_copy.line_of("actors", "khalilzad")
    raw = data_copy.file("actors").read_bytes().replace(b"Zalmay", b"Zalm\xe4y")
    data_copy.file("actors").write_bytes(raw)
    expect(data_copy, "actors.csv", line, "", "not valid UTF-8")


def test_control_character(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "Kabul,", "Ka\x00bul,")
    expect(data_copy, "places.csv", line, "", "control character")


# -- structure ---------------------------------------------------------------------------------


def test_missing_required_column(data_copy):
    rows = list(csv.reader(io.StringIO(data_copy.text("places"))))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows([r[:1] + r[2:] for r in rows])
    data_copy.write("places", out.getvalue())
    expect(data_copy, "places.csv", 1, "name", "required column is missing")


def test_unknown_extra_column_is_rejected(data_copy):
    lines = data_copy.text("places").rstrip("\n").split("\n")
    data_copy.write(
        "places", "\n".join([lines[0] + ",population"] + [x + "," for x in lines[1:]]) + "\n"
    )
    expect(data_copy, "places.csv", 1, "population", "unknown column")


def test_duplicate_column_name(data_copy):
    lines = data_copy.text("places").rstrip("\n").split("\n")
    data_copy.write("places", "\n".join([lines[0] + ",note"] + [x + "," for x in lines[1:]]) + "\n")
    expect(data_copy, "places.csv", 1, "note", "more than once")


def test_row_with_too_many_fields(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "kabul,Kabul,", "kabul,Kabul,extra,")
    expect(data_copy, "places.csv", line, "", "too many")


def test_row_with_too_few_fields(data_copy):
    line = data_copy.append("places", "herat,Herat,city")
    report = expect(data_copy, "places.csv", line, "", "too few")
    assert len(only(report, "places.csv")) == 1


def test_unbalanced_quote(data_copy):
    line = data_copy.line_of("places", "kabul")
    data_copy.replace("places", "kabul,Kabul,", 'kabul,"Kabul,')
    expect(data_copy, "places.csv", line, "", "never closed")


def test_lines_count_multiline_cells(data_copy):
    # a note spanning three physical lines moves every later row down by two lines
    rewrite_cell(data_copy, "places", "islamabad", "note", "first\nsecond\nthird")
    line = data_copy.line_of("places", "gwadar,")
    rewrite_cell(data_copy, "places", "gwadar", "kind", "port")
    expect(data_copy, "places.csv", line, "kind", "'port' is not allowed")


# -- cells -------------------------------------------------------------------------------------


def test_required_cell_empty(data_copy):
    line = rewrite_cell(data_copy, "actors", "ttp", "description", "")
    expect(data_copy, "actors.csv", line, "description", "required but empty")


def test_value_outside_enum(data_copy):
    line = rewrite_cell(data_copy, "events", "ev-kabul-trilateral", "status", "happened")
    expect(data_copy, "events.csv", line, "status", "'happened' is not allowed; use one of")


def test_pattern(data_copy):
    line = rewrite_cell(data_copy, "places", "kabul", "country", "Afghanistan")
    expect(data_copy, "places.csv", line, "country", "does not have the expected form")


def test_not_a_number(data_copy):
    line = rewrite_cell(data_copy, "places", "kabul", "latitude", "34,5 N")
    expect(data_copy, "places.csv", line, "latitude", "is not a number")


def test_number_out_of_range(data_copy):
    line = rewrite_cell(data_copy, "places", "kabul", "latitude", "134.5")
    expect(data_copy, "places.csv", line, "latitude", "after the latest allowed value 90")


@pytest.mark.parametrize("bad", ["20/08/2025", "2025-8-20", "August 20th"])
def test_malformed_date(data_copy, bad):
    line = rewrite_cell(data_copy, "events", "ev-kabul-trilateral", "date_earliest", bad)
    expect(data_copy, "events.csv", line, "date_earliest", "not a date in the form YYYY-MM-DD")


@pytest.mark.parametrize("bad", ["2025-02-30", "2025-13-01", "2025-04-31"])
def test_impossible_date(data_copy, bad):
    line = rewrite_cell(data_copy, "events", "ev-kabul-trilateral", "date_latest", bad)
    expect(data_copy, "events.csv", line, "date_latest", "not a real date")


@pytest.mark.parametrize("bad", ["1025-08-20", "2125-08-20"])
def test_year_out_of_range(data_copy, bad):
    line = rewrite_cell(data_copy, "sources", "S1", "published_earliest", bad)
    report = validate(data_copy.path)
    [p] = [p for p in report.problems if p.line == line and p.field == "published_earliest"]
    assert "allowed value" in p.message


def test_latest_date_before_earliest(data_copy):
    line = rewrite_cell(data_copy, "events", "ev-meeting-announced", "date_latest", "2025-08-24")
    expect(data_copy, "events.csv", line, "date_latest", "before date_earliest")


def test_surrounding_spaces(data_copy):
    line = rewrite_cell(data_copy, "actors", "ttp", "country", " PAK")
    expect(data_copy, "actors.csv", line, "country", "spaces at the start or end")


@pytest.mark.parametrize("start", ["=", "+", "-", "@"])
def test_formula_injection_is_rejected(data_copy, start):
    line = rewrite_cell(data_copy, "actors", "ttp", "description", start + 'HYPERLINK("x")')
    expect(data_copy, "actors.csv", line, "description", "formula")


def test_one_megabyte_cell(data_copy):
    line = rewrite_cell(data_copy, "actors", "ttp", "description", "x" * 1_000_000)
    report = expect(data_copy, "actors.csv", line, "description", "1000000 characters long")
    assert max(len(str(p)) for p in report.problems) < 300


# -- keys --------------------------------------------------------------------------------------


def test_duplicate_primary_key(data_copy):
    first = data_copy.line_of("places", "kabul,")
    line = rewrite_cell(data_copy, "places", "gwadar", "place_id", "kabul")
    expect(data_copy, "places.csv", line, "place_id", f"already used on line {first}")


@pytest.mark.parametrize("variant", ["Kabul", "KABUL"])
def test_key_differing_only_by_case(data_copy, variant):
    line = rewrite_cell(data_copy, "places", "gwadar", "place_id", variant)
    expect(data_copy, "places.csv", line, "place_id", "already used on line")


def test_key_differing_only_by_spaces(data_copy):
    line = rewrite_cell(data_copy, "places", "gwadar", "place_id", "kabul ")
    report = expect(data_copy, "places.csv", line, "place_id", "already used on line")
    assert any("spaces" in p.message for p in report.problems)


def test_dangling_foreign_key(data_copy):
    line = rewrite_cell(data_copy, "claims", "cl-019", "claimant_id", "taleban")
    expect(
        data_copy, "claims.csv", line, "claimant_id", "'taleban' matches no actor_id in actors.csv"
    )


def test_dangling_self_reference(data_copy):
    line = rewrite_cell(data_copy, "actors", "muttaqi", "parent_id", "islamic-emirate")
    expect(data_copy, "actors.csv", line, "parent_id", "matches no actor_id")


# -- rules beyond Table Schema -----------------------------------------------------------------


def test_quote_not_found_in_source_text(data_copy):
    line = rewrite_cell(data_copy, "claims", "cl-019", "quote", "The Taliban deny the presence")
    expect(data_copy, "claims.csv", line, "quote", "does not occur in the source's text")


def test_straight_apostrophe_is_not_the_curly_one(data_copy):
    line = rewrite_cell(
        data_copy, "claims", "cl-020", "quote", "UN reports confirm the TTP's presence"
    )
    expect(data_copy, "claims.csv", line, "quote", "curly quotes")


def test_quote_required_for_shipped_source(data_copy):
    line = rewrite_cell(data_copy, "event_actors", "pa-001", "quote", "")
    expect(data_copy, "event_actors.csv", line, "quote", "must quote its text")


def test_inferred_year_needs_its_source(data_copy):
    line = rewrite_cell(data_copy, "events", "ev-kabul-trilateral", "year_source_id", "")
    expect(data_copy, "events.csv", line, "year_source_id", "'inferred'")


def test_day_precision_needs_one_day(data_copy):
    line = rewrite_cell(data_copy, "events", "ev-kabul-trilateral", "date_latest", "2025-08-21")
    expect(data_copy, "events.csv", line, "date_latest", "date_precision is 'day'")


def test_undated_event_cannot_have_dates(data_copy):
    line = rewrite_cell(
        data_copy, "events", "ev-khalilzad-criticism", "date_earliest", "2025-08-16"
    )
    expect(data_copy, "events.csv", line, "year_basis", "is 'none' but the row has dates")


def test_text_file_must_exist(data_copy):
    line = rewrite_cell(data_copy, "sources", "article", "text_file", "missing.txt")
    expect(data_copy, "sources.csv", line, "text_file", "is not in sources/")


def test_all_problems_reported_in_one_pass(data_copy):
    rewrite_cell(data_copy, "places", "kabul", "kind", "town")
    rewrite_cell(data_copy, "actors", "ttp", "kind", "militia")
    rewrite_cell(data_copy, "claims", "cl-001", "stance", "says")
    report = validate(data_copy.path)
    assert {p.file for p in report.problems} == {"places.csv", "actors.csv", "claims.csv"}


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


@pytest.mark.parametrize("value", ["\xa0PAK", "PAK\xa0", "\tPAK"])
def test_any_white_space_at_the_edges(data_copy, value):
    line = rewrite_cell(data_copy, "actors", "ttp", "country", value)
    expect(data_copy, "actors.csv", line, "country", "spaces at the start or end")
