"""Explore the actors: filter by kind and country, pick one, and see who it is and what it does.

The list starts on the actors who act in the primary article (they take part in one of its
events or make one of its claims); "all actors" lists every actor of the data.

The view shows the actor's profile (name, kind in plain words, country, the actor it belongs
to, description, the source that introduces it), every event it takes part in and every claim
it makes or that is made about it, each with its quote and source. Optionally, an image of its
reported links (:func:`pakafghan.charts.network.network_chart` with ``focus``).

Example:
    >>> from pakafghan import load_dataset
    >>> w = actor_explorer(load_dataset(), network=False)
    >>> w.controls["show"].value = ALL
    >>> w.controls["kind"].value = "official"
    >>> w.controls["actor"].value = "asim-iftikhar-ahmad"
    >>> "Pakistan" in w.html.value and "ev-pakistan-un-concerns" in w.html.value
    True
"""

from __future__ import annotations

from dataclasses import dataclass

import ipywidgets as widgets
import pandas as pd

from pakafghan.actors import acting_actors, country_labels, kind_words
from pakafghan.charts.network import network_chart
from pakafghan.html import field_table, html_table, html_text
from pakafghan.load import Dataset, load_dataset
from pakafghan.select import article_only
from pakafghan.views import claims_view, participations_view
from pakafghan.widgets.base import LessonWidget

ALL = "all"
NO_COUNTRY = "none"
#: The "show" choice that lists only the actors who act in the primary article.
IN_ARTICLE = "article"
_MAX_ROWS = 100


@dataclass(frozen=True)
class ActorViews:
    """The joined tables the explorer shows, computed once."""

    actors: pd.DataFrame
    sources: pd.DataFrame
    countries: dict[str, str]
    participations: pd.DataFrame
    claims: pd.DataFrame
    in_article: frozenset[str] = frozenset()


def _views(ds: Dataset) -> ActorViews:
    parts = participations_view(ds).sort_values(
        ["date_earliest", "event_id", "participation_id"], kind="stable", na_position="last"
    )
    return ActorViews(
        actors=ds.actors.astype({"kind": object}).set_index("actor_id", drop=False),
        sources=ds.sources.set_index("source_id"),
        countries=country_labels(ds),
        participations=parts.astype({"role": object, "status": object}),
        claims=claims_view(ds).astype({"stance": object, "directness": object}),
        in_article=frozenset(acting_actors(article_only(ds))),
    )


def matching_actors(views: ActorViews, kind: str, country: str, show: str = ALL) -> pd.DataFrame:
    """The actors of a kind and country (``"all"`` for any; ``"none"``: no country), by name;
    ``show="article"``: only those who act in the primary article."""
    actors = views.actors
    keep = pd.Series(True, index=actors.index)
    if show == IN_ARTICLE:
        keep &= actors.index.isin(views.in_article)
    if kind != ALL:
        keep &= actors["kind"] == kind
    if country == NO_COUNTRY:
        keep &= actors["country"].isna()
    elif country != ALL:
        keep &= (actors["country"] == country).fillna(False).astype(bool)
    chosen = actors[keep]
    order = sorted(zip(chosen["name"].str.casefold(), chosen.index, strict=True))
    return chosen.loc[[actor_id for _, actor_id in order]]


def _with_evidence(frame: pd.DataFrame) -> pd.DataFrame:
    """Adds ``evidence`` (the quote, or else the note) and ``source`` (publisher and id)."""
    quote = "“" + frame["quote"] + "”"
    note = "Note: " + frame["note"]
    source = frame["publisher"].fillna(frame["source_id"]) + " (" + frame["source_id"] + ")"
    return frame.assign(evidence=quote.fillna(note).fillna(""), source=source)


def _capped(frame: pd.DataFrame, columns: list[str], headers: list[str], empty: str) -> str:
    more = ""
    if len(frame) > _MAX_ROWS:
        more = f"<p><em>Showing the first {_MAX_ROWS} of {len(frame):,}.</em></p>"
        frame = frame.head(_MAX_ROWS)
    return html_table(frame, columns, headers, empty=empty) + more


def _profile(views: ActorViews, actor_id: str) -> str:
    actor = views.actors.loc[actor_id]
    names = views.actors["name"]
    parent = actor["parent_id"]
    belongs = f"{names[parent]} ({parent})" if pd.notna(parent) else "— (none recorded)"
    members = views.actors[views.actors["parent_id"] == actor_id]
    country = "— (none recorded: an international actor, or not known)"
    if pd.notna(actor["country"]):
        country = views.countries.get(actor["country"], actor["country"])
    source_id = actor["source_id"]
    source = views.sources.loc[source_id] if source_id in views.sources.index else None
    introduced = html_text(source_id)
    if source is not None:
        introduced = (
            f"{html_text(source['publisher'])}, “{html_text(source['title'])}”, "
            f"{html_text(source['published_text'])} ({html_text(source_id)})"
        )
    rows = [
        (
            "Kind",
            f"{html_text(kind_words(actor['kind']))} (<code>{html_text(actor['kind'])}</code>)",
        ),
        ("Country", html_text(country)),
        ("Belongs to", html_text(belongs)),
        ("Description", html_text(actor["description"])),
        ("Introduced by", introduced),
    ]
    if len(members):
        listed = ", ".join(sorted(members["name"], key=str.casefold))
        rows.insert(3, ("Actors belonging to it", html_text(listed)))
    return (
        f"<h3>{html_text(actor['name'])} <small>({html_text(actor_id)})</small></h3>"
        + field_table(rows)
    )


def _events(views: ActorViews, actor_id: str) -> str:
    rows = _with_evidence(views.participations[views.participations["actor_id"] == actor_id])
    rows = rows.assign(
        role=rows["role"].str.replace("_", " "), date=rows["date_text"].fillna("no date given")
    )
    table = _capped(
        rows,
        ["role", "title", "event_id", "date", "status", "evidence", "source"],
        ["Role", "Event", "Event id", "Date (as written)", "Status", "Quote or note", "Source"],
        "It takes part in no event in this data.",
    )
    return f"<h4>Events it takes part in ({len(rows)})</h4>{table}"


def _claims(views: ActorViews, actor_id: str) -> str:
    claims = views.claims
    made = _with_evidence(claims[claims["claimant_id"] == actor_id])
    about = _with_evidence(claims[(claims["subject_actor_id"] == actor_id).fillna(False)])
    columns = ["statement", "stance", "directness", "evidence", "source", "claim_id"]
    headers = ["Proposition", "Stance", "How directly", "Quote or note", "Source", "Claim"]
    made_table = _capped(made, columns, headers, "It makes no claim in this data.")
    about_table = _capped(
        about,
        ["claimant", *columns],
        ["Claimant", *headers],
        "No claim in this data is mainly about it.",
    )
    return (
        f"<h4>Claims it makes ({len(made)})</h4>{made_table}"
        f"<h4>Claims about it ({len(about)})</h4>{about_table}"
    )


def render_actor(
    views: ActorViews, kind: str, country: str, actor: str | None, show: str = ALL
) -> str:
    """The explorer's HTML for the chosen filters and actor, every data value escaped."""
    matching = matching_actors(views, kind, country, show)
    if matching.empty:
        kind_text = "any kind" if kind == ALL else f"the kind “{kind.replace('_', ' ')}”"
        country_text = {ALL: "any country", NO_COUNTRY: "no country"}.get(
            country, f"the country “{views.countries.get(country, country)}”"
        )
        among = " among the actors who act in the article" if show == IN_ARTICLE else ""
        return (
            f"<p><em>No actor in this data has {html_text(kind_text)} and "
            f"{html_text(country_text)}{among}. Set one of the filters back to “all”.</em></p>"
        )
    if actor is None or actor not in matching.index:
        return f"<p><em>Choose one of the {len(matching)} matching actors.</em></p>"
    return _profile(views, actor) + _events(views, actor) + _claims(views, actor)


def actor_explorer(
    ds: Dataset | None = None,
    actor: str | None = None,
    network: bool = True,
    show: str = IN_ARTICLE,
) -> LessonWidget:
    """Filters (which actors, kind, country), an actor picker whose choices follow the filters,
    and the view of the chosen actor; with ``network``, an image of the actor's reported links.

    ``actor``: the actor shown first (default: the first by name); ``show``: ``"article"``
    (the default) lists the actors who act in the primary article, ``"all"`` every actor.
    """
    ds = ds if ds is not None else load_dataset()
    views = _views(ds)
    kinds = [k for k in ds.actors["kind"].cat.categories if (views.actors["kind"] == k).any()]
    kind_options = [("all kinds", ALL)] + [(k.replace("_", " "), k) for k in kinds]
    country_options = [("all countries", ALL)] + [(v, k) for k, v in views.countries.items()]
    if views.actors["country"].isna().any():
        country_options.append(("no country (international or unknown)", NO_COUNTRY))
    kind = widgets.Dropdown(options=kind_options, value=ALL, description="Kind")
    country = widgets.Dropdown(options=country_options, value=ALL, description="Country")
    among = widgets.Dropdown(
        options=[("actors who act in the article", IN_ARTICLE), ("all actors", ALL)],
        value=show,
        description="Show",
    )
    picker = widgets.Dropdown(description="Actor")

    def update_choices(change: object = None) -> None:
        matching = matching_actors(views, kind.value, country.value, among.value)
        current = picker.value
        picker.options = list(zip(matching["name"], matching.index, strict=True))
        if current in matching.index:
            picker.value = current
        elif len(matching):
            picker.value = matching.index[0]

    if actor is not None and show == IN_ARTICLE and actor not in views.in_article:
        among.value = ALL  # an actor who does not act in the article: list every actor
    update_choices()
    if actor is not None:
        picker.value = actor
    among.observe(update_choices, names="value")
    kind.observe(update_choices, names="value")
    country.observe(update_choices, names="value")

    images: dict[str, str] = {}

    def image(show: str, kind: str, country: str, actor: str | None) -> str:
        if actor is None:
            return ""
        if actor not in images:
            images[actor] = network_chart(ds, focus=actor, max_nodes=25).img_html()
        return images[actor]

    return LessonWidget(
        {"show": among, "kind": kind, "country": country, "actor": picker},
        render=lambda show, kind, country, actor: render_actor(views, kind, country, actor, show),
        image=image if network else None,
        title="Actor explorer",
    )
