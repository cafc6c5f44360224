"""Generate every edition of every lesson from its one source, ``lessons/NN_name.ipynb``.

A source holds the lesson and its solutions; each solution is marked the nbgrader way, inside a
code cell::

    ### BEGIN SOLUTION
    answer = ...the instructor's code...
    ### END SOLUTION
    check("actors-2", answer)

From it ``python -m tools.editions`` (``make editions``; ``make execute`` runs it) writes:

- the **learner edition**, ``notebooks/NN_name.ipynb``: each solution block replaced by
  ``answer = ...`` (nbgrader's own ``ClearSolutions``), no outputs, no widget state;
- the **instructor edition**, ``notebooks/instructor/NN_name.ipynb``: the solutions shown, executed,
  with outputs and saved widget state;
- the **learner edition, executed**, ``lessons/executed/NN_name.ipynb``: placeholders left in
  place (every check says "not attempted yet"), for the static site and the handouts;
- ``notebooks/instructor/solutions.json``: exercise id → solution code, which
  ``pakafghan.exercises.solution`` shows when a teacher points ``PAKAFGHAN_SOLUTIONS`` at it.

Links in the sources are written for ``notebooks/``: a link to another lesson
(``03_actors.ipynb``) stays, since each edition of every lesson sits in one folder; a link out of
``notebooks/`` (``../data/README.md``) is rewritten for the edition's folder.

``--check`` writes nothing and exits 1 when a file on disk is not what its source generates (cell
by cell; outputs are nbval's business).
Never edit a generated file by hand: edit the source and run ``make editions``.

Example:
    >>> sorted(p.name for p in sources())[:1]
    ['01_start_here.ipynb']
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import re
import sys
from pathlib import Path

import nbformat

from tools.run_notebooks import execute

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "lessons"
LEARNER = ROOT / "notebooks"
INSTRUCTOR = ROOT / "notebooks" / "instructor"
EXECUTED = ROOT / "lessons" / "executed"
SOLUTIONS_FILE = INSTRUCTOR / "solutions.json"

BEGIN, END = "### BEGIN SOLUTION", "### END SOLUTION"
#: What a learner sees where the solution was.
STUB = "answer = ..."
_CHECK = re.compile(r'^(?:check|write)\("([^"]+)", answer\)', re.M)
#: A relative link that leaves ``notebooks/`` (links between lessons stay as they are: every
#: edition of every lesson sits in one folder).
_LINK = re.compile(r"\]\((\.\./[^)\s]+)\)")


def sources() -> list[Path]:
    """The lesson sources, in lesson order."""
    return sorted(SOURCES.glob("[0-9][0-9]_*.ipynb"))


def _relink(nb: nbformat.NotebookNode, folder: Path) -> None:
    """Rewrite relative Markdown links, written for ``notebooks/``, for an edition in ``folder``."""

    def target(m: re.Match) -> str:
        path = os.path.relpath(os.path.normpath(LEARNER / m[1]), folder)
        return f"]({Path(path).as_posix()})"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = _LINK.sub(target, cell.source)


def _clean(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    nb = copy.deepcopy(nb)
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def learner_edition(source: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The lesson as learners get it: solutions replaced by ``answer = ...``, no outputs."""
    from nbgrader.preprocessors import ClearSolutions

    nb = _clean(source)
    clear = ClearSolutions(code_stub={"python": STUB}, enforce_metadata=False)
    nb, _ = clear.preprocess(nb, {})
    for cell in nb.cells:
        cell.metadata.pop("nbgrader", None)  # ClearSolutions marks the cells it changed
    return nb


def instructor_edition(source: nbformat.NotebookNode, name: str) -> nbformat.NotebookNode:
    """The lesson with its solutions shown, titled as the instructor edition (not executed)."""
    nb = _clean(source)
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = cell.source.split("\n")
            cell.source = "\n".join(line for line in lines if line.strip() not in (BEGIN, END))
    title = nb.cells[0]
    head, _, rest = title.source.partition("\n")
    guide = f"{name}_guide.md"
    title.source = (
        f"{head} (instructor edition)\n\n> **Instructor edition**, generated from "
        f"`lessons/{name}.ipynb`: every exercise is answered. The guide is [{guide}]({guide}); "
        f"learners open `notebooks/{name}.ipynb`.\n{rest}"
    )
    _relink(nb, INSTRUCTOR)
    return nb


def solutions(source: nbformat.NotebookNode) -> dict[str, str]:
    """Exercise id → the instructor's solution code, from the marked blocks."""
    out = {}
    for cell in source.cells:
        if cell.cell_type != "code" or BEGIN not in cell.source:
            continue
        block = cell.source.split(BEGIN, 1)[1].split(END, 1)[0].strip("\n")
        found = _CHECK.search(cell.source)
        if found is None:
            raise ValueError(
                f'a solution block without check("id", answer) or write("id", answer): '
                f"{cell.source!r}"
            )
        out[found[1]] = block
    return out


def editions(path: Path) -> dict[Path, nbformat.NotebookNode]:
    """Every generated notebook of one source (not executed), by the path it is written to."""
    source = nbformat.read(path, as_version=4)
    name = path.stem
    learner = learner_edition(source)
    executed = copy.deepcopy(learner)
    _relink(executed, EXECUTED)
    return {
        LEARNER / path.name: learner,
        INSTRUCTOR / path.name: instructor_edition(source, name),
        EXECUTED / path.name: executed,
    }


def _inputs(nb: nbformat.NotebookNode) -> list[tuple[str, str]]:
    return [(c.cell_type, c.source) for c in nb.cells]


def _shown(path: Path) -> str:
    return Path(os.path.relpath(path, ROOT)).as_posix()


def check() -> list[str]:
    """Every generated file that differs from what its source generates."""
    stale = []
    all_solutions = {}
    for path in sources():
        all_solutions.update(solutions(nbformat.read(path, as_version=4)))
        for target, nb in editions(path).items():
            if not target.exists():
                stale.append(f"{_shown(target)}: missing")
                continue
            on_disk = nbformat.read(target, as_version=4)
            if target.parent == LEARNER:
                same = nbformat.writes(on_disk) == nbformat.writes(nb)
            else:
                same = _inputs(on_disk) == _inputs(nb)
            if not same:
                stale.append(f"{_shown(target)}: differs from {_shown(path)}")
    if (
        not SOLUTIONS_FILE.exists()
        or json.loads(SOLUTIONS_FILE.read_text("utf-8")) != all_solutions
    ):
        stale.append(f"{_shown(SOLUTIONS_FILE)}: differs from the sources")
    return stale


def write(paths: list[Path], run: bool = True) -> None:
    """Generate the editions of ``paths``; execute the instructor and executed-learner ones."""
    for path in paths:
        for target, nb in editions(path).items():
            target.parent.mkdir(parents=True, exist_ok=True)
            if run and target.parent != LEARNER:
                print(f">> executing {target.relative_to(ROOT)}", flush=True)
                nbformat.write(nb, target)
                nb = execute(target)
            nbformat.write(nb, target)
    found = {}
    for path in sources():
        found.update(solutions(nbformat.read(path, as_version=4)))
    text = json.dumps(found, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    SOLUTIONS_FILE.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.editions")
    parser.add_argument("lessons", nargs="*", type=Path, help="sources (default: every lesson)")
    parser.add_argument("--check", action="store_true", help="compare, write nothing")
    parser.add_argument("--no-execute", action="store_true", help="do not run the notebooks")
    args = parser.parse_args(argv)
    if args.check:
        stale = check()
        print("\n".join(stale) or "every edition matches its source")
        return 1 if stale else 0
    write([p.resolve() for p in args.lessons] or sources(), run=not args.no_execute)
    return 0


if __name__ == "__main__":
    sys.exit(main())
