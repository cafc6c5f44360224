"""Synthetic data of any size, for benchmarks and for the tests of large data.

``make_package(folder, n_events, n_errors)`` writes a package with ``n_events`` events, about
two participations and one claim per event, and the bundled sources, places and actors plus
synthetic actors. With ``n_errors`` > 0, that many cells are broken in known ways (value outside
an enum, impossible date, dangling reference, duplicate key, quote not in the source), spread
over the tables; the returned ``Injected`` list says where, so a benchmark can check that the
validators find them.

Two builders make large data in memory instead, without validation: :func:`repeated_events`
(the bundled events cycled to any number, with new ids and shifted dates) and
:func:`busy_network` (a teacher's export in which a few actors take part in most events).

Example (from the project folder):
    >>> import tempfile, pathlib
    >>> from bench.synthetic import make_package
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> injected = make_package(folder, 100, n_errors=5)
    >>> len(injected)
    5
"""

from __future__ import annotations

import csv
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.load import Dataset, load_dataset
from pakafghan.schema import read_package

ERROR_KINDS = ("enum", "impossible_date", "dangling_reference", "duplicate_key", "quote")


@dataclass(frozen=True)
class Injected:
    """One deliberately broken cell: table file, CSV line, field and kind of error."""

    file: str
    line: int
    field: str
    kind: str


def _write(path: Path, header: list[str], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def make_package(folder: Path, n_events: int, n_errors: int = 0, seed: int = 0) -> list[Injected]:
    """Write a synthetic package into ``folder``; return the errors injected."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(BUNDLED_DATA_DIR / "datapackage.json", folder)
    shutil.copytree(BUNDLED_DATA_DIR / "sources", folder / "sources", dirs_exist_ok=True)
    for name in ("sources", "places"):
        shutil.copy(BUNDLED_DATA_DIR / f"{name}.csv", folder)
    package = read_package(folder)
    ds = load_dataset(BUNDLED_DATA_DIR)
    header = {t.name: t.field_names for t in package.tables}
    places = ds.places["place_id"].tolist()
    # Sources that could report any synthetic day of 2025 as held (published after it, or
    # undated): the rule "what a source could know" holds for the valid copy too.
    late = ds.sources["published_latest"].isna() | (ds.sources["published_latest"] >= "2025-12-31")
    sources = [s for s in ds.sources.loc[late, "source_id"] if s != "article"]
    article_quotes = ds.claims.loc[ds.claims["source_id"] == "article", "quote"].tolist()
    enum = {t.name: {f.name: f.enum for f in t.fields if f.enum} for t in package.tables}

    def cell(value: object) -> str:
        return "" if value is None or value != value else str(value)

    actors = [{k: cell(v) for k, v in row.items()} for row in ds.actors.to_dict("records")]
    n_actors = max(50, n_events // 20)
    for i in range(n_actors):
        actors.append(
            {
                "actor_id": f"actor-{i:06d}",
                "name": f"Synthetic actor {i}",
                "kind": rng.choice(enum["actors"]["kind"]),
                "country": rng.choice(["AFG", "PAK", "CHN", ""]),
                "parent_id": "",
                "description": "A synthetic actor for benchmarks.",
                "source_id": rng.choice(sources),
            }
        )
    actor_ids = [a["actor_id"] for a in actors]
    events, participations, propositions, claims = [], [], [], []
    for i in range(n_events):
        day = rng.randrange(0, 365)
        span = rng.choice([0, 0, 0, 1, 6])
        start = f"2025-{1 + day // 31 % 12:02d}-{1 + day % 28:02d}"
        end = f"2025-{1 + day // 31 % 12:02d}-{1 + min(27, day % 28 + span):02d}"
        precision = "day" if start == end else "days"
        events.append(
            {
                "event_id": f"ev-{i:07d}",
                "title": f"Synthetic event {i}",
                "thread": rng.choice(enum["events"]["thread"]),
                "event_type": rng.choice(enum["events"]["event_type"]),
                "mode": rng.choice(enum["events"]["mode"]),
                "context": rng.choice(enum["events"]["context"]),
                "status": rng.choice(enum["events"]["status"]),
                "date_text": f"day {day}",
                "date_earliest": start,
                "date_latest": end,
                "date_precision": precision,
                "year_basis": "stated",
                "year_source_id": "",
                "place_id": rng.choice(places),
                "related_event_id": "",
                "confidence": "",
                "source_id": rng.choice(sources),
                "quote": "",
                "note": "Synthetic row.",
            }
        )
        for j in range(2):
            participations.append(
                {
                    "participation_id": f"pa-{i:07d}-{j}",
                    "event_id": f"ev-{i:07d}",
                    "actor_id": rng.choice(actor_ids),
                    "role": rng.choice(enum["event_actors"]["role"]),
                    "source_id": rng.choice(sources),
                    "quote": "",
                    "note": "Synthetic row.",
                }
            )
        if i % 2 == 0:
            propositions.append(
                {
                    "proposition_id": f"pr-{i:07d}",
                    "statement": f"Synthetic proposition {i}.",
                    "topic": rng.choice(enum["propositions"]["topic"]),
                    "subject_actor_id": rng.choice(actor_ids),
                    # a held event's claims would need a source published after it
                    "event_id": "" if events[-1]["status"] == "held" else f"ev-{i:07d}",
                    "unit": "",
                }
            )
        from_article = rng.random() < 0.1
        claims.append(
            {
                "claim_id": f"cl-{i:07d}",
                "proposition_id": f"pr-{i - i % 2:07d}",
                "claimant_id": rng.choice(actor_ids),
                "stance": rng.choice(enum["claims"]["stance"]),
                "directness": rng.choice(enum["claims"]["directness"]),
                "value": "",
                "version": "",
                "confidence": "",
                "source_id": "article" if from_article else rng.choice(sources),
                "quote": rng.choice(article_quotes) if from_article else "",
                "note": "" if from_article else "Synthetic row.",
            }
        )
    tables = {
        "actors": actors,
        "events": events,
        "event_actors": participations,
        "propositions": propositions,
        "claims": claims,
    }
    injected = _inject(tables, n_errors, rng)
    for name, rows in tables.items():
        _write(folder / f"{name}.csv", header[name], rows)
    return injected


def _inject(tables: dict[str, list[dict]], n_errors: int, rng: random.Random) -> list[Injected]:
    plans = {
        "enum": ("events", "status", lambda row, rows: "happened"),
        "impossible_date": ("events", "date_latest", lambda row, rows: "2025-02-30"),
        "dangling_reference": ("claims", "claimant_id", lambda row, rows: "no-such-actor"),
        "duplicate_key": (
            "event_actors",
            "participation_id",
            lambda row, rows: rows[0]["participation_id"],
        ),
        "quote": ("claims", "quote", lambda row, rows: "words the article never wrote"),
    }
    injected = []
    used: set[tuple[str, int]] = set()
    for k in range(n_errors):
        kind = ERROR_KINDS[k % len(ERROR_KINDS)]
        table, field, value = plans[kind]
        rows = tables[table]
        while True:
            i = rng.randrange(1, len(rows))
            if (table, i) not in used:
                break
        used.add((table, i))
        if kind == "quote":
            rows[i]["source_id"] = "article"
            rows[i]["note"] = ""
        rows[i][field] = value(rows[i], rows)
        injected.append(Injected(f"{table}.csv", i + 2, field, kind))
    return sorted(injected, key=lambda e: (e.file, e.line))


def repeated_events(ds: Dataset, n: int, days: int) -> Dataset:
    """``ds`` with ``n`` events cycling through its rows, with new ids, shifted by up to
    ``days`` days (in memory; the other tables as they are)."""
    events = ds.events
    big = events.iloc[np.arange(n) % len(events)].reset_index(drop=True)
    big["event_id"] = [f"ev-big-{i:06d}" for i in range(n)]
    shift = pd.to_timedelta(np.arange(n) % days, unit="D")
    big["date_earliest"] = big["date_earliest"] + shift
    big["date_latest"] = big["date_latest"] + shift
    return Dataset(ds.data_dir, {**ds.tables, "events": big})


def busy_network(n_events: int = 100_000, n_actors: int = 2_000) -> Dataset:
    """A teacher's export in memory: many events, a few very busy actors (Zipf-like), three
    roles each (a quarter are accusations, an eighth with mode ``disapprove``), and one claim.
    Only the columns the network needs."""
    rng = np.random.default_rng(0)
    weights = 1 / np.arange(1, n_actors + 1)
    picks = rng.choice(n_actors, size=(n_events, 3), p=weights / weights.sum())
    ids = np.array([f"a-{i:05d}" for i in range(n_actors)])
    events = np.array([f"ev-{i:06d}" for i in range(n_events)])
    accuse = np.arange(n_events) % 4 == 0
    roles = np.where(
        accuse[:, None], [["speaker", "target", "target"]], [["host", "participant", "invitee"]]
    )
    tables = {
        "actors": pd.DataFrame(
            {"actor_id": ids, "name": [f"Actor {i}" for i in range(n_actors)], "kind": "state"}
        ),
        "events": pd.DataFrame(
            {
                "event_id": events,
                "event_type": np.where(accuse, "ACCUSE", "CONSULT"),
                "mode": np.where(np.arange(n_events) % 8 == 0, "disapprove", "allege"),
            }
        ),
        "event_actors": pd.DataFrame(
            {
                "event_id": np.repeat(events, 3),
                "actor_id": ids[picks.ravel()],
                "role": roles.ravel(),
                "source_id": "article",
            }
        ),
        "propositions": pd.DataFrame({"proposition_id": ["pr-x"], "subject_actor_id": ["a-00000"]}),
        "claims": pd.DataFrame(
            {
                "claim_id": ["cl-x"],
                "proposition_id": ["pr-x"],
                "claimant_id": ["a-00001"],
                "stance": ["denies"],
                "source_id": ["article"],
            }
        ),
    }
    return Dataset(Path("."), tables)
