"""Derives server/src/main/resources/public/syria.geojson from npm world-atlas 2.0.2.

Usage (in a scratch folder):
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python3 syria-outline.py > syria.geojson

Decodes the quantised, delta-encoded TopoJSON arcs of countries-50m.json into GeoJSON polygons for
Syria (marked "focus") and its neighbours. See syria.geojson.txt for sources and licences.
"""
import json, sys
topo = json.load(open('package/countries-50m.json'))
sc, tr = topo['transform']['scale'], topo['transform']['translate']
arcs = []
for arc in topo['arcs']:
    x = y = 0; pts = []
    for dx, dy in arc:
        x += dx; y += dy
        pts.append([round(x*sc[0]+tr[0], 4), round(y*sc[1]+tr[1], 4)])
    arcs.append(pts)
def ring(idx):
    out = []
    for i in idx:
        pts = arcs[i] if i >= 0 else list(reversed(arcs[~i]))
        out.extend(pts if not out else pts[1:])
    return out
want = {'760': 'Syria', '422': 'Lebanon', '792': 'Turkey', '368': 'Iraq', '400': 'Jordan', '376': 'Israel', '196': 'Cyprus'}
feats = []
for g in topo['objects']['countries']['geometries']:
    if g.get('id') not in want: continue
    if g['type'] == 'Polygon':
        coords = [ring(r) for r in g['arcs']]
    else:
        coords = [[ring(r) for r in p] for p in g['arcs']]
    feats.append({'type': 'Feature', 'id': g['id'],
                  'properties': {'name': g['properties']['name'], 'focus': g['id'] == '760'},
                  'geometry': {'type': g['type'], 'coordinates': coords}})
print(json.dumps({'type': 'FeatureCollection',
  'source': 'Natural Earth 1:50m admin-0 countries via npm world-atlas 2.0.2 (countries-50m.json), ISC licence (c) 2013-2019 Michael Bostock; Natural Earth data is public domain',
  'features': feats}, separators=(',', ':')))
