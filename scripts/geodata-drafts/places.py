#!/usr/bin/env python3
"""Build places.geojson from sourced DMS coordinates (conversion done here, not by hand)."""
import json

def dms(d, m=0, s=0):
    return round(d + m / 60 + s / 3600, 5)

S = lambda title, url: {"title": title, "url": url}

STATEMENT = [
    S("Statement by the PM of Armenia, the President of Azerbaijan and the President of Russia, 10.11.2020 (primeminister.am)",
      "https://www.primeminister.am/en/press-release/item/2020/11/10/Announcement/%20%20%20%20%20%20%20%20%20statement"),
    S("Statement by the President of Azerbaijan, the PM of Armenia and the President of Russia, 10 Nov 2020 (Embassy of Azerbaijan in Serbia)",
      "https://belgrade.mfa.gov.az/en/news/statement-by-the-president-of-the-republic-of-azerbaijan-the-prime-minister-of-the-republic-of-armenia-and-the-president-of-the-russian-federation-enru"),
]

P = []

def add(id_, kind, country, lat, lon, name, sources, control=None, control_sources=None,
        taken=None, handover=None, alt=None, note=None):
    props = {
        "kind": kind,
        "name": name,
        "country": country,
        "sources": sources,
        "accuracy": "exact",
        "as_of": "2020-11-10",
    }
    if alt:
        props["alt_names"] = alt
    if control:
        props["control_2020_11_10"] = control
    if control_sources:
        props["control_sources"] = control_sources
    if taken:
        props["taken"] = taken
    if handover:
        props["handover"] = handover
    if note:
        props["note"] = note
    P.append({"type": "Feature", "id": id_,
              "geometry": {"type": "Point", "coordinates": [lon, lat]},
              "properties": props})

# ---------------- required places ----------------
add("stepanakert", "city", "AZ", dms(39, 48, 55), dms(46, 45, 7),
    {"en": "Stepanakert", "fr": "Stepanakert", "hy": "Stepanakert", "hy-Armn": "Ստեփանակերտ", "az": "Xankəndi"},
    [S("Stepanakert – Simple English Wikipedia", "https://simple.wikipedia.org/wiki/Stepanakert"),
     S("Stepanakert – plwiki.pl (Polish Wikipedia copy)", "https://plwiki.pl/Leksykon/Stepanakert")],
    control="armenian",
    control_sources=[S("Stepanakert – Simple English Wikipedia", "https://simple.wikipedia.org/wiki/Stepanakert")] + STATEMENT,
    alt={"en": ["Khankendi"]},
    note="De facto capital of the unrecognised Republic of Artsakh on 2020-11-10; 'armenian' = ethnic-Armenian (Artsakh) authorities.")

add("shusha", "town", "AZ", dms(39, 45.5), dms(46, 44.9),
    {"en": "Shusha", "fr": "Chouchi", "hy": "Shushi", "hy-Armn": "Շուշի", "az": "Şuşa"},
    [S("Shusha – wiki-gateway.eudic.net (copy of English Wikipedia)", "https://wiki-gateway.eudic.net/wikipedia_en/Shushi.html"),
     S("Shushi – piglix (copy of English Wikipedia)", "http://piglix.com/piglix/Shushi"),
     S("Shusha – Scots Wikipedia", "https://sco.wikipedia.org/wiki/Shusha")],
    control="azerbaijani",
    taken={"date": "2020-11-08",
           "note": "Announced by President Aliyev on 8 Nov 2020; the Armenian Defence Ministry denied it the same day.",
           "sources": [S("Al Arabiya, 8 Nov 2020: Azerbaijan says it has captured Nagorno-Karabakh town of Shusha",
                         "https://english.alarabiya.net/en/News/world/2020/11/08/Azerbaijan-says-it-has-captured-Nagorno-Karabakh-town-of-Shusha"),
                       S("RT, 8 Nov 2020 (Aliyev claim and Armenian denial)", "https://www.rt.com/russia/506078-azerbaijan-shusha-nagorno-karabakh/"),
                       S("UNIAN, 8 Nov 2020", "https://www.unian.info/world/nagorno-karabakh-aliyev-says-key-city-of-shusha-captured-11211161.html")]},
    note="Coordinate given in the source in decimal minutes (39°45.5′N 46°44.9′E), i.e. ~0.1′ precision.")

add("lachin", "town", "AZ", dms(39, 38, 27), dms(46, 32, 49),
    {"en": "Lachin", "fr": "Latchine", "hy": "Berdzor", "hy-Armn": "Բերձոր", "az": "Laçın"},
    [S("Lachin – English Wikipedia (older copy)", "http://en.wikipedia.org/wiki/Lachin"),
     S("Lachin – Scots Wikipedia", "https://sco.wikipedia.org/wiki/Lachin")],
    control="armenian",
    control_sources=STATEMENT,
    handover={"district": "Lachin district",
              "statement_deadline": "2020-12-01",
              "note": "Statement clause 6: Lachin district returned by 1 Dec 2020, except the 5-km Lachin corridor under Russian peacekeepers. The town lies on the corridor road; its later status (2022) is outside this dataset's date.",
              "sources": STATEMENT + [
                  S("Sputnik France: Azerbaijani troops enter Lachin district on 1 December", "https://fr.sputniknews.com/international/202011301044857002-conformement-a-laccord-des-militaires-azerbaidjanais-entrent-dans-le-district-de-latchin-au/"),
                  S("TV5Monde: Haut-Karabakh – autour de Latchin", "https://information.tv5monde.com/international/haut-karabakh-autour-de-latchin-ces-armeniens-qui-decident-de-rester-10143")]},
    alt={"fr": ["Latchin"]})

add("goris", "town", "AM", dms(39, 30, 28), dms(46, 20, 19),
    {"en": "Goris", "fr": "Goris", "hy": "Goris", "hy-Armn": "Գորիս"},
    [S("Goris – piglix (copy of English Wikipedia)", "http://piglix.com/piglix/Goris"),
     S("Goris – de.zxc.wiki (translation of German Wikipedia, 39°30′N 46°20′E)", "https://de.zxc.wiki/wiki/Goris")],
    control="armenian")

add("kornidzor", "village", "AM", dms(39, 32, 53), dms(46, 31, 52),
    {"en": "Kornidzor", "fr": "Kornidzor", "hy": "Kornidzor", "hy-Armn": "Կոռնիձոր"},
    [S("Kornidzor – it.wiki7.org (translation of Russian Wikipedia)", "https://it.wiki7.org/wiki/%D0%9A%D0%BE%D1%80%D0%BD%D0%B8%D0%B4%D0%B7%D0%BE%D1%80"),
     S("Կոռնիձոր – armeniapedia.org (Armenian spelling)", "http://www.armeniapedia.org/wiki/%D4%BF%D5%B8%D5%BC%D5%B6%D5%AB%D5%B1%D5%B8%D6%80")],
    control="armenian",
    note="Only one coordinate source found (a machine-translated copy of Russian Wikipedia).")

add("kalbajar", "town", "AZ", dms(40, 6, 24), dms(46, 2, 18),
    {"en": "Kalbajar", "fr": "Kelbadjar", "hy": "Karvachar", "hy-Armn": "Քարվաճառ", "az": "Kəlbəcər"},
    [S("Kalbajar – wiki-gateway.eudic.net (copy of English Wikipedia)", "https://wiki-gateway.eudic.net/wikipedia_en/Kalbajar.html"),
     S("Kalbajar – Scots Wikipedia", "https://sco.wikipedia.org/wiki/Kalbajar")],
    control="armenian",
    control_sources=STATEMENT,
    handover={"district": "Kalbajar district",
              "statement_deadline": "2020-11-15",
              "postponed_to": "2020-11-25",
              "sources": STATEMENT + [
                  S("JAMnews, 15 Nov 2020: Kalbajar handover postponed to 25 November", "https://jam-news.net/trilateral-agreement-kelbajar-region-postponement-of-november-25-azerbaijan-news/"),
                  S("Armenian Public Radio, Nov 2020: Handover of Karvachar delayed for 10 days", "https://en.armradio.am/2020/11/15/handover-of-karvachar-region-to-azerbaijan-delayed-for-10-days/"),
                  S("commonspace.eu: Hand over of Kelbajar postponed until 25 November", "https://www.commonspace.eu/news/hand-over-kelbajar-azerbaijan-postponed-until-25-november")]},
    alt={"en": ["Kelbajar"]})

add("agdam", "town", "AZ", dms(39, 59, 35), dms(46, 55, 50),
    {"en": "Aghdam", "fr": "Agdam", "hy": "Akna", "hy-Armn": "Ակնա", "az": "Ağdam"},
    [S("Agdam – English Wikipedia, revision of 15 Nov 2016", "https://en.wikipedia.org/wiki/Agdam?oldid=749700550"),
     S("Aghdam – encyclopedia.datana.cloud (Wikipedia mini copy, 2024-04)", "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/Aghdam")],
    control="armenian",
    control_sources=STATEMENT,
    handover={"district": "Aghdam district",
              "statement_deadline": "2020-11-20",
              "sources": STATEMENT + [
                  S("Aghdam – datana copy of Wikipedia: 'came under Azerbaijani control on 20 November 2020'", "https://encyclopedia.datana.cloud/content/wikipedia_en_all_mini_2024-04/A/Aghdam"),
                  S("Voltaire Network, 20 Nov 2020: Aliyev address on Aghdam district", "https://www.voltairenet.org/article211716.html")]},
    alt={"en": ["Agdam"], "hy": ["Aghdam"], "hy-Armn": ["Աղդամ"]},
    note="Largely ruined and uninhabited on 2020-11-10; renamed Akna by the Artsakh authorities in 2010.")

add("martakert", "town", "AZ", dms(40, 12, 55), dms(46, 48, 46),
    {"en": "Martakert", "fr": "Martakert", "hy": "Martakert", "hy-Armn": "Մարտակերտ", "az": "Ağdərə"},
    [S("Martakert – Wikipédia (fr)", "https://fr.wikipedia.org/wiki/Martakert"),
     S("Mardakertas – Lithuanian Wikipedia", "https://lt.m.wikipedia.org/wiki/Mardakertas")],
    control="armenian",
    control_sources=[S("Martakert – Wikipédia (fr)", "https://fr.wikipedia.org/wiki/Martakert")] + STATEMENT,
    alt={"en": ["Aghdara", "Mardakert"]},
    note="'Aghdara' (az. Ağdərə) in the brief is the Azerbaijani name of this town, not a separate place.")

add("martuni", "town", "AZ", dms(39, 47, 43), dms(47, 6, 47),
    {"en": "Martuni", "fr": "Martouni", "hy": "Martuni", "hy-Armn": "Մարտունի", "az": "Xocavənd"},
    [S("Khojavend (town) – English Wikipedia, revision of 31 May 2020", "https://en.wikipedia.org/wiki/?oldid=959904958&title=Khojavend_%28town%29"),
     S("Khojavend (town) – the-uncensored-wiki (2014 Wikipedia copy)", "http://the-uncensored-wiki.com:20141/2014-wikipedia_en_all_02_2014/A/html/K/h/o/j/Khojavend_(town).html")],
    control="armenian",
    control_sources=STATEMENT,
    alt={"en": ["Khojavend"]},
    note="'khojavend' in the brief is the Azerbaijani name of this same town; not duplicated.")

add("askeran", "town", "AZ", dms(39, 56, 12), dms(46, 49, 58),
    {"en": "Askeran", "fr": "Askeran", "hy": "Askeran", "hy-Armn": "Ասկերան", "az": "Əsgəran"},
    [S("Askeran – English Wikipedia, revision 1002900662", "https://en.wikipedia.org/wiki/?oldid=1002900662&title=Askeran"),
     S("Askeran (town) – English Wikipedia, revision of 26 Oct 2016", "https://en.wikipedia.org/wiki/Askeran_(town)?oldid=746259352")],
    control="armenian",
    control_sources=STATEMENT)

add("hadrut", "town", "AZ", dms(39, 31, 0), dms(47, 1, 48),
    {"en": "Hadrut", "fr": "Hadrout", "hy": "Hadrut", "hy-Armn": "Հադրութ", "az": "Hadrut"},
    [S("Hadrut – friendlywiki (English Wikipedia wikitext copy)", "https://friendlywiki.com/article/index.php?title=Hadrut"),
     S("Hadrut – ro.frwiki.wiki (translation of French Wikipedia 'Hadrout')", "https://ro.frwiki.wiki/wiki/Hadrout")],
    control="azerbaijani",
    taken={"date": "2020-10-09",
           "note": "Date of President Aliyev's announcement. Denied by the Armenian side at the time; a Wikipedia-derived page states independent sources confirmed Azerbaijani control on 14 or 15 Oct 2020.",
           "sources": [S("TurkicWorld: President Ilham Aliyev's address on occasion of Hadrut liberation on October 9, 2020", "https://turkic.world/en/articles/official_chronicle/288749"),
                       S("MENAFN/Trend, 9 Oct 2023: anniversary of Hadrut (announced 9 Oct 2020)", "https://menafn.com/1107210837/Azerbaijan-Marking-Anniversary-Of-Hadrut-Settlements-Liberation-In-Second-Karabakh-War"),
                       S("Hadrut Province – theinfolist (Wikipedia copy: control on 14 or 15 Oct)", "http://theinfolist.com/html/ALL/l/H/Hadrut_Province.html")]})

add("fuzuli", "town", "AZ", dms(39, 36, 1), dms(47, 8, 35),
    {"en": "Fuzuli", "fr": "Fizouli", "hy": "Varanda", "hy-Armn": "Վարանդա", "az": "Füzuli"},
    [S("Fuzuli (city) – English Wikipedia (mobile)", "https://en.m.wikipedia.org/wiki/Fuzuli_(city)"),
     S("Füzuli – English Wikipedia (older copy)", "https://en.wikipedia.org/wiki/F%C3%BCzuli"),
     S("Varanda – Italian Wikipedia (Armenian name)", "http://it.wikipedia.org/wiki/Varanda")],
    control="azerbaijani",
    taken={"date": "2020-10-17",
           "sources": [S("Trend, 17 Oct 2020: Aliyev address – Fizuli city liberated", "https://en.trend.az/azerbaijan/politics/3318694.html"),
                       S("Daily Sabah, 17 Oct 2020", "https://www.dailysabah.com/politics/azerbaijan-liberates-city-of-fuzuli-7-villages-in-nagorno-karabakh/news")]},
    alt={"en": ["Fizuli"]},
    note="Ruined/uninhabited ghost town since 1993.")

add("jabrayil", "town", "AZ", dms(39, 24, 0), dms(47, 1, 34),
    {"en": "Jabrayil", "fr": "Djabraïl", "hy": "Jrakan", "az": "Cəbrayıl"},
    [S("Cəbrayil – IPFS copy of English Wikipedia", "https://gateway.ipfs.io/ipfs/QmXoypizjW3WknFiJnKLwHCnL72vedxjQkDDP1mXWo6uco/wiki/C%C9%99brayil.html")],
    control="azerbaijani",
    taken={"date": "2020-10-04",
           "sources": [S("AZERTAC, 4 Oct 2020: Aliyev congratulates people on liberation of Jabrayil city", "https://azertag.az/en/xeber/President_Ilham_Aliyev_congratulates_people_of_Azerbaijan_on_liberation_of_Jabrayil_city_and_9_villages_of_Jabrayil_district_from_occupation-1603837"),
                       S("AzerNews, 4 Oct 2020: Azerbaijan liberates key Jabrayil city", "https://www.azernews.az/nation/169969.html")]},
    note="Only one coordinate source found. Armenian-script form of 'Jrakan' not found in sources (omitted).")

add("zangilan", "town", "AZ", dms(39, 3, 56), dms(46, 41, 49),
    {"en": "Zangilan", "fr": "Zanguilan", "hy": "Kovsakan", "hy-Armn": "Կովսական", "az": "Zəngilan"},
    [S("Distretto di Zəngilan – Italian Wikipedia ('coordinate del capoluogo')", "https://it.wikipedia.org/wiki/Distretto_di_Z%C9%99ngilan"),
     S("زنگلان (شهر) – Persian Wikipedia via wikizero", "https://wikizero.net/wiki/fa/%D8%B2%D9%86%DA%AF%D9%84%D8%A7%D9%86_(%D8%B4%D9%87%D8%B1)"),
     S("Zəngilan (Stadt) – German Wikipedia (older copy, 39.06556, 46.69694)", "http://de.wikipedia.org/wiki/Z%C9%99ngilan_(Stadt)")],
    control="azerbaijani",
    taken={"date": "2020-10-20",
           "sources": [S("Anadolu via A News, 20 Oct 2020: Aliyev announces liberation of Zangilan city", "https://www.anews.com.tr/world/2020/10/20/aliyev-announces-liberation-of-zangilan-city-and-several-villages-from-armenian-occupation"),
                       S("Today.az, 20 Oct 2020", "http://www.today.az/news/politics/199004.html")]},
    note="A later German Wikipedia copy (de.wiki.li) gives 39°5′N 46°39′E, ~4 km from the point used; treat with caution.")

add("gubadli", "town", "AZ", dms(39, 20, 38), dms(46, 34, 47),
    {"en": "Gubadli", "fr": "Qubadli", "hy": "Kashunik", "hy-Armn": "Քաշունիք", "az": "Qubadlı"},
    [S("Qubadlı (Stadt) – German Wikipedia copy (39°20′38″N 46°34′47″E)", "https://dnhewrhegkli.shop/wiki/Kaschounik"),
     S("Gubadli – perceptiopt.com (translation of Russian Wikipedia)", "https://perceptiopt.com/%D0%A1%D0%B0%D0%BD%D0%B0%D1%81%D0%B0%D1%80"),
     S("Qubadlı (Stadt) – German Wikipedia (rounded 39°21′N 46°35′E)", "https://de.wikipedia.org/wiki/Qubadl%C4%B1_(Stadt)")],
    control="azerbaijani",
    taken={"date": "2020-10-25",
           "note": "Azerbaijani commemorations and German Wikipedia (citing Interfax, 25 Oct 2020) give 25 Oct; some reports (AzerNews, dialog.ua, ua.news) are dated 26 Oct.",
           "sources": [S("German Wikipedia: Qubadlı (Stadt) – retaken 25 Oct 2020 (cites Interfax)", "https://de.wikipedia.org/wiki/Qubadl%C4%B1_(Stadt)"),
                       S("News.az: anniversary of Gubadli liberation (25 Oct 2020)", "https://news.az/news/azerbaijan-marks-fourth-anniversary-of-gubadlis-liberation-from-armenian-occupation"),
                       S("AzerNews, 26 Oct 2020: Azerbaijan liberates Gubadli city", "https://azernews.az/nation/171411.html")]},
    alt={"en": ["Qubadli"]},
    note="Coordinate sources are copies on unusual mirror domains; consistent with rounded German Wikipedia value.")

add("yerevan", "capital", "AM", dms(40, 10, 53), dms(44, 30, 52),
    {"en": "Yerevan", "fr": "Erevan", "hy": "Yerevan", "hy-Armn": "Երևան", "az": "İrəvan"},
    [S("Yerevan – wikien4.appspot.com (copy of English Wikipedia)", "http://wikien4.appspot.com/wiki/Yerevan"),
     S("Yerevan – worddisk.com (copy of English Wikipedia)", "https://www.worddisk.com/wiki/Yerevan/"),
     S("Jerevan – Finnish Wikipedia excerpt (azer. İrəvan)", "https://suomalaiset-podcastit.fi/tag/Jerevan")],
    control="armenian")

add("baku", "capital", "AZ", dms(40, 23, 43), dms(49, 52, 56),
    {"en": "Baku", "fr": "Bakou", "az": "Bakı"},
    [S("Baku – Simple English Wikipedia", "https://simple.wikipedia.org/wiki/Baku?oldformat=true"),
     S("Baku – review.clateway.com (copy of English Wikipedia)", "https://review.clateway.com/wiki/view_html.php?q=Baku&sq=Qlik")],
    control="azerbaijani",
    note="Armenian name not found in the sources searched (omitted).")

# ---------------- optional places ----------------
add("khojaly", "town", "AZ", dms(39, 54, 40), dms(46, 47, 21),
    {"en": "Khojaly", "fr": "Khodjaly", "hy": "Ivanyan", "hy-Armn": "Իվանյան", "az": "Xocalı"},
    [S("Khojaly (town) – enwikipedia.net (copy of English Wikipedia)", "https://enwikipedia.net/wiki/Khojaly_(town)"),
     S("Chodžali – Lithuanian Wikipedia", "https://lt.wikipedia.org/wiki/Chod%C5%BEali")],
    control="armenian",
    control_sources=STATEMENT,
    alt={"hy": ["Khojalu"], "hy-Armn": ["Խոջալու"]})

add("tegh", "village", "AM", dms(39, 33, 17), dms(46, 28, 33),
    {"en": "Tegh", "fr": "Tegh", "hy": "Tegh", "hy-Armn": "Տեղ"},
    [S("Tegh – Kiwix copy of English Wikipedia (2024-01)", "https://kiwix.haohe.fun/content/wikipedia_en_all_maxi_2024-01/A/Tegh"),
     S("Tegh – IIAB Kiwix copy of English Wikipedia (2023-10)", "https://iiab.me/kiwix/content/wikipedia_en_all_maxi_2023-10/A/Tegh")],
    control="armenian")

add("ganja", "city", "AZ", dms(40, 40, 58), dms(46, 21, 38),
    {"en": "Ganja", "fr": "Gandja", "hy": "Gandzak", "hy-Armn": "Գանձակ", "az": "Gəncə"},
    [S("Gandža – Slovenian Wikipedia", "https://sl.wikipedia.org/wiki/Elizavetpol"),
     S("Ganja, Azerbaijan – KidzSearch wiki", "https://wiki.kidzsearch.com/wiki/G%C9%99nc%C9%99")],
    control="azerbaijani")

add("nakhchivan", "city", "AZ", dms(39, 12, 58), dms(45, 24, 38),
    {"en": "Nakhchivan", "fr": "Nakhitchevan", "hy": "Nakhijevan", "hy-Armn": "Նախիջևան", "az": "Naxçıvan"},
    [S("Nakhchivan (city) – WikiMili (copy of English Wikipedia)", "https://wikimili.com/en/Nakhchivan_(city)"),
     S("Nakhchivan (city) – friendlywiki (English Wikipedia wikitext copy)", "https://friendlywiki.com/article/index.php?title=Nakhchivan_%28city%29")],
    control="azerbaijani",
    note="Simple English Wikipedia gives 39°12′32″N 45°24′44″E (~0.8 km away).")

add("meghri", "town", "AM", dms(38, 54, 12), dms(46, 14, 45),
    {"en": "Meghri", "fr": "Meghri", "hy": "Meghri", "hy-Armn": "Մեղրի"},
    [S("Meghri – English Wikipedia revision 1178586107 (via proxy)", "https://tomorrow.paperai.life/https://wikipedia.org/w/index.php?oldid=1178586107&title=Meghri"),
     S("Meghri – English Wikipedia (names)", "https://en.wikipedia.org/wiki/Meghri")],
    control="armenian")

add("madaghis", "village", "AZ", dms(40, 19, 53), dms(46, 43, 46),
    {"en": "Madagiz", "fr": "Madaghis", "hy": "Madaghis", "hy-Armn": "Մատաղիս", "az": "Suqovuşan"},
    [S("Madagiz – English Wikipedia diff of 9–10 Oct 2020 (mirror)", "https://u3vuiephb.global.ssl.fastly.net/search/?diff=982854759&oldid=982699735&title=Madagiz"),
     S("Madaghis – es.frwiki.wiki (translation of French Wikipedia)", "https://es.frwiki.wiki/wiki/Madaghis")],
    control="azerbaijani",
    taken={"date": "2020-10-03",
           "note": "Announced by President Aliyev on 3 Oct 2020 and renamed Sugovushan; an Armenian blogger quoted by armenews.com disputed the capture in early October.",
           "sources": [S("Qadin.net: Madagiz liberated on October 3, 2020", "https://qadin.net/en/news/110498-when-did-the-armenians-occupy-madagiz-sugovushan-photo.html"),
                       S("Today.az: anniversary of Sugovushan and Talish (3 Oct 2020)", "https://today.az./news/society/253628.html"),
                       S("armenews.com, Oct 2020 (Armenian-side dispute)", "https://www.armenews.com/spip.php?page=article&id_article=69322")]},
    alt={"en": ["Sugovushan", "Madaghis"]})

fc = {"type": "FeatureCollection", "features": P}
with open("places.draft.geojson", "w", encoding="utf-8") as f:
    json.dump(fc, f, ensure_ascii=False, indent=2)
print(len(P), "features")
for p in P:
    lon, lat = p["geometry"]["coordinates"]
    print(f'{p["id"]:12s} {lat:.5f} {lon:.5f} {p["properties"].get("control_2020_11_10","")}')
