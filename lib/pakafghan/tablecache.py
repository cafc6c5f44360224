"""A per-user cache of validated, typed tables: a kernel that loads unchanged data skips
validating it again (most of the start-up time).

The key is a SHA-256 of every file in the data folder (names and bytes, through symbolic links),
of this package's own modules as this process imported them (the code that reads, checks and
types the tables) and of the Python, NumPy and pandas versions. Any change to the data or to
the checks gives a new key, so a cached entry always holds tables this very code found valid.
Entries live in ``$PAKAFGHAN_CACHE`` when it names a folder, else in
``$XDG_CACHE_HOME/pakafghan`` (``~/.cache/pakafghan``): one folder per user, outside the data
folder. ``PAKAFGHAN_CACHE=off`` turns the cache off.

A folder that cannot be written (a read-only home) or an entry that cannot be read means no
cache, silently: loading validates as before. An entry is read only when it and its folder belong
to this user and nobody else may write to them. Only folders up to :data:`MAX_DATA_BYTES` are
cached, and only the :data:`MAX_ENTRIES` newest entries are kept.

Example:
    >>> import os, tempfile
    >>> from pakafghan.datadir import BUNDLED_DATA_DIR
    >>> before = os.environ.get("PAKAFGHAN_CACHE")
    >>> os.environ["PAKAFGHAN_CACHE"] = tempfile.mkdtemp()
    >>> key = cache_key(BUNDLED_DATA_DIR)
    >>> get(key) is None
    True
    >>> put(key, {"t": {"a": 1}}); get(key)
    {'t': {'a': 1}}
    >>> cache_key(BUNDLED_DATA_DIR) == key
    True
    >>> if before is None: del os.environ["PAKAFGHAN_CACHE"]
    ... else: os.environ["PAKAFGHAN_CACHE"] = before
"""

from __future__ import annotations

import hashlib
import os
import pickle
import platform
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

#: The environment variable: a folder for the cache, or ``off``.
ENV_VAR = "PAKAFGHAN_CACHE"

#: Data folders larger than this (all files together) are not cached.
MAX_DATA_BYTES = 20_000_000

#: How many entries the cache keeps (the newest).
MAX_ENTRIES = 8


def code_digest(folder: Path = Path(__file__).parent) -> str:
    """A SHA-256 of the package's top-level modules (the code that reads, checks and types the
    tables), with the Python, NumPy and pandas versions."""
    digest = hashlib.sha256()
    digest.update(f"{platform.python_version()} {np.__version__} {pd.__version__}".encode())
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


#: The code as this process imported it: a kernel still running old code after the files were
#: edited does not store its results under the new code's key.
CODE_DIGEST = code_digest()


def cache_dir() -> Path | None:
    """Where the entries live, or None when the cache is off (or there is no home folder)."""
    chosen = os.environ.get(ENV_VAR, "")
    if chosen.lower() == "off":
        return None
    if chosen:
        return Path(chosen)
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home folder (a container's user with no passwd entry)
        return None
    return Path(base) / "pakafghan"


def _data_files(folder: Path) -> list[Path]:
    """Every file under ``folder``, through symbolic links too, in a fixed order."""
    found = []
    for root, dirs, files in os.walk(folder, followlinks=True):
        dirs.sort()
        found += [Path(root) / name for name in sorted(files)]
    return found


def cache_key(folder: Path) -> str | None:
    """The key of ``folder`` as it is now, or None when it is too large or cannot be read (or
    the cache is off)."""
    if cache_dir() is None:
        return None
    digest = hashlib.sha256(CODE_DIGEST.encode())
    try:
        files = _data_files(folder)
        if sum(path.stat().st_size for path in files) > MAX_DATA_BYTES:
            return None
        for path in files:
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    except OSError:
        return None
    return digest.hexdigest()


def _ours(path: Path) -> bool:
    """True when ``path`` belongs to this user and nobody else may write to it (a planted
    entry would run code when unpickled)."""
    if not hasattr(os, "getuid"):  # Windows: the home folder's permissions decide
        return True
    st = path.stat()
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def get(key: str | None) -> object | None:
    """The entry stored under ``key``, or None."""
    where = cache_dir()
    if key is None or where is None:
        return None
    entry = where / f"{key}.pickle"
    try:
        if not (_ours(where) and _ours(entry)):
            return None
        with entry.open("rb") as handle:
            return pickle.load(handle)
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
        stale = [p for p in where.glob("*.tmp") if time.time() - p.stat().st_mtime > 3600]
        for old in [*entries[MAX_ENTRIES:], *stale]:  # and what a killed kernel left
            old.unlink(missing_ok=True)
    except Exception:  # a full disk, or another kernel pruned first: no harm done
        Path(name).unlink(missing_ok=True)
