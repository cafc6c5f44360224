"""Run the lesson notebooks: a maintainer and test tool of the repository, not part of the library.

``python tools/run_notebooks.py execute [NOTEBOOK ...]`` (``make execute``) re-executes notebooks
in place, so their stored outputs (which nbval compares) and widget state match the code. Runs
are made reproducible: ``PYTHONHASHSEED=0``, no timing metadata, the ``python3`` kernel, and the
notebook's own folder as working directory. It needs ``nbclient`` and ``nbformat``
(``requirements-dev.txt``). ``tools/`` is not a package: ``tools/build_site.py`` and
``tests/test_rerun.py`` load this file by its path.

Example:
    >>> all(p.suffix == ".ipynb" for p in lesson_notebooks())
    True
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

#: ``tools/run_notebooks.py`` -> the repository -> ``notebooks/``.
NOTEBOOKS_DIR = Path(__file__).resolve().parents[1] / "notebooks"
TIMEOUT_S = 600


def lesson_notebooks() -> list[Path]:
    """Every notebook under ``notebooks/`` (lessons first, then instructor material), sorted."""
    found = [p for p in NOTEBOOKS_DIR.rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts]
    return sorted(found, key=lambda p: (len(p.relative_to(NOTEBOOKS_DIR).parts), str(p)))


def execute(path: Path, cwd: Path | None = None, timeout: int = TIMEOUT_S):
    """Execute one notebook and return the executed ``NotebookNode`` (the file is not written)."""
    import nbformat
    from nbclient import NotebookClient

    os.environ.setdefault("PYTHONHASHSEED", "0")
    os.environ.setdefault("MPLBACKEND", "Agg")
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        resources={"metadata": {"path": str(cwd or path.parent)}},
        record_timing=False,
        store_widget_state=True,
    )
    client.execute()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def execute_in_place(path: Path) -> None:
    """Execute ``path`` and save it with its new outputs."""
    import nbformat

    nbformat.write(execute(path), path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/run_notebooks.py")
    parser.add_argument("command", choices=["execute"])
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook")
    args = parser.parse_args(argv)
    for path in args.notebooks or lesson_notebooks():
        print(f">> executing {path}", flush=True)
        execute_in_place(path.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
