"""Country outlines read from the data folder's GeoJSON, without a GIS library."""

from __future__ import annotations

import json

from pakafghan.datadir import BUNDLED_DATA_DIR
from pakafghan.geo import DURAND_FILE, GEO_FILE, Line, Outline, country_outlines, durand_line


def test_outlines_are_the_shipped_countries_sorted_by_code():
    outlines = country_outlines()
    codes = [o.iso_a3 for o in outlines]
    assert codes == sorted(codes)
    assert {"AFG", "PAK", "IRN", "CHN", "IND"} <= set(codes)
    features = json.loads((BUNDLED_DATA_DIR / GEO_FILE).read_text(encoding="utf-8"))["features"]
    assert len(outlines) == len(features)
    by_code = {o.iso_a3: o for o in outlines}
    assert by_code["PAK"].name == "Pakistan"
    assert isinstance(by_code["AFG"], Outline)


def test_every_outline_is_polygons_of_closed_rings_of_points():
    for outline in country_outlines():
        assert outline.polygons, outline.iso_a3
        for polygon in outline.polygons:
            for ring in polygon:
                assert len(ring) >= 4
                assert all(isinstance(p, tuple) and len(p) == 2 for p in ring)
                assert ring[0] == ring[-1]


def test_a_polygon_and_a_multipolygon_read_alike(data_copy):
    path = data_copy.path / GEO_FILE
    square = [[[60.0, 30.0], [61.0, 30.0], [61.0, 31.0], [60.0, 31.0], [60.0, 30.0]]]
    geo = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "properties": {"iso_a3": "ZZB", "name": "Many"},
                "geometry": {"type": "MultiPolygon", "coordinates": [square, square]},
            },
            {
                "type": "Feature",
                "properties": {"iso_a3": "ZZA", "name": "One"},
                "geometry": {"type": "Polygon", "coordinates": square},
            },
        ],
    }
    path.write_text(json.dumps(geo), encoding="utf-8")
    one, many = country_outlines(data_copy.path)
    assert (one.iso_a3, one.name, many.iso_a3) == ("ZZA", "One", "ZZB")
    ring = [tuple(p) for p in square[0]]
    assert one.polygons == [[ring]]
    assert many.polygons == [[ring], [ring]]


def test_the_durand_line_is_the_boundary_the_two_outlines_share():
    line = durand_line()
    assert isinstance(line, Line) and line.line_id == "durand-line"
    assert line.name == "Durand Line" and "contested" in line.note
    outlines = {o.iso_a3: o for o in country_outlines()}
    corners = {
        code: {p for polygon in outlines[code].polygons for ring in polygon for p in ring}
        for code in ("AFG", "PAK")
    }
    assert set(line.points) <= corners["AFG"] & corners["PAK"]
    assert len(line.points) > 100


def test_the_durand_line_is_read_from_the_data_folder(data_copy):
    path = data_copy.path / DURAND_FILE
    geo = {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": "a-line",
                "properties": {"name": "A line"},
                "geometry": {"type": "LineString", "coordinates": [[60, 30], [61, 31]]},
            }
        ],
    }
    path.write_text(json.dumps(geo), encoding="utf-8")
    line = durand_line(data_copy.path)
    assert (line.line_id, line.name, line.note, line.points) == (
        "a-line",
        "A line",
        "",
        [(60.0, 30.0), (61.0, 31.0)],
    )
