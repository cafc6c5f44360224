"""The nbgrader bridge: a lesson becomes an nbgrader assignment, and nbgrader itself grades it.

``tools/nbgrader_assignment.py`` turns each exercise cell of a lesson source (solution between
``### BEGIN SOLUTION`` and ``### END SOLUTION``, then ``check("id", answer)``) into a solution
cell and a locked autograded test cell ``assert check("id", answer)``. In a temporary course
folder (its own gradebook, HOME and Jupyter folders, this environment's python3 kernel, no
network), ``nbgrader generate_assignment`` makes the release copy with ``answer = ...`` stubs and
``nbgrader autograde`` grades a filled-in copy (full marks) and the untouched release copy (zero).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
LESSON_SOURCE = ROOT / "lessons" / "03_actors.ipynb"

_spec = importlib.util.spec_from_file_location(
    "nbgrader_assignment", ROOT / "tools" / "nbgrader_assignment.py"
)
tool = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tool)

#: What nbgrader writes in the folder it runs in (all of it must stay in the temporary course).
NBGRADER_NAMES = {"gradebook.db", ".nbgrader.log", "nbgrader_config.py", "source", "release"}
NBGRADER_NAMES |= {"submitted", "autograded", "feedback"}
KERNELSPEC = {"name": "python3", "display_name": "Python 3", "language": "python"}

#: Three checked exercises of lesson 3, as its source solves them, with the solutions marked in
#: nbgrader's format.
FIXTURE_CELLS = [
    ("markdown", "# Actors (a part of lesson 3)"),
    (
        "code",
        "from pakafghan import load_dataset\n"
        "from pakafghan.exercises import check\n"
        "from pakafghan.select import article_only",
    ),
    ("code", "ds = load_dataset()\narticle = article_only(ds)"),
    ("markdown", "### Exercise 1\n\nWhich actor does the spokesman belong to directly?"),
    (
        "code",
        "### BEGIN SOLUTION\n"
        'answer = ds.actors.set_index("actor_id").loc["shafqat-ali-khan", "parent_id"]\n'
        "### END SOLUTION\n"
        'check("actors-1", answer)',
    ),
    ("markdown", "### Exercise 3\n\nWhich officials does the article not name?"),
    (
        "code",
        '### BEGIN SOLUTION\nanswer = ["muttaqi", "wang-yi", "ishaq-dar"]\n### END SOLUTION\n'
        'check("actors-3", answer)',
    ),
    ("code", 'text = ds.source_text("article")'),
    ("markdown", "### Exercise 4\n\nHow many of Pakistan's links rest on 'facilitating'?"),
    (
        "code",
        '### BEGIN SOLUTION\nanswer = 5\n### END SOLUTION\ncheck("actors-4", answer)',
    ),
]


def fixture_notebook() -> nbformat.NotebookNode:
    cells = [
        new_markdown_cell(text) if kind == "markdown" else new_code_cell(text)
        for kind, text in FIXTURE_CELLS
    ]
    return new_notebook(cells=cells, metadata={"kernelspec": KERNELSPEC})


def _meta(cell) -> dict:
    return cell.metadata.get("nbgrader", {})


# --- the tool, without nbgrader -----------------------------------------------------------------


def test_an_exercise_cell_splits_into_its_solution_and_its_id():
    source = 'given = 1\n### BEGIN SOLUTION\nanswer = "a"\n### END SOLUTION\n\n'
    source += 'check("actors-2", answer)\n'
    assert tool.split_exercise(source) == (
        'given = 1\n### BEGIN SOLUTION\nanswer = "a"\n### END SOLUTION',
        "actors-2",
        "check",
    )
    written = source.replace("check(", "write(")
    assert tool.split_exercise(written)[1:] == ("actors-2", "write")
    assert tool.split_exercise("ds = load_dataset()") is None
    assert tool.split_exercise('check("actors-2", answer)') is None


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\n", "must end with check"),
        ("### BEGIN SOLUTION\nanswer = 1\n", "one '### BEGIN SOLUTION' line"),
        ("### END SOLUTION\n### BEGIN SOLUTION\ncheck('x-1', answer)", "then one"),
        (
            "### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\nprint(answer)\ncheck('x-1', answer)",
            "only check",
        ),
        ("### BEGIN SOLUTION\nanswer = 1\n### END SOLUTION\ncheck(answer)", "must end with"),
    ],
)
def test_a_malformed_exercise_cell_is_an_error(source, message):
    with pytest.raises(tool.LessonError, match=message):
        tool.split_exercise(source)


def test_the_assignment_has_a_solution_cell_then_a_locked_test_cell_per_exercise():
    lesson = fixture_notebook()
    lesson.cells[2].outputs = [nbformat.v4.new_output("stream", text="old output")]
    nb, ids = tool.assignment_notebook(lesson, points=2)
    assert ids == ["actors-1", "actors-3", "actors-4"]
    assert len(nb.cells) == len(lesson.cells) + 3
    for exercise_id in ids:
        [i] = [
            n for n, c in enumerate(nb.cells) if _meta(c).get("grade_id") == f"{exercise_id}-answer"
        ]
        answer, test = nb.cells[i], nb.cells[i + 1]
        assert _meta(answer) == {
            "grade": False,
            "grade_id": f"{exercise_id}-answer",
            "locked": False,
            "schema_version": 3,
            "solution": True,
            "task": False,
        }
        assert answer.source.startswith("### BEGIN SOLUTION")
        assert answer.source.endswith("### END SOLUTION")
        assert test.source == f'assert check("{exercise_id}", answer)'
        assert _meta(test) == {
            "grade": True,
            "grade_id": f"{exercise_id}-check",
            "locked": True,
            "points": 2,
            "schema_version": 3,
            "solution": False,
            "task": False,
        }
    others = [c for c in nb.cells if not _meta(c).get("solution") and not _meta(c).get("grade")]
    assert len(others) == len(lesson.cells) - 3
    assert all(_meta(c)["locked"] for c in others)
    grade_ids = [_meta(c)["grade_id"] for c in nb.cells]
    assert len(set(grade_ids)) == len(grade_ids)
    assert all(c.outputs == [] for c in nb.cells if c.cell_type == "code")
    assert nb.metadata["kernelspec"]["name"] == "python3"
    nbformat.validate(nb)
    assert lesson.cells[2].outputs, "the lesson itself is not changed"


def test_a_lesson_without_exercises_or_with_one_twice_is_refused():
    lesson = fixture_notebook()
    with pytest.raises(tool.LessonError, match="no exercise cell"):
        tool.assignment_notebook(new_notebook(cells=lesson.cells[:3]))
    lesson.cells.append(new_code_cell(lesson.cells[6].source))
    with pytest.raises(tool.LessonError, match="cell 11: exercise 'actors-3' appears twice"):
        tool.assignment_notebook(lesson)


def test_the_command_line(tmp_path):
    lesson = tmp_path / "lesson.ipynb"
    nbformat.write(fixture_notebook(), lesson)
    out = tmp_path / "course" / "source" / "actors" / "actors.ipynb"
    script = str(ROOT / "tools" / "nbgrader_assignment.py")
    done = subprocess.run(
        [sys.executable, script, str(lesson), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert "3 autograded exercises (actors-1, actors-3, actors-4), 1 point each" in done.stdout
    assert out.is_file()
    empty = tmp_path / "empty.ipynb"
    nbformat.write(new_notebook(cells=[new_code_cell("x = 1")]), empty)
    done = subprocess.run(
        [sys.executable, script, str(empty), str(out)], capture_output=True, text=True
    )
    assert done.returncode == 1 and "no exercise cell" in done.stderr
    assert "Traceback" not in done.stderr
    missing = str(tmp_path / "missing.ipynb")
    done = subprocess.run(
        [sys.executable, script, missing, str(out)], capture_output=True, text=True
    )
    assert done.returncode == 2 and "is not a file" in done.stderr


# --- nbgrader itself ------------------------------------------------------------------------------


def _environment(tmp: Path) -> dict[str, str]:
    """Everything nbgrader and Jupyter write goes under ``tmp``; the kernel is this python."""
    home = tmp / "home"
    kernel = home / "data" / "kernels" / "python3"
    kernel.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python 3",
        "language": "python",
    }
    (kernel / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    env = dict(os.environ)
    env.pop("PAKAFGHAN_SOLUTIONS", None)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTER_PATH=str(home / "data"),
        PAKAFGHAN_SCRATCH=str(tmp / "scratch"),
        MPLBACKEND="Agg",
        PYTHONHASHSEED="0",
        PATH=f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}",  # nbgrader runs alembic
    )
    return env


def _nbgrader(course: Path, env: dict[str, str], *args: str) -> None:
    done = subprocess.run(
        [str(BIN / "nbgrader"), *args],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"nbgrader {' '.join(args)}:\n{done.stdout}\n{done.stderr}"


def _filled(source: nbformat.NotebookNode, release: nbformat.NotebookNode):
    """The release copy with each solution written in, as a learner who solved it would."""
    solutions = {_meta(c)["grade_id"]: c.source for c in source.cells if _meta(c).get("solution")}
    filled = nbformat.from_dict(json.loads(json.dumps(release)))
    for cell in filled.cells:
        grade_id = _meta(cell).get("grade_id")
        if grade_id in solutions:
            lines = solutions[grade_id].splitlines()
            cell.source = "\n".join(
                line for line in lines if line.strip() not in (tool.BEGIN, tool.END)
            )
    return filled


def _read_lesson() -> nbformat.NotebookNode:
    return nbformat.read(LESSON_SOURCE, as_version=4)


LESSONS = [
    pytest.param(fixture_notebook, id="three-exercises-of-lesson-3"),
    pytest.param(
        _read_lesson,
        id="lessons/03_actors.ipynb",
        marks=pytest.mark.skipif(
            not LESSON_SOURCE.is_file(),
            reason="lessons/03_actors.ipynb is not there (the lesson sources: make editions)",
        ),
    ),
]


@pytest.mark.parametrize("make_lesson", LESSONS)
def test_nbgrader_grades_a_filled_copy_full_and_an_empty_copy_zero(make_lesson, tmp_path):
    pytest.importorskip("nbgrader", reason="nbgrader is in requirements-dev.txt (make test)")
    if not (BIN / "nbgrader").exists():
        pytest.skip(f"no nbgrader command in {BIN}")
    from nbgrader.api import Gradebook

    root_before = sorted(p.name for p in ROOT.iterdir())
    course = tmp_path / "course"
    source_nb, ids = tool.assignment_notebook(make_lesson())
    (course / "source" / "actors").mkdir(parents=True)
    nbformat.write(source_nb, course / "source" / "actors" / "actors.ipynb")
    db_url = f"sqlite:///{course / 'gradebook.db'}"
    (course / "nbgrader_config.py").write_text(
        "c = get_config()\n"
        f"c.CourseDirectory.root = {str(course)!r}\n"
        f"c.CourseDirectory.db_url = {db_url!r}\n"
        'c.ClearSolutions.code_stub = {"python": "answer = ..."}\n'
        "c.Execute.timeout = 240\n",
        encoding="utf-8",
    )
    env = _environment(tmp_path)

    _nbgrader(course, env, "generate_assignment", "actors")
    release = nbformat.read(course / "release" / "actors" / "actors.ipynb", as_version=4)
    answers = [c for c in release.cells if _meta(c).get("solution")]
    assert len(answers) == len(ids)
    assert all("answer = ..." in c.source for c in answers)
    written = [c for c in answers if _meta(c).get("grade")]  # manually graded answers
    checked = len(ids) - len(written)
    assert "BEGIN SOLUTION" not in json.dumps(release)

    for student, notebook in [("filled", _filled(source_nb, release)), ("empty", release)]:
        folder = course / "submitted" / student / "actors"
        folder.mkdir(parents=True)
        nbformat.write(notebook, folder / "actors.ipynb")
    _nbgrader(course, env, "autograde", "actors")

    with Gradebook(db_url) as gradebook:
        scores = {
            student: (sub.score, sub.max_score)
            for student in ("filled", "empty")
            for sub in [gradebook.find_submission("actors", student)]
        }
    # checks score themselves; written answers wait for the teacher (0 until graded by hand)
    assert scores == {"filled": (checked, len(ids)), "empty": (0, len(ids))}
    graded = nbformat.read(course / "autograded" / "empty" / "actors" / "actors.ipynb", 4)
    outputs = [o for c in graded.cells if c.cell_type == "code" for o in c.outputs]
    errors = {o["ename"] for o in outputs if o["output_type"] == "error"}
    assert errors == {"AssertionError"}, "an empty copy fails only its checks, with no other error"
    left = {p.name for p in ROOT.iterdir()} - set(root_before)
    assert not left & NBGRADER_NAMES, f"nbgrader wrote into the project: {left & NBGRADER_NAMES}"
