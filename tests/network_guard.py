"""Block every network connection except to this machine (loopback), and log attempts.

Installed in the pytest process by ``tests/conftest.py`` and in every notebook kernel the tests
start (through an IPython startup file), so a lesson or library call that tries to reach the
internet fails loudly instead of working only while a network happens to be there.
"""

from __future__ import annotations

import ipaddress
import os
import socket

LOG_ENV = "PAKAFGHAN_NETWORK_LOG"
_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", ""}


class NetworkBlocked(OSError):
    """Raised for any attempt to reach a host other than this machine."""


def _is_local(host: object) -> bool:
    if host is None:
        return True
    text = host.decode() if isinstance(host, bytes) else str(host)
    if text.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(text.split("%")[0]).is_loopback
    except ValueError:
        return False


def _refuse(host: object) -> None:
    log = os.environ.get(LOG_ENV)
    if log:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{host}\n")
    raise NetworkBlocked(f"network access to {host!r} is blocked in the tests (offline check)")


def install() -> None:
    """Patch ``socket`` so that only loopback and Unix sockets can connect. Idempotent."""
    if getattr(socket, "_pakafghan_guard", False):
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def _check(sock: socket.socket, address: object) -> None:
        if sock.family in (socket.AF_INET, socket.AF_INET6) and isinstance(address, tuple):
            if not _is_local(address[0]):
                _refuse(address[0])

    def connect(self, address):
        _check(self, address)
        return real_connect(self, address)

    def connect_ex(self, address):
        _check(self, address)
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local(host):
            _refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)

    socket.socket.connect = connect
    socket.socket.connect_ex = connect_ex
    socket.getaddrinfo = getaddrinfo
    socket._pakafghan_guard = True
