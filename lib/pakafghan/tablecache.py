"""A per-user cache of validated, typed tables: a kernel that loads unchanged data skips
validating it again (most of the start-up time).

The key is a SHA-256 of every file in the data folder (names and bytes), of this package's own
modules (the code that reads, checks and types the tables) and of the Python and pandas
versions. Any change to the data or to the checks gives a new key, so a cached entry always holds
tables this very code found valid. Entries live in ``$PAKAFGHAN_CACHE`` when it names a folder,
else in ``$XDG_CACHE_HOME/pakafghan`` (``~/.cache/pakafghan``): one folder per user, never the
data folder. ``PAKAFGHAN_CACHE=off`` turns the cache off.

A folder that cannot be written (a read-only home) or an entry that cannot be read means no
cache, silently: loading validates as before. Only folders up to :data:`MAX_DATA_BYTES` are
cached, and only the :data:`MAX_ENTRIES` newest entries are kept.

Example:
    >>> import os, tempfile
    >>> from pakafghan.datadir import BUNDLED_DATA_DIR
    >>> os.environ["PAKAFGHAN_CACHE"] = tempfile.mkdtemp()
    >>> key = cache_key(BUNDLED_DATA_DIR)
    >>> get(key) is None
    True
    >>> put(key, {"t": {"a": 1}}); get(key)
    {'t': {'a': 1}}
    >>> cache_key(BUNDLED_DATA_DIR) == key
    True
    >>> del os.environ["PAKAFGHAN_CACHE"]
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
from pathlib import Path

import pandas as pd

#: The environment variable: a folder for the cache, or ``off``.
ENV_VAR = "PAKAFGHAN_CACHE"

#: Data folders larger than this (all files together) are not cached.
MAX_DATA_BYTES = 20_000_000

#: How many entries the cache keeps (the newest).
MAX_ENTRIES = 8

_CODE_DIR = Path(__file__).parent


def cache_dir() -> Path | None:
    """Where the entries live, or None when the cache is off."""
    chosen = os.environ.get(ENV_VAR, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "pakafghan"


def cache_key(folder: Path) -> str | None:
    """The key of ``folder`` as it is now, or None when it is too large or cannot be read (or
    the cache is off)."""
    if cache_dir() is None:
        return None
    digest = hashlib.sha256()
    digest.update(f"{platform.python_version()} {pd.__version__}".encode())
    try:
        for path in sorted(_CODE_DIR.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes())
        total = 0
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            data = path.read_bytes()
            total += len(data)
            if total > MAX_DATA_BYTES:
                return None
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + data)
    except OSError:
        return None
    return digest.hexdigest()


def get(key: str | None) -> object | None:
    """The entry stored under ``key``, or None."""
    where = cache_dir()
    if key is None or where is None:
        return None
    try:
        with (where / f"{key}.pickle").open("rb") as entry:
            return pickle.load(entry)
    except Exception:  # missing, cut short by a full disk, or from another pandas: no entry
        return None


def put(key: str | None, value: object) -> None:
    """Store ``value`` under ``key`` (written whole or not at all), then drop old entries."""
    where = cache_dir()
    if key is None or where is None:
        return
    try:
        where.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, name = tempfile.mkstemp(dir=where, suffix=".tmp")
    except OSError:  # read-only: no cache, and nothing to tell the learner
        return
    try:
        with os.fdopen(handle, "wb") as out:
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(name, where / f"{key}.pickle")
        entries = sorted(where.glob("*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in entries[MAX_ENTRIES:]:
            old.unlink(missing_ok=True)
    except OSError:  # the disk is full, or another kernel pruned first: no harm done
        Path(name).unlink(missing_ok=True)
