"""A locator map: Afghanistan and Pakistan among their neighbours, with the places of the data.

Country outlines are Natural Earth's (``data/geo/``, read by :mod:`pakafghan.geo`), drawn as plain
matplotlib patches (no GIS library needed). Afghanistan and Pakistan are filled and named in
bold; neighbours are light grey. Places from ``places.csv`` that fall inside the map are marked,
cities and regions with different markers, and labelled where their labels do not collide.
Natural Earth draws de facto boundaries, which no party fully accepts where borders are
disputed: the map and its alt text say so. The Afghanistan–Pakistan boundary, the Durand Line
(``data/geo/durand_line.geojson``), is drawn with its own dash pattern and named, and the note
under the map says who, in the data's claims, calls it a border and who denies it
(proposition :data:`DURAND_PROPOSITION`).

Example:
    >>> from pakafghan import load_dataset
    >>> chart = locator_map(load_dataset())
    >>> "Kabul" in chart.alt_text and "Natural Earth" in chart.alt_text
    True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence

import numpy as np
import pandas as pd
from matplotlib import patheffects
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import PathPatch
from matplotlib.path import Path as MplPath
from matplotlib.transforms import Bbox

from pakafghan.charts.base import Chart, classroom_style, new_figure
from pakafghan.conflicts import who_gives
from pakafghan.geo import Line, Outline, country_outlines, durand_line
from pakafghan.load import Dataset
from pakafghan.style import FONT, OKABE_ITO
from pakafghan.text import plot_text

#: West, east, south and north edges of the map, in degrees.
EXTENT = (59.5, 78.5, 23.0, 39.5)

#: The two countries of the story: fill colour (drawn translucent) by ISO code.
EMPHASISED = {"AFG": OKABE_ITO["sky_blue"], "PAK": OKABE_ITO["green"]}

CREDIT = "Boundaries: Natural Earth"
BORDER_NOTE = (
    "Disputed borders (e.g. Kashmir) are drawn as Natural Earth draws them, "
    "which no party fully accepts."
)

#: The proposition whose claims say whose position the Durand Line is a border in.
DURAND_PROPOSITION = "pr-durand-line-is-border"
#: How the Durand Line is drawn: a dark dash-dot line over a white casing.
DURAND_STYLE = {
    "color": OKABE_ITO["vermillion"],
    "linewidth": 2.6,
    "linestyle": (0, (7, 2, 1.5, 2)),
}
#: What each stance does to "the Durand Line is the border", in the map's note (plural verbs).
_STANCE_VERBS = {
    "asserts": ("calls it the border", "call it the border"),
    "confirms": ("confirms it is the border", "confirm it is the border"),
    "denies": ("denies that it is a border", "deny that it is a border"),
    "disputes": ("disputes it", "dispute it"),
}

#: Marker by kind of place: cities are filled dots, regions hollow diamonds, venues triangles.
PLACE_MARKERS = {
    "city": {"marker": "o", "filled": True, "label": "city (centre)"},
    "region": {"marker": "D", "filled": False, "label": "region (rough centre)"},
    "venue": {"marker": "^", "filled": True, "label": "venue"},
    "country": {"marker": "s", "filled": False, "label": "country"},
}

_PLURAL = {"city": "cities", "country": "countries"}
_NEIGHBOUR_FILL = "#F2F2F2"
#: Map width in figure inches, and degrees of longitude per typographic point (approximate).
_WIDTH_IN = 9
_DEG_PER_PT = (EXTENT[1] - EXTENT[0]) / (0.9 * _WIDTH_IN * 72)
_HALO = [patheffects.withStroke(linewidth=3, foreground="white")]
#: Where a label may go, relative to its point (points): right, left, above, below.
_LABEL_SPOTS = (
    ((9, 0), "left", "center"),
    ((-9, 0), "right", "center"),
    ((0, 9), "center", "bottom"),
    ((0, -9), "center", "top"),
)


def _path(outline: Outline) -> MplPath:
    vertices, codes = [], []
    for polygon in outline.polygons:
        for ring in polygon:
            vertices += [*ring, ring[0]]
            codes += [MplPath.MOVETO] + [MplPath.LINETO] * (len(ring) - 1) + [MplPath.CLOSEPOLY]
    return MplPath(vertices, codes)


def _in_extent(lon: float, lat: float, extent: tuple[float, float, float, float]) -> bool:
    west, east, south, north = extent
    return west <= lon <= east and south <= lat <= north


def _label_point(
    outline: Outline, extent: tuple[float, float, float, float], label: str, size: float
) -> tuple | None:
    """Where to write a country's name: the point of a quarter-degree grid nearest the centre of
    the country's part on the map around which the label fits inside the country (else ``None``).
    """
    west, east, south, north = extent
    step = 0.25
    grid = np.array(
        [
            (x, y)
            for x in np.arange(west + step, east, step)
            for y in np.arange(south + step, north, step)
        ]
    )
    path = _path(outline)
    inside = grid[path.contains_points(grid)]
    if len(inside) == 0:
        return None
    half_w = 0.3 * size * len(label) * _DEG_PER_PT
    half_h = 0.8 * size * _DEG_PER_PT
    centre = inside.mean(axis=0)
    for x, y in inside[np.argsort(((inside - centre) ** 2).sum(axis=1), kind="stable")]:
        corners = [(x + dx, y + dy) for dx in (-half_w, 0, half_w) for dy in (-half_h, half_h)]
        if (
            all(_in_extent(cx, cy, extent) for cx, cy in corners)
            and path.contains_points(corners).all()
        ):
            return float(x), float(y)
    return None


def _draw_countries(
    ax: Axes, outlines: list[Outline], extent: tuple[float, float, float, float]
) -> list:
    """Draw outlines and country names; return the name labels (to keep place labels off)."""
    names = []
    for outline in outlines:
        emphasised = outline.iso_a3 in EMPHASISED
        ax.add_patch(
            PathPatch(
                _path(outline),
                facecolor=EMPHASISED.get(outline.iso_a3, _NEIGHBOUR_FILL),
                alpha=0.45 if emphasised else 1.0,
                edgecolor="black" if emphasised else OKABE_ITO["grey"],
                linewidth=1.6 if emphasised else 0.8,
                zorder=2 if emphasised else 1,
                gid=f"country:{outline.iso_a3}",
            )
        )
        name = outline.name.upper() if emphasised else outline.name
        size = FONT["title"] if emphasised else FONT["small"]
        point = _label_point(outline, extent, name, size)
        if point is None:
            continue
        names.append(
            ax.text(
                *point,
                plot_text(name),
                ha="center",
                va="center",
                fontsize=size,
                fontweight="bold" if emphasised else "normal",
                fontstyle="normal" if emphasised else "italic",
                color="black" if emphasised else "#555555",
                path_effects=_HALO,
                zorder=3,
                gid=f"country-name:{outline.iso_a3}",
            )
        )
    return names


def _place_labels(ax: Axes, places: pd.DataFrame, occupied: list[Bbox]) -> None:
    """Label each place at the first spot that collides with nothing already drawn."""
    frame = ax.get_window_extent()
    for row in places.itertuples(index=False):
        text = plot_text(textwrap.fill(str(row.name), 16))
        best = None
        for offset, ha, va in _LABEL_SPOTS:
            label = ax.annotate(
                text,
                (row.longitude, row.latitude),
                xytext=offset,
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=FONT["base"],
                path_effects=_HALO,
                zorder=5,
                gid=f"label:{row.place_id}",
            )
            box = label.get_window_extent()
            clash = sum(_overlap(box, other) for other in occupied)
            clash += box.width * box.height - _overlap(box, frame)
            if best is None or clash < best[0]:
                if best is not None:
                    best[1].remove()
                best = (clash, label, box)
            else:
                label.remove()
            if clash == 0:
                break
        occupied.append(best[2])


def _overlap(a: Bbox, b: Bbox) -> float:
    w = min(a.x1, b.x1) - max(a.x0, b.x0)
    h = min(a.y1, b.y1) - max(a.y0, b.y0)
    return max(w, 0.0) * max(h, 0.0)


def _chosen_places(ds: Dataset, places: Sequence[str] | None) -> pd.DataFrame:
    frame = ds.places
    if places is not None:
        unknown = sorted(set(places) - set(frame["place_id"]))
        if unknown:
            raise KeyError(f"no place {', '.join(map(repr, unknown))} in places.csv")
        frame = frame[frame["place_id"].isin(set(places))]
    order = {kind: i for i, kind in enumerate(PLACE_MARKERS)}
    return (
        frame.assign(_kind=frame["kind"].astype(str).map(order), _name=frame["name"].str.lower())
        .sort_values(["_kind", "_name", "place_id"], kind="stable")
        .drop(columns=["_kind", "_name"])
        .reset_index(drop=True)
    )


def durand_note(ds: Dataset) -> str:
    """Who, in the data's claims, calls the Durand Line a border and who denies it (with their
    sources), for the map's note; only that it is contested when the data has no such claims.

    Example:
        >>> from pakafghan import load_dataset
        >>> durand_note(load_dataset()).startswith("Durand Line (dash-dot): the Afghanistan")
        True
    """
    lead = "Durand Line (dash-dot): the Afghanistan–Pakistan boundary as Natural Earth draws it."
    if DURAND_PROPOSITION not in set(ds.propositions["proposition_id"]):
        return f"{lead} Whether it is a border is contested."
    rows = who_gives(ds, DURAND_PROPOSITION)
    parts = []
    for stance, (one, many) in _STANCE_VERBS.items():
        group = rows[rows["stance"] == stance]
        if group.empty:
            continue
        who = [f"{r.claimant} ({r.sources.split(' (')[0]})" for r in group.itertuples()]
        names = who[0] if len(who) == 1 else ", ".join(who[:-1]) + " and " + who[-1]
        parts.append(f"{names} {one if len(who) == 1 else many}")
    if not parts:
        return f"{lead} Whether it is a border is contested."
    return f"{lead} In the data's claims, " + "; ".join(parts) + "."


def _draw_durand(ax: Axes, line: Line) -> Bbox:
    """Draw the line (a white casing under the dash pattern) and name it; return the name's box."""
    xs, ys = zip(*line.points, strict=True)
    ax.plot(xs, ys, color="white", linewidth=DURAND_STYLE["linewidth"] + 2.5, zorder=2.5)
    ax.plot(xs, ys, **DURAND_STYLE, zorder=2.6, gid=f"line:{line.line_id}")
    x, y = line.points[int(len(line.points) * 0.62)]
    label = ax.annotate(
        plot_text(line.name),
        (x, y),
        xytext=(-10, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=FONT["base"],
        fontstyle="italic",
        fontweight="bold",
        color=DURAND_STYLE["color"],
        path_effects=_HALO,
        zorder=5,
        gid=f"line-name:{line.line_id}",
    )
    return label


def _alt_text(shown: pd.DataFrame, outside: pd.DataFrame, durand: str = "") -> str:
    parts = []
    for kind, group in shown.groupby(shown["kind"].astype(str), sort=False):
        names = ", ".join(sorted(group["name"], key=str.casefold))
        noun = kind if len(group) == 1 else _PLURAL.get(kind, f"{kind}s")
        parts.append(f"{len(group)} {noun} ({names})")
    marks = "; ".join(parts) if parts else "no places"
    text = (
        "Locator map of Afghanistan and Pakistan (emphasised) among their neighbours, "
        f"marking {marks}."
    )
    if not outside.empty:
        names = "; ".join(sorted(outside["name"], key=str.casefold))
        text += f" Not marked, as their points lie outside the map: {names}."
    return f"{text} {durand} {BORDER_NOTE}".replace("  ", " ")


def locator_map(ds: Dataset, places: Sequence[str] | None = None) -> Chart:
    """Afghanistan, Pakistan and their neighbours, with ``places`` (ids; default: all) marked.

    Places outside the map's extent are not drawn; the alt text names them.

    Example:
        >>> from pakafghan import load_dataset
        >>> chart = locator_map(load_dataset(), places=["kabul", "islamabad"])
        >>> chart.alt_text.split(".")[0]
        'Locator map of Afghanistan and Pakistan (emphasised) among their neighbours, marking 2 cities (Islamabad, Kabul)'
    """  # noqa: E501
    chosen = _chosen_places(ds, places)
    on_map = [
        _in_extent(x, y, EXTENT)
        for x, y in zip(chosen["longitude"], chosen["latitude"], strict=True)
    ]
    shown, outside = chosen[on_map], chosen[[not v for v in on_map]]
    west, east, south, north = EXTENT
    with classroom_style():
        fig, ax = new_figure(_WIDTH_IN, 9.5)
        names = _draw_countries(ax, country_outlines(ds.data_dir), EXTENT)
        durand = durand_line(ds.data_dir)
        durand_label = _draw_durand(ax, durand)
        note = durand_note(ds)
        for row in shown.itertuples(index=False):
            style = PLACE_MARKERS[str(row.kind)]
            ax.plot(
                row.longitude,
                row.latitude,
                linestyle="none",
                marker=style["marker"],
                markersize=10,
                markerfacecolor="black" if style["filled"] else "white",
                markeredgecolor="black",
                markeredgewidth=2,
                zorder=4,
                gid=f"place:{row.place_id}",
            )
        kinds = [k for k in PLACE_MARKERS if k in set(shown["kind"].astype(str))]
        handles = [
            Line2D(
                [],
                [],
                linestyle="none",
                marker=PLACE_MARKERS[k]["marker"],
                markersize=10,
                markerfacecolor="black" if PLACE_MARKERS[k]["filled"] else "white",
                markeredgecolor="black",
                markeredgewidth=2,
                label=PLACE_MARKERS[k]["label"],
            )
            for k in kinds
        ]
        handles.append(Line2D([], [], **DURAND_STYLE, label=f"{durand.name} (see the note)"))
        ax.legend(handles=handles, loc="lower right", framealpha=0.95)
        ax.set_xlim(west, east)
        ax.set_ylim(south, north)
        ax.set_aspect(1 / math.cos(math.radians((south + north) / 2)))
        ax.set_xticks([])
        ax.set_yticks([])
        for side in ("top", "right", "bottom", "left"):
            ax.spines[side].set_visible(True)
        ax.set_title("Afghanistan, Pakistan and the places in the data")
        ax.text(
            0,
            -0.015,
            textwrap.fill(f"{CREDIT}. {note} {BORDER_NOTE} Points are approximate.", 95),
            transform=ax.transAxes,
            ha="left",
            va="top",
            fontsize=FONT["small"],
            gid="note",
        )
        fig.draw_without_rendering()
        fig.set_layout_engine("none")  # freeze the layout: redrawing would shift it slightly
        occupied = [t.get_window_extent() for t in [*names, durand_label]]
        occupied += [
            Bbox.from_extents(x - 7, y - 7, x + 7, y + 7)
            for x, y in ax.transData.transform(
                shown[["longitude", "latitude"]].to_numpy(dtype=float)
            )
        ]
        occupied.append(ax.get_legend().get_window_extent())
        _place_labels(ax, shown, occupied)
    return Chart(fig, _alt_text(shown, outside, note))
