"""pakafghan: sourced event data on Pakistan-Afghanistan relations since August 2025, for teaching.

Load the validated tables as pandas DataFrames and find the evidence behind any record.

Example:
    >>> import pakafghan
    >>> ds = pakafghan.load_dataset()
    >>> ds.events.loc[0, "status"]
    'planned'
"""

from pakafghan.evidence import Evidence, evidence
from pakafghan.load import (
    Dataset,
    load_actors,
    load_claims,
    load_dataset,
    load_event_actors,
    load_events,
    load_places,
    load_propositions,
    load_sources,
    load_table,
    source_text,
)
from pakafghan.problems import DataValidationError, Problem
from pakafghan.validate import ValidationReport, validate

__all__ = [
    "DataValidationError",
    "Dataset",
    "Evidence",
    "Problem",
    "ValidationReport",
    "evidence",
    "load_actors",
    "load_claims",
    "load_dataset",
    "load_event_actors",
    "load_events",
    "load_places",
    "load_propositions",
    "load_sources",
    "load_table",
    "source_text",
    "validate",
]


def __getattr__(name: str) -> str:
    """``__version__``: the installed distribution's (pyproject.toml), so there is one place to
    change it; read only when asked for (``importlib.metadata`` costs about 40 ms at import)."""
    if name != "__version__":
        raise AttributeError(f"module 'pakafghan' has no attribute {name!r}")
    from importlib import metadata

    try:
        return metadata.version("pakafghan")
    except metadata.PackageNotFoundError:  # a checkout on sys.path without an install
        return "0+unknown"
