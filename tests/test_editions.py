"""One source per lesson: the editions on disk are what the sources generate, and give nothing away.

- The learner edition (``notebooks/NN_name.ipynb``) is exactly what ``make editions`` writes from
  ``lessons/NN_name.ipynb``; the instructor edition and the executed learner edition have the same
  cells as generated (their outputs are compared by nbval, ``notebooks/instructor`` and
  ``lessons/executed`` being in pytest's testpaths).
- The learner edition has no outputs, no widget state, no solution marker and no line of any
  solution; each exercise cell has the ``answer = ...`` placeholder.
- The executed learner edition ran with every placeholder in place: no error, every check says
  "not attempted".
- The learner bundle holds the learner editions, the data and the library, and nothing of the
  instructor's.
"""

from __future__ import annotations

import json
import re
import zipfile

import nbformat
import pytest

from tools import editions, learner_bundle

SOURCES = editions.sources()


def test_every_lesson_has_one_source_and_its_editions():
    assert [p.name for p in SOURCES] == [
        p.name for p in sorted(editions.LEARNER.glob("[0-9][0-9]_*.ipynb"))
    ]
    assert len(SOURCES) >= 6
    for path in SOURCES:
        assert (editions.INSTRUCTOR / path.name).exists()
        assert (editions.EXECUTED / path.name).exists()
        assert (editions.INSTRUCTOR / f"{path.stem}_guide.md").exists(), path.stem


def test_editions_on_disk_are_what_the_sources_generate():
    assert editions.check() == []


def test_a_hand_edit_is_caught(tmp_path, monkeypatch):
    """The check is not vacuous: change one learner edition and it fails."""
    target = tmp_path / "notebooks"
    target.mkdir()
    for path in editions.LEARNER.glob("[0-9][0-9]_*.ipynb"):
        (target / path.name).write_bytes(path.read_bytes())
    nb = nbformat.read(target / SOURCES[0].name, as_version=4)
    nb.cells[1].source += "\nA sentence a teacher typed into the generated file."
    nbformat.write(nb, target / SOURCES[0].name)
    monkeypatch.setattr(editions, "LEARNER", target)
    stale = editions.check()
    assert any(SOURCES[0].name in line and "differs" in line for line in stale), stale


def _solution_lines() -> set[str]:
    lines = set()
    for path in SOURCES:
        for code in editions.solutions(nbformat.read(path, as_version=4)).values():
            lines |= {line.strip() for line in code.split("\n") if len(line.strip()) > 20}
    return lines


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_the_learner_edition_gives_nothing_away(path):
    nb = nbformat.read(editions.LEARNER / path.name, as_version=4)
    text = nbformat.writes(nb)
    assert editions.BEGIN not in text and editions.END not in text
    assert "widgets" not in nb.metadata
    solution_lines = _solution_lines()
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        assert cell.outputs == [] and cell.execution_count is None
        leaked = {line.strip() for line in cell.source.split("\n")} & solution_lines
        assert not leaked, (path.name, leaked)
    source = nbformat.read(path, as_version=4)
    answered = [
        c for c in nb.cells if c.cell_type == "code" and re.search(r"\b(check|write)\(", c.source)
    ]
    assert len(answered) == len(editions.solutions(source)) >= 4
    assert all(editions.STUB in c.source for c in answered)


@pytest.mark.parametrize("path", SOURCES, ids=[p.stem for p in SOURCES])
def test_the_executed_learner_edition_ran_with_every_placeholder(path):
    nb = nbformat.read(editions.EXECUTED / path.name, as_version=4)
    checks = [c for c in nb.cells if c.cell_type == "code" and editions.STUB in c.source]
    assert checks
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not [o for o in cell.outputs if o.output_type == "error"], cell.source
    for cell in checks:
        shown = " ".join(
            "".join(o.get("data", {}).get("text/plain", "")) for o in cell.outputs
        ).lower()
        assert "not attempted" in shown or "replace ..." in shown, (path.name, shown)


def test_the_instructor_edition_shows_the_solutions():
    for path in SOURCES:
        nb = nbformat.read(editions.INSTRUCTOR / path.name, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
        assert "(instructor edition)" in nb.cells[0].source
        assert editions.BEGIN not in text
        for code in editions.solutions(nbformat.read(path, as_version=4)).values():
            assert code in text


def test_links_are_rewritten_for_each_folder():
    source = nbformat.read(SOURCES[0], as_version=4)
    assert "](../data/README.md)" in "\n".join(c.source for c in source.cells)
    for folder in (editions.INSTRUCTOR, editions.EXECUTED):
        nb = nbformat.read(folder / SOURCES[0].name, as_version=4)
        text = "\n".join(c.source for c in nb.cells)
        assert "](../../data/README.md)" in text and "](../data/" not in text


def test_the_solutions_file_lists_every_exercise():
    import pkgutil

    import pakafghan.exercises as exercises

    found = json.loads(editions.SOLUTIONS_FILE.read_text(encoding="utf-8"))
    lessons = {m.name for m in pkgutil.iter_modules(exercises.__path__) if m.name[0] != "_"}
    # the lessons' exercises (a doctest or a test may register a demo exercise of its own)
    registered = {i for i in exercises.exercise_ids() if i.partition("-")[0] in lessons}
    assert set(found) == registered


def test_the_learner_bundle_has_no_instructor_material(tmp_path):
    archive = learner_bundle.write_bundle(tmp_path / "learner-bundle")
    names = zipfile.ZipFile(archive).namelist()
    assert all(n.startswith("learner-bundle/") for n in names)
    inside = {n.removeprefix("learner-bundle/") for n in names}
    for lesson in SOURCES:
        assert f"notebooks/{lesson.name}" in inside
    assert {"requirements.txt", "pyproject.toml", "README.md", "data/datapackage.json"} <= inside
    assert any(n.startswith("lib/pakafghan/") for n in inside)
    for banned in learner_bundle.EXCLUDED:
        assert not any(n.startswith(banned + "/") for n in inside), banned
    assert not any("solutions" in n or n.endswith("_guide.md") for n in inside)
    solution_lines = _solution_lines()
    for name in names:
        if not name.endswith((".ipynb", ".md")):  # the library's checks derive some answers
            continue
        text = zipfile.ZipFile(archive).read(name).decode("utf-8")
        if name.endswith(".ipynb"):
            text = "\n".join(c.source for c in nbformat.reads(text, as_version=4).cells)
        assert editions.BEGIN not in text, name
        assert not {line.strip() for line in text.split("\n")} & solution_lines, name
    again = learner_bundle.write_bundle(tmp_path / "learner-bundle")
    assert again.read_bytes() == archive.read_bytes()  # the zip is the same every time
