// The files a story's manifest names that src/data.rs loads before the map is drawn
// (besides geodata/story.json itself): layers, the article and its translations, the
// inset. Shared by scripts/story-page.mjs (preloads) and the size budget test.
export function storyFiles(story) {
  return [
    ...story.layers.map((l) => l.file),
    story.article.file,
    ...Object.values(story.article.translations ?? {}),
    ...(story.inset ? [story.inset.file] : []),
  ];
}
