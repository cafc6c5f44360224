"""Where the data lives: an argument, else ``$PAKAFGHAN_DATA``, else the bundled ``data/``.

The bundled folder is found relative to this package, never relative to the current working
directory, so a notebook opened from any folder finds the same data.

Example:
    >>> from pakafghan.datadir import resolve_data_dir
    >>> resolve_data_dir().name
    'data'
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "PAKAFGHAN_DATA"

#: ``lib/pakafghan/datadir.py`` -> the project's top folder -> ``data/``.
BUNDLED_DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def resolve_data_dir(data_dir: str | Path | None = None) -> Path:
    """Return the data folder to use, as an absolute path.

    Order: the ``data_dir`` argument; the environment variable ``PAKAFGHAN_DATA``; the bundled
    ``data/`` folder of this project.
    """
    if data_dir is not None and str(data_dir) != "":
        return Path(data_dir).expanduser().resolve()
    from_env = os.environ.get(ENV_VAR, "")
    if from_env:
        return Path(from_env).expanduser().resolve()
    return BUNDLED_DATA_DIR
