"""Writes the second pass into geodata/ceasefire.geojson (run from this folder).

Geometry comes from second_pass_geometry.py; the properties of the features it touches,
and the features it adds (the Hin Tagher pocket and its line, the placeable peacekeeper
posts), are set here. Features not named here are kept as they are. Coordinates are
written with 5 decimals. Re-running gives the same file.
"""
import json
import os

from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, mapping
from shapely.geometry.polygon import orient

from second_pass_geometry import contact_line, geometry, tidy

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "../../geodata/ceasefire.geojson")
SRC = json.load(open(os.path.join(HERE, "ceasefire_sources.json")))


def src(*keys):
    return [SRC[k] for k in keys]


def rnd(geom):
    m = mapping(geom)

    def r(x):
        if isinstance(x, (list, tuple)) and x and isinstance(x[0], (int, float)):
            return [round(x[0], 5), round(x[1], 5)]
        return [r(y) for y in x]

    return {"type": m["type"], "coordinates": r(m["coordinates"])}


def names(fr, en, hy=None, hy_armn=None, az=None):
    n = {"fr": fr, "en": en}
    if hy:
        n["hy"] = hy
    if hy_armn:
        n["hy-Armn"] = hy_armn
    if az:
        n["az"] = az
    return n


def text(fr, en):
    return {"fr": fr, "en": en}


G = geometry()
P = G["P"]
zone = tidy(G["zone"])
corridor = tidy(G["corridor"], 0.0008)
shusha_taken = tidy(G["shusha_taken"])
line = contact_line(zone, corridor, shusha_taken)
pocket = tidy(G["pocket"], 0.0005)
pocket_line = LineString(pocket.exterior.coords)

doc = json.load(open(OUT))
by_id = {f["id"]: f for f in doc["features"]}


def put(fid, geom=None, **props):
    f = by_id.get(fid)
    if f is None:
        f = {"type": "Feature", "id": fid, "properties": {}, "geometry": None}
        by_id[fid] = f
        doc["features"].append(f)
    if geom is not None:
        f["geometry"] = rnd(geom)
    for k, v in props.items():
        if v is None:
            f["properties"].pop(k, None)
        else:
            f["properties"][k] = v
    return f


put("peacekeeping-zone", zone,
    note=text(
        "Ancienne région autonome (1991) réduite à ce que les forces arméniennes tenaient avant la guerre, "
        "moins les zones prises jusqu’au 9 novembre : le saillant de Talich et Madaghis au nord, Hadrout et Chouchi au sud. "
        "Tracé approximatif : environ 3 120 km², pour quelque 3 170 km² cités par la presse.",
        "The former autonomous region (1991) reduced to what Armenian forces held before the war, minus the areas "
        "taken up to 9 November: the Talish and Madagiz salient in the north, Hadrut and Shusha in the south. "
        "Approximate: about 3,120 km², against some 3,170 km² given in the press."),
    uncertain=text(
        "Ne figurent pas : Tchalaktar et Aknaberd, restés arméniens hors de l’ancienne région autonome ; la poche de "
        "Hin Tagher et Khtsaberd est dessinée à part (jusqu’au 12 décembre 2020). La limite autour de Chouchi est schématique.",
        "Not shown: Charektar and Aknaberd, which stayed Armenian outside the former autonomous region; the Hin Tagher and "
        "Khtsaberd pocket is drawn separately (until 12 Dec 2020). The limit around Shusha is schematic."))

put("area-taken-hadrut", G["hadrut"] and tidy(G["hadrut"]),
    taken_date_note=text(
        "La poche de Hin Tagher et Khtsaberd, comprise dans cette zone, est restée tenue par les forces arméniennes jusqu’au 12 décembre 2020 (dessinée à part).",
        "The Hin Tagher and Khtsaberd pocket, inside this area, stayed held by Armenian forces until 12 Dec 2020 (drawn separately)."))
put("area-taken-shusha", shusha_taken,
    note=text(
        "Partie de l’ancienne région autonome au sud et autour de la ligne de contact, hors district de Khodjavend : Chouchi, Karin Tak, Avetaranots. "
        "Limite schématique : elle laisse Chosh, Zarysly et Lisagor du côté arménien et la route du couloir hors de la zone prise.",
        "Part of the former autonomous region south of and around the line of contact, outside Khojavend district: Shusha, Karin Tak, Avetaranots. "
        "Schematic limit: it leaves Shosh, Zarysly and Lisagor on the Armenian side and the corridor road outside the area taken."))

put("lachin-corridor", corridor,
    sources=src("statement_pm", "statement_azmfa", "tass_posts", "afp_checkpoints", "sputnik_crossroads",
                "currenttime_lachin", "wiki_lachin", "wiki_zabukh", "wiki_sus", "wiki_lisagor", "geonames_zarysly",
                "wiki_kornidzor", "wiki_stepanakert", "civilnet_2022", "frwiki_corridor", "artsakhtv_km36", "mamul_newroute"),
    note=text(
        "Bande de 2,5 km de part et d’autre d’une route schématique Kornidzor – Aghavno (Zabukh) – Latchine (Berdzor) – Lisagor – Zarysly – "
        "carrefour de Chouchi – sortie sud-ouest de Stepanakert, élargie pour inclure Sus, limitée au territoire azerbaïdjanais. "
        "Conformément au point 6 de la déclaration, elle n’englobe pas Chouchi ni la zone prise autour de la ville. "
        "Le tracé relie les lieux cités par des segments droits (environ 38 km) ; la route de montagne, en lacets, fait environ 65 km "
        "de la frontière arménienne à Stepanakert, dont 36 km de Stepanakert à l’embranchement de Berdadzor, près de Lisagor, "
        "alors que le tracé n’en compte que 17 de Stepanakert à Lisagor. Aucune source lue ne donne les villages ni les coordonnées des lacets entre ces lieux.",
        "A band 2.5 km either side of a schematic road Kornidzor – Aghavno (Zabukh) – Lachin (Berdzor) – Lisagor – Zarysly – "
        "Shusha crossroads – Stepanakert's south-western exit, widened to take in Sus, inside Azerbaijan's territory. "
        "As point 6 of the statement says, it leaves out Shusha and the area taken around the town. "
        "The line joins the cited places with straight segments (about 38 km); the winding mountain road runs some 65 km "
        "from the Armenian border to Stepanakert, 36 km of them from Stepanakert to the Berdadzor turn-off near Lisagor, "
        "while the line counts only 17 from Stepanakert to Lisagor. No source read gives the villages or the coordinates of the bends between these places."))

def minus(poly, other):
    """poly - other, with 5 decimals, as counter-clockwise polygons of more than 0.01 km²."""
    from shapely import make_valid, set_precision
    from second_pass_geometry import km2
    d = make_valid(set_precision(poly.difference(other), 1e-5))
    parts = [g for g in getattr(d, "geoms", [d]) if g.geom_type == "Polygon" and km2(g) > 0.01]
    return [orient(p, 1.0) for p in parts]


put("lachin-district", MultiPolygon([q for p in G["lachin_district"] for q in minus(tidy(p), corridor)]),
    note=text(
        "Le district (geoBoundaries) tel qu’il était tenu avant la guerre, hors ancienne région autonome et hors couloir, que le couloir coupe en deux. "
        "Les villages du sud du district, pris pendant la guerre, n’en sont pas retirés : leur limite n’est pas connue.",
        "The district (geoBoundaries) as held before the war, outside the former autonomous region and the corridor, which cuts it in two. "
        "The villages in the south of the district, taken in the war, are not taken out: their limit is not known."))

put("contact-line", line,
    sources=src("statement_pm", "statement_azmfa", "tass_posts", "wiki_talish", "madagiz_coord", "civilnet_taghavard",
                "wiki_taghavard", "wiki_karmirshuka", "mod_amaras", "avetaranots", "wiki_sighnaq", "wiki_shosh",
                "shusha_afp", "armradio_shusha_villages", "afp_checkpoints", "ne_held", "ne_nkao"),
    note=text(
        "Tracé schématique : le pourtour de la zone restée sous contrôle arménien, là où elle ne touche pas le couloir. "
        "Au nord, environ 3 km au sud de Madaghis (Talich, prise le 3 octobre, est à 7 km) ; au sud, entre les villages cités de part et d’autre "
        "(Amaras, Karmir Chouka, Taghavard coupé en deux, Avetaranots et Sghnakh pris, Chosh resté arménien), puis autour de Chouchi, "
        "entre la ville et la route de Stepanakert, et vers Lisagor.",
        "Schematic: the outline of the area left under Armenian control, where it does not meet the corridor. "
        "In the north, about 3 km south of Madagiz (Talish, taken on 3 October, lies 7 km away); in the south, between cited villages on either side "
        "(Amaras, Karmir Shuka, divided Taghavard, Avetaranots and Sghnakh taken, Shosh still Armenian), then around Shusha, "
        "between the town and the Stepanakert road, and towards Lisagor."),
    segments_note=text(
        "Jusqu’aux remises des 20 et 25 novembre et du 1er décembre 2020, les districts d’Agdam, de Kelbadjar et de Latchine étaient encore tenus : "
        "la ligne les longeait alors à l’extérieur. La poche de Hin Tagher et Khtsaberd a sa propre ligne jusqu’au 12 décembre.",
        "Until the handovers of 20 and 25 November and 1 December 2020, the districts of Agdam, Kalbajar and Lachin were still held: "
        "the line then ran outside them. The Hin Tagher and Khtsaberd pocket has its own line until 12 December."))

pocket_common = dict(
    accuracy="schematic", valid_from="2020-11-10", valid_until="2020-12-12",
    sources=src("oc_media_hintagher", "usc_dec13", "wiki_hintagher", "wiki_khtsaberd", "sputnik_dec13"))
put("hin-tagher-pocket", pocket, kind="control-area",
    name=names("Poche de Hin Tagher et Khtsaberd", "Hin Tagher and Khtsaberd pocket", "Hin Tagher, Khtsaberd",
               "Հին Թաղեր, Խծաբերդ", "Köhnə Tağlar, Çaylaqqala"),
    note=text(
        "Deux villages du district d’Hadrout restés tenus par les forces arméniennes après le 10 novembre, encerclés. "
        "Pris par les forces azerbaïdjanaises le 12 décembre 2020 ; les soldats russes y arrivent le 13 et retirent le secteur de leur carte le 14. "
        "Contour schématique : 2 km autour des deux villages.",
        "Two villages of Hadrut district still held by Armenian forces after 10 November, encircled. "
        "Taken by Azerbaijani forces on 12 Dec 2020; Russian peacekeepers arrived on the 13th and removed the sector from their map on the 14th. "
        "Schematic outline: 2 km around the two villages."),
    **pocket_common)
put("contact-line-hin-tagher", pocket_line, kind="contact-line",
    name=names("Ligne de contact autour de Hin Tagher et Khtsaberd", "Line of contact around Hin Tagher and Khtsaberd",
               "Շփման գիծ", None, "Təmas xətti"),
    note=text("Pourtour schématique de la poche, jusqu’au 12 décembre 2020.",
              "Schematic outline of the pocket, until 12 Dec 2020."),
    **pocket_common)


def post(fid, pt, fr, en, valid_from, valid_until, sources, note_fr, note_en, as_of=None):
    put(fid, Point(pt), kind="peacekeeper-post", name=names(fr, en), accuracy="approximate",
        valid_from=valid_from, valid_until=valid_until, as_of=as_of, sources=sources,
        note=text(note_fr, note_en))


post("peacekeeper-post-aghavno", P["Zabukh"],
     "Poste temporaire sur la route de Zabukh (Aghavno)", "Temporary post on the Zabukh road (Aghavno)",
     "2020-11-10", "2022-08-26", src("tass_posts", "wiki_zabukh"),
     "L’un des sept postes temporaires du couloir « le long de la route de Zabukh » (ministère russe de la Défense, 15 novembre 2020) ; "
     "Wikipédia mentionne un poste russe à Aghavno, village remis à l’Azerbaïdjan en août 2022. Placé au centre du village.",
     "One of the seven temporary corridor posts 'along the Zabukh road' (Russian Ministry of Defence, 15 Nov 2020); "
     "Wikipedia mentions a Russian post at Aghavno, a village handed over to Azerbaijan in August 2022. Placed at the village centre.")
post("peacekeeper-post-lisagor", P["Lisagor"],
     "Poste temporaire du sovkhoze de Lissogorski (Lisagor)", "Temporary post at the Lysogorsky farm (Lisagor)",
     "2020-11-10", "2020-11-17", src("tass_posts", "wiki_lisagor"),
     "L’un des sept postes temporaires du couloir, au « sovkhoze Lissogorski » (ministère russe de la Défense, 15 novembre 2020). "
     "Placé au centre du village ; le bilan du 18 novembre ne compte plus de postes temporaires.",
     "One of the seven temporary corridor posts, at the 'Lysogorsky farm' (Russian Ministry of Defence, 15 Nov 2020). "
     "Placed at the village centre; the count of 18 Nov no longer lists temporary posts.")
post("peacekeeper-post-zarysly", P["Zarysly"],
     "Poste temporaire de Zarysly", "Temporary post at Zarysly",
     "2020-11-10", "2020-11-17", src("tass_posts", "geonames_zarysly"),
     "L’un des sept postes temporaires du couloir, à Zarysly (ministère russe de la Défense, 15 novembre 2020). "
     "Placé au centre du village ; le bilan du 18 novembre ne compte plus de postes temporaires.",
     "One of the seven temporary corridor posts, at Zarysly (Russian Ministry of Defence, 15 Nov 2020). "
     "Placed at the village centre; the count of 18 Nov no longer lists temporary posts.")
post("peacekeeper-post-shosh", P["Shosh"],
     "Poste d’observation n° 8, Chosh", "Observation post no. 8, Shosh",
     "2020-11-14", None, src("ruwiki_shosh", "wiki_shosh"),
     "Installé le 14 novembre 2020 près du village (numéroté 4 du 14 au 17 novembre), d’après les cartes du ministère russe de la Défense "
     "citées par Wikipédia en russe. Placé au centre du village.",
     "Set up on 14 Nov 2020 near the village (numbered 4 from 14 to 17 November), according to the Russian Ministry of Defence maps "
     "cited by Russian Wikipedia. Placed at the village centre.")
post("peacekeeper-post-khachmach", P["Khachmach"],
     "Poste d’observation n° 5, Khatchmatch", "Observation post no. 5, Khachmach",
     "2020-11-14", None, src("ruwiki_khachmach"),
     "Installé le 14 novembre 2020 près du village, d’après la carte du ministère russe de la Défense citée par Wikipédia en russe. "
     "Placé au centre du village.",
     "Set up on 14 Nov 2020 near the village, according to the Russian Ministry of Defence map cited by Russian Wikipedia. "
     "Placed at the village centre.")
post("peacekeeper-checkpoint-stepanakert", (G["exit_sw"].x, G["exit_sw"].y),
     "Point de contrôle à la sortie sud-ouest de Stepanakert", "Checkpoint at Stepanakert's south-western exit",
     "2020-11-13", "2022-08-26", src("afp_checkpoints"),
     "Des dizaines de soldats et au moins trois blindés sur la route de Chouchi, vus par un journaliste de l’AFP le 13 novembre 2020. "
     "Position indicative : à 1,8 km du centre, vers le carrefour de Chouchi.",
     "Dozens of soldiers and at least three armoured vehicles on the Shusha road, seen by an AFP journalist on 13 Nov 2020. "
     "Indicative position: 1.8 km from the centre, towards the Shusha crossroads.")
post("peacekeeper-checkpoint-shusha-crossroads", (G["crossroads"].x, G["crossroads"].y),
     "Point de contrôle au carrefour de Chouchi", "Checkpoint at the Shusha crossroads",
     "2020-11-13", "2022-08-26", src("afp_checkpoints", "sputnik_crossroads"),
     "Second point de contrôle, « cinq kilomètres plus au sud » sur la même route (AFP, 13 novembre 2020), au carrefour Stepanakert – Chouchi – Goris "
     "(Sputnik Italia, décembre 2020, média d’État russe). Position indicative : 1,6 km au nord-ouest du centre de Chouchi.",
     "A second checkpoint 'five kilometres to the south' on the same road (AFP, 13 Nov 2020), at the Stepanakert – Shusha – Goris crossroads "
     "(Sputnik Italia, Dec 2020, Russian state media). Indicative position: 1.6 km north-west of Shusha's centre.")
post("peacekeeper-checkpoint-lachin", P["Lachin"],
     "Point de contrôle de Latchine (Berdzor)", "Checkpoint in Lachin (Berdzor)",
     "2020-12-01", "2022-08-26", src("currenttime_lachin", "wiki_lachin"),
     "Soldats russes à un point de contrôle de la ville le 1er décembre 2020, jour du retour du district sous contrôle azerbaïdjanais "
     "(photo de Current Time, RFE/RL). Placé au centre de la ville.",
     "Russian soldiers at a checkpoint in the town on 1 Dec 2020, the day the district returned to Azerbaijani control "
     "(Current Time photo, RFE/RL). Placed at the town centre.")
post("peacekeeper-post-martuni", P["Martuni"],
     "Poste d’observation n° 13, Martouni (source fragile)", "Observation post no. 13, Martuni (weak source)",
     "2020-11-18", None, src("ruwiki_martuni", "wiki_martuni"),
     "Source fragile : seul un article de Wikipédia en russe, sans date ni référence, situe le poste d’observation n° 13 du contingent russe "
     "dans la ville ; aucune dépêche ni aucun bulletin du ministère russe de la Défense lus ne le confirment. Sa date n’est pas connue : "
     "il est montré à partir du 18 novembre 2020, jour du décompte de 23 postes. Placé au centre de la ville.",
     "Weak source: only a Russian Wikipedia article, with no date or reference, puts observation post no. 13 of the Russian contingent "
     "in the town; no news report or Russian Ministry of Defence bulletin that was read confirms it. Its date is not known: "
     "it is shown from 18 Nov 2020, the day of the count of 23 posts. Placed at the town centre.")
post("peacekeeper-post-hin-tagher", P["HinTagher"],
     "Soldats russes à Hin Tagher (13-14 décembre 2020)", "Russian peacekeepers at Hin Tagher (13-14 Dec 2020)",
     "2020-12-13", "2020-12-14", src("oc_media_hintagher", "usc_dec13", "wiki_hintagher"),
     "Arrivés le 13 décembre 2020 après les combats ; le secteur est ajouté à la carte du contingent le 13 et retiré le 14. Placé au centre du village.",
     "Arrived on 13 Dec 2020 after the fighting; the sector was added to the contingent's map on the 13th and removed on the 14th. Placed at the village centre.")

# The reported counts, dated, and how many positions the map places.
PLACED = [f for f in doc["features"] if f["id"].startswith("peacekeeper-") and f["id"] != "peacekeeper-hq"]
hq = by_id["peacekeeper-hq"]["properties"]
hq["facts"] = [fact for fact in hq["facts"] if fact["label"]["en"] != "Observation posts reported"] + [{
    "label": text("Postes d’observation signalés", "Observation posts reported"),
    "value": text(
        "16 prévus le 11 nov. 2020 (état-major russe, via Xinhua) ; "
        "25 le 15 nov. 2020 (9 au nord, 9 au sud, 7 temporaires dans le couloir ; ministère russe de la Défense, via TASS) ; "
        "23 le 18 nov. 2020 (11 au nord, 12 au sud ; ministère russe de la Défense), chiffre repris le 20 nov. par le ministre russe de la Défense. "
        f"Seuls les postes dont l’emplacement est cité figurent sur la carte : {len(PLACED)} positions, dont 3 des 7 postes temporaires du couloir, "
        "les postes n° 5 et 8, le n° 13 à Martouni (source fragile), celui de Dadivank, 3 points de contrôle et la présence à Hin Tagher "
        "les 13 et 14 décembre. Non placé : un point de contrôle près d’Askeran, faute de source lue.",
        "16 planned on 11 Nov 2020 (Russian General Staff, via Xinhua); "
        "25 on 15 Nov 2020 (9 north, 9 south, 7 temporary in the corridor; Russian Ministry of Defence, via TASS); "
        "23 on 18 Nov 2020 (11 north, 12 south; Russian Ministry of Defence), the figure the Russian defence minister gave again on 20 Nov. "
        f"Only posts whose place is cited are on the map: {len(PLACED)} positions, including 3 of the 7 temporary corridor posts, "
        "posts no. 5 and 8, no. 13 at Martuni (weak source), the Dadivank post, 3 checkpoints and the presence at Hin Tagher "
        "on 13 and 14 December. Not placed: a checkpoint near Askeran, for want of a source that could be read.")}]
hq["posts_reported"] = [
    {"count": 16, "date": "2020-11-11", "detail": "planned along the line of contact and the Lachin corridor (Sergei Rudskoy, Russian General Staff)", "source": SRC["xinhua_16_planned"]["url"]},
    {"count": 25, "date": "2020-11-15", "detail": "9 observation posts in the northern zone, 9 in the southern zone, 7 temporary posts in the Lachin corridor", "source": SRC["tass_posts"]["url"]},
    {"count": 23, "date": "2020-11-18", "detail": "11 in the northern zone of responsibility, 12 in the southern (Maj. Gen. Igor Konashenkov, Russian MoD)", "source": SRC["pravda_23"]["url"]},
    {"count": 23, "date": "2020-11-20", "detail": "23 observation posts established (Sergei Shoigu to Vladimir Putin)", "source": SRC["armenpress_shoigu"]["url"]},
]
hq["posts_placed"] = len(PLACED)
hq["sources"] = src("statement_pm", "statement_azmfa", "xinhua_16_planned", "tass_posts", "pravda_23", "armenpress_shoigu", "uawire_hq", "wiki_stepanakert")

order = [f["id"] for f in doc["features"]]
# Draw the pocket and its line with the other areas and lines, posts last.
doc["features"] = sorted(doc["features"], key=lambda f: (
    2 if f["properties"]["kind"] in ("peacekeeper-post", "peacekeeper-hq") else
    1 if f["properties"]["kind"] in ("contact-line", "planned-route") else 0, order.index(f["id"])))

with open(OUT, "w") as out:
    json.dump(doc, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")
print("wrote", OUT, os.path.getsize(OUT), "bytes")
