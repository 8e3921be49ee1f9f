//! The rules a layer's features must keep beyond what the loader needs to draw them
//! (RFC 7946, names in the story's languages, sources, dates). The map and the
//! validator run the same rules, so an editor sees the same problems in both.

use std::collections::BTreeSet;

use crate::error::{DataError, Reason};
use crate::layer::{parse_layer_inspected, rfc7946, Accuracy, Feature, Layer};

/// The largest layer file the map reads. Reading a layer takes 10 (long lines) to 20
/// (tiny features) times its size in memory, and a WebAssembly tab has 4 GB at most.
pub const MAX_LAYER_BYTES: usize = 64 << 20;

/// The most features a layer may have: each one is drawn and listed in the page.
pub const MAX_LAYER_FEATURES: usize = 20_000;

/// Parses a layer ([`crate::layer::parse_layer`], one JSON parse) and checks it against
/// every rule: RFC 7946 and the properties the map needs. Features that break only these
/// rules are kept (the map can draw them) and reported; the map and the validator show
/// the same problems.
pub fn checked_layer(
    file: &str,
    text: &str,
    taken_ids: &mut BTreeSet<String>,
) -> Result<(Layer, Vec<DataError>), DataError> {
    if text.len() > MAX_LAYER_BYTES {
        return Err(DataError::file(
            file,
            Reason::TooLarge {
                megabytes: text.len() >> 20,
                max: MAX_LAYER_BYTES >> 20,
            },
        ));
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
        return Err(DataError::file(
            file,
            Reason::TooManyFeatures {
                count,
                max: MAX_LAYER_FEATURES,
            },
        ));
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
fn feature_problems(file: &str, f: &Feature) -> Vec<DataError> {
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
