"""Binder stays able to launch the repository as it is.

``jupyter-repo2docker --no-build --debug .`` prints the Dockerfile that Binder would build (no
Docker and no network needed). It must use the Python pinned in ``runtime.txt``, install
``requirements.txt`` (the lessons' set, which names the library) once the whole repository is
copied, and end with repo2docker's own plain ``pip install .`` of the library. That plain install
finds the data because the package carries ``data/`` inside it; ``tests/test_install.py`` makes
such an install in a fresh environment and checks it. Binder installs nothing of the test tools
(``requirements-dev.txt``). Without repo2docker (it is in requirements-dev.txt) these tests skip;
under ``CI=true`` they fail.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet

ROOT = Path(__file__).resolve().parents[1]
INSTALL_REQUIREMENTS = r'^RUN .*/pip install .*-r "?requirements\.txt"?$'
#: Tools of the tests and the static site: requirements-dev.txt, never Binder's environment.
DEV_TOOLS = {"playwright", "jupyter-repo2docker", "hypothesis", "frictionless", "ruff", "uv"}


def _repo2docker() -> str | None:
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return shutil.which("jupyter-repo2docker", path=search)


@pytest.fixture(scope="module")
def build() -> tuple[list[str], str]:
    """The Dockerfile's RUN and COPY steps, in order, and repo2docker's log."""
    command = _repo2docker()
    if command is None:
        reason = "jupyter-repo2docker is not installed (it is in requirements-dev.txt)"
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


def _requirement_names(path: Path) -> set[str]:
    names = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#")[0].strip()
        if not line or line.startswith("-"):
            continue
        try:
            names.add(Requirement(line).name.lower())
        except InvalidRequirement:
            names.add(line)
    return names


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
    requirements = [line.strip() for line in (ROOT / "requirements.txt").read_text().splitlines()]
    assert {"-e .", "."} & set(requirements), "requirements.txt does not name the library"
    copy_repository = _index(steps, r"^COPY .*\bsrc/ \$\{REPO_DIR\}/?$")
    install = _index(steps, INSTALL_REQUIREMENTS)
    assert copy_repository < install, "requirements.txt is installed before the library is copied"


def test_binder_ends_with_a_plain_install_of_the_library(build):
    steps, _ = build
    install = _index(steps, INSTALL_REQUIREMENTS)
    plain = _index(steps, r"^RUN .*/pip install [-\w ]*\s\.$")
    assert plain > install, "repo2docker's `pip install .` does not come after requirements.txt"
    later = [step for step in steps[plain + 1 :] if re.search(r"\bpip install\b|postBuild", step)]
    assert not later, f"something installs again after the library: {later}"
    # The editable-install workaround (postBuild) is gone: the plain install finds the data.
    post_build = ROOT / "postBuild"
    if post_build.exists():
        assert not re.search(r"pip install [-\w ]*-e \.", post_build.read_text()), (
            "postBuild reinstalls the library in editable mode; a plain install finds data/"
        )


def test_binder_installs_the_lessons_set_only(build):
    steps, _ = build
    assert not [step for step in steps if "requirements-dev" in step]
    lessons = _requirement_names(ROOT / "requirements.txt")
    assert not lessons & DEV_TOOLS, f"test tools in requirements.txt: {lessons & DEV_TOOLS}"
    assert {"jupyterlab", "ipykernel", "ipywidgets", "pandas", "matplotlib", "nbval"} <= lessons
    dev = ROOT / "requirements-dev.txt"
    assert "-r requirements.txt" in dev.read_text(encoding="utf-8").splitlines()
    assert DEV_TOOLS - {"uv"} <= _requirement_names(dev)
