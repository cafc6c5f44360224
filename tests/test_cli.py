"""`python -m pakafghan validate`: exit codes, one line per problem, `--codes`, no traceback."""

from __future__ import annotations

import subprocess
import sys

import pytest


def run(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pakafghan", *args], capture_output=True, text=True, cwd=cwd
    )


def test_valid_data_exits_0_with_one_summary_line(tmp_path):
    out = run("validate", cwd=tmp_path)
    assert out.returncode == 0, out.stdout + out.stderr
    assert out.stdout.count("\n") == 1
    assert out.stdout.startswith("OK: 7 tables")


def test_invalid_data_exits_1_with_file_line_field(data_copy):
    data_copy.replace("places", ",city,PAK,", ",town,PAK,")
    data_copy.write("claims", "")
    out = run("validate", str(data_copy.path))
    assert out.returncode == 1
    lines = out.stdout.splitlines()
    assert lines[-1].startswith("INVALID: 2 problems")
    assert lines[0] == "claims.csv: file is empty; it needs at least a header line"
    assert lines[1].startswith("places.csv:2: kind: 'town' is not allowed")
    assert "Traceback" not in out.stdout + out.stderr


@pytest.mark.parametrize(
    "args", [(), ("check",), ("validate", "a", "b"), ("validate", "/no/such/folder")]
)
def test_usage_errors_exit_2_without_traceback(args):
    out = run(*args)
    assert out.returncode == 2
    assert "usage:" in out.stderr
    assert "Traceback" not in out.stderr


def test_non_utf8_file_is_reported_not_raised(data_copy):
    data_copy.file("events").write_bytes(b"\xff\xfe" + data_copy.file("events").read_bytes())
    out = run("validate", str(data_copy.path))
    assert out.returncode == 1
    assert "events.csv:1: byte 0xff is not valid UTF-8" in out.stdout
    assert "Traceback" not in out.stderr


def test_codes_flag_ends_each_problem_line_with_its_code(data_copy):
    data_copy.replace("places", ",city,PAK,", ",town,PAK,")
    data_copy.write("claims", "")
    plain = run("validate", str(data_copy.path))
    coded = run("validate", "--codes", str(data_copy.path))
    assert coded.returncode == 1
    plain_lines, coded_lines = plain.stdout.splitlines(), coded.stdout.splitlines()
    assert coded_lines[-1] == plain_lines[-1]
    assert coded_lines[0] == plain_lines[0] + " [file-empty]"
    assert coded_lines[1] == plain_lines[1] + " [enum]"


def test_codes_flag_on_valid_data_prints_only_the_summary(tmp_path):
    out = run("validate", "--codes", cwd=tmp_path)
    assert out.returncode == 0
    assert out.stdout.count("\n") == 1 and out.stdout.startswith("OK: 7 tables")


def test_help_lists_the_progress_report_beside_validate():
    out = run("--help")
    assert out.returncode == 0
    assert "validate" in out.stdout and "progress-report" in out.stdout
    out = run("progress-report", "--help")
    assert out.returncode == 0 and "--out" in out.stdout and "class-report.csv" in out.stdout
