"""Country outlines for the locator map: Natural Earth's, shipped in ``data/geo/``.

The GeoJSON file is read as it is (no GIS library needed): one :class:`Outline` per country,
with its ISO code, name and polygons. Natural Earth draws de facto boundaries, which no party
fully accepts where borders are disputed (see ``data/geo/README.md``).

Example:
    >>> [o.iso_a3 for o in country_outlines()][:2]
    ['AFG', 'CHN']
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from pakafghan.datadir import resolve_data_dir

#: The outlines, inside the data folder.
GEO_FILE = Path("geo") / "south_central_asia_50m.geojson"
#: The Afghanistan–Pakistan boundary as the outlines draw it, inside the data folder.
DURAND_FILE = Path("geo") / "durand_line.geojson"


@dataclass(frozen=True)
class Outline:
    """One country's outline: ISO 3166-1 alpha-3 code, name, and polygons (lists of rings)."""

    iso_a3: str
    name: str
    polygons: list[list[list[tuple[float, float]]]]


@dataclass(frozen=True)
class Line:
    """A line of the map (e.g. a boundary): its id, name, the file's note, and its points."""

    line_id: str
    name: str
    note: str
    points: list[tuple[float, float]]


def durand_line(data_dir: str | Path | None = None) -> Line:
    """The Durand Line as ``data/geo/durand_line.geojson`` draws it (Natural Earth's de facto
    Afghanistan–Pakistan boundary; whether it is a border is recorded as claims, not here).

    Example:
        >>> line = durand_line()
        >>> line.name, len(line.points) > 100
        ('Durand Line', True)
    """
    path = resolve_data_dir(data_dir) / DURAND_FILE
    feature = json.loads(path.read_text(encoding="utf-8"))["features"][0]
    props = feature["properties"]
    points = [(float(x), float(y)) for x, y in feature["geometry"]["coordinates"]]
    return Line(str(feature["id"]), str(props["name"]), str(props.get("note", "")), points)


def country_outlines(data_dir: str | Path | None = None) -> list[Outline]:
    """The country outlines shipped in ``data/geo/``, sorted by ISO code.

    Example:
        >>> [o.iso_a3 for o in country_outlines()][:2]
        ['AFG', 'CHN']
    """
    path = resolve_data_dir(data_dir) / GEO_FILE
    features = json.loads(path.read_text(encoding="utf-8"))["features"]
    out = []
    for f in features:
        geometry = f["geometry"]
        polygons = (
            [geometry["coordinates"]]
            if geometry["type"] == "Polygon"
            else list(geometry["coordinates"])
        )
        rings = [[[tuple(p) for p in ring] for ring in poly] for poly in polygons]
        out.append(Outline(f["properties"]["iso_a3"], f["properties"]["name"], rings))
    return sorted(out, key=lambda o: o.iso_a3)
