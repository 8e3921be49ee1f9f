import json, pickle
from shapely.geometry import mapping, Point, LineString, Polygon, MultiPolygon, MultiPoint
from shapely.geometry.polygon import orient
from shapely.ops import substring, unary_union
import shapely.affinity as A
exec(open('ceasefire_base.py').read().split("out={}")[0])
c=0.766
# corridor: full 2.5 km buffer of the road, inside Azerbaijan (as drawn by NE), minus Shusha town + a schematic notch open to the west
notch=unary_union([shusha_city, MultiPoint(list(shusha_city.exterior.coords)+[(46.715,39.760)]).convex_hull])
corridor=buf.intersection(AZE).difference(notch)
if corridor.geom_type=='MultiPolygon': corridor=max(corridor.geoms,key=lambda g:g.area)
corridor=Polygon(corridor.exterior)  # drop any interior ring
hadrut=taken_south.intersection(DIST['Khojavend District']).buffer(0)
shusha_t=taken_south.difference(hadrut).buffer(0)
def big(g):
    return max(g.geoms,key=lambda x:x.area) if g.geom_type in ('MultiPolygon','GeometryCollection') else g
def cleanpoly(g,tol=0.002,maxv=150):
    g=big(g.buffer(0))
    while True:
        s=big(g.simplify(tol,preserve_topology=True))
        n=len(s.exterior.coords)+sum(len(i.coords) for i in s.interiors)
        if n<=maxv: break
        tol*=1.4
    s=big(set_precision(s,1e-4))
    s=orient(s,1.0)
    return s
def rnd(geom):
    m=mapping(geom)
    def r(x):
        if isinstance(x,(list,tuple)) and x and isinstance(x[0],(int,float)): return [round(x[0],4),round(x[1],4)]
        return [r(y) for y in x]
    return {'type':m['type'],'coordinates':r(m['coordinates'])}
SRC=json.load(open('ceasefire_sources.json'))
def src(*keys): return [SRC[k] for k in keys]
feats=[]
def add(fid,geom,props):
    props=dict(props)
    feats.append({'type':'Feature','id':fid,'properties':props,'geometry':rnd(geom)})
ACC_NOTE=None
# contact line
add('contact-line',contact,{'kind':'contact-line','name':{'fr':"Ligne de contact après le cessez-le-feu du 10 novembre 2020",'en':'Line of contact after the ceasefire of 10 November 2020','hy':'Շփման գիծ','az':'Təmas xətti'},
 'accuracy':'schematic','valid_from':'2020-11-10',
 'sources':src('statement_pm','tass_posts','civilnet_taghavard','wiki_taghavard','wiki_karmirshuka','mod_amaras','avetaranots','karintak','wiki_talish','madagiz_offensive','madagiz_coord','wiki_amaras','azernews_districts','ne_loc','ne_nkao','gb'),
 'note':{'fr':"Tracé schématique : ligne de 1994 (Natural Earth) au nord et à l'est, contournant Talish et Madagiz pris le 3 octobre, puis limite du district de Fuzouli et de l'ex-NKAO, puis segments droits entre villages cités de part et d'autre (Amaras, Karmir Chouka, Taghavard coupé en deux, Avetaranots, Karin Tak).",
         'en':"Schematic: the 1994 line (Natural Earth) in the north and east, bent south of Talish and Madagiz (taken 3 Oct), then the Fuzuli district and former NKAO boundaries, then straight segments between cited villages on either side (Amaras, Karmir Shuka, divided Taghavard, Avetaranots, Karin Tak)."},
 'segments_note':{'fr':"Le secteur d'Aghdam (à l'est de l'ex-NKAO) reste sur la ligne de 1994 jusqu'à la remise du district le 20 novembre 2020 ; les fronts de Kelbadjar et du sud du district de Latchine ne sont pas tracés.",
                  'en':"The Agdam sector (east of the former NKAO) follows the 1994 line until the district handover on 20 Nov 2020; the Kalbajar front and the southern Lachin district front are not drawn."}})
zone_s=cleanpoly(zone)
add('peacekeeping-zone',zone_s,{'kind':'control-area','name':{'fr':"Zone restée sous contrôle arménien, déploiement du contingent russe",'en':'Area left under Armenian control, Russian peacekeeping deployment','hy':'Ռուսական խաղաղապահ զորակազմի տեղակայման գոտի','az':'Rusiya sülhməramlı kontingentinin müvəqqəti yerləşdiyi ərazi'},
 'accuracy':'approximate','valid_from':'2020-12-01',
 'sources':src('statement_pm','ne_nkao','wiki_talish','madagiz_offensive','civilnet_taghavard','wiki_taghavard','avetaranots','karintak','shusha_aliyev','armradio_shusha_villages','ria24_villages','gagrule_agdam','armedia_charektar','dw_posts'),
 'note':{'fr':"Ancien oblast (NKAO, Natural Earth) moins le saillant de Talish–Madagiz et moins la zone au sud de la ligne de contact (Hadrout, Chouchi) ; généralisé, ne suit pas les positions réelles.",
         'en':"Former oblast (NKAO, Natural Earth) minus the Talish–Madagiz salient and minus the area south of the contact line (Hadrut, Shusha); generalised, does not follow actual positions."},
 'uncertain':{'fr':"Sont omis : Charektar et Aknaberd (restés arméniens), la poche de Khtsaberd–Hin Tagher (prise le 12-13 décembre 2020) ; la limite ouest de Chouchi est schématique.",'en':"Omitted: Charektar and Aknaberd (left under Armenian control), the Khtsaberd–Hin Tagher pocket (taken 12–13 Dec 2020); the limit west of Shusha is schematic."}})
cor_s=cleanpoly(corridor,0.001)
add('lachin-corridor',cor_s,{'kind':'corridor','name':{'fr':'Corridor de Latchine (5 km de large)','en':'Lachin corridor (5 km wide)','hy':'Լաչինի միջանցք','az':'Laçın dəhlizi'},
 'accuracy':'schematic','valid_from':'2020-11-10','valid_until':'2022-08-26','width_km':5,
 'sources':src('statement_pm','statement_mfa','wiki_lachin','wiki_zabukh','wiki_lisagor','wiki_zarysly','wiki_kornidzor','wiki_stepanakert','wiki_shusha','karintak','armradio_shusha_villages','sputnik_crossroads','tass_posts','civilnet_2022'),
 'note':{'fr':"Zone tampon de 2,5 km de part et d'autre d'une route schématique Kornidzor–Aghavno (Zabukh)–Latchine (Berdzor)–Lisagor–Zarysly–Karin Tak–Stepanakert, limitée au territoire azerbaïdjanais et excluant la ville de Chouchi.",
         'en':"2.5 km buffer either side of a schematic road Kornidzor–Aghavno (Zabukh)–Lachin (Berdzor)–Lisagor–Zarysly–Karin Tak–Stepanakert, clipped to Azerbaijan's territory and excluding Shusha town."}})
# HQ and posts
add('peacekeeper-hq',Point(P['Stepanakert']),{'kind':'peacekeeper-hq','name':{'fr':'Quartier général du contingent russe de maintien de la paix, Stepanakert','en':'Russian peacekeeping contingent headquarters, Stepanakert','hy':'Ստեփանակերտ','az':'Xankəndi'},
 'accuracy':'approximate','as_of':'2020-11-15','troops':1960,'armoured_personnel_carriers':90,'vehicles':380,'term_years':5,'auto_extension_years':5,
 'posts_reported':[{'count':25,'detail':'9 observation posts in the northern zone, 9 in the southern zone, 7 temporary posts in the Lachin corridor','date':'2020-11-15','source':SRC['tass_posts']['url']},
                   {'count':23,'detail':'11 in the northern zone of responsibility, 12 in the southern (Maj. Gen. Igor Konashenkov, Russian MoD)','date':'2020-11-18','source':SRC['pravda_23']['url']}],
 'sources':src('statement_pm','statement_mfa','tass_posts','pravda_23','uawire_hq','wiki_stepanakert'),
 'note':{'fr':"Point placé au centre de Stepanakert (coordonnées Wikipédia) : le ministère russe de la Défense situe le poste de commandement à Stepanakert sans adresse précise.",
         'en':"Point placed at Stepanakert's centre (Wikipedia coordinates): the Russian MoD places the command post in Stepanakert without a precise address."}})
add('peacekeeper-post-dadivank',Point(P['Dadivank']),{'kind':'peacekeeper-post','name':{'fr':'Poste d\'observation près du monastère de Dadivank','en':'Observation post near Dadivank monastery','hy':'Դադիվանք','az':'Xudavəng'},
 'accuracy':'approximate','as_of':'2020-11-16','post_number':'23 (per Russian Wikipedia)',
 'sources':src('armradio_dadivank','mod_amaras','ruwiki_dadivank'),
 'note':{'fr':"Placé aux coordonnées du monastère ; le ministère russe indique un poste « à proximité immédiate » du monastère.",'en':"Placed at the monastery's coordinates; the Russian MoD says a post is 'in the immediate vicinity' of the monastery."}})
add('peacekeeper-post-martuni',Point(P['Martuni']),{'kind':'peacekeeper-post','name':{'fr':'Poste d\'observation n° 13, Martouni','en':'Observation post no. 13, Martuni','hy':'Մարտունի','az':'Xocavənd'},
 'accuracy':'approximate','as_of':'2021','post_number':'13',
 'sources':src('ruwiki_martuni','wiki_martuni'),
 'note':{'fr':"Placé au centre de la ville ; seule une notice encyclopédique (Wikipédia russe) situe le poste n° 13 « dans la ville ».",'en':"Placed at the town centre; only an encyclopaedia entry (Russian Wikipedia) places post no. 13 'in the town'."}})
add('peacekeeper-post-aghavno',Point(P['Zabukh']),{'kind':'peacekeeper-post','name':{'fr':'Poste à Aghavno (Zabukh), corridor de Latchine','en':'Post at Aghavno (Zabukh), Lachin corridor','hy':'Աղավնո','az':'Zabux'},
 'accuracy':'approximate','as_of':'2020-11','valid_until':'2022-08-26',
 'sources':src('wiki_zabukh','tass_posts'),
 'note':{'fr':"Placé au centre du village ; Wikipédia mentionne un poste russe à Aghavno, et le bulletin russe du 15 novembre des postes temporaires « le long de la route de Zabukh ».",'en':"Placed at the village centre; Wikipedia mentions a Russian post at Aghavno, and the Russian bulletin of 15 Nov temporary posts 'along the Zabukh road'."}})
# district handovers
def handover(fid,dname,date,extra,names,srckeys,note,sub=None):
    g=DIST[dname].intersection(HELD).difference(NKAO)
    if sub is not None: g=g.difference(sub)
    props={'kind':'district-handover','name':names,'accuracy':'approximate','handover_date':date,'sources':src(*srckeys),'note':note}
    props.update(extra)
    add(fid,cleanpoly(g),props)
add_note=lambda fr,en:{'fr':fr,'en':en}
handover('kalbajar-district','Kalbajar District','2020-11-25',{'handover_date_original':'2020-11-15'},
 {'fr':'District de Kelbadjar','en':'Kalbajar district','hy':'Քարվաճառ','az':'Kəlbəcər rayonu'},
 ['statement_pm','jamnews_kalbajar','commonspace_kalbajar','gb','ne_held','ne_nkao'],
 add_note("District (geoBoundaries) ∩ zone tenue 1994–2020 (Natural Earth), moins l'ex-NKAO ; remise reportée du 15 au 25 novembre 2020.","District (geoBoundaries) ∩ 1994–2020 held area (Natural Earth), minus the former NKAO; handover postponed from 15 to 25 Nov 2020."))
handover('agdam-district','Agdam District','2020-11-20',{},
 {'fr':"District d'Aghdam (partie tenue jusqu'en 2020)",'en':'Agdam district (part held until 2020)','hy':'Ակնա','az':'Ağdam rayonu'},
 ['statement_pm','gagrule_agdam','gb','ne_held','ne_nkao'],
 add_note("Partie du district (geoBoundaries) dans la zone tenue 1994–2020 (Natural Earth), hors ex-NKAO.","Part of the district (geoBoundaries) inside the 1994–2020 held area (Natural Earth), outside the former NKAO."))
handover('lachin-district','Lachin District','2020-12-01',{},
 {'fr':'District de Latchine (hors corridor)','en':'Lachin district (outside the corridor)','hy':'Քաշաթաղ','az':'Laçın rayonu'},
 ['statement_pm','commonspace_kalbajar','trend_gubadli','gb','ne_held'],
 add_note("District (geoBoundaries) ∩ zone tenue 1994–2020, moins l'ex-NKAO et le corridor ; inclut à tort les villages du sud pris pendant la guerre (non délimités).","District (geoBoundaries) ∩ 1994–2020 held area, minus the former NKAO and the corridor; wrongly includes southern villages taken during the war (not delimited)."),
 sub=corridor)
# areas taken
def taken(fid,geom,names,date,srckeys,note,extra=None):
    props={'kind':'area-taken','name':names,'accuracy':'approximate','taken_date':date,'sources':src(*srckeys),'note':note}
    if extra: props.update(extra)
    add(fid,cleanpoly(geom),props)
TD=add_note("Date d'annonce de la prise du chef-lieu par le président azerbaïdjanais ; le district a été pris par étapes jusqu'au 10 novembre.","Date the Azerbaijani president announced the capture of the district centre; the district was taken in stages until 10 Nov.")
for fid,dn,date,nm,keys in [
 ('area-taken-jabrayil','Jabrayil District','2020-10-04',{'fr':'District de Djabraïl','en':'Jabrayil district','hy':'Ջաբրայիլ','az':'Cəbrayıl rayonu'},['azertag_jabrayil']),
 ('area-taken-fuzuli','Fuzuli District','2020-10-17',{'fr':'District de Fouzouli (partie tenue)','en':'Fuzuli district (held part)','hy':'Ֆիզուլի','az':'Füzuli rayonu'},['newsaz_fuzuli']),
 ('area-taken-zangilan','Zangilan District','2020-10-20',{'fr':'District de Zanguilan','en':'Zangilan district','hy':'Կովսական','az':'Zəngilan rayonu'},['anews_zangilan']),
 ('area-taken-gubadli','Qubadli District','2020-10-25',{'fr':'District de Goubadly','en':'Gubadli district','hy':'Քաշունիք','az':'Qubadlı rayonu'},['vestikavkaza_gubadli','trend_gubadli'])]:
    g=DIST[dn].intersection(HELD).difference(NKAO)
    taken(fid,g,nm,date,keys+['azernews_districts','gb','ne_held'],
      add_note("District (geoBoundaries) ∩ zone tenue 1994–2020 (Natural Earth) ; "+TD['fr'][0].lower()+TD['fr'][1:], "District (geoBoundaries) ∩ 1994–2020 held area (Natural Earth); "+TD['en'][0].lower()+TD['en'][1:]),
      {'taken_date_note':TD})
taken('area-taken-hadrut',hadrut,{'fr':'Hadrout et sud du district de Khodjavend','en':'Hadrut and southern Khojavend district','hy':'Հադրութ','az':'Hadrut'},'2020-10-09',
 ['newsaz_hadrut','trend_hadrut','civilnet_taghavard','wiki_hintagher','gb','ne_nkao'],
 add_note("Partie de l'ex-NKAO au sud de la ligne de contact, dans le district de Khodjavend ; Hadrout annoncé pris le 9 octobre 2020 (vidéo du ministère azerbaïdjanais le 16).","Part of the former NKAO south of the contact line, within Khojavend district; Hadrut announced taken on 9 Oct 2020 (Azerbaijani MoD video on 16 Oct)."),
 {'taken_date_note':add_note("La poche de Khtsaberd et Hin Tagher, comprise ici, est restée arménienne jusqu'aux 12-13 décembre 2020.","The Khtsaberd and Hin Tagher pocket, included here, stayed Armenian-held until 12–13 Dec 2020.")})
taken('area-taken-shusha',shusha_t,{'fr':'Chouchi et ses abords','en':'Shusha and surroundings','hy':'Շուշի','az':'Şuşa'},'2020-11-08',
 ['shusha_aliyev','wikimili_shusha','karintak','avetaranots','gb','ne_nkao'],
 add_note("Partie de l'ex-NKAO au sud de la ligne de contact hors district de Khodjavend (Chouchi, Karin Tak, Avetaranots) ; limite ouest schématique.","Part of the former NKAO south of the contact line outside Khojavend district (Shusha, Karin Tak, Avetaranots); western limit schematic."))
# Nakhchivan link: Aras river (NE) between ~45.45E and ~46.95E
from shapely.geometry import box
ar=ARAS.intersection(box(45.45,38.7,46.95,39.6))
if ar.geom_type=='MultiLineString':
    from shapely.ops import linemerge
    ar=linemerge(ar)
    if ar.geom_type=='MultiLineString': ar=max(ar.geoms,key=lambda g:g.length)
if ar.coords[0][0]<ar.coords[-1][0]: ar=LineString(ar.coords[::-1])  # east -> west (western Azerbaijan -> Nakhchivan)
ar=ar.simplify(0.01)
add('nakhchivan-link',ar,{'kind':'planned-route','name':{'fr':'Liaison de transport prévue vers le Nakhitchevan (point 9)','en':'Planned transport link to Nakhchivan (point 9)','hy':'Նախիջևան','az':'Naxçıvan'},
 'accuracy':'schematic','as_of':'2020-11-10',
 'sources':src('statement_pm','statement_mfa','ne_rivers'),
 'note':{'fr':"Tracé purement schématique le long de l'Araxe (Natural Earth), à travers le sud du Siounik arménien (Meghri) : la déclaration ne fixe aucun itinéraire.",
         'en':"Purely schematic line along the Aras river (Natural Earth) through southern Syunik (Meghri), Armenia: the statement sets no route."}})
for f in feats:
    f['properties']['id']=f['id']
fc={'type':'FeatureCollection','features':feats}
json.dump(fc,open('ceasefire.draft.geojson','w'),ensure_ascii=False,indent=1)
for f in feats:
    g=f['geometry']; n=len(json.dumps(g['coordinates']).split('],['))
    print(f['id'],g['type'],n)
