"""What happened after the article: short tables of the story from October 2025 on, from rows.

Every table here is built from the data's own rows, each with the report it comes from, and has
four or five short columns a learner can read on a projector:

- :func:`who_says_how_many`: who gives which figure for a count (deaths, injuries, posts), what
  they say, when the report that carries it was published, and which report: one row per claim.
  A figure is always somebody's claim; a copy names the text it copies.
- :func:`status_over_time`: how one matter (a ceasefire) stood over time as each side stated
  it: events (who spoke for them) and claims (who said what), merged in date order.
- :func:`after_the_article`: events, with the number of days between the article's last possible
  day of publication and each event's first day (what the article could not know).
- :func:`what_became_of`: events of the article's story beside what later reports say became
  of them, with each one's status (planned, held, postponed…).

Example:
    >>> from pakafghan import load_dataset
    >>> ds = load_dataset()
    >>> list(who_says_how_many(ds, "pr-meeting-headcount").columns)
    ['who', 'says', 'when', 'source']
    >>> list(after_the_article(ds, ["ev-meeting-held"]).columns)
    ['when', 'what', 'source', 'days after the article']
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from pakafghan.conflicts import figure_text, versions
from pakafghan.load import Dataset
from pakafghan.select import PRIMARY
from pakafghan.text import day_range
from pakafghan.views import actor_names, events_view, source_label

__all__ = [
    "after_the_article",
    "event_when",
    "source_label",
    "status_over_time",
    "what_became_of",
    "who_says_how_many",
]

#: Stances shown as they are; any other stance is named before what the claim says.
_PLAIN_STANCES = ("asserts",)


def event_when(first: object, last: object, text: object) -> str:
    """An event's date for a table: its days ("9 Oct 2025", "11–12 Oct 2025") when the row
    dates it, else the source's own words, else "no date given".

    Example:
        >>> t = pd.Timestamp
        >>> event_when(t("2025-10-11"), t("2025-10-12"), "night of 11-12 Oct")
        '11–12 Oct 2025'
        >>> event_when(pd.NaT, pd.NaT, None)
        'no date given'
    """
    if not pd.isna(first):
        return day_range(first, last if not pd.isna(last) else first)
    return "no date given" if text is None or pd.isna(text) else str(text)


def _as_list(ids: str | Iterable[str]) -> list[str]:
    return [ids] if isinstance(ids, str) else list(ids)


def _chosen_events(ds: Dataset, event_ids: Iterable[str]) -> pd.DataFrame:
    """The rows of ``events_view`` for these events, in its date order; unknown ids are an error."""
    wanted = _as_list(event_ids)
    known = set(ds.events["event_id"])
    missing = [e for e in wanted if e not in known]
    if missing:
        raise KeyError(f"no event {', '.join(map(repr, missing))} in events.csv")
    view = events_view(ds)
    return view[view["event_id"].isin(set(wanted))]


def _whens(chosen: pd.DataFrame) -> list[str]:
    return [
        event_when(a, b, t)
        for a, b, t in zip(
            chosen["date_earliest"], chosen["date_latest"], chosen["date_text"], strict=True
        )
    ]


def _said(
    stance: str, value: object, qualifier: object, value_max: object, version: object, unit: object
) -> str:
    """What one claim says: its own wording (``version``), else its figure with the unit; a
    stance other than "asserts" goes first ("denies: …")."""
    if version is not None and not pd.isna(version):
        text = str(version)
    else:
        figure = figure_text(value, qualifier, value_max)
        has_unit = figure is not None and unit is not None and not pd.isna(unit)
        text = f"{figure} {unit}" if has_unit else (figure or "")
    if stance in _PLAIN_STANCES and text:
        return text
    return f"{stance}: {text}" if text else stance


def _claims_of(ds: Dataset, proposition_ids: list[str]) -> pd.DataFrame:
    """Every claim on the propositions, in their order, each proposition's earliest report
    first; with the claim's qualifier and upper bound (which ``versions`` leaves out)."""
    known = set(ds.propositions["proposition_id"])
    missing = [p for p in proposition_ids if p not in known]
    if missing:
        raise KeyError(f"no proposition {', '.join(map(repr, missing))} in propositions.csv")
    extra = ds.claims.set_index("claim_id")[["value_qualifier", "value_max"]]
    statements = ds.propositions.set_index("proposition_id")["statement"]
    frames = []
    for pid in proposition_ids:
        rows = versions(ds, pid)
        rows = rows.join(extra, on="claim_id")
        rows["proposition_id"] = pid
        rows["statement"] = statements[pid]
        frames.append(rows)
    return pd.concat(frames, ignore_index=True)


def who_says_how_many(ds: Dataset, proposition_ids: str | Iterable[str]) -> pd.DataFrame:
    """Who gives which figure on one proposition (or several, one after another): who, says,
    when (the report's publication date, as the project read it), source. One row per claim,
    earliest report first.

    ``says`` is the claim's own wording when it has one, else its figure ("at least 23
    soldiers"); a stance other than "asserts" is named first ("denies: …").

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = who_says_how_many(load_dataset(), "pr-meeting-headcount")
        >>> rows.loc[rows["source"].str.endswith("(S9)"), "says"].tolist()
        ['about 40 invited']
    """
    claims = _claims_of(ds, _as_list(proposition_ids))
    return pd.DataFrame(
        {
            "who": claims["claimant"].astype(str),
            "says": [
                _said(str(s), v, q, m, t, u)
                for s, v, q, m, t, u in zip(
                    claims["stance"],
                    claims["value"],
                    claims["value_qualifier"],
                    claims["value_max"],
                    claims["version"],
                    claims["unit"],
                    strict=True,
                )
            ],
            "when": claims["published_text"].astype(str),
            "source": [source_label(ds, s) for s in claims["source_id"]],
        }
    )


#: Roles whose actors speak for an event, in the order tried (the first role present wins).
_VOICES = ("speaker", "mediator", "host")


def _voices(ds: Dataset, event_id: str) -> str:
    """Who speaks for an event: its speakers, else its mediators, else its host."""
    rows = ds.event_actors[ds.event_actors["event_id"] == event_id]
    names = actor_names(ds)
    for role in _VOICES:
        chosen = rows[rows["role"].astype(str) == role]
        if not chosen.empty:
            return ", ".join(dict.fromkeys(names[a] for a in chosen["actor_id"]))
    return "(no speaker recorded)"


def _claim_says(stance: str, statement: str, said: str) -> str:
    """A claim in a status table: its stance, the proposition, and its own words if any."""
    words = said.removeprefix(f"{stance}: ") if said != stance else ""
    return f"{stance}: {statement.rstrip('.')}" + (f" — {words}" if words else "")


def status_over_time(
    ds: Dataset, event_ids: Iterable[str] = (), proposition_ids: Iterable[str] = ()
) -> pd.DataFrame:
    """How a matter stood over time (a ceasefire announced, extended, disputed), as each side
    stated it: the events given (who spoke for each, and what the report says happened) and
    the claims on the propositions given (who said what), merged in date order: when, who,
    says, source.

    An event's ``when`` is its days (:func:`event_when`); a claim's is when its report was
    published (its own wording may give the day it was said).

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = status_over_time(load_dataset(), ["ev-meeting-held"], ["pr-nrf-declined"])
        >>> list(rows.columns)
        ['when', 'who', 'says', 'source']
    """
    events = _as_list(event_ids)
    known = set(ds.events["event_id"])
    missing = [e for e in events if e not in known]
    if missing:
        raise KeyError(f"no event {', '.join(map(repr, missing))} in events.csv")
    chosen = ds.events.set_index("event_id").loc[events].reset_index()
    rows = [
        {
            "day": first,
            "order": (0, i),
            "when": event_when(first, last, text),
            "who": _voices(ds, eid),
            "says": str(title),
            "source": source_label(ds, sid),
        }
        for i, (eid, first, last, text, title, sid) in enumerate(
            zip(
                chosen["event_id"],
                chosen["date_earliest"],
                chosen["date_latest"],
                chosen["date_text"],
                chosen["title"],
                chosen["source_id"],
                strict=True,
            )
        )
    ]
    propositions = _as_list(proposition_ids)
    if propositions:
        claims = _claims_of(ds, propositions)
        for i, claim in enumerate(claims.itertuples(index=False)):
            said = _said(
                str(claim.stance),
                claim.value,
                claim.value_qualifier,
                claim.value_max,
                claim.version,
                claim.unit,
            )
            rows.append(
                {
                    "day": claim.published,
                    "order": (1, i),
                    "when": str(claim.published_text),
                    "who": str(claim.claimant),
                    "says": _claim_says(str(claim.stance), str(claim.statement), said),
                    "source": source_label(ds, claim.source_id),
                }
            )
    table = pd.DataFrame(rows, columns=["day", "order", "when", "who", "says", "source"])
    table = table.sort_values(["day", "order"], kind="stable", na_position="last")
    return table[["when", "who", "says", "source"]].reset_index(drop=True)


def _article_last_day(ds: Dataset) -> pd.Timestamp:
    sources = ds.sources.set_index("source_id")
    latest = sources.loc[PRIMARY, "published_latest"]
    return latest if pd.notna(latest) else sources.loc[PRIMARY, "published_earliest"]


def after_the_article(ds: Dataset, event_ids: Iterable[str]) -> pd.DataFrame:
    """Events in date order, with the days from the article's last possible day of publication
    to each event's first day: when (see :func:`event_when`), what, source, days after the
    article (negative: before it; empty: the source gives no date).

    Example:
        >>> from pakafghan import load_dataset
        >>> after_the_article(load_dataset(), ["ev-meeting-held"])["days after the article"]
        0    36
        Name: days after the article, dtype: Int64
    """
    chosen = _chosen_events(ds, event_ids)
    days = (chosen["date_earliest"] - _article_last_day(ds)).dt.days
    return pd.DataFrame(
        {
            "when": _whens(chosen),
            "what": chosen["title"].astype(str),
            "source": [source_label(ds, s) for s in chosen["source_id"]],
            "days after the article": days.astype("Int64"),
        }
    ).reset_index(drop=True)


def what_became_of(ds: Dataset, event_ids: Iterable[str]) -> pd.DataFrame:
    """Events of the article's story and what later reports say became of them, in date order
    (undated last): when, status (planned, held, postponed…), what, source.

    Example:
        >>> from pakafghan import load_dataset
        >>> rows = what_became_of(load_dataset(), ["ev-meeting-announced", "ev-meeting-held"])
        >>> rows["status"].tolist()
        ['planned', 'held']
    """
    chosen = _chosen_events(ds, event_ids)
    return pd.DataFrame(
        {
            "when": _whens(chosen),
            "status": chosen["status"].astype(str),
            "what": chosen["title"].astype(str),
            "source": [source_label(ds, s) for s in chosen["source_id"]],
        }
    ).reset_index(drop=True)
