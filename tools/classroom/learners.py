"""A simulated learner: logs in, gets the lessons, opens one and runs every cell in their kernel.

A :class:`Learner` does what a learner's browser does, through the same doors: the hub's login
form (the class password), the hub's REST API (with the class's admin token, as a teacher's
script would: start the learner's server, give the learner a token), then the learner's own
Jupyter server through the proxy (contents API to find, save and read files; sessions API to
open the lesson with a kernel; the kernel's websocket ``/api/kernels/<id>/channels`` to run
each code cell, as JupyterLab's "Run All" does). Every wait has a timeout.

Example (inside a coroutine, on a running hub)::

    learner = Learner(hub.url, "learner01", hub.password, hub.admin_token)
    await learner.log_in()
    await learner.start_server()
    session_id, socket = await learner.open_kernel(lesson_path("04_security.ipynb"))
"""

from __future__ import annotations

import asyncio
import json
import time
import urllib.parse
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from tornado.httpclient import AsyncHTTPClient, HTTPClientError, HTTPRequest
from tornado.httputil import url_concat
from tornado.iostream import StreamClosedError
from tornado.websocket import WebSocketClientConnection, WebSocketClosedError, websocket_connect

from tools.classroom.hub import LESSONS_FOLDER, START_TIMEOUT

#: Seconds one cell may run; a lesson's every cell together, at most LESSON_TIMEOUT.
CELL_TIMEOUT = 180
LESSON_TIMEOUT = 480
REQUEST_TIMEOUT = 60


@dataclass
class LessonRun:
    """What one run of a lesson gave: cells run, cells that raised, and how long it took."""

    cells: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    interrupted: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors and not self.interrupted and self.cells > 0


class LearnerError(RuntimeError):
    """A step of a learner's session failed (login, server start, a request)."""


#: What a lesson run meets when the learner's server or kernel goes away under it.
_CONNECTION_LOST = (
    LearnerError,
    TimeoutError,
    HTTPClientError,
    OSError,
    StreamClosedError,
    WebSocketClosedError,
)


def _message(msg_type: str, content: dict, session: str, user: str) -> dict:
    return {
        "header": {
            "msg_id": uuid.uuid4().hex,
            "msg_type": msg_type,
            "session": session,
            "username": user,
            "date": "",
            "version": "5.3",
        },
        "parent_header": {},
        "metadata": {},
        "content": content,
        "channel": "shell",
        "buffers": [],
    }


def decode(frame: str | bytes) -> dict:
    """A kernel message from a websocket frame (JSON text, or the binary form with buffers).

    >>> decode('{"msg_type": "status"}')["msg_type"]
    'status'
    """
    if isinstance(frame, str):
        return json.loads(frame)
    count = int.from_bytes(frame[:4], "big")
    offsets = [int.from_bytes(frame[4 * (i + 1) : 4 * (i + 2)], "big") for i in range(count)]
    end = offsets[1] if count > 1 else len(frame)
    return json.loads(frame[offsets[0] : end])


def _output(msg: dict) -> dict | None:
    kind, content = msg["header"]["msg_type"], msg["content"]
    if kind == "stream":
        return {"output_type": "stream", "name": content["name"], "text": content["text"]}
    if kind in ("display_data", "execute_result"):
        out = {"output_type": kind, "data": content["data"], "metadata": content["metadata"]}
        if kind == "execute_result":
            out["execution_count"] = content["execution_count"]
        return out
    if kind == "error":
        return {"output_type": "error", **{k: content[k] for k in ("ename", "evalue", "traceback")}}
    return None


def lesson_path(name: str) -> str:
    """Where a lesson is in a learner's home, once the learner edition is there.

    >>> lesson_path("04_security.ipynb")
    'pakafghan-lessons/notebooks/04_security.ipynb'
    """
    return f"{LESSONS_FOLDER}/notebooks/{name}"


class Learner:
    """One learner of the class, named ``name``, on the hub at ``hub_url``."""

    def __init__(self, hub_url: str, name: str, password: str, admin_token: str) -> None:
        self.hub_url = hub_url
        self.name = name
        self.password = password
        self.admin_token = admin_token
        self.token = ""
        # Their own client, as each learner has their own browser (a shared one would queue
        # every learner's requests behind ten connections).
        self.http = AsyncHTTPClient(force_instance=True)

    @property
    def server_url(self) -> str:
        return f"{self.hub_url}/user/{self.name}"

    async def _fetch(self, url: str, token: str, method: str = "GET", body: object = None):
        request = HTTPRequest(
            url,
            method=method,
            headers={"Authorization": f"token {token}", "Content-Type": "application/json"},
            body=None if body is None else json.dumps(body),
            allow_nonstandard_methods=True,
            request_timeout=REQUEST_TIMEOUT,
            follow_redirects=False,
        )
        response = await self.http.fetch(request, raise_error=False)
        if response.code >= 400 or response.code == 599:
            detail = response.body.decode(errors="replace")[:300] if response.body else ""
            raise LearnerError(f"{self.name}: {method} {url} → {response.code} {detail}")
        return json.loads(response.body) if response.body else None

    async def hub_api(self, path: str, method: str = "GET", body: object = None):
        """A call to the hub's REST API with the class's admin token."""
        return await self._fetch(f"{self.hub_url}/hub/api{path}", self.admin_token, method, body)

    async def api(self, path: str, method: str = "GET", body: object = None):
        """A call to this learner's own Jupyter server, through the proxy, with their token."""
        return await self._fetch(f"{self.server_url}/api{path}", self.token, method, body)

    async def log_in(self) -> None:
        """Log in through the hub's login form with the class password (creates the user)."""
        page = await self.http.fetch(f"{self.hub_url}/hub/login", request_timeout=REQUEST_TIMEOUT)
        cookies = {}
        for header in page.headers.get_list("Set-Cookie"):
            name, _, rest = header.partition("=")
            cookies[name] = rest.split(";", 1)[0]
        xsrf = cookies.get("_xsrf", "")
        form = urllib.parse.urlencode(
            {"username": self.name, "password": self.password, "_xsrf": xsrf}
        )
        response = await self.http.fetch(
            HTTPRequest(
                f"{self.hub_url}/hub/login",
                method="POST",
                body=form,
                headers={"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())},
                follow_redirects=False,
                request_timeout=REQUEST_TIMEOUT,
            ),
            raise_error=False,
        )
        session = any(
            h.startswith("jupyterhub-session-id=") for h in response.headers.get_list("Set-Cookie")
        )
        if response.code != 302 or not session:
            raise LearnerError(f"{self.name}: login answered {response.code}, no hub session")

    async def start_server(self, timeout: float = START_TIMEOUT) -> float:
        """Ask the hub for this learner's server and wait until it is ready; return seconds."""
        start = time.monotonic()
        try:
            await self.hub_api(f"/users/{self.name}/server", "POST")
        except LearnerError as error:
            if "already running" not in str(error):
                raise
        while True:
            user = await self.hub_api(f"/users/{self.name}")
            server = user["servers"].get("", {})
            if server.get("ready"):
                break
            if time.monotonic() - start > timeout:
                raise LearnerError(f"{self.name}: server not ready after {timeout:.0f} s")
            await asyncio.sleep(1)
        if not self.token:
            made = await self.hub_api(
                f"/users/{self.name}/tokens", "POST", {"note": "classroom learner"}
            )
            self.token = made["token"]
        return time.monotonic() - start

    async def stop_server(self) -> None:
        """Ask the hub to stop this learner's server, and wait until it has."""
        await self.hub_api(f"/users/{self.name}/server", "DELETE")
        for _ in range(int(START_TIMEOUT / 0.5)):
            user = await self.hub_api(f"/users/{self.name}")
            if not user["servers"]:
                return
            await asyncio.sleep(0.5)
        raise LearnerError(f"{self.name}: server still running {START_TIMEOUT} s after stop")

    async def read_text(self, path: str) -> str | None:
        """The text of a file in this learner's home, or None when it is not there."""
        try:
            model = await self.api(f"/contents/{path}?type=file&format=text")
        except LearnerError as error:
            if "→ 404" in str(error):
                return None
            raise
        return model["content"]

    async def save_text(self, path: str, text: str) -> None:
        """Save a text file into this learner's home (as JupyterLab's editor does)."""
        await self.api(
            f"/contents/{path}", "PUT", {"type": "file", "format": "text", "content": text}
        )

    async def notebook(self, path: str) -> dict:
        """The notebook at ``path`` in this learner's home (see :func:`lesson_path`)."""
        model = await self.api(f"/contents/{path}?type=notebook")
        return model["content"]

    async def open_kernel(self, path: str) -> tuple[str, WebSocketClientConnection]:
        """Open the notebook ``path`` with a new kernel (as JupyterLab does); wait until the
        kernel answers. Return the session's id and the kernel's websocket."""
        name = path.rsplit("/", 1)[-1]
        body = {"path": path, "name": name, "type": "notebook", "kernel": {"name": "python3"}}
        session = await self.api("/sessions", "POST", body)
        kernel_id = session["kernel"]["id"]
        url = self.server_url.replace("http", "ws", 1) + f"/api/kernels/{kernel_id}/channels"
        # The server answers once the new kernel has started: under a class's load, that can
        # take as long as starting a server.
        request = HTTPRequest(
            url_concat(url, {"session_id": uuid.uuid4().hex}),
            headers={"Authorization": f"token {self.token}"},
            connect_timeout=START_TIMEOUT,
            request_timeout=START_TIMEOUT,
        )
        socket = await websocket_connect(request, max_message_size=256 * 1024 * 1024)
        await self._request(socket, "kernel_info_request", {}, timeout=REQUEST_TIMEOUT)
        return session["id"], socket

    async def _request(
        self, socket: WebSocketClientConnection, msg_type: str, content: dict, timeout: float
    ) -> tuple[dict, list[dict]]:
        """Send one shell request; wait for its reply and for the kernel to be idle again."""
        msg = _message(msg_type, content, uuid.uuid4().hex, self.name)
        msg_id = msg["header"]["msg_id"]
        await socket.write_message(json.dumps(msg))
        reply, outputs, idle = None, [], False
        deadline = time.monotonic() + timeout
        while reply is None or not idle:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no answer to {msg_type} within {timeout:.0f} s")
            frame = await asyncio.wait_for(socket.read_message(), left)
            if frame is None:
                raise LearnerError(f"{self.name}: the kernel's connection closed")
            answer = decode(frame)
            if answer.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            kind = answer["header"]["msg_type"]
            if answer.get("channel") == "shell":
                reply = answer["content"]
            elif kind == "status" and answer["content"]["execution_state"] == "idle":
                idle = True
            elif (output := _output(answer)) is not None:
                outputs.append(output)
        return reply, outputs

    async def run_cells(
        self,
        notebook: dict,
        socket: WebSocketClientConnection,
        after_cell: Callable[[int], Awaitable[None]] | None = None,
    ) -> LessonRun:
        """Run every code cell of ``notebook`` in order, keeping its outputs (Run All).

        A cell that raises is recorded and the run goes on, as Run All in JupyterLab stops
        only at the first error; here every error is counted. ``after_cell(i)`` is awaited
        after the i-th code cell (the benchmark kills a server there).
        """
        run = LessonRun()
        start = time.monotonic()
        code = [c for c in notebook["cells"] if c["cell_type"] == "code"]
        try:
            for i, cell in enumerate(code):
                left = LESSON_TIMEOUT - (time.monotonic() - start)
                content = {"code": cell["source"], "silent": False, "store_history": True}
                reply, outputs = await self._request(
                    socket, "execute_request", content, min(CELL_TIMEOUT, left)
                )
                cell["outputs"] = outputs
                cell["execution_count"] = reply.get("execution_count")
                run.cells += 1
                if reply["status"] != "ok":
                    run.errors.append(f"cell {i + 1}: {reply.get('ename')}: {reply.get('evalue')}")
                if after_cell is not None:
                    await after_cell(i)
        except _CONNECTION_LOST as error:
            run.interrupted = str(error) or type(error).__name__
        run.seconds = time.monotonic() - start
        return run

    async def save_notebook(self, path: str, notebook: dict) -> None:
        """Save a notebook with its outputs, as the learner's Ctrl-S would."""
        await self.api(f"/contents/{path}", "PUT", {"type": "notebook", "content": notebook})

    async def close_session(self, session_id: str, socket: WebSocketClientConnection) -> None:
        """Close the websocket and shut the lesson's kernel down."""
        socket.close()
        await self.api(f"/sessions/{session_id}", "DELETE")
