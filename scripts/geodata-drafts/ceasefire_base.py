import json
from shapely.geometry import shape, Point, LineString, Polygon, MultiPolygon, mapping
from shapely.ops import unary_union, substring, nearest_points, linemerge
from shapely import set_precision
from shapely.geometry.polygon import orient
S='../shared/geodata-sources/'  # the raw extracts (see geodata/SOURCES.md)
def load(f): return json.load(open(S+f))['features']
NKAO=shape(load('nkao_1991_from_ne.geojson')[0]['geometry'])
HELD=shape(load('nkr_held_1994_2020_from_ne.geojson')[0]['geometry'])
DIST={f['properties']['name_en']:shape(f['geometry']) for f in load('gb_aze_adm2_frame.geojson')}
CTRY={f['properties']['name']:shape(f['geometry']) for f in load('ne10m_countries_frame.geojson')}
AZE=CTRY['Azerbaijan']
ARAS=[shape(f['geometry']) for f in load('ne10m_rivers_frame.geojson') if f['properties']['name']=='Aras'][0]
# 1994 LoC chained west->east->south
segs=[]
for f in load('loc_1994_from_ne.geojson'):
    g=shape(f['geometry']); segs += list(g.geoms) if g.geom_type=='MultiLineString' else [g]
LOC=linemerge(segs)
assert LOC.geom_type=='LineString', LOC.geom_type
if LOC.coords[0][0]>LOC.coords[-1][0]: LOC=LineString(LOC.coords[::-1])

# ---- cited points (lat, lon) ----
P={k:(v[1],v[0]) for k,v in json.load(open('ceasefire_points.json')).items()}  # -> (lon,lat)
KM=1/111.0
def kx(lat): return 1/(111.32*0.7660)  # deg lon per km at ~40N (cos 40 = 0.766)

# ---- north: Talish/Madagiz salient (schematic) ----
dW=LOC.project(Point(46.65,40.40)); dE=LOC.project(Point(46.82,40.36))
pW=LOC.interpolate(dW); pE=LOC.interpolate(dE)
north_new=[(pW.x,pW.y),(46.68,40.33),(46.71,40.305),(46.78,40.30),(pE.x,pE.y)]
loc_part=substring(LOC,dW,dE)
salient=Polygon(list(north_new)+list(loc_part.coords)[::-1][1:])
salient=salient.buffer(0)

# ---- south line S (west->east), schematic between cited villages ----
S_pts=[P['KarinTak'],(46.790,39.735),(46.845,39.720),P['Taghavard'],(46.9486,39.6640),(47.0570,39.6760)]
# extend east end onto NKAO boundary
nk_b=NKAO.exterior
end=nearest_points(nk_b,Point(S_pts[-1]))[0]
S_pts.append((end.x,end.y))
# polygon P (area south of the line, incl. Shusha) ; west side schematic
west=[(46.30,39.30),(46.68,39.60),(46.72,39.70),(46.735,39.745),(46.735,39.768),(46.758,39.768),(46.765,39.748)]
east_far=[(47.60,39.70),(47.60,39.30)]
Ppoly=Polygon(west+S_pts[1:]+[(end.x+0.3,end.y)]+east_far).buffer(0)
taken_south=NKAO.intersection(Ppoly)

# ---- road & corridor ----
road=LineString([P['Kornidzor'],P['Zabukh'],P['Lachin'],P['Lisagor'],P['Zarysly'],P['KarinTak'],P['Stepanakert']])
# buffer 2.5 km in a locally-metric way: scale lon
import shapely.affinity as A
c=0.766
road_m=A.scale(road,xfact=c,yfact=1,origin=(46.6,39.7))
buf=A.scale(road_m.buffer(2.5*KM,quad_segs=4),xfact=1/c,yfact=1,origin=(46.6,39.7))
shusha_city=DIST['Shusha City']
zone=NKAO.difference(Ppoly).difference(salient)
zone=max(zone.geoms,key=lambda g:g.area) if zone.geom_type=='MultiPolygon' else zone
corridor=buf.intersection(AZE).difference(shusha_city).difference(zone)
if corridor.geom_type=='MultiPolygon': corridor=max(corridor.geoms,key=lambda g:g.area)

# ---- contact line north->south ----
# LoC from pE down the east side to Fuzuli district boundary
fz=DIST['Fuzuli District']
loc_after=substring(LOC,dE,LOC.length)
inter=loc_after.intersection(fz.exterior)
ipts=[inter] if inter.geom_type=='Point' else list(inter.geoms)
ip=min(ipts,key=lambda p:loc_after.project(p))
dF=loc_after.project(ip)
east_seg=list(substring(loc_after,0,dF).coords)
# along Fuzuli north boundary from ip west to NKAO boundary
fzb=fz.exterior
# find where Fuzuli boundary meets NKAO boundary nearest the SE
cand=fzb.intersection(nk_b)
cpts=[cand] if cand.geom_type=='Point' else [g.centroid if g.geom_type!='Point' else g for g in cand.geoms]
jn=min(cpts,key=lambda p:p.distance(Point(47.15,39.78)))
def arc(ring,a,b):
    la,lb=ring.project(a),ring.project(b)
    if la<=lb: s1=substring(ring,la,lb)
    else: s1=LineString(list(substring(ring,la,ring.length).coords)+list(substring(ring,0,lb).coords)[1:])
    L=ring.length
    s2_len=L-s1.length
    return s1
a1=arc(fzb,ip,jn); a2=arc(fzb,jn,ip)
fseg=list(a1.coords) if a1.length<a2.length else list(a2.coords)[::-1]
# NKAO boundary from jn to end (S east end)
b1=arc(nk_b,jn,end); b2=arc(nk_b,end,jn)
nseg=list(b1.coords) if b1.length<b2.length else list(b2.coords)[::-1]
south_seg=S_pts[::-1]  # east->west
contact=[(pW.x,pW.y)]+north_new[1:]+east_seg[1:]+fseg[1:]+nseg[1:]+south_seg[1:]
contact=LineString(contact).simplify(0.002)

out={}
out.update(dict(NKAO=NKAO,HELD=HELD,DIST=DIST,AZE=AZE,ARAS=ARAS,salient=salient,Ppoly=Ppoly,taken_south=taken_south,zone=zone,corridor=corridor,road=road,contact=contact,P=P,shusha_city=shusha_city))
import pickle; pickle.dump({k:v for k,v in out.items()},open('geom.pkl','wb'))
print('zone km2 ~',round(zone.area*111*111*c), 'corridor km2', round(corridor.area*111*111*c), 'contact pts',len(contact.coords))
json.dump({'type':'FeatureCollection','features':[{'type':'Feature','properties':{},'geometry':mapping(g)} for g in [zone,corridor,contact,road,salient]]},open('dbg.geojson','w'))
