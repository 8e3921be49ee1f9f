// The Leaflet peer: the same story.json, layers and article, drawn with L.geoJSON on a
// plain background (no tiles), with the same two-way click highlighting.
(async () => {
  const base = 'geodata/';
  const story = await (await fetch(base + 'story.json')).json();
  const [layers, text] = await Promise.all([
    Promise.all(story.layers.map((l) => fetch(base + l.file).then((r) => r.json()))),
    fetch(base + story.article.file).then((r) => r.text()),
  ]);
  const [w, s, e, n] = story.frame;
  const map = L.map('map', { zoomSnap: 0, preferCanvas: false }).fitBounds([[s, w], [n, e]]);
  const byFeature = new Map();
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

  // The article with its passages (first occurrence of each phrase, or the n-th).
  const article = document.getElementById('article');
  const lang = story.article.lang;
  const spans = [];
  for (const p of story.passages) {
    const phrase = typeof p.phrase === 'string' ? p.phrase : p.phrase[lang];
    const occurrence = typeof p.occurrence === 'number' ? p.occurrence : (p.occurrence?.[lang] ?? 1);
    let at = -1;
    for (let i = 0; i < occurrence; i++) at = text.indexOf(phrase, at + 1);
    if (at >= 0) spans.push({ at, end: at + phrase.length, p });
    for (const f of p.features) byFeature.set(f, [...(byFeature.get(f) || []), p.id]);
  }
  spans.sort((a, b) => a.at - b.at);
  let cursor = 0;
  let paragraph = document.createElement('p');
  const flushText = (t) => {
    const parts = t.split('\n\n');
    parts.forEach((part, i) => {
      if (i > 0) { article.append(paragraph); paragraph = document.createElement('p'); }
      paragraph.append(document.createTextNode(part));
    });
  };
  for (const { at, end, p } of spans) {
    if (at < cursor) continue;
    flushText(text.slice(cursor, at));
    const span = document.createElement('span');
    span.dataset.passageId = p.id;
    span.textContent = text.slice(at, end);
    span.addEventListener('click', () => select({ passage: p.id }));
    paragraph.append(span);
    cursor = end;
  }
  flushText(text.slice(cursor));
  article.append(paragraph);

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
})();
