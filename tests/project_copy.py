"""Copy the files of the project that an install needs into a fresh folder, for install tests.

A copy keeps the working tree clean (no ``build/`` or ``*.egg-info`` written into it) and keeps a
stale build folder of the working tree out of the wheel.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_IGNORE = shutil.ignore_patterns("__pycache__", "*.egg-info", ".ipynb_checkpoints")


def copy_project(target: Path, names: Iterable[str]) -> Path:
    """Copy each top-level file or folder ``names`` of the project into ``target`` (created)."""
    target.mkdir()
    for name in names:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=_IGNORE)
        else:
            shutil.copy2(source, target / name)
    return target
