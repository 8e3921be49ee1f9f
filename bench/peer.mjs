// The benchmark's peer: the plain Leaflet page of bench/leaflet/ with npm leaflet and the
// project's geodata/, assembled into target/bench/leaflet. Resolves to its folder.
//
// A news page carries its article in its HTML: the article is written into index.html
// here, at assembly time, from the story's own data (story.json's article file and
// passages), each passage a link to `#passage=ID` as src/page.rs writes them. The page's
// script only draws the map and wires the clicks.
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';

const escape = (s) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// As src/article.rs `is_word_char`: letters and digits of any script make words.
const isWordChar = (c) => {
  if (c === undefined) return false;
  const n = c.codePointAt(0);
  return /[0-9A-Za-z]/.test(c) || (n > 0xbf && n !== 0xd7 && n !== 0xf7
    && !(n >= 0x55a && n <= 0x55f) && !(n >= 0x589 && n <= 0x58a)
    && !(n >= 0x2000 && n <= 0x206f) && !(n >= 0x3000 && n <= 0x303f));
};

// Where `phrase` starts in `text` each time it stands as whole words (src/article.rs `word_matches`).
function* wordMatches(text, phrase) {
  const [first, last] = [[...phrase][0], [...phrase].at(-1)];
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) {
    const before = !isWordChar(first) || !isWordChar([...text.slice(Math.max(0, at - 2), at)].at(-1));
    const after = !isWordChar(last) || !isWordChar([...text.slice(at + phrase.length, at + phrase.length + 2)][0]);
    if (before && after) {
      yield at;
      at += phrase.length - 1;
    }
  }
}

// As src/article.rs: a single short line with no closing punctuation reads as a subheading.
const isHeading = (p) => !p.includes('\n') && [...p].length <= 90 && !/[.!?:;»",]$/.test(p);

/** The article of `story` (its text `text`) as HTML: paragraphs, subheadings, passage links. */
export function articleHtml(story, text) {
  const lang = story.article.lang;
  text = text.replaceAll('\r\n', '\n');
  const placed = [];
  for (const p of story.passages) {
    const phrase = typeof p.phrase === 'string' ? p.phrase : p.phrase[lang];
    const occurrence = typeof p.occurrence === 'number' ? p.occurrence : (p.occurrence?.[lang] ?? 1);
    const at = [...wordMatches(text, phrase)][occurrence - 1];
    if (at === undefined) throw new Error(`passage ${p.id}: occurrence ${occurrence} of "${phrase}" is not in the article`);
    placed.push({ at, end: at + phrase.length, id: p.id });
  }
  placed.sort((a, b) => a.at - b.at);
  const blocks = [];
  let offset = 0;
  for (const para of text.split('\n\n')) {
    const [start, end] = [offset, offset + para.length];
    offset = end + 2;
    const trimmed = para.trim();
    if (!trimmed) continue;
    const t0 = start + para.length - para.trimStart().length;
    const t1 = t0 + trimmed.length;
    let html = '';
    let cursor = t0;
    for (const p of placed.filter((p) => p.at >= t0 && p.at < t1)) {
      html += escape(text.slice(cursor, p.at));
      const ref = `passage=${p.id}`;
      html += `<a href="#${escape(ref)}" id="${escape(ref)}" data-passage-id="${escape(p.id)}">${escape(text.slice(p.at, p.end))}</a>`;
      cursor = p.end;
    }
    html += escape(text.slice(cursor, t1));
    const tag = isHeading(trimmed) ? 'h2' : 'p';
    blocks.push(`<${tag}>${html}</${tag}>`);
  }
  return `<article id="article" lang="${escape(lang)}">\n${blocks.join('\n')}\n</article>`;
}

export async function assemblePeer() {
  const peer = resolve('target/bench/leaflet');
  await mkdir(peer, { recursive: true });
  await cp(resolve('bench/leaflet'), peer, { recursive: true });
  await cp(resolve('bench/node_modules/leaflet/dist/leaflet.js'), `${peer}/leaflet.js`);
  await cp(resolve('bench/node_modules/leaflet/dist/leaflet.css'), `${peer}/leaflet.css`);
  await cp(resolve('geodata'), `${peer}/geodata`, { recursive: true });
  const story = JSON.parse(await readFile(resolve('geodata/story.json'), 'utf8'));
  const text = await readFile(resolve('geodata', story.article.file), 'utf8');
  const page = await readFile(resolve('bench/leaflet/index.html'), 'utf8');
  if (!page.includes('<!--article-->')) throw new Error('bench/leaflet/index.html has no <!--article--> slot');
  await writeFile(`${peer}/index.html`, page.replace('<!--article-->', () => articleHtml(story, text)));
  return peer;
}
