"""Select records by source or by reliability: "the article only" versus "all sources".

Selection keeps the rows of ``events``, ``event_actors`` and ``claims`` that cite the chosen
sources; the reference tables (sources, actors, places, propositions) stay whole so that every
remaining row still resolves. A syndicated copy counts as its original (``copy_of``): the article
and its four copies are one source.

Example:
    >>> from pakafghan import load_dataset
    >>> from pakafghan.select import article_only
    >>> ds = article_only(load_dataset())
    >>> set(ds.events["source_id"])
    {'article'}
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pakafghan.load import Dataset
from pakafghan.rules import EVIDENCE_TABLES

PRIMARY = "article"


def original_of(ds: Dataset) -> dict[str, str]:
    """``source_id`` → the source it is a copy of, or itself (copies and original are one)."""
    copy_of = ds.sources["copy_of"].astype(object).where(ds.sources["copy_of"].notna(), None)
    return {
        sid: (orig if orig is not None else sid)
        for sid, orig in zip(ds.sources["source_id"], copy_of, strict=True)
    }


def select(
    ds: Dataset,
    sources: Iterable[str] | None = None,
    reliability: Iterable[str] | None = None,
) -> Dataset:
    """A new :class:`Dataset` with only the evidence rows citing matching sources.

    ``sources``: source ids (a copy's original counts too); ``reliability``: values of
    ``sources.reliability``. Both given: a row must match both.
    """
    keep = pd.Series(True, index=ds.sources.index)
    if sources is not None:
        wanted = set(sources)
        originals = ds.sources["source_id"].map(original_of(ds))
        keep &= ds.sources["source_id"].isin(wanted) | originals.isin(wanted)
    if reliability is not None:
        keep &= ds.sources["reliability"].astype(object).isin(set(reliability))
    chosen = set(ds.sources.loc[keep, "source_id"])
    tables = dict(ds.tables)
    for name in EVIDENCE_TABLES:
        frame = ds.tables[name]
        tables[name] = frame[frame["source_id"].isin(chosen)].reset_index(drop=True)
    return Dataset(ds.data_dir, tables)


def article_only(ds: Dataset) -> Dataset:
    """Only what the primary article (or a copy of it) says."""
    return select(ds, sources=[PRIMARY])
