"""Make an nbgrader source assignment from a lesson's source notebook.

    python tools/nbgrader_assignment.py lessons/03_actors.ipynb COURSE/source/actors/03_actors.ipynb

Each exercise cell of the lesson source has the form

    ### BEGIN SOLUTION
    answer = <solution>
    ### END SOLUTION
    check("actors-2", answer)

(lines before ``### BEGIN SOLUTION``, given to the learner, are allowed). It becomes an nbgrader
**solution cell** (everything up to ``### END SOLUTION``; ``nbgrader generate_assignment``
replaces the marked part by ``ClearSolutions.code_stub``, which a course sets to
``answer = ...``) followed by a locked, **autograded test cell**
``assert check("actors-2", answer)`` worth ``--points`` (default 1): a check is true only when
right, so a right answer scores and a placeholder or wrong answer does not. A written-answer
cell (ending ``write("actors-2", answer)``) becomes a **manually graded answer** worth
``--points``: nbgrader leaves its score to the teacher, who grades it with the lesson guide's
rubric. Every other cell
becomes a read-only cell, as nbgrader expects; outputs are cleared. Cell metadata follows
nbgrader's format, schema version 3.

Exit status: 0 when the assignment was written, 1 when the source holds no exercise cell or a
malformed one (the message names the cell), 2 for a usage error.
"""

from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
CHECK = re.compile(
    r"""(?P<call>check|write)\(\s*(["'])(?P<id>[a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9]+)\2\s*,"""
    r"""\s*answer\s*\)"""
)
SCHEMA_VERSION = 3


class LessonError(ValueError):
    """A lesson source that cannot be turned into an assignment (the message says where)."""


def split_exercise(source: str) -> tuple[str, str, str] | None:
    """``(solution cell source, exercise id, "check" or "write")`` of an exercise cell, or
    ``None`` for another cell.

    Example:
        >>> split_exercise('### BEGIN SOLUTION\\nanswer = "a"\\n### END SOLUTION\\ncheck("actors-2", answer)')
        ('### BEGIN SOLUTION\\nanswer = "a"\\n### END SOLUTION', 'actors-2', 'check')
        >>> split_exercise("ds = load_dataset()") is None
        True
    """  # noqa: E501
    lines = source.rstrip().splitlines()
    marks = [line.strip() for line in lines]
    if BEGIN not in marks and END not in marks:
        return None
    if marks.count(BEGIN) != 1 or marks.count(END) != 1 or marks.index(END) < marks.index(BEGIN):
        raise LessonError(f"needs one {BEGIN!r} line, then one {END!r} line")
    end = marks.index(END)
    rest = [line for line in lines[end + 1 :] if line.strip()]
    match = CHECK.fullmatch(rest[-1].strip()) if rest else None
    if not match:
        raise LessonError(
            f'must end with check("<exercise id>", answer) or write(...) after {END!r}'
        )
    if len(rest) > 1:
        raise LessonError(f'only check("<exercise id>", answer) or write(...) may follow {END!r}')
    return "\n".join(lines[: end + 1]), match["id"], match["call"]


def _meta(
    grade_id: str,
    *,
    solution: bool = False,
    grade: bool = False,
    locked: bool = True,
    points: float | None = None,
) -> dict:
    meta = {
        "grade": grade,
        "grade_id": grade_id,
        "locked": locked,
        "schema_version": SCHEMA_VERSION,
        "solution": solution,
        "task": False,
    }
    if points is not None:
        meta["points"] = points
    return meta


def assignment_notebook(
    lesson: nbformat.NotebookNode, points: float = 1
) -> tuple[nbformat.NotebookNode, list[str]]:
    """The nbgrader source notebook for ``lesson``, and the exercise ids it grades, in order."""
    nb = copy.deepcopy(lesson)
    cells, ids = [], []
    for number, cell in enumerate(lesson.cells, start=1):
        cell = copy.deepcopy(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
        try:
            exercise = split_exercise(cell.source) if cell.cell_type == "code" else None
        except LessonError as error:
            raise LessonError(f"cell {number}: {error}") from None
        if exercise is None:
            if cell.cell_type in ("code", "markdown"):
                cell.metadata["nbgrader"] = _meta(f"lesson-cell-{number:03d}")
            cells.append(cell)
            continue
        solution, exercise_id, call = exercise
        if exercise_id in ids:
            raise LessonError(f"cell {number}: exercise {exercise_id!r} appears twice")
        ids.append(exercise_id)
        if call == "write":  # read and graded by the teacher: the write() line stays
            cell.metadata["nbgrader"] = _meta(
                f"{exercise_id}-answer", solution=True, grade=True, locked=False, points=points
            )
            cells.append(cell)
            continue
        cell.source = solution
        cell.metadata["nbgrader"] = _meta(f"{exercise_id}-answer", solution=True, locked=False)
        test = nbformat.v4.new_code_cell(f'assert check("{exercise_id}", answer)')
        test.id = f"{exercise_id}-check"
        test.metadata["nbgrader"] = _meta(f"{exercise_id}-check", grade=True, points=points)
        cells += [cell, test]
    if not ids:
        raise LessonError("no exercise cell (### BEGIN SOLUTION ... check(...)) in the lesson")
    nb.cells = cells
    nb.metadata.setdefault(
        "kernelspec", {"name": "python3", "display_name": "Python 3", "language": "python"}
    )
    return nb, ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python tools/nbgrader_assignment.py",
        description="Write an nbgrader source assignment from a lesson source notebook.",
    )
    parser.add_argument("lesson", help="the lesson's source notebook (lessons/NN_name.ipynb)")
    parser.add_argument("out", help="the notebook to write, e.g. COURSE/source/NAME/NN_name.ipynb")
    parser.add_argument("--points", type=float, default=1, help="points per exercise (default 1)")
    args = parser.parse_args(argv)
    lesson_path, out = Path(args.lesson), Path(args.out)
    if not lesson_path.is_file():
        parser.error(f"{args.lesson} is not a file")
    if args.points <= 0:
        parser.error("--points must be more than 0")
    try:
        lesson = nbformat.read(lesson_path, as_version=4)
        nb, ids = assignment_notebook(lesson, points=args.points)
    except (LessonError, ValueError, OSError) as error:
        print(f"{args.lesson}: {error}", file=sys.stderr)
        return 1
    out.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, out)
    points = f"{args.points:g} point{'s' if args.points != 1 else ''}"
    print(f"Wrote {out}: {len(ids)} autograded exercises ({', '.join(ids)}), {points} each.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
