"""A network of reported relations: who meets, hosts, accuses or criticises whom.

The links are those of :mod:`pakafghan.relations` (every one from a row of the data; an event
that did not take place gives none, and a denial is not a link). Kinds of link differ in colour
*and* line style; a link that rests only on planned events is drawn grey and thinner, with its
kind's line style; an actor's marker shape shows its kind; labels are kept apart so they stay
readable on a projector.

Example:
    >>> from pakafghan import load_dataset
    >>> from pakafghan.select import article_only
    >>> chart = network_chart(article_only(load_dataset()))
    >>> chart.alt_text.startswith("A network of")
    True
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import FancyArrowPatch

from pakafghan.charts.base import Chart, classroom_style, new_figure
from pakafghan.load import Dataset
from pakafghan.relations import RELATIONS, links_graph, raw_relations
from pakafghan.style import FONT, OKABE_ITO
from pakafghan.text import plot_text, plural
from pakafghan.views import actor_names

if TYPE_CHECKING:  # networkx is imported when a graph is built: lessons without one skip it
    import networkx as nx

#: How each kind of link (:data:`pakafghan.relations.RELATIONS`) is drawn.
RELATION_STYLE = {
    "meets": {"color": OKABE_ITO["blue"], "linestyle": "-"},
    "hosts": {"color": OKABE_ITO["green"], "linestyle": "--"},
    "accuses": {"color": OKABE_ITO["orange"], "linestyle": "-."},
    "criticises": {"color": OKABE_ITO["purple"], "linestyle": ":"},
}
#: How a link that rests only on planned events differs: grey and thinner (its kind's dashes).
PLANNED_STYLE = {"color": OKABE_ITO["grey"], "linewidth": 1.3}
_LINE_W = 2.2

#: Marker shape for each kind of actor (colour is kept for the kinds of link).
KIND_MARKER = {
    "state": "s",
    "de_facto_authority": "D",
    "government_body": "p",
    "official": "o",
    "person": "P",
    "armed_group": "^",
    "opposition_movement": "v",
    "organisation": "h",
    "international_organisation": "*",
    "media_outlet": ">",
    "collective": "X",
    "observers": "$?$",
}

# Geometry of the drawing, in points: the axes box is fixed so labels can be kept apart.
_FIG_W, _FIG_H = 12.0, 8.0
_AXES = (0.01, 0.01, 0.70, 0.91)
_BOX_W, _BOX_H = _AXES[2] * _FIG_W * 72, _AXES[3] * _FIG_H * 72
_MARKER_R = 10.0
_LABEL_GAP = 4.0
_CHAR_W, _LINE_H = 0.62 * FONT["base"], 1.25 * FONT["base"]


def short_name(name: str, width: int = 16) -> str:
    """A short label for a chart: an acronym in brackets wins, long names wrap onto two lines.

    Example:
        >>> short_name("National Resistance Front of Afghanistan (NRF)")
        'NRF'
        >>> short_name("Some observers (unnamed)")
        'Some observers'
        >>> short_name("Afghan political figures in exile and abroad")
        'Afghan political\\nfigures in…'
    """
    base, _, rest = str(name).partition(" (")
    inner = rest.rstrip(")")
    if inner and " " not in inner and inner.upper() == inner and len(inner) <= 8:
        return inner
    return textwrap.fill(base, width=width, max_lines=2, placeholder="…")


def _degrees(links: pd.DataFrame) -> pd.Series:
    """Links per actor (each distinct pair and kind once), most connected first."""
    ends = pd.concat([links["source"], links["target"]], ignore_index=True)
    counts = ends.value_counts().rename_axis("actor").reset_index(name="links")
    counts = counts.sort_values(["links", "actor"], ascending=[False, True])
    return pd.Series(counts["links"].to_numpy(), index=counts["actor"].to_numpy(), name="links")


def _label_boxes(labels: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Width and height (points) of each box holding a node and the label under it."""
    lines = [label.split("\n") for label in labels]
    width = np.array([max(2 * _MARKER_R, _CHAR_W * max(map(len, ls))) for ls in lines]) + 6
    height = np.array([2 * _MARKER_R + _LABEL_GAP + _LINE_H * len(ls) for ls in lines]) + 4
    return width, height


def _spread(centres: np.ndarray, width: np.ndarray, height: np.ndarray) -> np.ndarray:
    """Push overlapping boxes apart (deterministically), keeping them inside the axes box."""
    xy = centres.copy()
    n = len(xy)
    order = np.sign(np.arange(n)[:, None] - np.arange(n)[None, :])
    lo_x, hi_x = width / 2, _BOX_W - width / 2
    lo_y, hi_y = height / 2, _BOX_H - height / 2
    for _ in range(200):
        dx = xy[:, 0][:, None] - xy[:, 0][None, :]
        dy = xy[:, 1][:, None] - xy[:, 1][None, :]
        over_x = (width[:, None] + width[None, :]) / 2 - np.abs(dx)
        over_y = (height[:, None] + height[None, :]) / 2 - np.abs(dy)
        clash = (over_x > 0) & (over_y > 0)
        np.fill_diagonal(clash, False)
        if not clash.any():
            break
        sx = np.where(dx == 0, order, np.sign(dx))
        sy = np.where(dy == 0, order, np.sign(dy))
        along_x = clash & (over_x / width[:, None] < over_y / height[:, None])
        xy[:, 0] += np.where(along_x, sx * over_x, 0).sum(axis=1) * 0.3
        xy[:, 1] += np.where(clash & ~along_x, sy * over_y, 0).sum(axis=1) * 0.3
        xy[:, 0] = np.clip(xy[:, 0], lo_x, hi_x)
        xy[:, 1] = np.clip(xy[:, 1], lo_y, hi_y)
    return xy


_CENTRE = ("centre",)  # a hidden node that pulls every actor gently towards the middle


def _layout(graph: nx.MultiDiGraph, seed: int) -> dict[str, np.ndarray]:
    """Node positions in points inside the axes box: a spring layout (with a weak pull to the
    centre, so separate groups stay close), then the labels' boxes pushed apart."""
    nodes = sorted(graph.nodes)
    import networkx as nx

    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from(sorted({tuple(sorted((u, v))) for u, v in graph.edges()}), weight=1.0)
    simple.add_edges_from(((_CENTRE, n) for n in nodes), weight=0.5)
    raw = nx.spring_layout(simple, k=1.6 / np.sqrt(len(simple)), seed=seed, iterations=100)
    width, height = _label_boxes([graph.nodes[n]["label"] for n in nodes])
    points = np.array([raw[n] for n in nodes])
    span = np.ptp(points, axis=0)
    span[span == 0] = 1
    unit = (points - points.min(axis=0)) / span
    margin = np.array([width.max(), height.max()]) / 2
    centres = margin + unit * (np.array([_BOX_W, _BOX_H]) - 2 * margin)
    # A box spans the marker and the label below it; its centre lies below the node.
    drop = height / 2 - _MARKER_R - 2
    centres[:, 1] -= drop
    spread = _spread(centres, width, height)
    spread[:, 1] += drop
    return {n: spread[i] for i, n in enumerate(nodes)}


def _draw_edges(ax: Axes, graph: nx.MultiDiGraph, pos: dict[str, np.ndarray]) -> None:
    by_pair: dict[tuple[str, str], list[tuple[str, str, str]]] = {}
    for u, v, kind in graph.edges(keys=True):
        by_pair.setdefault(tuple(sorted((u, v))), []).append((u, v, kind))
    order = list(RELATIONS)
    for pair in sorted(by_pair):
        edges = sorted(by_pair[pair], key=lambda e: (order.index(e[2]), e[0]))
        n = len(edges)
        for i, (u, v, kind) in enumerate(edges):
            rad = 0.0 if n == 1 else 0.35 * (i / (n - 1) - 0.5)
            if (u, v) != pair:
                rad = -rad
            planned = bool(graph.edges[u, v, kind].get("planned", False))
            ax.add_artist(_arrow(pos[u], pos[v], rad, kind, planned))


def _arrow(
    start: np.ndarray, end: np.ndarray, rad: float, kind: str, planned: bool = False
) -> FancyArrowPatch:
    """A link from marker edge to marker edge (shortened here: matplotlib's shrinking is slow)."""
    step = end - start
    length = float(np.hypot(*step))
    gap = _MARKER_R + 2
    if length > 2 * gap:
        start, end = start + step * gap / length, end - step * gap / length
    return FancyArrowPatch(
        start,
        end,
        arrowstyle="-|>" if RELATIONS[kind]["directed"] else "-",
        connectionstyle=f"arc3,rad={rad:.3f}",
        mutation_scale=18,
        shrinkA=0,
        shrinkB=0,
        color=PLANNED_STYLE["color"] if planned else RELATION_STYLE[kind]["color"],
        linestyle=RELATION_STYLE[kind]["linestyle"],
        linewidth=PLANNED_STYLE["linewidth"] if planned else _LINE_W,
        zorder=1 if planned else 2,
    )


def _draw_nodes(
    ax: Axes, graph: nx.MultiDiGraph, pos: dict[str, np.ndarray], focus: str | None
) -> list[str]:
    kinds = sorted({graph.nodes[n]["kind"] for n in graph.nodes}, key=list(KIND_MARKER).index)
    for kind in kinds:
        nodes = sorted(n for n in graph.nodes if graph.nodes[n]["kind"] == kind)
        xy = np.array([pos[n] for n in nodes])
        widths = [3.5 if n == focus else 1.6 for n in nodes]
        ax.scatter(
            xy[:, 0],
            xy[:, 1],
            s=(2 * _MARKER_R) ** 2,
            marker=KIND_MARKER[kind],
            facecolor="white",
            edgecolor=OKABE_ITO["black"],
            linewidths=widths,
            zorder=3,
        )
    for n in sorted(graph.nodes):
        ax.annotate(
            plot_text(graph.nodes[n]["label"]),
            xy=pos[n],
            xytext=(0, -(_MARKER_R + _LABEL_GAP)),
            textcoords="offset points",
            ha="center",
            va="top",
            fontsize=FONT["base"],
            fontweight="bold" if n == focus else "normal",
            linespacing=1.0,
            bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.75},
            zorder=4,
        )
    return kinds


def _legends(
    ax: Axes, kinds_of_links: list[str], kinds_of_actors: list[str], planned: bool = False
) -> None:
    link_handles = [
        Line2D(
            [],
            [],
            color=RELATION_STYLE[k]["color"],
            linestyle=RELATION_STYLE[k]["linestyle"],
            linewidth=_LINE_W,
            label=RELATIONS[k]["label"] + (" →" if RELATIONS[k]["directed"] else ""),
        )
        for k in kinds_of_links
    ]
    if planned:
        link_handles.append(
            Line2D(
                [],
                [],
                color=PLANNED_STYLE["color"],
                linestyle="--",
                linewidth=PLANNED_STYLE["linewidth"],
                label="grey, thin: only planned\n(not held when reported)",
            )
        )
    actor_handles = [
        Line2D(
            [],
            [],
            linestyle="none",
            marker=KIND_MARKER[k],
            markersize=11,
            markerfacecolor="white",
            markeredgecolor=OKABE_ITO["black"],
            label=k.replace("_", " "),
        )
        for k in kinds_of_actors
    ]
    first = ax.legend(
        handles=link_handles,
        title="Links, as reported",
        loc="upper left",
        bbox_to_anchor=(1.0, 1.0),
        frameon=False,
        handlelength=3.2,
    )
    ax.add_artist(first)
    ax.legend(
        handles=actor_handles,
        title="Actors (shape = kind)",
        loc="lower left",
        bbox_to_anchor=(1.0, 0.0),
        frameon=False,
    )


def _breakdown(links: pd.DataFrame) -> str:
    counts = links["kind"].value_counts()
    return ", ".join(f"{k} {counts[k]:,}" for k in RELATIONS if k in counts)


def _most_connected(degrees: pd.Series, names: dict[str, str], top: int = 3) -> str:
    parts = [f"{names[a]} ({plural(degrees[a], 'link')})" for a in degrees.index[:top]]
    if len(parts) > 1:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return parts[0]


def _chosen(
    links: pd.DataFrame, focus: str | None, max_nodes: int, max_links: int
) -> tuple[pd.Series, list[str], pd.DataFrame, pd.DataFrame]:
    """Degrees of the linked actors, the actors to draw, the links among them, and the links
    drawn (the most reported first)."""
    if focus is not None:
        links = links[(links["source"] == focus) | (links["target"] == focus)]
    degrees = _degrees(links)
    ranked = list(degrees.index)
    if focus is not None and ranked:
        ranked = [focus, *(a for a in ranked if a != focus)]
    keep = ranked[:max_nodes]
    among = links[links["source"].isin(set(keep)) & links["target"].isin(set(keep))]
    ranked_links = among.sort_values(
        ["count", "source", "target", "kind"], ascending=[False, True, True, True]
    ).reset_index(drop=True)
    # Every drawn actor keeps its most reported link; the most reported others fill up the rest.
    ends = pd.concat([ranked_links["source"], ranked_links["target"]]).sort_index(kind="stable")
    best = set(ends[~ends.duplicated()].index)
    rest = [i for i in range(len(ranked_links)) if i not in best]
    chosen = sorted([*sorted(best), *rest][: max(max_links, len(best))])
    return degrees, keep, among, ranked_links.loc[chosen]


def _alt_text(
    degrees: pd.Series,
    keep: list[str],
    among: pd.DataFrame,
    drawn: pd.DataFrame,
    names: dict[str, str],
    focus: str | None,
) -> str:
    if among.empty:
        whose = f"for {names[focus]}" if focus is not None else "between actors"
        return f"No reported links {whose} in this selection."
    if focus is not None:
        others = degrees.drop(focus)
        partners = f"{len(keep) - 1} other actors"
        if len(keep) < len(degrees):
            partners = f"the {len(keep) - 1} most connected of its {len(others)} linked actors"
        first = f"{names[focus]}'s reported links: {plural(len(among), 'link')} with {partners}"
        second = f"The most linked to it are {_most_connected(others, names)}."
    else:
        first = f"A network of {len(keep)} actors joined by {plural(len(among), 'link')}"
        if len(keep) < len(degrees):
            first = (
                f"The {len(keep)} most connected of {len(degrees):,} linked actors (the others "
                f"are left out), joined by {plural(len(among), 'link')}"
            )
        second = f"The most connected are {_most_connected(degrees, names)}."
    first += f" ({_breakdown(among)})"
    if len(drawn) < len(among):
        first += f"; only {len(drawn)} of them are drawn, favouring the most often reported"
    planned = int(drawn["planned"].sum()) if "planned" in drawn else 0
    if planned:
        first += (
            f"; {plural(planned, 'drawn link')} {'rests' if planned == 1 else 'rest'} only on "
            "planned events (grey, thinner)"
        )
    return f"{first}. {second}"


def _title(degrees: pd.Series, keep: list[str], names: dict[str, str], focus: str | None) -> str:
    if focus is not None:
        return f"Reported links of {plot_text(names[focus])}"
    title = "Who meets, hosts, accuses or criticises whom"
    if len(keep) < len(degrees):
        title += f" ({len(keep)} most connected actors)"
    return title


def network_chart(
    ds: Dataset,
    relations: Iterable[str] | None = None,
    max_nodes: int = 40,
    seed: int = 2025,
    focus: str | None = None,
    max_links: int = 150,
) -> Chart:
    """Who meets, hosts, accuses or criticises whom (rules: :mod:`pakafghan.relations`).

    ``relations``: kinds of link to draw (default all, see :data:`pakafghan.relations.RELATIONS`);
    ``max_nodes``: draw only that many actors, the most connected, and ``max_links``: at most
    that many links, the most often reported (the alt text says when either trims the data);
    ``seed``: fixes the layout; ``focus``: an ``actor_id`` whose own links only are drawn (its
    ego network). Links differ in colour *and* line style; one resting only on planned events
    is grey and thinner; an actor's shape shows its kind.

    Example:
        >>> from pakafghan import load_dataset
        >>> chart = network_chart(load_dataset(), focus="khalilzad")
        >>> chart.alt_text.split(":")[0]
        "Zalmay Khalilzad's reported links"
    """
    actors = ds.actors[["actor_id", "name", "kind"]].astype(object)
    names = actor_names(ds)
    if focus is not None and focus not in names:
        raise KeyError(f"no actor {focus!r} in the data")
    raw = raw_relations(ds, relations)
    links = raw.groupby(["source", "target", "kind"], sort=False).agg(
        count=("record_id", "size"), planned=("planned", "all")
    )
    links = links.reset_index()
    degrees, keep, among, drawn = _chosen(links, focus, max_nodes, max_links)
    graph = links_graph(drawn, actors[actors["actor_id"].isin(set(keep))])
    for attributes in graph.nodes.values():
        attributes["label"] = short_name(attributes["name"])
    alt = _alt_text(degrees, keep, among, drawn, names, focus)

    with classroom_style():
        fig, ax = new_figure(_FIG_W, _FIG_H)
        fig.set_layout_engine("none")
        ax.set_position(_AXES)
        ax.set_xlim(0, _BOX_W)
        ax.set_ylim(0, _BOX_H)
        ax.set_axis_off()
        ax.set_title(_title(degrees, keep, names, focus), loc="left")
        if graph.number_of_nodes() == 0:
            ax.text(_BOX_W / 2, _BOX_H / 2, plot_text(alt), ha="center", va="center")
            return Chart(fig, alt)
        pos = _layout(graph, seed)
        _draw_edges(ax, graph, pos)
        kinds_of_actors = _draw_nodes(ax, graph, pos, focus)
        kinds_of_links = [k for k in RELATIONS if k in set(drawn["kind"])]
        _legends(ax, kinds_of_links, kinds_of_actors, planned=bool(drawn["planned"].any()))
    return Chart(fig, alt)
