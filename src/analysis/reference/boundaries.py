"""Boundaries of the 34 current units, dissolved from Natural Earth's 63 legacy provinces.

    python -m analysis.reference.boundaries extract GPKG   # once: Vietnam's rows of the source
    python -m analysis.reference.boundaries                 # dissolve: write the 34 units

Source: Natural Earth 1:10m "Admin 1 - States, Provinces" v4.1.0 (public domain), as generalised
and shipped by QGIS in `world_map.gpkg` (Debian package `qgis-common`,
/usr/share/qgis/resources/data/world_map.gpkg). `extract` keeps Vietnam's 63 provinces and the two
archipelagos from it in data/reference/sources/natural_earth_vietnam.geojson (committed, so the
dissolve needs no Debian package). The dissolve unions each current unit's legacy provinces (by
data/reference/crosswalk.csv) and writes data/reference/boundaries_2025.geojson and adjacency.csv.
Reading those needs no geometry library: `load_boundaries()` returns plain tuples of rings.
"""

from __future__ import annotations

import csv
import functools
import json
import os
import sqlite3
import struct
import sys
from dataclasses import dataclass
from pathlib import Path

SOURCE_NAME = "natural_earth_vietnam.geojson"
OUTPUT_NAME = "boundaries_2025.geojson"
ADJACENCY_NAME = "adjacency.csv"
DIGITS = 3  # ~100 m: far finer than a page shows, and keeps the file small
GRID = 10 ** -DIGITS
SIMPLIFY = 0.004  # degrees (~400 m): a fifth of a pixel on the national map
ARCHIPELAGOS = {  # Natural Earth name -> (label, the current unit it belongs to)
    "Paracel Islands": ("Hoàng Sa", "da-nang"),
    "Spratly Islands": ("Trường Sa", "khanh-hoa"),
}
# Natural Earth rows whose `name` is a region, a misspelling or a mis-encoding: their gn_name
# ("Tinh Dong Nai") names the province. Every other row resolves by gn_name through Units.resolve.
_PREFIXES = ("Thanh pho ", "Thanh Pho ", "Tinh ", "Huyen ")


@dataclass(frozen=True)
class Shape:
    """One current unit (kind 'unit') or archipelago (kind 'archipelago') as lon/lat rings."""

    slug: str
    kind: str
    label: str
    polygons: tuple  # of polygons; each a tuple of rings; each ring a tuple of (lon, lat)


def reference_dir() -> Path:
    from analysis.paths import ProjectPaths

    return ProjectPaths.at().reference


# ---- reading ------------------------------------------------------------------------------


def load_boundaries(folder: str | Path | None = None) -> tuple[Shape, ...]:
    """The committed boundaries: 34 units in code order, then the archipelagos. Read once per
    file version: a warm kernel draws a locator map in every brief."""
    path = Path(folder or reference_dir()) / OUTPUT_NAME
    return _boundaries(str(path), path.stat().st_mtime_ns)


@functools.lru_cache(maxsize=4)
def _boundaries(path: str, mtime_ns: int) -> tuple[Shape, ...]:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    shapes = []
    for n, feature in enumerate(data["features"]):
        props, geometry = feature["properties"], feature["geometry"]
        if geometry["type"] != "MultiPolygon" or not props.get("slug"):
            raise ValueError(f"{path}: feature {n}: expected a MultiPolygon with a slug")
        polygons = tuple(tuple(tuple((x, y) for x, y in ring) for ring in poly) for poly in geometry["coordinates"])
        shapes.append(Shape(props["slug"], props["kind"], props["label"], polygons))
    return tuple(shapes)


def load_adjacency(folder: str | Path | None = None) -> dict[str, list[str]]:
    """slug -> the current units sharing a land border with it (from the boundaries); a copy, so
    callers may change it."""
    path = Path(folder or reference_dir()) / ADJACENCY_NAME
    return {k: list(v) for k, v in _adjacency(str(path), path.stat().st_mtime_ns).items()}


@functools.lru_cache(maxsize=4)
def _adjacency(path: str, mtime_ns: int) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            out.setdefault(row["slug"], []).append(row["neighbour"])
            out.setdefault(row["neighbour"], []).append(row["slug"])
    return {k: tuple(sorted(v)) for k, v in out.items()}


# ---- extract: the source's rows for Vietnam ------------------------------------------------


def _gpkg_wkb(blob: bytes) -> bytes:
    """The WKB inside a GeoPackage geometry blob (header 'GP', flags give the envelope size)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    envelope = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[(blob[3] >> 1) & 0b111]
    return blob[8 + envelope:]


def extract(gpkg: str | Path, folder: str | Path | None = None) -> Path:
    """Vietnam's provinces and the two archipelagos of `gpkg`, as GeoJSON in data/reference/sources."""
    import shapely

    con = sqlite3.connect(f"file:{gpkg}?mode=ro", uri=True)
    rows = con.execute(
        "select name, gn_name, geom from states_provinces where adm0_a3 = 'VNM' or name in (?, ?) order by fid",
        tuple(ARCHIPELAGOS),
    ).fetchall()
    features = [
        {"type": "Feature", "properties": {"name": name, "gn_name": gn_name},
         "geometry": json.loads(shapely.to_geojson(shapely.from_wkb(_gpkg_wkb(geom))))}
        for name, gn_name, geom in rows
    ]
    out = Path(folder or reference_dir()) / "sources" / SOURCE_NAME
    _write(out, {"type": "FeatureCollection", "features": features})
    return out


# ---- dissolve: 63 legacy provinces -> 34 current units -------------------------------------


def _legacy_slug(units, name: str, gn_name: str | None) -> str:
    from analysis.reference.units import LEGACY, UnitNotFound

    candidates = [gn_name or "", name]
    for text in candidates:
        for prefix in _PREFIXES:
            text = text.removeprefix(prefix)
        try:
            return units.resolve(text.replace("Thura", "Thua"), LEGACY).unit.slug
        except UnitNotFound:
            continue
    raise ValueError(f"{SOURCE_NAME}: province {name!r} ({gn_name!r}) matches no legacy unit")


def dissolve(folder: str | Path | None = None) -> tuple[dict, list[tuple[str, str]]]:
    """The 34 units' GeoJSON and their adjacency pairs, from the committed source extract."""
    import shapely
    from shapely.geometry import MultiPolygon, shape

    from analysis.reference.units import load_units

    folder = Path(folder or reference_dir())
    units = load_units(folder)
    source = json.loads((folder / "sources" / SOURCE_NAME).read_text(encoding="utf-8"))
    parts: dict[str, list] = {}
    islands = []
    for feature in source["features"]:
        props = feature["properties"]
        geometry = shapely.make_valid(shape(feature["geometry"]))
        if props["name"] in ARCHIPELAGOS:
            label, owner = ARCHIPELAGOS[props["name"]]
            islands.append((label, owner, geometry))
            continue
        legacy = _legacy_slug(units, props["name"], props.get("gn_name"))
        current = units.current_of(legacy).slug
        parts.setdefault(current, []).append((legacy, geometry))
    legacy_seen = [lg for v in parts.values() for lg, _ in v]
    if sorted(legacy_seen) != sorted(u.slug for u in units.legacy()):
        missing = sorted(set(u.slug for u in units.legacy()) - set(legacy_seen))
        raise ValueError(f"{SOURCE_NAME}: legacy provinces missing or repeated: {missing or 'repeated'}")
    merged = {}
    for unit in sorted(units.current(), key=lambda u: u.code):
        # On one grid, neighbours' shared borders coincide and dissolve without slivers.
        union = shapely.unary_union([shapely.set_precision(g, GRID) for _, g in parts[unit.slug]])
        merged[unit.slug] = (unit, union.simplify(SIMPLIFY))
    features = []
    for slug, (unit, geometry) in merged.items():
        features.append(_feature(slug, "unit", unit.name_vi, geometry))
    for label, owner, geometry in islands:
        features.append(_feature(f"{owner}:{label}", "archipelago", label, geometry))
    pairs = []
    slugs = list(merged)
    for i, a in enumerate(slugs):
        for b in slugs[i + 1:]:
            shared = merged[a][1].buffer(0.005).intersection(merged[b][1].buffer(0.005))
            if shared.length > 0.05:  # a shared border, not a corner or a strait
                pairs.append((a, b))
    return {"type": "FeatureCollection", "features": features}, pairs


def _feature(slug: str, kind: str, label: str, geometry) -> dict:
    from shapely.geometry import MultiPolygon, Polygon

    polygons = list(geometry.geoms) if isinstance(geometry, MultiPolygon) else [geometry]
    coords = []
    for poly in polygons:
        if not isinstance(poly, Polygon) or poly.is_empty:
            continue
        rings = [poly.exterior, *poly.interiors]
        coords.append([[[round(x, DIGITS), round(y, DIGITS)] for x, y in ring.coords] for ring in rings])
    return {"type": "Feature", "properties": {"slug": slug, "kind": kind, "label": label},
            "geometry": {"type": "MultiPolygon", "coordinates": coords}}


def write(folder: str | Path | None = None) -> list[Path]:
    folder = Path(folder or reference_dir())
    collection, pairs = dissolve(folder)
    _write(folder / OUTPUT_NAME, collection)
    lines = "slug,neighbour\n" + "".join(f"{a},{b}\n" for a, b in pairs)
    _write_text(folder / ADJACENCY_NAME, lines)
    return [folder / OUTPUT_NAME, folder / ADJACENCY_NAME]


def _write(path: Path, data: dict) -> None:
    text = '{"type": "FeatureCollection", "features": [\n'
    text += ",\n".join(json.dumps(f, ensure_ascii=False, separators=(",", ":")) for f in data["features"])
    _write_text(path, text + "\n]}\n")


def _write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["extract"] and len(args) == 2:
        print(extract(args[1]))
    elif not args:
        for path in write():
            print(path)
    else:
        print("usage: python -m analysis.reference.boundaries [extract GPKG]", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
