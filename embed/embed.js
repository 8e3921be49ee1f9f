// ceasefire-map embed script, for the news page that embeds the map.
//
//   <iframe data-ceasefire-map src="https://maps.example.org/karabakh/?embed" title="…"
//           style="width:100%;border:0" loading="lazy"></iframe>
//   <script src="https://maps.example.org/karabakh/embed.js" defer></script>
//
// It keeps each map iframe as tall as its content, and links spans of the page's own
// text to the map: <span data-ceasefire-feature="lachin-corridor">…</span> or
// data-ceasefire-passage="ID". Clicking such a span (or Enter/Space on it) selects in the
// map; when the reader selects in the map, matching spans get data-ceasefire-active and
// the iframe fires a bubbling `ceasefire:selected` event ({ detail: { feature, passage } }).
// After a span is clicked, the page scrolls to the map if the reader is past it.
// Messages are exchanged with the iframe's own origin only.
(() => {
  'use strict';
  const frames = () => Array.from(document.querySelectorAll('iframe[data-ceasefire-map]'));
  const originOf = (frame) => new URL(frame.getAttribute('src'), location.href).origin;
  const spans = () => Array.from(document.querySelectorAll('[data-ceasefire-feature], [data-ceasefire-passage]'));
  // A span may name its map with data-ceasefire-map="IFRAME-ID"; otherwise the first map.
  const frameFor = (span) => {
    const id = span.getAttribute('data-ceasefire-map');
    return (id && document.getElementById(id)) || frames()[0];
  };

  window.addEventListener('message', (event) => {
    const frame = frames().find((f) => f.contentWindow === event.source);
    if (!frame || event.origin !== originOf(frame)) return;
    const data = event.data;
    if (!data || typeof data !== 'object' || typeof data.type !== 'string') return;
    if (data.type === 'ceasefire:height' && Number.isFinite(data.height) && data.height > 0) {
      frame.style.height = `${Math.min(Math.ceil(data.height), 20000)}px`;
    } else if (data.type === 'ceasefire:selected') {
      const feature = typeof data.feature === 'string' ? data.feature : null;
      const passage = typeof data.passage === 'string' ? data.passage : null;
      for (const span of spans()) {
        if (frameFor(span) !== frame) continue;
        const on = (feature !== null && span.getAttribute('data-ceasefire-feature') === feature)
          || (passage !== null && span.getAttribute('data-ceasefire-passage') === passage);
        span.toggleAttribute('data-ceasefire-active', on);
      }
      frame.dispatchEvent(new CustomEvent('ceasefire:selected', { bubbles: true, detail: { feature, passage } }));
    }
  });

  const select = (span) => {
    const frame = frameFor(span);
    if (!frame || !frame.contentWindow) return;
    const feature = span.getAttribute('data-ceasefire-feature');
    const passage = span.getAttribute('data-ceasefire-passage');
    const message = feature ? { type: 'ceasefire:select', feature } : { type: 'ceasefire:select', passage };
    frame.contentWindow.postMessage(message, originOf(frame));
    // The map sits at the top of its frame: bring it into view when the reader is past
    // it or far above it, so the answer to the click shows.
    const top = frame.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) {
      const reduced = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
      window.scrollBy({ top: top - 16, behavior: reduced ? 'auto' : 'smooth' });
    }
  };

  const wire = () => {
    for (const span of spans()) {
      if (span.hasAttribute('data-ceasefire-wired')) continue;
      span.setAttribute('data-ceasefire-wired', '');
      if (!span.hasAttribute('role')) span.setAttribute('role', 'button');
      if (!span.hasAttribute('tabindex')) span.tabIndex = 0;
      span.addEventListener('click', () => select(span));
      span.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          select(span);
        }
      });
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', wire);
  else wire();
})();
