"""Classroom-proof notebooks: another working folder, a restarted kernel, every cell run twice.

For each notebook under ``notebooks/`` (the learner editions, with every placeholder in place,
and the instructor editions), in a fresh temporary working folder:

1. the first half of its code cells runs in one kernel, which is then shut down (a kernel
   restart mid-lesson: files the first half wrote stay behind);
2. a new kernel runs the whole notebook from the top with every code cell run twice in a row.

Every run must finish without an error, the second run of each cell must show the same output
as the first, and the notebook may write files only in its scratch folder.
"""

from __future__ import annotations

import copy
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from tools import run_notebooks

NOTEBOOKS_DIR = run_notebooks.NOTEBOOKS_DIR
NOTEBOOKS = run_notebooks.lesson_notebooks()
UNCOMPARED = {"image/png", "image/jpeg", "application/vnd.jupyter.widget-view+json"}


def _run(nb: nbformat.NotebookNode, cwd: Path) -> None:
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        allow_errors=True,
        record_timing=False,
        resources={"metadata": {"path": str(cwd)}},
    )
    client.execute()


def _comparable(outputs: list) -> list:
    out = []
    for o in outputs:
        item = {"type": o["output_type"]}
        if o["output_type"] == "stream":
            item["text"] = o["text"]
        elif o["output_type"] == "error":
            item["error"] = f"{o['ename']}: {o['evalue']}"
        else:
            item["data"] = {k: v for k, v in o.get("data", {}).items() if k not in UNCOMPARED}
        out.append(item)
    return out


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"cell {i}: {o['ename']}: {o['evalue']}"
        for i, cell in enumerate(nb.cells)
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
        if o["output_type"] == "error"
    ]


@pytest.mark.parametrize(
    "path", NOTEBOOKS, ids=[p.relative_to(NOTEBOOKS_DIR).as_posix() for p in NOTEBOOKS]
)
def test_notebook_survives_restart_rerun_and_another_folder(path, tmp_path, monkeypatch):
    cwd = tmp_path / "elsewhere"
    cwd.mkdir()
    scratch = tmp_path / "scratch"
    monkeypatch.setenv("PAKAFGHAN_SCRATCH", str(scratch))
    original = nbformat.read(path, as_version=4)
    code = [c for c in original.cells if c.cell_type == "code"]

    half = copy.deepcopy(original)
    half.cells = copy.deepcopy(code[: len(code) // 2])
    _run(half, cwd)
    assert not _errors(half), _errors(half)

    doubled = copy.deepcopy(original)
    doubled.cells = [copy.deepcopy(c) for c in code for _ in range(2)]
    _run(doubled, cwd)
    assert not _errors(doubled), _errors(doubled)
    for i in range(0, len(doubled.cells), 2):
        first, second = doubled.cells[i], doubled.cells[i + 1]
        assert _comparable(first.outputs) == _comparable(second.outputs), (
            f"code cell {i // 2} shows something else when run a second time:\n{first.source}"
        )

    written = sorted(p.relative_to(tmp_path).as_posix() for p in cwd.rglob("*") if p.is_file())
    assert not written, f"the notebook wrote files outside its scratch folder: {written}"
