"""Offline: the library, the tests and the notebook kernels cannot reach any other host."""

from __future__ import annotations

import socket
import urllib.request

import nbformat
import network_guard
import pytest
from nbclient import NotebookClient

BLOCKED_HOST = "example.org"  # conftest expects exactly this host in the attempts log


def test_the_guard_blocks_this_process():
    with pytest.raises(OSError, match="blocked in the tests"):
        urllib.request.urlopen(f"http://{BLOCKED_HOST}/", timeout=2)
    with pytest.raises(network_guard.NetworkBlocked):
        socket.create_connection((BLOCKED_HOST, 80), timeout=2)


def test_the_guard_allows_loopback():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    client = socket.create_connection(server.getsockname(), timeout=2)
    client.close()
    server.close()


def test_notebook_kernels_are_offline_too(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell(
            "import urllib.request\n"
            "try:\n"
            f"    urllib.request.urlopen('http://{BLOCKED_HOST}/', timeout=2)\n"
            "    print('reached the network')\n"
            "except OSError as err:\n"
            "    print('blocked' if 'blocked in the tests' in str(err) else repr(err))"
        )
    ]
    NotebookClient(
        nb, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    assert nb.cells[0].outputs[0]["text"].strip() == "blocked"


def test_the_library_loads_and_validates_offline():
    import pakafghan

    assert pakafghan.validate().ok
    assert len(pakafghan.load_dataset().events) > 0
