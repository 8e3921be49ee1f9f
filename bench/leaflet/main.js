// The Leaflet peer: the same story.json and layers, drawn with L.geoJSON on a plain
// background (no tiles), with the same two-way click highlighting. The article comes with
// the HTML (written by bench/peer.mjs); a passage clicked before this script is ready
// goes to the URL hash, read here once the map is drawn, as the app does. Once ready,
// <html data-ready="true">, as the app marks it.
(async () => {
  const base = 'geodata/';
  const story = await (await fetch(base + 'story.json')).json();
  const layers = await Promise.all(story.layers.map((l) => fetch(base + l.file).then((r) => r.json())));
  const [w, s, e, n] = story.frame;
  const map = L.map('map', { zoomSnap: 0, preferCanvas: false }).fitBounds([[s, w], [n, e]]);
  const paths = new Map();
  const style = (kind) => {
    const k = story.kinds[kind] || {};
    return { color: k.stroke || '#555', weight: k.stroke_width || 1, fillColor: k.fill || '#ddd', fillOpacity: k.fill_opacity ?? 1 };
  };
  for (const fc of layers) {
    L.geoJSON(fc, {
      style: (f) => style(f.properties.kind),
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { radius: 4, ...style(f.properties.kind) }),
      onEachFeature: (f, layer) => {
        paths.set(f.id, layer);
        layer.on('click', () => select({ feature: f.id }));
        layer.on('add', () => layer.getElement && layer.getElement()?.setAttribute('data-feature-id', f.id));
      },
    }).addTo(map);
  }
  for (const [id, layer] of paths) layer.getElement?.()?.setAttribute('data-feature-id', id);

  const byFeature = new Map();
  for (const p of story.passages) for (const f of p.features) byFeature.set(f, [...(byFeature.get(f) || []), p.id]);
  const article = document.getElementById('article');
  for (const link of article.querySelectorAll('[data-passage-id]')) {
    link.addEventListener('click', (e) => { e.preventDefault(); select({ passage: link.dataset.passageId }); });
  }

  function select({ feature, passage }) {
    const features = new Set(feature ? [feature] : story.passages.find((p) => p.id === passage)?.features || []);
    const passages = new Set(passage ? [passage] : byFeature.get(feature) || []);
    for (const [id, layer] of paths) {
      const on = features.has(id);
      layer.getElement?.()?.setAttribute('data-selected', String(on));
      layer.setStyle?.(on ? { color: '#111', weight: 4 } : style(layer.feature.properties.kind));
    }
    for (const span of article.querySelectorAll('[data-passage-id]')) span.dataset.selected = String(passages.has(span.dataset.passageId));
  }
  const [, kind, id] = decodeURIComponent(location.hash).match(/^#(passage|feature)=(.+)$/) || [];
  if (kind) select({ [kind]: id });
  document.documentElement.dataset.ready = 'true';
})();
