"""Where the data lives: an argument, else ``$PAKAFGHAN_DATA``, else the bundled data.

The bundled data is the package's ``pakafghan/data`` folder, found through the import system
(never relative to the current working directory), so a notebook opened from any folder finds
the same data:

- installed from a wheel or with a plain ``pip install .``: the copy inside the installed
  package (``site-packages/pakafghan/data``), which the wheel carries as package data;
- an editable install (``make lab``, ``make test``, ``pip install -e .``): the repository's own
  top-level ``data/`` folder, so a teacher's edits there show up at once;
- a checkout used without installing (``PYTHONPATH=lib``): the ``data/`` folder next to ``lib/``.

The folder holds no Python code and is located without importing anything from it, so nothing
is ever written into it (no ``__pycache__``).

Example:
    >>> from pakafghan.datadir import resolve_data_dir
    >>> (resolve_data_dir() / "datapackage.json").is_file()
    True
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ENV_VAR = "PAKAFGHAN_DATA"

#: The import name of the bundled data (``pyproject.toml`` maps ``data/`` to it).
DATA_PACKAGE = "pakafghan.data"

#: A file that every data folder has.
_DESCRIPTOR = "datapackage.json"


def _bundled_data_dir() -> Path:
    """The ``pakafghan.data`` package's folder, else ``<checkout>/data``.

    ``importlib.util.find_spec`` asks the import system where ``pakafghan.data`` lives (site
    packages, or the repository for an editable install) without executing anything there.
    """
    try:
        spec = importlib.util.find_spec(DATA_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    for location in (spec.submodule_search_locations or []) if spec else []:
        folder = Path(location)
        if (folder / _DESCRIPTOR).is_file():
            return folder.resolve()
    # A checkout on sys.path without an install: lib/pakafghan/datadir.py -> data/.
    return Path(__file__).resolve().parents[2] / "data"


#: The data that ships with the library (see the module docstring for where that is).
BUNDLED_DATA_DIR = _bundled_data_dir()


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """Return the data folder to use, as an absolute path.

    Order: the ``data_dir`` argument; the environment variable ``PAKAFGHAN_DATA``; the bundled
    data (:data:`BUNDLED_DATA_DIR`).
    """
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser().resolve()
    return BUNDLED_DATA_DIR
