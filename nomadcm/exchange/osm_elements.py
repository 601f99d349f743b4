"""The elements of an OpenStreetMap extract, read as records: GeoJSON features (osmtogeojson, Overpass
Turbo's export, a NomadCM export) and Overpass JSON elements, each with its OSM id, tags and one position.

A way or a polygon is placed at its centre; a malformed element becomes a `PositionedError` naming it, so
`osm.read_osm_file` can list every bad element of a file at once. `OsmExtract` reads a file as a stream, one
feature or element at a time (exchange/json_stream.py: bounded memory, and any JSON that is not plain data
— NaN, unpaired surrogates, deep nesting — refused as a `PlaceFileError`).
"""

from __future__ import annotations

import contextlib
import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from nomadcm.exchange.json_stream import JsonFileError, JsonStream
from nomadcm.exchange.places_io import PlaceFileError, PositionedError

_OSM_ID = re.compile(r"^(node|way|relation)/(\d+)$")


@dataclass
class OsmRecord:
    position: str
    osm_id: str | None
    tags: dict[str, str]
    lat: float | None
    lon: float | None
    meta: dict[str, Any] | None = None


class _BadRecord(Exception):
    pass


def _tags(raw: Any, where: str) -> dict[str, str]:
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise _BadRecord(f"{where} is not an object of tags")
    tags: dict[str, str] = {}
    for key, value in raw.items():
        if isinstance(value, bool):
            tags[str(key)] = "yes" if value else "no"
        elif isinstance(value, (str, int, float)):
            tags[str(key)] = str(value)
        # nested values are not OSM tags (tool metadata): left out
    return tags


def _coord(lat: Any, lon: Any) -> tuple[float, float]:
    if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (lat, lon)):
        raise _BadRecord(f"coordinates {lat!r}, {lon!r} are not numbers")
    if not (-90 <= lat <= 90 and -180 <= lon <= 180) or not (math.isfinite(lat) and math.isfinite(lon)):
        raise _BadRecord(f"coordinates {lat}, {lon} are out of range")
    return float(lat), float(lon)


def _mean(points: list[tuple[float, float]]) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def geojson_records(features: Iterable[Any]) -> Iterator[OsmRecord | PositionedError]:
    for n, feature in enumerate(features, 1):
        yield feature_record(n, feature)


def feature_record(n: int, feature: Any) -> OsmRecord | PositionedError:
    """The record of the `n`th feature, or the error naming it."""
    position = f"feature {n}"
    try:
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            raise _BadRecord("is not a GeoJSON Feature")
        props = feature.get("properties") or {}
        if not isinstance(props, dict):
            raise _BadRecord("properties is not an object")
        osm_id = _geojson_osm_id(feature, props)
        if osm_id:
            position = f"feature {n} ({osm_id})"
        if isinstance(props.get("tags"), dict):  # old osmtogeojson: {"type", "id", "tags", "meta"}
            tags = _tags(props["tags"], "tags")
        else:
            tags = _tags(
                {k: v for k, v in props.items() if not k.startswith("@") and k != "nomadcm"}, "properties"
            )
        meta = props.get("nomadcm")
        if meta is not None and not isinstance(meta, dict):
            raise _BadRecord("'nomadcm' is not an object")
        lat, lon = _geometry_point(feature.get("geometry"))
        return OsmRecord(position, osm_id, tags, lat, lon, meta)
    except _BadRecord as err:
        return PositionedError(position, str(err))


def _geojson_osm_id(feature: dict[str, Any], props: dict[str, Any]) -> str | None:
    for candidate in (feature.get("id"), props.get("@id")):
        if isinstance(candidate, str) and _OSM_ID.match(candidate.strip()):
            return candidate.strip()
    kind, number = props.get("type"), props.get("id")
    if kind in ("node", "way", "relation") and isinstance(number, int):
        return f"{kind}/{number}"
    return None


def _geometry_point(geometry: Any) -> tuple[float | None, float | None]:
    if geometry is None:
        return None, None
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise _BadRecord("geometry is not a GeoJSON geometry")
    points = list(_positions(geometry.get("coordinates"), geometry["type"]))
    if geometry["type"] in ("Polygon", "MultiPolygon"):
        points = list(dict.fromkeys(points))  # a ring repeats its first vertex
    if not points:
        raise _BadRecord(f"{geometry['type']} geometry has no coordinates")
    return _mean(points)


def _positions(coords: Any, kind: str) -> Iterator[tuple[float, float]]:
    depth = {
        "Point": 0,
        "MultiPoint": 1,
        "LineString": 1,
        "MultiLineString": 2,
        "Polygon": 2,
        "MultiPolygon": 3,
    }
    if not isinstance(kind, str) or kind not in depth:
        raise _BadRecord(f"geometry type {kind!r} is not supported")
    if kind == "Polygon":
        coords = coords[:1] if isinstance(coords, list) else coords  # the outer ring
    if kind == "MultiPolygon" and isinstance(coords, list):
        coords = [poly[:1] for poly in coords if isinstance(poly, list)]

    def walk(value: Any, level: int) -> Iterator[tuple[float, float]]:
        if not isinstance(value, list):
            raise _BadRecord(f"{kind} coordinates are malformed")
        if level == 0:
            if len(value) < 2:
                raise _BadRecord(f"{kind} position {value!r} needs longitude and latitude")
            yield _coord(value[1], value[0])
            return
        for item in value:
            yield from walk(item, level - 1)

    yield from walk(coords, depth[kind])


def overpass_records(elements: list[Any]) -> Iterator[OsmRecord | PositionedError]:
    nodes: dict[int, tuple[float, float]] = {}
    for el in elements:
        _note_node(el, nodes, None)
    for n, el in enumerate(elements, 1):
        record = element_record(n, el, nodes)
        if record is not None:
            yield record


def _note_node(el: Any, nodes: dict[int, tuple[float, float]], wanted: set[int] | None) -> None:
    """Keeps a node's position (when `wanted` names it): the ways that list it are placed by them."""
    if isinstance(el, dict) and el.get("type") == "node" and _is_id(el.get("id")):
        if wanted is not None and el["id"] not in wanted:
            return
        with contextlib.suppress(_BadRecord):  # reported below if the node is a place
            nodes[el["id"]] = _coord(el.get("lat"), el.get("lon"))


def _is_id(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def element_record(
    n: int, el: Any, nodes: dict[int, tuple[float, float]]
) -> OsmRecord | PositionedError | None:
    """The record of the `n`th element, the error naming it, or None for geometry without tags."""
    position = f"element {n}"
    try:
        if not isinstance(el, dict) or el.get("type") not in ("node", "way", "relation"):
            raise _BadRecord("is not an OSM node, way or relation")
        if not _is_id(el.get("id")):
            raise _BadRecord(f"id {el.get('id')!r} is not a number")
        osm_id = f"{el['type']}/{el['id']}"
        position = f"element {n} ({osm_id})"
        tags = _tags(el.get("tags"), "tags")
        if not tags:
            return None
        lat, lon = _element_point(el, nodes)
        return OsmRecord(position, osm_id, tags, lat, lon)
    except _BadRecord as err:
        return PositionedError(position, str(err))


def _element_point(
    el: dict[str, Any], nodes: dict[int, tuple[float, float]]
) -> tuple[float | None, float | None]:
    if el["type"] == "node":
        return _coord(el.get("lat"), el.get("lon"))
    center = el.get("center")
    if isinstance(center, dict):
        return _coord(center.get("lat"), center.get("lon"))
    geometry = el.get("geometry")
    points = (
        [_coord(p.get("lat"), p.get("lon")) for p in geometry if isinstance(p, dict)]
        if isinstance(geometry, list)
        else []
    )
    if points:
        return _mean(points)
    bounds = el.get("bounds")
    if isinstance(bounds, dict):
        lat1, lon1 = _coord(bounds.get("minlat"), bounds.get("minlon"))
        lat2, lon2 = _coord(bounds.get("maxlat"), bounds.get("maxlon"))
        return (lat1 + lat2) / 2, (lon1 + lon2) / 2
    refs = [nodes[r] for r in _refs(el) if r in nodes]
    if refs:
        return _mean(list(dict.fromkeys(refs)))
    return None, None  # `out tags`: no position in the extract


def _refs(el: dict[str, Any]) -> list[int]:
    """The node ids a way lists (anything else in `nodes` is ignored)."""
    refs = el.get("nodes")
    return [r for r in refs if _is_id(r)] if isinstance(refs, list) else []


# --------------------------------------------------------------------------- a file, as a stream


class OsmExtract:
    """A GeoJSON or Overpass JSON file read as a stream (exchange/json_stream.py), so that a big extract is
    never held whole: a first pass says which format it is (and, for Overpass, which nodes place a way);
    `records()` then reads it again, one feature or element at a time. Overpass JSON lists the nodes of a
    way anywhere in the file, so their positions are gathered by a pass of their own (only those needed)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.source = repr(str(path))
        self.wanted: set[int] = set()  # nodes whose position places a way
        self.collection = False  # GeoJSON: a FeatureCollection, not a single Feature
        try:
            self.kind = self._survey()
        except JsonFileError as err:
            raise PlaceFileError(str(err)) from None

    def _open(self) -> IO[bytes]:
        try:
            return self.path.open("rb")
        except OSError as err:
            raise PlaceFileError(f"cannot read {self.source}: {err.strerror}") from None

    def _stream(self, fh: IO[bytes]) -> JsonStream:
        return JsonStream(fh, self.source, "GeoJSON or Overpass JSON")

    def _survey(self) -> str:
        neither = PlaceFileError(
            f"{self.source} is neither GeoJSON (a FeatureCollection) nor Overpass JSON (with 'elements')"
        )
        elements = False
        kind: Any = None
        features = False
        with self._open() as fh:
            stream = self._stream(fh)
            first = stream.next()
            if first[0] != "start_map":
                stream.skip(first)
                stream.end()
                raise neither
            for key in stream.members():
                event = stream.next()
                if key == "elements" and event[0] == "start_array":
                    elements = True
                    for item in stream.items():
                        el = stream.value(item)
                        if isinstance(el, dict) and el.get("type") != "node" and el.get("tags"):
                            self.wanted.update(_refs(el))
                    continue
                if key == "type":
                    kind = event[1] if event[0] == "string" else None
                elif key == "features":
                    features = event[0] == "start_array"
                stream.skip(event)
            stream.end()
        if elements:
            return "overpass"
        if kind not in ("FeatureCollection", "Feature"):
            raise neither
        if kind == "FeatureCollection" and not features:
            raise PlaceFileError(f"{self.source}: 'features' is not a list")
        self.collection = kind == "FeatureCollection"
        return "geojson"

    def records(self) -> Iterator[OsmRecord | PositionedError]:
        """Every feature or element, in file order (geometry-only elements left out)."""
        try:
            if self.kind == "overpass":
                nodes: dict[int, tuple[float, float]] = {}
                if self.wanted:
                    for el in self._items("elements"):
                        _note_node(el, nodes, self.wanted)
                for n, el in enumerate(self._items("elements"), 1):
                    record = element_record(n, el, nodes)
                    if record is not None:
                        yield record
            elif self.collection:
                for n, feature in enumerate(self._items("features"), 1):
                    yield feature_record(n, feature)
            else:
                yield feature_record(1, self._top(("type", "properties", "geometry", "id")))
        except JsonFileError as err:
            raise PlaceFileError(str(err)) from None

    def _items(self, name: str) -> Iterator[Any]:
        """The items of the top-level array `name`, one at a time."""
        with self._open() as fh:
            stream = self._stream(fh)
            stream.next()
            for key in stream.members():
                event = stream.next()
                if key == name and event[0] == "start_array":
                    for item in stream.items():
                        yield stream.value(item)
                else:
                    stream.skip(event)
            stream.end()

    def _top(self, names: tuple[str, ...]) -> dict[str, Any]:
        """The top-level members `names` (a single Feature)."""
        out: dict[str, Any] = {}
        with self._open() as fh:
            stream = self._stream(fh)
            stream.next()
            for key in stream.members():
                if key in names:
                    out[key] = stream.value()
                else:
                    stream.skip()
            stream.end()
        return out
