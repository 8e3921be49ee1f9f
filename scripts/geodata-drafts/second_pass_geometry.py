"""Second pass on the hand-drawn ceasefire geometry (see docs/geodata-notes/ceasefire.md).

Builds, from the raw extracts (../shared/geodata-sources/ by default, or $GEODATA_SOURCES)
and the cited points in ceasefire_points.json:

- the peacekeeping zone: former NKAO, clipped to the area held 1994-2020, minus the
  Talish-Madagiz salient and the area south of the contact line (taken in the war);
- the areas taken around Hadrut and Shusha, clipped to what was held;
- the Hin Tagher-Khtsaberd pocket (schematic, held until 12 Dec 2020);
- the road used 2020-2022 and the corridor (2.5 km either side, widened to take in Sus),
  minus the area taken around Shusha;
- the contact line: the zone's outline where it does not meet the corridor;
- the part of Lachin district handed over (outside the corridor).

Buffers and areas are computed in UTM 38N (EPSG:32638). `geometry()` returns shapely
geometries in lon/lat; run this file alone to print the measures.
"""
import json
import os

import pyproj
from shapely import make_valid, set_precision
from shapely.geometry import LineString, MultiLineString, Point, Polygon, shape
from shapely.geometry.polygon import orient
from shapely.ops import linemerge, nearest_points, substring, transform, unary_union

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.environ.get("GEODATA_SOURCES", os.path.join(HERE, "../../../shared/geodata-sources/"))

TO_UTM = pyproj.Transformer.from_crs(4326, 32638, always_xy=True).transform
TO_LL = pyproj.Transformer.from_crs(32638, 4326, always_xy=True).transform


def utm(g):
    return transform(TO_UTM, g)


def ll(g):
    return transform(TO_LL, g)


def km2(g):
    return utm(g).area / 1e6


def km(a, b):
    return utm(a).distance(utm(b)) / 1000


def buffer_km(g, d, quad=8):
    return ll(utm(g).buffer(d * 1000, quad_segs=quad))


def load(f):
    return json.load(open(os.path.join(SRC, f)))["features"]


def biggest(g):
    if g.geom_type in ("MultiPolygon", "GeometryCollection"):
        return max((p for p in g.geoms if p.geom_type == "Polygon"), key=lambda p: p.area)
    return g


def points():
    raw = json.load(open(os.path.join(HERE, "ceasefire_points.json")))
    return {k: (v[1], v[0]) for k, v in raw.items()}  # (lat, lon) -> (lon, lat)


def geometry():
    NKAO = shape(load("nkao_1991_from_ne.geojson")[0]["geometry"])
    HELD = shape(load("nkr_held_1994_2020_from_ne.geojson")[0]["geometry"])
    DIST = {f["properties"]["name_en"]: shape(f["geometry"]) for f in load("gb_aze_adm2_frame.geojson")}
    CTRY = {f["properties"]["name"]: shape(f["geometry"]) for f in load("ne10m_countries_frame.geojson")}
    AZE = CTRY["Azerbaijan"]
    P = points()

    segs = []
    for f in load("loc_1994_from_ne.geojson"):
        g = shape(f["geometry"])
        segs += list(g.geoms) if g.geom_type == "MultiLineString" else [g]
    LOC = linemerge(segs)
    if LOC.coords[0][0] > LOC.coords[-1][0]:
        LOC = LineString(LOC.coords[::-1])

    # North: Talish and Madagiz, taken 3 Oct 2020. Vertices chosen 2-3 km south of Madagiz
    # (not sourced: see the notes), as in the first pass.
    dW = LOC.project(Point(46.65, 40.40))
    dE = LOC.project(Point(46.82, 40.36))
    pW, pE = LOC.interpolate(dW), LOC.interpolate(dE)
    north = [(pW.x, pW.y), (46.68, 40.33), (46.71, 40.305), (46.78, 40.30), (pE.x, pE.y)]
    salient = Polygon(north + list(substring(LOC, dW, dE).coords)[::-1][1:]).buffer(0)

    # South: the area south of the line, as in the first pass (cited villages on either
    # side; Shusha wrapped by a schematic limit that leaves Shosh, Zarysly and Lisagor out).
    S_pts = [(46.790, 39.735), (46.845, 39.720), P["Taghavard"], (46.9486, 39.6640), (47.0570, 39.6760)]
    end = nearest_points(NKAO.exterior, Point(S_pts[-1]))[0]
    S_pts.append((end.x, end.y))
    west = [(46.30, 39.30), (46.68, 39.60), (46.72, 39.70), (46.735, 39.745), (46.735, 39.768),
            (46.758, 39.768), (46.765, 39.748)]
    south = Polygon(west + S_pts + [(end.x + 0.3, end.y), (47.60, 39.70), (47.60, 39.30)]).buffer(0)

    held_nkao = NKAO.intersection(HELD)
    taken = held_nkao.intersection(south)
    hadrut = biggest(taken.intersection(DIST["Khojavend District"]).buffer(0))
    shusha_taken = biggest(taken.difference(DIST["Khojavend District"]).buffer(0))

    zone = biggest(held_nkao.difference(south).difference(salient).buffer(0))

    # Hin Tagher - Khtsaberd pocket (schematic): 2 km around the two villages, inside what
    # was held and south of the line.
    pocket = buffer_km(LineString([P["HinTagher"], P["Khtsaberd"]]), 2.0).intersection(taken)
    pocket = biggest(pocket.buffer(0))

    # The road used from Nov 2020 to Aug 2022. Cited points: Kornidzor, Aghavno (Zabukh),
    # Lachin, Lisagor, Zarysly (TASS, 15 Nov 2020: posts along the Zabukh road, the
    # Lysogorsky farm, Zarysly), the crossroads Stepanakert/Shusha/Goris (Sputnik Italia)
    # and Stepanakert's south-western exit (AFP, 13 Nov 2020). The last two are placed by
    # hand: the crossroads 1.6 km north-west of Shusha's centre, the exit 1.8 km from
    # Stepanakert's centre towards it.
    sh = utm(Point(P["Shusha"]))
    import math
    b = math.radians(330)
    crossroads = ll(Point(sh.x + 1600 * math.sin(b), sh.y + 1600 * math.cos(b)))
    st = utm(Point(P["Stepanakert"]))
    cr = utm(crossroads)
    d = st.distance(cr)
    exit_sw = ll(Point(st.x + (cr.x - st.x) * 1800 / d, st.y + (cr.y - st.y) * 1800 / d))
    road = LineString([P["Kornidzor"], P["Zabukh"], P["Lachin"], P["Lisagor"], P["Zarysly"],
                       (crossroads.x, crossroads.y), (exit_sw.x, exit_sw.y), P["Stepanakert"]])

    # Corridor: 2.5 km either side of the road, and Sus (listed in the corridor by its
    # encyclopaedia entry) taken in by a 1.2 km band from Lachin; inside Azerbaijan; minus
    # the area taken around Shusha and Shusha's town limits.
    band = unary_union([buffer_km(road, 2.5), buffer_km(LineString([P["Lachin"], P["Sus"]]), 1.2)])
    corridor = band.intersection(AZE).difference(shusha_taken).difference(DIST["Shusha City"])
    corridor = biggest(corridor.buffer(0))
    corridor = Polygon(corridor.exterior)

    # What was handed over on 1 Dec 2020: the district as held, outside the oblast and the
    # corridor (the corridor cuts it in two: both parts are kept).
    lachin_district = DIST["Lachin District"].intersection(HELD).difference(NKAO).difference(corridor).buffer(0)
    pieces = lachin_district.geoms if lachin_district.geom_type == "MultiPolygon" else [lachin_district]
    lachin_district = [p for p in pieces if km2(p) > 1.0]

    return dict(NKAO=NKAO, HELD=HELD, AZE=AZE, DIST=DIST, P=P, salient=salient, south=south,
                zone=zone, hadrut=hadrut, shusha_taken=shusha_taken, pocket=pocket, road=road,
                crossroads=crossroads, exit_sw=exit_sw, corridor=corridor,
                lachin_district=lachin_district)


def tidy(poly, tol=0.0015, maxv=220):
    """Simplified, 5-decimal, valid, counter-clockwise polygon."""
    g = biggest(make_valid(poly))
    while True:
        s = biggest(g.simplify(tol, preserve_topology=True))
        if len(s.exterior.coords) <= maxv:
            break
        tol *= 1.3
    s = biggest(make_valid(set_precision(s, 1e-5)))
    return orient(Polygon(s.exterior), 1.0)


def contact_line(zone, corridor, taken):
    """The zone's outline, except where it runs inside the corridor: where the corridor
    borders the area taken around Shusha, the outline stays (that is the line too)."""
    ring = LineString(zone.exterior.coords)
    rest = ring.difference(corridor.buffer(1e-4).difference(taken.buffer(3e-4)))
    parts = list(rest.geoms) if rest.geom_type == "MultiLineString" else [rest]
    merged = linemerge(MultiLineString(parts))
    if merged.geom_type == "MultiLineString":
        # The ring was cut where it starts: join the pieces end to start.
        parts = sorted(merged.geoms, key=lambda l: -l.length)
        merged = linemerge(parts)
    return merged


if __name__ == "__main__":
    G = geometry()
    P = G["P"]
    zone, cor = G["zone"], G["corridor"]
    print("zone km2", round(km2(zone)), "outside held", round(km2(zone.difference(G["HELD"])), 2))
    print("corridor km2", round(km2(cor)), "∩ taken shusha", round(km2(cor.intersection(G["shusha_taken"])), 3))
    print("road km", round(utm(G["road"]).length / 1000, 1))
    for k in ["Shusha", "Sus", "Lachin", "Zabukh", "Lisagor", "Zarysly", "KarinTak", "Shosh", "Khachmach"]:
        pt = Point(P[k])
        print(f"{k:10} in zone {zone.contains(pt)!s:5} in corridor {cor.contains(pt)!s:5} in taken-shusha {G['shusha_taken'].contains(pt)!s:5}")
    print("pocket km2", round(km2(G["pocket"]), 1), "HinTagher in", G["pocket"].contains(Point(P["HinTagher"])))
    print("hadrut", round(km2(G["hadrut"])), "shusha", round(km2(G["shusha_taken"])))
    cl = contact_line(tidy(zone), tidy(cor, 0.0008), tidy(G["shusha_taken"]))
    print("contact", cl.geom_type, round(utm(cl).length / 1000), "simple", cl.is_simple)
    print("Talish to line km", round(km(Point(P["Talish"]), cl), 1), "Madagiz", round(km(Point(P["Madagiz"]), cl), 1))
    print("crossroads", G["crossroads"], "exit", G["exit_sw"])
