"""Editorial pass on geodata/places.geojson and geodata/ceasefire.geojson (run from this
folder, after second_pass.py). Idempotent.

- Zangilan moved to the current encyclopaedia position (see docs/geodata-notes/places.md).
- One name per place and language: the areas named after a town use the town's names
  (`hy` in Latin letters, `hy-Armn` in Armenian script); the other spellings, which the
  app does not read from `alt_names`, are also shown as a fact ("Other spellings").
- Notes shown to readers in French and English; research notes live in
  docs/geodata-notes/, not in the data.
- Copies of Wikipedia on other domains replaced by the page they copy; each source from
  a party's state media, a government or an advocacy site says so in its title.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
PLACES = os.path.join(HERE, "../../geodata/places.geojson")
CEASEFIRE = os.path.join(HERE, "../../geodata/ceasefire.geojson")


def text(fr, en):
    return {"fr": fr, "en": en}


# --- sources -----------------------------------------------------------------------

# Copies of a Wikipedia page -> the page itself (the value was read in the copy).
ORIGINAL = {
    "https://it.wiki7.org/wiki/%D0%9A%D0%BE%D1%80%D0%BD%D0%B8%D0%B4%D0%B7%D0%BE%D1%80":
        ("Wikipedia (ru): Корнидзор (Kornidzor)", "https://ru.wikipedia.org/wiki/%D0%9A%D0%BE%D1%80%D0%BD%D0%B8%D0%B4%D0%B7%D0%BE%D1%80"),
    "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/Aghdam":
        ("Wikipedia: Aghdam", "https://en.wikipedia.org/wiki/Aghdam"),
    "https://gateway.ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/C%C9%99brayil.html":
        ("Wikipedia: Jabrayil", "https://en.wikipedia.org/wiki/Jabrayil"),
    "https://perceptiopt.com/%D0%A1%D0%B0%D0%BD%D0%B0%D1%81%D0%B0%D1%80":
        ("Wikipedia (ru): Губадлы (Gubadli)", "https://ru.wikipedia.org/wiki/%D0%93%D1%83%D0%B1%D0%B0%D0%B4%D0%BB%D1%8B"),
    "http://wikien4.appspot.com/wiki/Yerevan": ("Wikipedia: Yerevan", "https://en.wikipedia.org/wiki/Yerevan"),
    "https://www.worddisk.com/wiki/Yerevan/": None,
    "https://kiwix.haohe.fun/content/wikipedia_en_all_maxi_2024-01/A/Tegh": ("Wikipedia: Tegh", "https://en.wikipedia.org/wiki/Tegh"),
    "https://iiab.me/kiwix/content/wikipedia_en_all_maxi_2023-10/A/Tegh": None,
    "https://tomorrow.paperai.life/https://wikipedia.org/w/index.php?oldid=1178586107&title=Meghri":
        ("Wikipedia: Meghri, revision 1178586107", "https://en.wikipedia.org/w/index.php?oldid=1178586107&title=Meghri"),
    "https://u3vuiephb.global.ssl.fastly.net/search/?diff=982854759&oldid=982699735&title=Madagiz":
        ("Wikipedia: Madagiz, revision of Oct 2020 (40°19′53″N 46°43′46″E)", "https://en.wikipedia.org/w/index.php?oldid=982854759&title=Madagiz"),
    "https://es.frwiki.wiki/wiki/Madaghis": ("Wikipédia (fr) : Madaghis", "https://fr.wikipedia.org/wiki/Madaghis"),
    "https://plwiki.pl/Leksykon/Stepanakert": None,
    "https://wiki-gateway.eudic.net/wikipedia_en/Shushi.html": ("Wikipedia: Shusha", "https://en.wikipedia.org/wiki/Shusha"),
    "http://piglix.com/piglix/Shushi": None,
    "https://sv.wiki7.org/wiki/%D0%94%D0%B0%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD%D0%BA":
        ("Wikipedia (ru): Дадиванк – Russian observation post near the monastery", "https://ru.wikipedia.org/wiki/%D0%94%D0%B0%D0%B4%D0%B8%D0%B2%D0%B0%D0%BD%D0%BA"),
    "https://wiki.av1.space/content/wikipedia_en_all_mini_2025-06/Madagiz_offensive":
        ("Wikipedia: Madagiz offensive – Talish and Madagiz taken by 3 Oct 2020", "https://en.wikipedia.org/wiki/Madagiz_offensive"),
    "https://hessslslslsls.azureedge.net/wiki/Qirmizi_Bazar_(Azerbaijan)":
        ("Wikipedia: Karmir Shuka (Qırmızı Bazar), 39°40′33″N 46°56′55″E", "https://en.wikipedia.org/wiki/Q%C4%B1rm%C4%B1z%C4%B1_Bazar"),
    "https://perceptiopt.com/%D0%A7%D0%B0%D0%BD%D0%B0%D1%85%D1%87%D0%B8_(%D0%A5%D0%BE%D0%B4%D0%B6%D0%B0%D0%BB%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9_%D1%80%D0%B0%D0%B9%D0%BE%D0%BD)":
        ("Wikipedia (ru): Чанахчи (Avetaranots), 39°42′11″N 46°49′50″E, under Azerbaijani control from 9 Nov 2020",
         "https://ru.wikipedia.org/wiki/%D0%A7%D0%B0%D0%BD%D0%B0%D1%85%D1%87%D0%B8_(%D0%A5%D0%BE%D0%B4%D0%B6%D0%B0%D0%BB%D0%B8%D0%BD%D1%81%D0%BA%D0%B8%D0%B9_%D1%80%D0%B0%D0%B9%D0%BE%D0%BD)"),
    "https://uprootedpalestinians.wordpress.com/2020/11/11/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation/":
        ("Statement of 10 Nov 2020, official English and Russian text (Embassy of Azerbaijan in Serbia, Azerbaijani MFA)",
         "https://belgrade.mfa.gov.az/en/news/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation-enru"),
    "https://it.qaz.wiki/wiki/Zabux": ("Wikipedia: Zabux (Aghavno), 39°35′23″N 46°32′36″E", "https://en.wikipedia.org/wiki/Zabux"),
    "http://restivo.info/wiki/Tur%C5%9Fsu,_Shusha": ("Wikipedia: Turşsu (Lisagor), 39°41′15″N 46°38′35″E", "https://en.wikipedia.org/wiki/Tur%C5%9Fsu,_Shusha"),
    "https://pinocchiopedia.com/wiki/Zar%C4%B1sl%C4%B1": ("Wikipedia: Zarıslı (Zarysly), 39°43′02″N 46°40′34″E", "https://en.wikipedia.org/wiki/Zar%C4%B1sl%C4%B1"),
    "https://bafybeiaysi4s6lnjev27ln5icwm6tueaw2vdykrtjkwiphwekaywqhcjze.ipfs.dweb.link/wiki/Hin_Tagher":
        ("Wikipedia: Hin Tagher, 39°30′27″N 46°49′25″E", "https://en.wikipedia.org/wiki/Hin_Tagher"),
    "https://perceptiopt.com/%D0%9C%D0%B0%D1%80%D1%82%D1%83%D0%BD%D0%B8_(%D0%9D%D0%B0%D0%B3%D0%BE%D1%80%D0%BD%D1%8B%D0%B9_%D0%9A%D0%B0%D1%80%D0%B0%D0%B1%D0%B0%D1%85)": None,
    "http://religion.wikia.com/wiki/Amaras_Monastery": ("Wikipedia: Amaras Monastery, 39°41′02″N 47°03′25″E", "https://en.wikipedia.org/wiki/Amaras_Monastery"),
}

# Who publishes: shown in the title, so a reader can weigh a partisan or state source.
PUBLISHER = [
    ("azertag.az", "Azerbaijani state news agency"),
    ("mfa.gov.az", None),
    ("primeminister.am", None),
    ("trend.az", "Azerbaijani media"),
    ("azernews.az", "Azerbaijani media"),
    ("news.az", "Azerbaijani media"),
    ("today.az", "Azerbaijani media"),
    ("qadin.net", "Azerbaijani media"),
    ("vestikavkaza", "Vestnik Kavkaza, Russian media"),
    ("anews.com.tr", "Turkish pro-government media"),
    ("dailysabah.com", "Turkish pro-government media"),
    ("turkicworld", "Azerbaijani presidential address, transcript"),
    ("tass.com", "Russian state news agency"),
    ("sputnik", "Russian state media"),
    ("www.rt.com", "Russian state media"),
    ("pravdareport.com", "Russian media relaying the Russian MoD"),
    ("publicnow.com", "Russian MoD release"),
    ("armradio.am", "Armenian Public Radio, state broadcaster"),
    ("armenpress", "Armenian state news agency"),
    ("azeriwarcrimes.org", "Armenian advocacy site"),
    ("gagrule.net", "Armenian diaspora site"),
    ("armedia.am", "Armenian media"),
    ("armenianclub.com/2020/11/21", "Armenian state news agency"),
    ("armenianclub.com", "CivilNet (Armenian independent outlet), as reposted"),
    ("uawire.org", "Ukrainian media relaying the Armenian MoD"),
    ("syrializm.net", "AFP dispatch as republished"),
    ("currenttime.tv", "RFE/RL"),
    ("oc-media.org", "OC Media, independent"),
    ("armenian.usc.edu", "USC Institute of Armenian Studies"),
    ("jam-news.net", "JAMnews, independent"),
    ("commonspace.eu", "commonspace.eu"),
    ("dw.com", "DW"),
]


def fix_sources(sources):
    out, seen = [], set()
    for s in sources:
        url = s.get("url", "")
        if url in ORIGINAL:
            rep = ORIGINAL[url]
            if rep is None:
                continue
            s = {"title": rep[0] + ("" if "mfa.gov.az" in rep[1] else " (value read in a copy of this page)"), "url": rep[1]}
        url = s.get("url", "")
        for domain, who in PUBLISHER:
            if domain in url and who and who not in s["title"]:
                s = dict(s, title=f"{s['title']} [{who}]")
                break
        if s.get("url") in seen:
            continue
        seen.add(s.get("url"))
        out.append(s)
    return out


def walk_sources(props):
    for key in ("sources", "control_sources"):
        if key in props:
            props[key] = fix_sources(props[key])
    for key in ("taken", "handover"):
        if isinstance(props.get(key), dict) and "sources" in props[key]:
            props[key]["sources"] = fix_sources(props[key]["sources"])


# --- places ------------------------------------------------------------------------

NOTES = {
    "stepanakert": text("Capitale de fait de la république autoproclamée du Haut-Karabakh (Artsakh) ; Xankəndi (Khankendi) en azerbaïdjanais.",
                        "De facto capital of the self-proclaimed Nagorno-Karabakh Republic (Artsakh); Xankəndi (Khankendi) in Azerbaijani."),
    "shusha": text("Prise annoncée par le président azerbaïdjanais le 8 novembre 2020, démentie ce jour-là par le ministère arménien de la Défense. "
                   "Position donnée à 0,1 minute d’arc près (environ 150 m).",
                   "Capture announced by Azerbaijan's president on 8 Nov 2020, denied that day by the Armenian Defence Ministry. "
                   "Position given to 0.1 arc-minute (about 150 m)."),
    "agdam": text("Ville en grande partie ruinée et inhabitée depuis 1993, appelée Akna par les autorités du Haut-Karabakh depuis 2010.",
                  "Town largely ruined and uninhabited since 1993, called Akna by the Nagorno-Karabakh authorities since 2010."),
    "martakert": text("Ağdərə (Aghdara) est son nom azerbaïdjanais.", "Ağdərə (Aghdara) is its Azerbaijani name."),
    "martuni": text("Xocavənd (Khojavend) est son nom azerbaïdjanais.", "Xocavənd (Khojavend) is its Azerbaijani name."),
    "fuzuli": text("Ville en ruine et inhabitée depuis 1993.", "Town in ruins and uninhabited since 1993."),
    "zangilan": text("Position arrondie à la minute d’arc (à environ 1 km près) : les sources anciennes plaçaient la ville environ 4,5 km plus à l’est.",
                     "Position rounded to the arc-minute (within about 1 km): older sources put the town about 4.5 km further east."),
    "hadrut": text("Prise annoncée le 9 octobre 2020, démentie alors par la partie arménienne ; le contrôle azerbaïdjanais est confirmé vers le 14-15 octobre.",
                   "Capture announced on 9 Oct 2020, denied by the Armenian side at the time; Azerbaijani control was confirmed around 14-15 October."),
    "madaghis": text("Renommé Suqovuşan par l’Azerbaïdjan après sa prise, annoncée le 3 octobre 2020.",
                     "Renamed Suqovuşan by Azerbaijan after its capture, announced on 3 Oct 2020."),
}

ZANGILAN = {
    "coordinates": [46.65, 39.08333],
    "sources": [
        {"title": "Wikipedia (de): Zəngilan (Stadt), 39°5′N 46°39′E", "url": "https://de.wikipedia.org/wiki/Z%C9%99ngilan_(Stadt)"},
    ],
}

places = json.load(open(PLACES))
P = {f["id"]: f for f in places["features"]}
for f in places["features"]:
    p = f["properties"]
    walk_sources(p)
    if f["id"] in NOTES:
        p["note"] = NOTES[f["id"]]
    else:
        p.pop("note", None)
    alts = p.get("alt_names")
    if alts:
        spellings = []
        for lang, names in alts.items():
            for n in names:
                if n not in spellings and n not in p["name"].values():
                    spellings.append(n)
        if spellings:
            p["facts"] = [{"label": text("Autres graphies", "Other spellings"),
                           "value": text(", ".join(spellings), ", ".join(spellings))}]
z = P["zangilan"]
z["geometry"]["coordinates"] = ZANGILAN["coordinates"]
z["properties"]["sources"] = ZANGILAN["sources"]
z["properties"]["accuracy"] = "approximate"

with open(PLACES, "w") as out:
    json.dump(places, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")

# --- ceasefire: names of areas named after a town, notes in both languages ---------

AREA_NAMES = {
    "area-taken-jabrayil": {"fr": "District de Djabraïl", "en": "Jabrayil district", "hy": "Jrakan", "az": "Cəbrayıl rayonu"},
    "area-taken-fuzuli": {"fr": "District de Fizouli (partie tenue)", "en": "Fuzuli district (held part)", "hy": "Varanda", "hy-Armn": "Վարանդա", "az": "Füzuli rayonu"},
    "area-taken-zangilan": {"fr": "District de Zanguilan", "en": "Zangilan district", "hy": "Kovsakan", "hy-Armn": "Կովսական", "az": "Zəngilan rayonu"},
    "area-taken-gubadli": {"fr": "District de Qubadli", "en": "Gubadli district", "hy": "Kashunik", "hy-Armn": "Քաշունիք", "az": "Qubadlı rayonu"},
    "area-taken-hadrut": {"fr": "Hadrout et sud du district de Khodjavend", "en": "Hadrut and southern Khojavend district", "hy": "Hadrut", "hy-Armn": "Հադրութ", "az": "Hadrut"},
    "area-taken-shusha": {"fr": "Chouchi et ses abords", "en": "Shusha and surroundings", "hy": "Shushi", "hy-Armn": "Շուշի", "az": "Şuşa"},
    "kalbajar-district": {"fr": "District de Kelbadjar", "en": "Kalbajar district", "hy": "Karvachar", "hy-Armn": "Քարվաճառ", "az": "Kəlbəcər rayonu"},
    "agdam-district": {"fr": "District d’Agdam (partie tenue jusqu’en 2020)", "en": "Aghdam district (part held until 2020)", "hy": "Akna", "hy-Armn": "Ակնա", "az": "Ağdam rayonu"},
    "lachin-district": {"fr": "District de Latchine (hors couloir)", "en": "Lachin district (outside the corridor)", "hy": "Kashatagh", "hy-Armn": "Քաշաթաղ", "az": "Laçın rayonu"},
    "lachin-corridor": {"fr": "Couloir de Latchine (5 km de large)", "en": "Lachin corridor (5 km wide)", "hy-Armn": "Լաչինի միջանցք", "az": "Laçın dəhlizi"},
    "contact-line": {"fr": "Ligne de contact après le cessez-le-feu du 10 novembre 2020", "en": "Line of contact after the ceasefire of 10 November 2020", "hy-Armn": "Շփման գիծ", "az": "Təmas xətti"},
    "contact-line-hin-tagher": {"fr": "Ligne de contact autour de Hin Tagher et Khtsaberd", "en": "Line of contact around Hin Tagher and Khtsaberd", "hy-Armn": "Շփման գիծ", "az": "Təmas xətti"},
    "peacekeeping-zone": {"fr": "Zone restée sous contrôle arménien, déploiement du contingent russe", "en": "Area left under Armenian control, Russian peacekeeping deployment",
                          "hy-Armn": "Ռուսական խաղաղապահ զորակազմի տեղակայման գոտի", "az": "Rusiya sülhməramlı kontingentinin müvəqqəti yerləşdiyi ərazi"},
    "nakhchivan-link": {"fr": "Liaison de transport prévue vers le Nakhitchevan (point 9)", "en": "Planned transport link to Nakhchivan (point 9)", "hy": "Nakhijevan", "hy-Armn": "Նախիջևան", "az": "Naxçıvan"},
}
AREA_FACTS = {
    "agdam-district": [{"label": text("Autres graphies", "Other spellings"), "value": text("Aghdam, Agdam", "Agdam")}],
}
TAKEN_NOTE = text(
    "Partie du district (geoBoundaries) tenue avant la guerre (Natural Earth). La date est celle de l’annonce de la prise du chef-lieu "
    "par le président azerbaïdjanais ; le district a été pris par étapes jusqu’au 10 novembre.",
    "The part of the district (geoBoundaries) held before the war (Natural Earth). The date is the one on which Azerbaijan's president "
    "announced the capture of the district centre; the district was taken in stages until 10 November.")

cf = json.load(open(CEASEFIRE))
for f in cf["features"]:
    p = f["properties"]
    walk_sources(p)
    if f["id"] in AREA_NAMES:
        p["name"] = AREA_NAMES[f["id"]]
    if f["id"] in AREA_FACTS:
        p["facts"] = AREA_FACTS[f["id"]]
    if f["id"] in ("area-taken-jabrayil", "area-taken-fuzuli", "area-taken-zangilan", "area-taken-gubadli"):
        p["note"] = TAKEN_NOTE
        p.pop("taken_date_note", None)
    if f["id"] == "kalbajar-district":
        p["note"] = text("Partie du district (geoBoundaries) tenue avant la guerre (Natural Earth), hors ancienne région autonome ; remise reportée du 15 au 25 novembre 2020.",
                         "The part of the district (geoBoundaries) held before the war (Natural Earth), outside the former autonomous region; handover postponed from 15 to 25 Nov 2020.")
    if f["id"] == "agdam-district":
        p["note"] = text("Partie du district (geoBoundaries) tenue avant la guerre (Natural Earth), hors ancienne région autonome.",
                         "The part of the district (geoBoundaries) held before the war (Natural Earth), outside the former autonomous region.")
    if f["id"] == "area-taken-hadrut":
        p["note"] = text("Partie de l’ancienne région autonome au sud de la ligne de contact, dans le district de Khodjavend ; prise d’Hadrout annoncée le 9 octobre 2020.",
                         "The part of the former autonomous region south of the line of contact, in Khojavend district; capture of Hadrut announced on 9 Oct 2020.")
    for k in [k for k in p if k.endswith("_note") and k not in ("taken_date_note", "segments_note")]:
        pass

with open(CEASEFIRE, "w") as out:
    json.dump(cf, out, ensure_ascii=False, separators=(",", ":"))
    out.write("\n")


# --- repeated vertices (Natural Earth chains left one at 46.3569 E, 40.2715 N) -------

def dedupe(c):
    if isinstance(c[0], (int, float)):
        return c
    if isinstance(c[0][0], (int, float)):
        out = [c[0]]
        for p in c[1:]:
            if p != out[-1]:
                out.append(p)
        return out
    return [dedupe(x) for x in c]


for name in ("history.geojson", "karabakh.geojson"):
    path = os.path.join(HERE, "../../geodata", name)
    raw = open(path).read()
    doc = json.loads(raw)
    for f in doc["features"]:
        f["geometry"]["coordinates"] = dedupe(f["geometry"]["coordinates"])
    new = json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n"
    if json.loads(new) != json.loads(raw):
        open(path, "w").write(new)
print("done")
