//! The validator: every rule a story's data must keep, as one list of problems. Used by
//! the `validate` binary (for editors) and by the tests of the shipped story.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{DataError, Reason};
use crate::layer::{parse_layer_inspected, Accuracy, Layer};
use crate::model::Model;
use crate::rfc7946;
use crate::story::{safe_colour, Story, MANIFEST};

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
    let missing = |file: &str| DataError::file(file, Reason::Fetch("no such file".into()));
    let read = |file: &str| files.get(file).cloned().ok_or_else(|| missing(file));
    let story = match read(MANIFEST).and_then(|text| Story::parse(MANIFEST, &text)) {
        Ok(story) => story,
        Err(e) => return vec![e],
    };
    let mut problems = story_problems(&story);
    let layer_texts = story.layers.iter().map(|l| read(&l.file)).collect();
    let translations = story
        .article
        .translations
        .iter()
        .map(|(lang, file)| (lang.clone(), read(file)))
        .collect();
    let inset_text = story
        .inset
        .as_ref()
        .map_or(Ok(String::new()), |i| read(&i.file));
    let model = Model::assemble(story.clone(), layer_texts, read(&story.article.file))
        .with_translations(translations)
        .with_inset(inset_text);
    problems.extend(model.problems.iter().cloned());
    for place in story.inset.iter().flat_map(|i| &i.places) {
        if model.feature(place).is_none() {
            problems.push(DataError::file(
                MANIFEST,
                Reason::Shape(format!(
                    "inset place \"{place}\" is not a feature of the story"
                )),
            ));
        }
    }

    // Files of the folder that the story does not draw still obey the rules, and their
    // ids still count for uniqueness.
    let mut ids: BTreeSet<String> = model
        .features()
        .chain(model.inset.iter().flat_map(|l| &l.features))
        .map(|f| f.id.clone())
        .collect();
    let listed: BTreeSet<&str> = story
        .layers
        .iter()
        .map(|l| l.file.as_str())
        .chain(story.inset.iter().map(|i| i.file.as_str()))
        .collect();
    for (file, text) in files.iter().filter(|(f, _)| f.ends_with(".geojson")) {
        if !listed.contains(file.as_str()) {
            match checked_layer(file, text, &mut ids) {
                Ok((_, bad)) => problems.extend(bad),
                Err(e) => problems.push(e),
            }
        }
    }
    problems
}

/// The largest layer file the map reads. Reading a layer takes 10 (long lines) to 20
/// (tiny features) times its size in memory, and a WebAssembly tab has 4 GB at most.
pub const MAX_LAYER_BYTES: usize = 64 << 20;

/// The most features a layer may have: each one is drawn and listed in the page.
pub const MAX_LAYER_FEATURES: usize = 20_000;

/// Parses a layer ([`crate::layer::parse_layer`], one JSON parse) and checks it against every rule: RFC 7946 and the
/// properties the map needs. Features that break only these rules are kept (the map can
/// draw them) and reported; the map and the validator show the same problems.
pub fn checked_layer(
    file: &str,
    text: &str,
    taken_ids: &mut BTreeSet<String>,
) -> Result<(Layer, Vec<DataError>), DataError> {
    let too_big = |what: String| DataError::file(file, Reason::Shape(what));
    if text.len() > MAX_LAYER_BYTES {
        return Err(too_big(format!(
            "is {} MB; the map reads layers of up to {} MB: simplify its lines or split it",
            text.len() >> 20,
            MAX_LAYER_BYTES >> 20
        )));
    }
    let mut count = 0;
    let ids_before = taken_ids.clone();
    let mut geometry = Vec::new();
    let (layer, mut problems) = parse_layer_inspected(file, text, taken_ids, |crs, features| {
        count = features.len();
        geometry = rfc7946::check_collection(file, crs, features);
        Vec::new()
    })?;
    if count > MAX_LAYER_FEATURES {
        *taken_ids = ids_before;
        return Err(too_big(format!(
            "has {count} features; the map draws up to {MAX_LAYER_FEATURES} per layer"
        )));
    }
    // A feature the loader refused is reported once, by the loader (an out-of-range or
    // short position would otherwise be reported by both).
    let refused: Vec<_> = problems
        .iter()
        .filter(|p| p.reason != Reason::DuplicateId)
        .filter_map(|p| p.item.clone())
        .collect();
    problems.extend(
        geometry
            .into_iter()
            .filter(|p| p.item.as_ref().is_none_or(|item| !refused.contains(item))),
    );
    for f in &layer.features {
        problems.extend(feature_problems(file, f));
    }
    Ok((layer, problems))
}

/// Rules on a feature beyond what the loader needs to draw it.
fn feature_problems(file: &str, f: &crate::layer::Feature) -> Vec<DataError> {
    let mut out = Vec::new();
    let mut fail = |why: String| {
        out.push(DataError::feature(
            file,
            f.id.clone(),
            Reason::Property(why),
        ))
    };
    for lang in ["fr", "en"] {
        if !f.name.has(lang) {
            fail(format!("\"name\" has no \"{lang}\" text"));
        }
    }
    if f.sources.iter().any(|s| s.title.trim().is_empty()) {
        fail("a source has an empty \"title\"".into());
    }
    if let Some(url) = f
        .sources
        .iter()
        .filter_map(|s| s.url.as_deref())
        .find(|u| !u.starts_with("https://") && !u.starts_with("http://"))
    {
        fail(format!("source url \"{url}\" is not http(s)"));
    }
    let dated = f
        .as_of
        .or(f.valid_from)
        .or(f.valid_until)
        .or(f.handover_date)
        .is_some();
    if f.accuracy != Accuracy::Exact && !dated {
        fail(
            "a hand-drawn feature needs a date (\"as_of\", \"valid_from\" or \"valid_until\")"
                .into(),
        );
    }
    if let (Some(from), Some(until)) = (f.valid_from, f.valid_until) {
        if from > until {
            fail(format!(
                "\"valid_from\" {from} is after \"valid_until\" {until}"
            ));
        }
    }
    out
}

/// Rules on the manifest itself.
fn story_problems(story: &Story) -> Vec<DataError> {
    let mut out = Vec::new();
    for (kind, style) in &story.kinds {
        for colour in [&style.fill, &style.stroke].into_iter().flatten() {
            if safe_colour(Some(colour)).is_none() {
                out.push(DataError::file(
                    MANIFEST,
                    Reason::Shape(format!(
                        "kind \"{kind}\": colour \"{colour}\" is not #rgb, #rrggbb or none"
                    )),
                ));
            }
        }
    }
    let passage_ids: BTreeSet<&str> = story.passages.iter().map(|p| p.id.as_str()).collect();
    for moment in story.timeline.iter().flat_map(|t| &t.moments) {
        for id in moment
            .passages
            .iter()
            .filter(|id| !passage_ids.contains(id.as_str()))
        {
            out.push(DataError::file(
                MANIFEST,
                Reason::Shape(format!(
                    "timeline moment {}: passage \"{id}\" does not exist",
                    moment.date
                )),
            ));
        }
    }
    let mut seen = BTreeMap::new();
    for p in &story.passages {
        if seen.insert(p.id.as_str(), ()).is_some() {
            out.push(DataError::passage(
                MANIFEST,
                p.id.clone(),
                Reason::Shape("the passage id is used twice".into()),
            ));
        }
        if p.features.is_empty() {
            out.push(DataError::passage(
                MANIFEST,
                p.id.clone(),
                Reason::Shape("links to no feature".into()),
            ));
        }
    }
    out
}
