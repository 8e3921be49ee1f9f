//! The validator for editors: a story folder checked as the map loads it ([`Model::load`],
//! so the map and the validator report the same problems), plus what only a folder can
//! show: GeoJSON files the story does not list still obey the rules, and their ids still
//! count for uniqueness.

use std::collections::{BTreeMap, BTreeSet};

/// Geometric validity (lines and rings that cross), for the validator only: the map's
/// WebAssembly never carries it nor the `geo` crate.
#[cfg(not(target_arch = "wasm32"))]
pub mod geometry;

#[cfg(not(target_arch = "wasm32"))]
use crate::article::is_word_char;
use crate::error::{DataError, Reason};
use crate::layer::{checked_layer, Expect};
use crate::model::{Model, Texts};
use crate::story::{Story, MANIFEST};

/// Checks a story folder given as file name -> text (names relative to the folder).
/// Returns every problem, in the order met; empty means the story is sound.
///
/// # Examples
/// ```
/// use std::collections::BTreeMap;
/// use ceasefire_map::validate::validate;
/// let problems = validate(&BTreeMap::new());
/// assert_eq!(problems[0].to_string(), "story.json: could not be loaded (no such file)");
/// ```
pub fn validate(files: &BTreeMap<String, String>) -> Vec<DataError> {
    let model = match load(files) {
        Ok(model) => model,
        Err(e) => return vec![e],
    };
    let mut problems = model.problems.clone();
    let mut ids = model.ids.clone();
    let kinds: Vec<String> = model.story.kinds.keys().cloned().collect();
    let langs = model.story.languages();
    let expect = Expect {
        langs: &langs,
        kinds: Some(&kinds),
    };
    let listed: BTreeSet<&str> = model.story.files().into_iter().collect();
    let mut unlisted = Vec::new();
    for (file, text) in files.iter().filter(|(f, _)| f.ends_with(".geojson")) {
        if !listed.contains(file.as_str()) {
            match checked_layer(file, text, &mut ids, &expect) {
                Ok((layer, bad)) => {
                    problems.extend(bad);
                    unlisted.push(layer);
                }
                Err(e) => problems.push(e),
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let layers = model.layers.iter().chain(&model.inset).chain(&unlisted);
        let invalid = geometry::layer_problems(files, layers, &problems);
        problems.extend(invalid);
        problems.extend(labels_outside_frame(&model, files));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let problems = problems
        .into_iter()
        .map(|p| with_nearest_text(p, &model.story, files))
        .collect();
    problems
}

/// Names placed (`label_at`) well outside the story's frame (by more than a tenth of its
/// width or height: a name on the frame's edge is common, and the fitted view often shows
/// more), where the first view will not show them: the mark of a base layer copied from a
/// story of another region.
#[cfg(not(target_arch = "wasm32"))]
fn labels_outside_frame(model: &Model, files: &BTreeMap<String, String>) -> Vec<DataError> {
    let Some(frame @ [west, south, east, north]) = model.story.frame() else {
        return Vec::new();
    };
    let (dx, dy) = ((east - west) / 10.0, (north - south) / 10.0);
    let mut out = Vec::new();
    for layer in &model.layers {
        let places = geometry::places(files.get(&layer.file).map_or("", String::as_str));
        for f in &layer.features {
            if let Some(at) = f.label_at {
                if !(west - dx..=east + dx).contains(&at.lon)
                    || !(south - dy..=north + dy).contains(&at.lat)
                {
                    let why = Reason::LabelOutsideFrame { at, frame };
                    let error = DataError::feature(&layer.file, &f.id, why);
                    out.push(match places.get(&f.id) {
                        Some((index, _)) => {
                            error.at(format!("features[{index}].properties.label_at"))
                        }
                        None => error,
                    });
                }
            }
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// A phrase not found in the article, told the nearest text there is (the map does not
/// look for it: only editors need it, and the app stays smaller).
fn with_nearest_text(
    mut problem: DataError,
    story: &Story,
    files: &BTreeMap<String, String>,
) -> DataError {
    let Reason::PhraseNotFound {
        phrase, found: 0, ..
    } = &problem.reason
    else {
        return problem;
    };
    // Passages are reported against the manifest for the article, and against the
    // translation's own file for a translation.
    let article = if problem.file == MANIFEST {
        &story.article.file
    } else {
        &problem.file
    };
    let Some(nearest) = files.get(article).and_then(|t| nearest_text(t, phrase)) else {
        return problem;
    };
    problem.reason = Reason::PhraseNotFoundNear {
        phrase: phrase.clone(),
        nearest: nearest.to_string(),
    };
    problem
}

#[cfg(not(target_arch = "wasm32"))]
/// The run of whole words in `text` nearest to `phrase` (one word more or fewer
/// allowed), compared without case, accents or spacing differences and by edit distance
/// on what remains; `None` when even the nearest differs in more than a third of the
/// phrase's letters. The text is returned verbatim, ready to copy.
///
/// # Examples
/// ```
/// use ceasefire_map::validate::nearest_text;
/// let text = "Le couloir de Latchine relie l’Arménie au Haut-Karabakh.";
/// assert_eq!(nearest_text(text, "couloir de Lachin"), Some("couloir de Latchine"));
/// assert_eq!(nearest_text(text, "l'armenie"), Some("l’Arménie"));
/// assert_eq!(nearest_text(text, "Bakou"), None);
/// ```
pub fn nearest_text<'a>(text: &'a str, phrase: &str) -> Option<&'a str> {
    let words = word_spans(text);
    let want = folded(phrase);
    let count = word_spans(phrase).len().max(1);
    let mut best: Option<(usize, &str)> = None;
    for size in count.saturating_sub(1).max(1)..=count + 1 {
        for run in words.windows(size) {
            let candidate = &text[run[0].0..run[size - 1].1];
            let distance = edit_distance(&folded(candidate), &want);
            if best.is_none_or(|(d, _)| distance < d) {
                best = Some((distance, candidate));
            }
        }
    }
    let (distance, candidate) = best?;
    (distance <= (want.len() / 3).max(1)).then_some(candidate)
}

#[cfg(not(target_arch = "wasm32"))]
/// The byte spans of the words of `text` (runs of letters and digits).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

#[cfg(not(target_arch = "wasm32"))]
/// Lower case, without the accents of Latin letters, one apostrophe, single spaces.
fn folded(text: &str) -> Vec<char> {
    let mut out: Vec<char> = Vec::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        let c = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' => 'a',
            'ç' | 'č' | 'ć' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'ə' => 'e',
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => 'i',
            'ñ' | 'ń' | 'ň' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
            'ý' | 'ÿ' => 'y',
            'ş' | 'š' | 'ś' => 's',
            'ğ' => 'g',
            'ž' | 'ź' | 'ż' => 'z',
            '’' | '‘' | 'ʼ' => '\'',
            c if c.is_whitespace() => ' ',
            c => c,
        };
        if !(c == ' ' && out.last() == Some(&' ')) {
            out.push(c);
        }
    }
    out
}

#[cfg(not(target_arch = "wasm32"))]
/// The Levenshtein distance between two texts, in characters.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = (row[j + 1] + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// Loads the story of a folder given as file name -> text, as the map would: only a
/// manifest that is missing or unreadable is an error.
pub fn load(files: &BTreeMap<String, String>) -> Result<Model, DataError> {
    let manifest = files
        .get(MANIFEST)
        .ok_or_else(|| DataError::file(MANIFEST, Reason::Fetch("no such file".into())))?;
    #[cfg(not(target_arch = "wasm32"))]
    let story = Story::parse_for_editors(MANIFEST, manifest)?;
    #[cfg(target_arch = "wasm32")]
    let story = Story::parse(MANIFEST, manifest)?;
    let texts: Texts = story
        .files()
        .into_iter()
        .filter_map(|f| Some((f.to_string(), Ok(files.get(f)?.clone()))))
        .collect();
    Ok(Model::load(story, "", &texts))
}

/// Reads every file of a folder (not its subfolders) as text, by name. Text that is not
/// UTF-8 is read lossily, so the parser reports where it breaks.
pub fn read_folder(dir: &std::path::Path) -> std::io::Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path)?;
        files.insert(name, String::from_utf8_lossy(&bytes).into_owned());
    }
    Ok(files)
}

#[cfg(test)]
#[cfg(not(target_arch = "wasm32"))]
mod tests {
    use super::*;

    fn english_story(name: &str) -> BTreeMap<String, String> {
        let layer = r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "c",
            "geometry": {"type": "Point", "coordinates": [46.5, 39.6]},
            "properties": {"kind": "k", "name": NAME,
              "sources": [{"title": "s"}], "accuracy": "exact"}}]}"#;
        [
            (
                "story.json",
                r#"{"title": {"en": "The villages"}, "summary": {"en": "Two villages."},
                "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
                "layers": [{"file": "l.geojson"}], "kinds": {"k": {}},
                "passages": [{"id": "p", "phrase": "the village", "features": ["c"]}]}"#,
            ),
            ("a.txt", "Soldiers left the village."),
            ("l.geojson", &layer.replace("NAME", name)),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    #[test]
    fn an_english_only_story_needs_names_in_english_only() {
        assert_eq!(validate(&english_story(r#"{"en": "Aghavno"}"#)), []);
        let lines: Vec<String> = validate(&english_story(r#"{"fr": "Aghavno", "hy": "Աղավնո"}"#))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            lines,
            ["l.geojson: feature \"c\" at features[0].properties.name: \"name\" has no \"en\" text, a language of the story: add \"en\": \"…\" to it"]
        );
    }

    #[test]
    fn a_phrase_not_found_in_a_translation_gets_the_nearest_text_of_that_translation() {
        let files: BTreeMap<String, String> = [
            (
                "story.json",
                r#"{"title": {"fr": "T", "en": "T"},
                "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19",
                  "translations": {"en": "a.en.txt"}},
                "layers": [{"file": "l.geojson"}], "kinds": {"k": {}},
                "passages": [{"id": "p", "phrase": {"fr": "le  Couloir", "en": "the Lachin  corridor"},
                  "features": ["c"]}]}"#,
            ),
            ("a.txt", "Le couloir de Latchine."),
            ("a.en.txt", "The Lachin corridor."),
            (
                "l.geojson",
                r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "c",
                "geometry": {"type": "Point", "coordinates": [46.5, 39.6]},
                "properties": {"kind": "k", "name": {"fr": "C", "en": "C"},
                  "sources": [{"title": "s"}], "accuracy": "exact"}}]}"#,
            ),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
        let lines: Vec<String> = validate(&files).iter().map(|p| p.to_string()).collect();
        assert_eq!(
            lines,
            [
                "story.json: passage \"p\": \"le  Couloir\" is not in the article (as whole words); the nearest text there is \"Le couloir\": copy the phrase from the article",
                "a.en.txt: passage \"p\": \"the Lachin  corridor\" is not in the article (as whole words); the nearest text there is \"The Lachin corridor\": copy the phrase from the article",
            ]
        );
    }
}
