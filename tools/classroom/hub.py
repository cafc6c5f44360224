"""A JupyterHub for one class on this machine: its configuration, and starting and stopping it.

:class:`Hub` starts configurable-http-proxy (from ``node_modules``, pinned in
``package-lock.json``) and JupyterHub (from ``.venv``) as processes of their own, everything bound
to 127.0.0.1, with JupyterHub's built-in shared-password authenticator (the dummy authenticator's
successor: one class password, any user name) and
``SimpleLocalProcessSpawner`` (each learner's home is a folder ``home/<name>`` under the hub's
throwaway root; no system users, fine as root). Each learner's single-user server runs this
project's ``.venv``, so the kernels see the same ``pakafghan`` as the tests. All the hub's state
(sqlite database, cookie secret, proxy token, logs) lives in the root folder too.

The proxy runs outside the hub and ``cleanup_servers`` is off, so the hub can be restarted while
learners' servers run (JupyterHub picks them up again from its database). Every process the hub
starts carries the environment variable :data:`MARKER` with the run's id, inherited by the
single-user servers and their kernels: :meth:`Hub.processes` finds them all that way, even once
they are no longer the hub's children, and :meth:`Hub.stop` ends every one of them. If the
process that ran the hub was itself killed (SIGKILL) and could not stop them, the next start in
the same folder ends that run's processes first.

Example:
    >>> settings = HubSettings.new(Path("/tmp/classroom"))
    >>> settings.public_url.startswith("http://127.0.0.1:")
    True
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
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = ROOT / ".venv" / "bin"
PROXY = ROOT / "node_modules" / ".bin" / "configurable-http-proxy"
#: The environment variable every process of one hub carries, holding the run's id.
MARKER = "PAKAFGHAN_CLASSROOM"
#: The folder in each learner's home that holds the learner edition (as nbgitpuller names it
#: after the repository).
LESSONS_FOLDER = "pakafghan-lessons"
#: The seconds a single-user server may take to start (thirty start at once on two cores).
START_TIMEOUT = 240
#: Server extensions of the test tools (requirements-dev.txt), off in learners' servers: a hub
#: installs requirements.txt only, and nbgrader's would add seconds and MiB to every start.
DEV_ONLY = tuple(
    f"nbgrader.server_extensions.{name}"
    for name in ("formgrader", "assignment_list", "course_list", "validate_assignment")
)
_CONFIG = """# Written by tools/classroom/hub.py for one run: the settings are in {settings}.
import sys

sys.path.insert(0, {root!r})
from tools.classroom.hub import configure

configure(get_config(), {settings!r})  # noqa: F821 (get_config is JupyterHub's)
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now.

    >>> 1024 < free_port() < 65536
    True
    """
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class HubSettings:
    """Everything one hub needs, written to ``root/state/settings.json`` for its config file."""

    root: str
    run_id: str
    password: str
    admin_token: str
    proxy_token: str
    public_port: int
    hub_port: int
    proxy_api_port: int
    extra_env: dict[str, str] = field(default_factory=dict)

    @classmethod
    def new(cls, root: Path, extra_env: dict[str, str] | None = None) -> HubSettings:
        """Fresh secrets and free ports for a hub whose throwaway folder is ``root``."""
        return cls(
            root=str(root.resolve()),
            run_id=secrets.token_hex(8),
            password=f"class-{secrets.token_hex(3)}",
            admin_token=secrets.token_hex(32),
            proxy_token=secrets.token_hex(32),
            public_port=free_port(),
            hub_port=free_port(),
            proxy_api_port=free_port(),
            extra_env=dict(extra_env or {}),
        )

    @property
    def public_url(self) -> str:
        return f"http://127.0.0.1:{self.public_port}"

    @property
    def state(self) -> Path:
        return Path(self.root) / "state"

    @property
    def bundle(self) -> Path:
        return Path(self.root) / "learner-bundle"

    @property
    def homes(self) -> Path:
        return Path(self.root) / "home"


def pull_learner_edition(bundle: Path, home: Path) -> Path:
    """Put the learner edition into ``home/pakafghan-lessons`` unless it is already there.

    This stands in for nbgitpuller, which needs a git remote: like a first click on an
    nbgitpuller link it copies the lessons in, and like a later click it never overwrites
    what the learner has there.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     (Path(tmp) / "b" / "notebooks").mkdir(parents=True)
    ...     _ = (Path(tmp) / "b" / "notebooks" / "x.ipynb").write_text("{}")
    ...     pull_learner_edition(Path(tmp) / "b", Path(tmp) / "h").name
    'pakafghan-lessons'
    """
    target = home / LESSONS_FOLDER
    if not target.exists():
        shutil.copytree(bundle, target)
    return target


def configure(c, settings_path: str) -> None:
    """Fill JupyterHub's config object ``c`` from a settings file (see :class:`HubSettings`)."""
    s = HubSettings(**json.loads(Path(settings_path).read_text(encoding="utf-8")))
    c.JupyterHub.bind_url = s.public_url
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{s.hub_port}"
    c.JupyterHub.db_url = f"sqlite:///{s.state / 'jupyterhub.sqlite'}"
    c.JupyterHub.cookie_secret_file = str(s.state / "jupyterhub_cookie_secret")
    c.JupyterHub.pid_file = str(s.state / "jupyterhub.pid")
    # Servers outlive a hub restart: the proxy runs outside the hub, nothing is cleaned up.
    c.JupyterHub.cleanup_servers = False
    c.JupyterHub.cleanup_proxy = False
    c.ConfigurableHTTPProxy.should_start = False
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{s.proxy_api_port}"
    c.ConfigurableHTTPProxy.auth_token = s.proxy_token
    # JupyterHub's built-in successor of the dummy authenticator's password (deprecated in 5.3).
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = s.password
    c.Authenticator.allow_all = True
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(s.homes / "{username}")
    c.Spawner.cmd = [str(VENV_BIN / "jupyterhub-singleuser")]
    c.Spawner.args = [
        "--allow-root",
        *(f"--ServerApp.jpserver_extensions={e}=False" for e in DEV_ONLY),
    ]
    c.Spawner.ip = "127.0.0.1"
    c.Spawner.notebook_dir = "~"
    c.Spawner.default_url = f"/lab/tree/{LESSONS_FOLDER}/notebooks/01_start_here.ipynb"
    c.Spawner.disable_user_config = True
    c.Spawner.start_timeout = START_TIMEOUT
    c.Spawner.http_timeout = START_TIMEOUT
    c.Spawner.environment = {
        MARKER: s.run_id,
        "PYTHONHASHSEED": "0",
        "MPLBACKEND": "Agg",
        **s.extra_env,
    }
    c.Spawner.pre_spawn_hook = lambda spawner: pull_learner_edition(
        s.bundle, Path(spawner.home_dir)
    )
    c.JupyterHub.concurrent_spawn_limit = 64
    # After a restart, check every running server before serving (thirty take a few seconds).
    c.JupyterHub.init_spawners_timeout = 60
    # The simulated learners (and the teacher's scripts) use this token: admin of this hub only.
    c.JupyterHub.services = [{"name": "classroom", "api_token": s.admin_token}]
    c.JupyterHub.load_roles = [{"name": "admin", "services": ["classroom"]}]


def _wait_for(url: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError) as error:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{url} did not answer within {timeout:.0f} s") from error
            time.sleep(0.2)


def role(process: psutil.Process) -> str:
    """What one of the hub's processes is: hub, proxy, server, kernel or other."""
    try:
        text = " ".join(process.cmdline())
    except psutil.Error:
        return "other"
    if "ipykernel" in text:
        return "kernel"
    if "jupyterhub-singleuser" in text:
        return "server"
    if "configurable-http-proxy" in text:
        return "proxy"
    if "jupyterhub" in text:
        return "hub"
    return "other"


def marked_processes(
    run_id: str, known: dict[tuple[int, float], bool] | None = None
) -> list[psutil.Process]:
    """Every live process whose environment has :data:`MARKER` set to ``run_id``.

    ``known`` caches the answer per process (pid and start time) between calls.
    """
    known = {} if known is None else known
    found = []
    for process in psutil.process_iter():
        try:
            key = (process.pid, process.create_time())
            if key not in known:
                known[key] = process.environ().get(MARKER) == run_id
            if known[key] and process.status() != psutil.STATUS_ZOMBIE:
                found.append(process)
        except psutil.Error:
            continue  # gone, or a zombie: nothing left to stop or to measure
    return found


def end_processes(processes: list[psutil.Process], grace: float = 10) -> None:
    """SIGTERM every process, then SIGKILL those still alive after ``grace`` seconds."""
    for process in processes:
        try:
            process.terminate()
        except psutil.Error:
            pass
    _, alive = psutil.wait_procs(processes, timeout=grace)
    for process in alive:
        try:
            process.kill()
        except psutil.Error:
            pass
    psutil.wait_procs(alive, timeout=5)


class Hub:
    """The proxy and the hub for one class, and what they start; a context manager.

    ``with Hub(Path("build/classroom")) as hub:`` starts both (the learner bundle is built into
    the folder first) and, on leaving, stops every process the run started.
    """

    def __init__(self, root: Path, extra_env: dict[str, str] | None = None) -> None:
        self.settings = HubSettings.new(root, extra_env)
        self._hub: subprocess.Popen | None = None
        self._proxy: subprocess.Popen | None = None
        self._known: dict[tuple[int, float], bool] = {}
        #: What :meth:`stop` found still alive after stopping everything (empty when clean).
        self.left: list[str] = []

    @property
    def url(self) -> str:
        return self.settings.public_url

    @property
    def password(self) -> str:
        return self.settings.password

    @property
    def admin_token(self) -> str:
        return self.settings.admin_token

    def _env(self) -> dict[str, str]:
        return {
            **os.environ,
            MARKER: self.settings.run_id,
            "PATH": f"{VENV_BIN}{os.pathsep}{os.environ.get('PATH', '')}",
            "VIRTUAL_ENV": str(VENV_BIN.parent),
            "PYTHONHASHSEED": "0",
            "MPLBACKEND": "Agg",
        }

    def _launch(self, cmd: list[str], log_name: str, env: dict[str, str]) -> subprocess.Popen:
        log = open(self.settings.state / log_name, "ab")  # noqa: SIM115 (the child keeps it)
        try:
            return subprocess.Popen(
                cmd,
                cwd=self.settings.state,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: Ctrl-C reaches only us
            )
        finally:
            log.close()

    def start(self) -> Hub:
        """Build the learner bundle, write the config, start the proxy and the hub."""
        from tools.learner_bundle import write_bundle

        s = self.settings
        root = Path(s.root)
        previous = s.state / "settings.json"
        if root.exists() and any(root.iterdir()) and not previous.exists():
            raise FileExistsError(f"{root} holds something other than a classroom hub's files")
        if previous.exists():  # a run that could not clean up (its own process was killed)
            old_run = json.loads(previous.read_text(encoding="utf-8"))["run_id"]
            end_processes(marked_processes(old_run), grace=5)
        shutil.rmtree(root, ignore_errors=True)
        s.state.mkdir(parents=True)
        s.homes.mkdir()
        write_bundle(s.bundle)
        (s.state / "settings.json").write_text(json.dumps(asdict(s), indent=1), encoding="utf-8")
        config = s.state / "jupyterhub_config.py"
        config.write_text(
            _CONFIG.format(root=str(ROOT), settings=str(s.state / "settings.json")),
            encoding="utf-8",
        )
        proxy_env = {**self._env(), "CONFIGPROXY_AUTH_TOKEN": s.proxy_token}
        self._proxy = self._launch(
            [
                str(PROXY),
                "--ip=127.0.0.1",
                f"--port={s.public_port}",
                "--api-ip=127.0.0.1",
                f"--api-port={s.proxy_api_port}",
                f"--default-target=http://127.0.0.1:{s.hub_port}",
                f"--error-target=http://127.0.0.1:{s.hub_port}/hub/error",
            ],
            "proxy.log",
            proxy_env,
        )
        self.start_hub()
        return self

    def start_hub(self, timeout: float = 90) -> None:
        """Start the hub process (again) and wait until its API answers through the proxy."""
        config = self.settings.state / "jupyterhub_config.py"
        self._hub = self._launch(
            [str(VENV_BIN / "jupyterhub"), "-f", str(config)], "hub.log", self._env()
        )
        _wait_for(f"{self.url}/hub/api/", timeout)

    def stop_hub(self, timeout: float = 20) -> None:
        """Stop the hub process only (learners' servers and the proxy keep running)."""
        if self._hub is None:
            return
        self._hub.send_signal(signal.SIGTERM)
        try:
            self._hub.wait(timeout)
        except subprocess.TimeoutExpired:
            self._hub.kill()
            self._hub.wait(5)
        self._hub = None

    def processes(self) -> list[psutil.Process]:
        """Every live process this hub started, at any depth (found by :data:`MARKER`)."""
        return marked_processes(self.settings.run_id, self._known)

    def processes_of(self, user: str) -> Iterator[psutil.Process]:
        """The learner ``user``'s single-user server and kernels."""
        for process in self.processes():
            try:
                if process.environ().get("JUPYTERHUB_USER") == user:
                    yield process
            except psutil.Error:
                continue

    def listening(self) -> set[str]:
        """The addresses this hub's processes listen on, with who listens: ``127.0.0.1 (hub)``."""
        roles = {p.pid: role(p) for p in self.processes()}
        return {
            f"{c.laddr.ip} ({roles[c.pid]})"
            for c in psutil.net_connections("inet")
            if c.status == psutil.CONN_LISTEN and c.pid in roles
        }

    def stop(self, grace: float = 10) -> list[str]:
        """Stop every process of this hub; return a description of any still alive after."""
        self.stop_hub()
        end_processes(self.processes(), grace)
        if self._proxy is not None:
            self._proxy.wait(5)  # reap our own child
            self._proxy = None
        self.left = [f"{p.pid} {role(p)}: {' '.join(p.cmdline())[:120]}" for p in self.processes()]
        return self.left

    def __enter__(self) -> Hub:
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc: object) -> None:
        left = self.stop()
        if left:
            print(
                "!! still running after the hub was stopped:", *left, sep="\n   ", file=sys.stderr
            )
