"""pakafghan: sourced event data on Pakistan-Afghanistan relations in August 2025, for teaching.

Load the validated tables as pandas DataFrames and find the evidence behind any record.

Example:
    >>> import pakafghan
    >>> ds = pakafghan.load_dataset()
    >>> ds.events.loc[0, "status"]
    'planned'
"""

from importlib import metadata as _metadata

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
try:  # the installed distribution's version (pyproject.toml), so there is one place to change it
    __version__ = _metadata.version("pakafghan")
except _metadata.PackageNotFoundError:  # a checkout on sys.path without an install
    __version__ = "0+unknown"
