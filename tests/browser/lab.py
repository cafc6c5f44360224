"""A real JupyterLab server from this environment, isolated and fully stopped afterwards.

The server listens on 127.0.0.1 (a free port) with a random token. ``HOME`` and every Jupyter and
IPython folder point into a throwaway folder, so no user settings, workspaces or kernels leak in
or out; the project's settings overrides (``tools/jupyter_settings/overrides.json``: no news
pop-up, widget state saved) are applied, plus :data:`TEST_SETTINGS`. It runs in its own process
group, which :meth:`stop` ends after shutting the kernels down.

Example:
    >>> nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1", execution_count=1,
    ...     outputs=[nbformat.v4.new_output("execute_result", {"text/plain": "1"})])])
    >>> cleared(nb).cells[0].outputs, cleared(nb).cells[0].execution_count
    ([], None)
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
OVERRIDES = ROOT / "tools" / "jupyter_settings" / "overrides.json"
#: Settings for the tests only. Every cell is laid out, not only those in view (JupyterLab's
#: default "contentVisibility" windowing skips cells out of view and only estimates the
#: notebook's height, so an accessibility audit would see a screenful); the notebook looks the
#: same.
TEST_SETTINGS = {"@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"}}


def cleared(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A copy of ``nb`` with no outputs, execution counts or saved widget state."""
    nb = nbformat.from_dict(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    nb.metadata.pop("widgets", None)
    return nb


def cleared_copies(notebooks: list[Path], target: Path) -> list[Path]:
    """Write output-free copies of ``notebooks`` into ``target``; return their paths."""
    target.mkdir(parents=True, exist_ok=True)
    copies = []
    for path in notebooks:
        copy = target / path.name
        nbformat.write(cleared(nbformat.read(path, as_version=4)), copy)
        copies.append(copy)
    return copies


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LabServer:
    """``jupyter lab`` serving ``root_dir``, with its state kept under ``scratch``."""

    def __init__(self, root_dir: Path, scratch: Path):
        self.root_dir = root_dir
        self.scratch = scratch
        self.port = free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = scratch / "jupyterlab.log"
        self.process: subprocess.Popen | None = None

    def _environment(self) -> dict[str, str]:
        env = dict(os.environ)
        home = self.scratch / "home"
        folders = {
            "HOME": home,
            "JUPYTER_CONFIG_DIR": home / ".jupyter",
            "JUPYTER_DATA_DIR": home / ".local" / "share" / "jupyter",
            "JUPYTER_RUNTIME_DIR": home / "runtime",
            "IPYTHONDIR": home / ".ipython",
            "JUPYTERLAB_SETTINGS_DIR": home / "user-settings",
            "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        }
        for path in folders.values():
            path.mkdir(parents=True, exist_ok=True)
        # Keep the test run's IPython start-up files (tests/conftest.py's offline guard).
        startup = Path(os.environ.get("IPYTHONDIR", "/nonexistent")) / "profile_default" / "startup"
        if startup.is_dir():
            shutil.copytree(startup, folders["IPYTHONDIR"] / "profile_default" / "startup")
        env.update({name: str(path) for name, path in folders.items()})
        env["PYTHONHASHSEED"] = "0"
        return env

    def start(self, timeout: float = 60) -> LabServer:
        """Start the server and wait until its API answers."""
        settings = self.scratch / "app-settings"
        settings.mkdir(parents=True, exist_ok=True)
        overrides = json.loads(OVERRIDES.read_text()) | TEST_SETTINGS
        (settings / "overrides.json").write_text(json.dumps(overrides, indent=2))
        command = [
            sys.executable,
            "-m",
            "jupyterlab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.app_settings_dir={settings}",
            "--LabApp.expose_app_in_browser=True",
            "--LabApp.news_url=None",
            "--allow-root",
        ]
        with self.log.open("w") as log:
            self.process = subprocess.Popen(
                command,
                cwd=self.root_dir,
                env=self._environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"JupyterLab exited early; see {self.log}:\n{self.tail()}")
            try:
                self.api("GET", "status")
                return self
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise RuntimeError(f"JupyterLab did not answer within {timeout} s:\n{self.tail()}")

    def tail(self, lines: int = 30) -> str:
        """The end of the server's log."""
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def api(self, method: str, path: str) -> object:
        """Call the server's REST API; return the decoded JSON (None for an empty answer)."""
        request = urllib.request.Request(
            f"{self.base}/api/{path}",
            method=method,
            headers={"Authorization": f"token {self.token}"},
        )
        with urllib.request.urlopen(request, timeout=10) as answer:
            body = answer.read()
        return json.loads(body) if body else None

    def url(self, notebook: str) -> str:
        """The address that opens ``notebook`` alone in JupyterLab (no restored workspace)."""
        return f"{self.base}/lab/tree/{notebook}?reset&token={self.token}"

    def shutdown_kernels(self) -> int:
        """End every session and its kernel; return how many there were."""
        sessions = self.api("GET", "sessions")
        for session in sessions:
            self.api("DELETE", f"sessions/{session['id']}")
        return len(sessions)

    def stop(self) -> list[int]:
        """Shut the kernels down, end the server's process group and any process it started.

        Returns the ids of processes that were still alive and had to be killed.
        """
        if self.process is None or self.process.poll() is not None:
            return []
        try:
            self.shutdown_kernels()
        except OSError:
            pass
        started = descendants(self.process.pid)  # kernels run in sessions of their own
        os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=5)
        deadline = time.monotonic() + 5
        while (left := [pid for pid in started if alive(pid)]) and time.monotonic() < deadline:
            time.sleep(0.2)
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        return left


def alive(pid: int) -> bool:
    """True while process ``pid`` runs (a zombie, already ended, does not count)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def descendants(pid: int) -> list[int]:
    """The ids of every process below ``pid`` (Linux ``/proc``; empty elsewhere)."""
    parents: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, todo = [], [pid]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return sorted(found)
