#!/usr/bin/env python3
"""Derives the base geography of geodata/ from the raw extracts (Natural Earth,
geoBoundaries) described in geodata/SOURCES.md.

    python3 scripts/derive_base_geodata.py RAW_DIR

RAW_DIR holds the extracts (ne10m_countries_frame.geojson, ...). Coordinates are rounded
to 4 decimals (about 11 m), which is finer than anything the map can show. The output is
committed; this script documents how it was made and remakes it.
"""
import json
import sys
from pathlib import Path

NE = {"title": "Natural Earth 1:10m, public domain", "url": "https://www.naturalearthdata.com/"}
AS_OF = "2020-11-10"

# Where country names are written on the map (checked to lie inside each country).
LABEL_AT = {"azerbaijan": [47.35, 40.6], "armenia": [44.95, 40.3], "iran": [46.6, 38.84]}

COUNTRIES = {
    "ARM": ("armenia", {"fr": "Arménie", "en": "Armenia", "hy": "Հայաստան", "az": "Ermənistan"}),
    "AZE": ("azerbaijan", {"fr": "Azerbaïdjan", "en": "Azerbaijan", "hy": "Ադրբեջան", "az": "Azərbaycan"}),
    "GEO": ("georgia", {"fr": "Géorgie", "en": "Georgia"}),
    "IRN": ("iran", {"fr": "Iran", "en": "Iran"}),
    "TUR": ("turkey", {"fr": "Turquie", "en": "Türkiye"}),
    "RUS": ("russia", {"fr": "Russie", "en": "Russia"}),
}
WATER = {
    "Lake Sevan": ("lake-sevan", "lake", {"fr": "Lac Sevan", "en": "Lake Sevan", "hy": "Սևանա լիճ"}),
    "Mingevir Reservoir": ("mingachevir-reservoir", "lake", {"fr": "Réservoir de Mingatchevir", "en": "Mingachevir Reservoir", "az": "Mingəçevir su anbarı"}),
    "Kura": ("kura", "river", {"fr": "Koura", "en": "Kura", "az": "Kür"}),
    "Aras": ("aras", "river", {"fr": "Araxe", "en": "Aras (Araks)", "hy": "Արաքս", "az": "Araz"}),
}


def rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], 4), round(coords[1], 4)]
    return [rounded(c) for c in coords]


def feature(fid, kind, name, geometry, accuracy="exact", **extra):
    props = {"kind": kind, "name": name, "sources": [NE], "accuracy": accuracy, **extra}
    geometry = {"type": geometry["type"], "coordinates": rounded(geometry["coordinates"])}
    return {"type": "Feature", "id": fid, "geometry": geometry, "properties": props}


def lines_of(geometries):
    """Joins LineStrings and MultiLineStrings into one MultiLineString."""
    parts = []
    for g in geometries:
        parts += [g["coordinates"]] if g["type"] == "LineString" else g["coordinates"]
    return {"type": "MultiLineString", "coordinates": parts}


def simplified(ring, tolerance):
    """Douglas-Peucker on one ring or line (planar lon/lat): fine for a locator inset."""
    if len(ring) < 3:
        return ring
    (x1, y1), (x2, y2) = ring[0], ring[-1]
    dx, dy = x2 - x1, y2 - y1
    norm = (dx * dx + dy * dy) ** 0.5
    best, index = 0.0, 0
    for i, (x, y) in enumerate(ring[1:-1], 1):
        d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm if norm else ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        if d > best:
            best, index = d, i
    if best <= tolerance:
        return [ring[0], ring[-1]]
    return simplified(ring[: index + 1], tolerance)[:-1] + simplified(ring[index:], tolerance)


def inset_geometry(geometry, tolerance=0.04):
    polygons = [geometry["coordinates"]] if geometry["type"] == "Polygon" else geometry["coordinates"]
    kept = []
    for polygon in polygons:
        exterior = simplified(polygon[0], tolerance)
        if len(exterior) >= 4:
            kept.append([[[round(x, 2), round(y, 2)] for x, y in exterior]])
    return {"type": "MultiPolygon", "coordinates": kept}


def write(path, features):
    text = json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False, separators=(",", ":"))
    Path(path).write_text(text + "\n", encoding="utf-8")
    print(f"{path}: {len(features)} features, {len(text.encode())} bytes")


def main(raw):
    raw = Path(raw)
    load = lambda name: json.loads((raw / name).read_text(encoding="utf-8"))["features"]

    countries = []
    for f in load("ne10m_countries_frame.geojson"):
        fid, name = COUNTRIES[f["properties"]["iso_a3"]]
        extra = {"label_at": LABEL_AT[fid]} if fid in LABEL_AT else {}
        countries.append(feature(fid, "country", name, f["geometry"], as_of=AS_OF, **extra,
            note={"fr": "Frontières internationalement reconnues (Natural Earth, point de vue allemand).",
                  "en": "Internationally recognised borders (Natural Earth, German point of view)."}))
    write("geodata/countries.geojson", countries)

    inset = []
    for f in load("ne10m_countries_inset.geojson"):
        iso = f["properties"]["iso_a3"]
        fid, name = COUNTRIES.get(iso, (f["properties"]["name"].lower(), {"fr": f["properties"]["name"], "en": f["properties"]["name"]}))
        if iso in ("ARM", "AZE"):
            kind = "inset-focus"
        else:
            kind = "inset-country"
        geometry = inset_geometry(f["geometry"])
        if geometry["coordinates"]:
            inset.append({"type": "Feature", "id": f"inset-{fid}", "geometry": geometry, "properties": {
                "kind": kind, "name": name, "sources": [NE], "accuracy": "exact", "as_of": AS_OF,
                "note": {"fr": "Carte de situation, simplifiée (Douglas-Peucker, 0,04°).",
                         "en": "Locator map, simplified (Douglas-Peucker, 0.04°)."}}})
    write("geodata/inset.geojson", inset)

    water = []
    by_name = {}
    for f in load("ne10m_lakes_frame.geojson") + load("ne10m_rivers_frame.geojson"):
        by_name.setdefault(f["properties"]["name"], []).append(f["geometry"])
    for name, geometries in by_name.items():
        fid, kind, names = WATER[name]
        geometry = geometries[0] if kind == "lake" else lines_of(geometries)
        water.append(feature(fid, kind, names, geometry))
    write("geodata/water.geojson", water)

    nkao = load("nkao_1991_from_ne.geojson")[0]
    loc = load("loc_1994_from_ne.geojson")
    held = load("nkr_held_1994_2020_from_ne.geojson")[0]
    write("geodata/karabakh.geojson", [
        feature("nagorno-karabakh", "former-oblast",
            {"fr": "Haut-Karabakh (ancienne région autonome, 1991)", "en": "Nagorno-Karabakh (former autonomous oblast, 1991)",
             "hy": "Լեռնային Ղարաբաղ", "az": "Dağlıq Qarabağ"},
            nkao["geometry"], as_of="1991-11-26",
            note={"fr": "Limite de la région autonome soviétique, abolie par l’Azerbaïdjan le 26 novembre 1991.",
                  "en": "Boundary of the Soviet autonomous oblast, abolished by Azerbaijan on 26 November 1991."}),
    ])
    write("geodata/history.geojson", [
        feature("contact-line-1994", "contact-line-1994",
            {"fr": "Ligne de contact de 1994", "en": "1994 line of contact"},
            lines_of([f["geometry"] for f in loc]), accuracy="approximate",
            valid_from="1994-05-12", valid_until="2020-09-27",
            note={"fr": "Ligne du cessez-le-feu de 1994, en vigueur jusqu’au 27 septembre 2020 (tracé généralisé).",
                  "en": "The 1994 ceasefire line, in force until 27 September 2020 (generalised)."}),
        feature("held-1994-2020", "control-area-1994",
            {"fr": "Zone tenue par les forces arméniennes, 1994-2020", "en": "Area held by Armenian forces, 1994–2020"},
            held["geometry"], accuracy="approximate", valid_from="1994-05-12", valid_until="2020-09-27",
            note={"fr": "Zone généralisée par Natural Earth.", "en": "Area generalised by Natural Earth."}),
    ])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/geodata-sources")
