"""The package finds its data without a checkout.

A plain (non-editable) install of the project into a fresh virtual environment, run from an
unrelated folder, loads and validates the data, draws a chart, makes a scratch copy in the home
folder, and reports the version of its metadata. This is what Binder's last build step
(``pip install .``) and a JupyterHub image get. The install uses ``uv`` when there is one (next to
this Python or on ``PATH``; ``make test`` puts it in ``.venv``), else pip; either reads PyPI
through its cache, so after the first run it takes seconds.

The project is copied to a temporary folder first, so the build writes nothing into the working
tree (no ``build/``, no ``*.egg-info``) and a stale ``build/`` cannot leak into the wheel.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement

from tools.learner_bundle import copy_items

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
#: What a build of the project reads.
PROJECT_FILES = ("pyproject.toml", "README.md", "LICENSE", "lib", "data")
TIMEOUT_S = 600
#: Variables that would point the fresh environment back at this checkout or this venv.
_LEAKS = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PAKAFGHAN_DATA", "PAKAFGHAN_SCRATCH")

CHECK = """
import hashlib, importlib.metadata, json, sys
from pathlib import Path

import pakafghan
from pakafghan.charts.timeline import timeline_chart
from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.scratch import display_path, scratch_copy

report = pakafghan.validate()
ds = pakafghan.load_dataset()
png = timeline_chart(ds).png()
copy = scratch_copy("install-check", fresh=True)
files = {
    p.relative_to(BUNDLED_DATA_DIR).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
    for p in sorted(BUNDLED_DATA_DIR.rglob("*"))
    if p.is_file()
}
print(json.dumps({
    "prefix": sys.prefix,
    "package": pakafghan.__file__,
    "data": str(BUNDLED_DATA_DIR),
    "valid": report.ok,
    "problems": [str(p) for p in report.problems][:5],
    "events": len(ds.events),
    "png": png[:8].hex(),
    "version": pakafghan.__version__,
    "metadata_version": importlib.metadata.version("pakafghan"),
    "files": files,
    "scratch": str(copy),
    "scratch_shown": display_path(copy),
}))
"""


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true: the install test must run", pytrace=False)
    pytest.skip(reason)


def find_uv() -> str | None:
    """``uv`` next to this Python (``make test`` installs it into .venv), else on ``PATH``."""
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("uv", path=search)


def clean_environment(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _LEAKS}
    env["HOME"] = str(home)
    env["USERPROFILE"] = str(home)
    env["MPLBACKEND"] = "Agg"
    return env


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        stdin=subprocess.DEVNULL,
        **kwargs,
    )
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}\n{done.stderr}"
    return done


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def make_venv_and_install(venv: Path, project: Path) -> Path:
    """A fresh venv with a plain (non-editable) install of ``project``: uv if any, else pip."""
    uv = find_uv()
    python = venv_python(venv)
    if uv:
        run([uv, "venv", "--quiet", "--python", sys.executable, str(venv)])
        run([uv, "pip", "install", "--quiet", "--python", str(python), str(project)])
    else:
        made = subprocess.run(
            [sys.executable, "-m", "venv", str(venv)], capture_output=True, text=True
        )
        if made.returncode != 0:
            _fail_or_skip(f"no uv, and `python -m venv` cannot make an environment: {made.stderr}")
        run([str(python), "-m", "pip", "install", "--quiet", str(project)])
    return python


@pytest.mark.install
def test_a_plain_install_finds_its_data_from_an_unrelated_folder(tmp_path):
    project = copy_items(PROJECT_FILES, tmp_path / "project")
    python = make_venv_and_install(tmp_path / "venv", project)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    home = tmp_path / "home"
    home.mkdir()
    done = run([str(python), "-c", CHECK], cwd=elsewhere, env=clean_environment(home))
    seen = json.loads(done.stdout.strip().splitlines()[-1])

    prefix = Path(seen["prefix"]).resolve()
    assert prefix == (tmp_path / "venv").resolve()
    for key in ("package", "data"):
        assert Path(seen[key]).resolve().is_relative_to(prefix), (key, seen[key])
        assert not Path(seen[key]).resolve().is_relative_to(ROOT), (key, seen[key])
    assert Path(seen["data"]).name == "data"
    assert seen["valid"], seen["problems"]
    assert seen["events"] > 0
    assert seen["png"] == b"\x89PNG\r\n\x1a\n".hex()
    assert seen["version"] == seen["metadata_version"] == PYPROJECT["project"]["version"]
    # Every file of data/, byte for byte, and nothing else (no __pycache__, no stray file).
    shipped = {
        p.relative_to(ROOT / "data").as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted((ROOT / "data").rglob("*"))
        if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
    }
    assert seen["files"] == shipped
    # Scratch copies go to the home folder, shown the same on every machine.
    assert Path(seen["scratch"]) == (home / "pakafghan-scratch" / "install-check").resolve()
    assert seen["scratch_shown"] == "~/pakafghan-scratch/install-check"


def test_every_package_of_lib_and_data_is_listed_in_pyproject():
    config = PYPROJECT["tool"]["setuptools"]
    assert config["package-dir"] == {"": "lib", "pakafghan.data": "data"}
    found = {
        ".".join(p.parent.relative_to(ROOT / "lib").parts)
        for p in (ROOT / "lib").rglob("__init__.py")
        if "__pycache__" not in p.parts
    }
    data_folders = {
        ".".join(("pakafghan", "data", *p.relative_to(ROOT / "data").parts))
        for p in [ROOT / "data", *(ROOT / "data").rglob("*")]
        if p.is_dir() and p.name not in {"__pycache__", ".ipynb_checkpoints"}
    }
    assert set(config["packages"]) == found | data_folders
    assert not list((ROOT / "data").rglob("*.py")), "data/ holds data only, no Python code"


def test_the_version_comes_from_the_package_metadata():
    import importlib.metadata

    import pakafghan

    version = importlib.metadata.version("pakafghan")
    assert pakafghan.__version__ == version == PYPROJECT["project"]["version"]
    source = (ROOT / "lib" / "pakafghan" / "__init__.py").read_text(encoding="utf-8")
    assert f'"{version}"' not in source, "__version__ is written out in __init__.py"


def test_the_build_backend_supports_the_licence_string():
    # `license = "MIT"` (an SPDX expression) needs setuptools 77 or newer.
    assert isinstance(PYPROJECT["project"]["license"], str)
    [setuptools] = [
        Requirement(r)
        for r in PYPROJECT["build-system"]["requires"]
        if Requirement(r).name == "setuptools"
    ]
    assert "76.9" not in setuptools.specifier and "77.0" in setuptools.specifier
