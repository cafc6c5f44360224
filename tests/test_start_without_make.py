"""The README's start without ``make`` works as written.

The commands are read from the README, between the ``start-without-make`` markers, so the test
and the README cannot drift: the macOS/Linux block is run line by line in a copy of the project
(a fresh ``.venv``, ``pip install -r requirements.txt``), and its last line, ``jupyter lab``, is
started on 127.0.0.1 with a token, a free port, no browser and a throwaway home folder; the test
checks that the server answers and serves the first lesson, then stops it. The Windows block must
give the same commands with Windows paths.

pip fills the environment through its download cache, so after the first run this takes about
half a minute. Skipped (with the reason) only where the commands cannot run: on Windows, or
without ``python3``; under ``CI=true`` it never skips.
"""

from __future__ import annotations

import json
import os
import re
import secrets
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tools.learner_bundle import copy_items

ROOT = Path(__file__).resolve().parents[1]
BEGIN = "<!-- start-without-make"
END = "<!-- end-without-make -->"
#: What the commands need from the project (requirements.txt installs the library, editable).
PROJECT_FILES = (
    "requirements.txt",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "lib",
    "data",
    "notebooks",
)
_LEAKS = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PAKAFGHAN_DATA", "PAKAFGHAN_SCRATCH")
INSTALL_TIMEOUT_S = 900
START_TIMEOUT_S = 120


def readme_blocks() -> dict[str, list[str]]:
    """The fenced code blocks between the markers, by language: their non-empty lines."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert text.count(BEGIN) == 1 and text.count(END) == 1, "README lacks the no-make markers"
    section = text[text.index(BEGIN) : text.index(END)]
    blocks = {}
    for language, body in re.findall(r"```(\w+)\n(.*?)```", section, flags=re.S):
        blocks[language] = [line.strip() for line in body.splitlines() if line.strip()]
    return blocks


def _fail_or_skip(reason: str) -> None:
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{reason}; CI=true: the no-make start must be tested", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as err:
        return err.code, ""


def _stop(process: subprocess.Popen) -> None:
    """Stop the server's whole process group: politely, then for good."""
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def test_the_windows_commands_are_the_same_steps():
    blocks = readme_blocks()
    posix, windows = blocks.get("bash"), blocks.get("powershell")
    assert posix and windows, f"the no-make section needs a bash and a powershell block: {blocks}"
    translated = [
        re.sub(r"^py ", "python3 ", line).replace("\\Scripts\\", "/bin/").replace("\\", "/")
        for line in windows
    ]
    assert translated == posix


@pytest.mark.install
def test_the_readme_start_without_make_works_as_written(tmp_path):
    if os.name == "nt":
        _fail_or_skip("the macOS/Linux commands of the README cannot run on Windows")
    commands = readme_blocks()["bash"]
    *setup, start = commands
    first = shlex.split(setup[0])[0]
    if shutil.which(first) is None:
        _fail_or_skip(f"`{first}`, which the README's first command uses, is not on PATH")
    assert shlex.split(start)[:2] == [".venv/bin/jupyter", "lab"], start
    lesson = shlex.split(start)[-1]
    assert lesson == "notebooks/01_start_here.ipynb", start

    project = copy_items(PROJECT_FILES, tmp_path / "pakafghan")
    env = {k: v for k, v in os.environ.items() if k not in _LEAKS}
    for line in setup:
        done = subprocess.run(
            ["bash", "-c", line],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=INSTALL_TIMEOUT_S,
            stdin=subprocess.DEVNULL,
        )
        assert done.returncode == 0, f"`{line}` failed:\n{done.stdout[-3000:]}\n{done.stderr}"

    # What the environment now holds: the library (finding the copy's data/), and nbval for
    # teachers who re-check a lesson.
    python = project / ".venv" / "bin" / "python"
    probe = (
        "import json, pakafghan, nbval; from pakafghan.datadir import BUNDLED_DATA_DIR as d; "
        "print(json.dumps({'data': str(d), 'valid': pakafghan.validate().ok}))"
    )
    elsewhere = tmp_path / "elsewhere"  # not tmp_path: its pakafghan/ would shadow the library
    elsewhere.mkdir()
    done = subprocess.run(
        [str(python), "-c", probe], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert Path(seen["data"]) == (project / "data").resolve() and seen["valid"], seen

    # The last command, with what makes it safe in a test: loopback only, a token, a free port,
    # no browser, a throwaway home (Jupyter writes its settings and runtime files there).
    port, token = _free_port(), secrets.token_hex(16)
    home = tmp_path / "home"
    home.mkdir()
    lab_env = {k: v for k, v in env.items() if not k.startswith("JUPYTER")}
    lab_env |= {"HOME": str(home), "PYTHONHASHSEED": "0"}
    extra = [
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        extra.append("--allow-root")
    log = tmp_path / "jupyterlab.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [*shlex.split(start), *extra],
            cwd=project,
            env=lab_env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        status = None
        while time.monotonic() < deadline and process.poll() is None:
            try:
                status, body = _get(f"{base}/api/status?token={token}")
                if status == 200:
                    break
            except OSError:
                pass
            time.sleep(0.5)
        assert status == 200, f"jupyter lab did not answer:\n{log.read_text()[-3000:]}"
        assert "started" in json.loads(body)
        assert _get(f"{base}/api/status")[0] == 403, "the server answers without its token"
        # The project's folder is the server's root: the lesson is under notebooks/.
        status, body = _get(f"{base}/api/contents/{lesson}?content=0&token={token}")
        assert status == 200 and json.loads(body)["type"] == "notebook"
        status, body = _get(f"{base}/lab/tree/{lesson}?token={token}")
        assert status == 200 and "JupyterLab" in body
        status, body = _get(f"{base}/api/kernelspecs?token={token}")
        assert status == 200 and "python3" in json.loads(body)["kernelspecs"]
    finally:
        _stop(process)
    assert process.poll() is not None
