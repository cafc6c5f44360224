"""Write the learner bundle: the lessons as learners get them, without solutions or guides.

``python -m tools.learner_bundle OUT`` (``make learner-bundle``; ``OUT`` is
``build/learner-bundle``) writes a folder and ``OUT.zip`` holding the learner editions
(``notebooks/NN_name.ipynb``, no outputs, ``answer = ...`` placeholders), the data, the library,
``requirements.txt``, ``pyproject.toml``, ``runtime.txt``, the licence and a short README for
learners. It holds no lesson source, no instructor edition, no guide and no solutions file: push
the folder to a branch or repository of its own and point an nbgitpuller link (or Binder) at it.
The zip is the same byte for byte each time (sorted names, fixed dates).

Example:
    >>> "notebooks/instructor" in EXCLUDED
    True
"""

from __future__ import annotations

import argparse
import shutil
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: What the bundle copies from the repository (folders whole, less EXCLUDED and caches).
INCLUDED = (
    "data",
    "lib",
    "GLOSSARY.md",
    "requirements.txt",
    "pyproject.toml",
    "runtime.txt",
    "LICENSE",
)
#: Never in the bundle, whatever else changes.
EXCLUDED = ("lessons", "notebooks/instructor", "tests", "tools", "bench")
_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints", "*.pyc")
_ZIP_DATE = (2025, 8, 20, 0, 0, 0)

README = """# Pakistan, Afghanistan and an Islamabad meeting: the lessons

Open `notebooks/01_start_here.ipynb` and follow it. Each exercise cell has `answer = ...`:
replace `...` with your answer and run the cell; `check` says whether it is right, and `hint`
gives the next hint. The data the lessons use is in `data/` (its codebook is `data/README.md`).

On your own computer, with Python 3.11 or newer, in this folder:

    python3 -m venv .venv
    .venv/bin/python -m pip install -r requirements.txt
    .venv/bin/jupyter lab --ServerApp.root_dir=. notebooks/01_start_here.ipynb

(On Windows: `py -m venv .venv`, then `.venv\\Scripts\\python` and `.venv\\Scripts\\jupyter`.)
"""


def copy_items(names: tuple[str, ...], target: Path) -> Path:
    """Copy the project's top-level files and folders ``names`` into ``target`` (created),
    leaving caches and build leftovers out. The install tests use it too."""
    target.mkdir(parents=True, exist_ok=True)
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_IGNORE)
        else:
            shutil.copy2(source, target / name)
    return target


def _lessons() -> list[Path]:
    return sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))


def write_bundle(out: Path) -> Path:
    """Write the bundle folder ``out`` (replaced if it exists) and ``out.zip``; return the zip."""
    shutil.rmtree(out, ignore_errors=True)
    copy_items(INCLUDED, out)
    (out / "notebooks").mkdir()
    for lesson in _lessons():
        shutil.copy2(lesson, out / "notebooks" / lesson.name)
    (out / "README.md").write_text(README, encoding="utf-8")
    archive = out.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in out.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{out.name}/{path.relative_to(out).as_posix()}", _ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, path.read_bytes())
    return archive


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.learner_bundle")
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "build" / "learner-bundle")
    args = parser.parse_args(argv)
    archive = write_bundle(args.out.resolve())
    print(f">> {args.out} and {archive}: the learner editions, data and library, no solutions")
    return 0


if __name__ == "__main__":
    sys.exit(main())
