"""Maintainer tools of the repository (not part of the library): run ``python -m tools.NAME``."""
