"""Binder stays able to launch the repository as it is.

``jupyter-repo2docker --no-build --debug .`` prints the Dockerfile that Binder would build (no
Docker and no network needed). It must use the Python pinned in ``runtime.txt``, install
``requirements.txt`` once the whole repository is copied (it holds ``-e .``, the library), and
leave the library installed in editable mode: the library finds ``data/`` next to its source, so
a plain copy in site-packages would not find the data. Without repo2docker (it is in
requirements.txt) these tests skip; under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]


def _repo2docker() -> str | None:
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("jupyter-repo2docker", path=search)


@pytest.fixture(scope="module")
def build() -> tuple[list[str], str]:
    """The Dockerfile's RUN and COPY steps, in order, and repo2docker's log."""
    command = _repo2docker()
    if command is None:
        reason = "jupyter-repo2docker is not installed (it is in requirements.txt)"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{reason}; CI=true: the Binder test must run", pytrace=False)
        pytest.skip(reason)
    run = subprocess.run(
        [command, "--no-build", "--debug", "."],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        stdin=subprocess.DEVNULL,
    )
    assert run.returncode == 0, run.stderr
    steps = [line.strip() for line in run.stdout.splitlines() if line.startswith(("RUN", "COPY"))]
    return steps, run.stderr


def _index(steps: list[str], pattern: str) -> int:
    found = [i for i, step in enumerate(steps) if re.search(pattern, step)]
    assert found, f"no build step matches {pattern!r}"
    return found[-1]


def test_binder_uses_the_python_pinned_in_runtime_txt(build):
    _, log = build
    pinned = (ROOT / "runtime.txt").read_text().strip()
    assert re.fullmatch(r"python-3\.\d+", pinned), pinned
    version = pinned.removeprefix("python-")
    assert f"python={version}" in log
    requires = re.search(r'requires-python = "([^"]+)"', (ROOT / "pyproject.toml").read_text())
    assert version in SpecifierSet(requires.group(1))


def test_binder_installs_requirements_with_the_repository_in_place(build):
    steps, _ = build
    requirements = (ROOT / "requirements.txt").read_text().splitlines()
    assert "-e ." in [line.strip() for line in requirements], "requirements.txt lacks `-e .`"
    copy_repository = _index(steps, r"^COPY .*\bsrc/ \$\{REPO_DIR\}/?$")
    install = _index(steps, r'^RUN .*/pip install .*-r "?requirements\.txt"?$')
    assert copy_repository < install, "requirements.txt is installed before the library is copied"


def test_binder_leaves_the_library_editable(build):
    steps, _ = build
    install = _index(steps, r'^RUN .*/pip install .*-r "?requirements\.txt"?$')
    plain = [i for i, step in enumerate(steps) if re.search(r"pip install [-\w ]*\s\.$", step)]
    plain = [i for i in plain if "-e ." not in steps[i] and i > install]
    if not plain:
        return
    # repo2docker runs `pip install .` for a package with a pyproject.toml, which replaces the
    # editable install: postBuild (run last) must put it back.
    post_build = ROOT / "postBuild"
    assert post_build.is_file(), (
        "Binder's `pip install .` replaces the editable library (it would not find data/): "
        "add an executable postBuild that runs `pip install --no-cache-dir --no-deps -e .`"
    )
    assert _index(steps, r"^RUN \./postBuild$") > plain[-1]
    assert re.search(r"pip install [-\w ]*-e \.", post_build.read_text())
