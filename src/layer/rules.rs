//! The rules a layer's features must keep beyond what the loader needs to draw them
//! (RFC 7946, names in the story's languages, sources, dates). The map and the
//! validator run the same rules, so an editor sees the same problems in both.

use crate::error::{DataError, Reason};
use crate::layer::rfc7946::Problem;
use crate::layer::{parse_layer_inspected, Accuracy, Feature, Layer, TakenIds};

/// The largest layer file the map reads. Reading a layer takes 10 (long lines) to 20
/// (tiny features) times its size in memory, and a WebAssembly tab has 4 GB at most.
pub const MAX_LAYER_BYTES: usize = 64 << 20;

/// The most features a layer may have: each one is drawn and listed in the page.
pub const MAX_LAYER_FEATURES: usize = 20_000;

/// What a story expects of its layers' features beyond what the loader needs: names in
/// its languages, kinds its manifest describes. The default expects nothing (a layer
/// read without its story).
#[derive(Debug, Clone, Copy, Default)]
pub struct Expect<'a> {
    /// The story's languages ([`crate::story::Story::languages`]): every name has a text
    /// in each.
    pub langs: &'a [String],
    /// The kinds the story describes, in order; `None` takes any kind (the locator map
    /// styles its own).
    pub kinds: Option<&'a [String]>,
}

/// Parses a layer ([`crate::layer::parse_layer`], one JSON parse, which checks every rule:
/// RFC 7946 and the properties the map needs) within the size limits. Features that break
/// only rules the drawing does not need are kept and reported; the map and the validator
/// show the same problems.
pub fn checked_layer(
    file: &str,
    text: &str,
    taken_ids: &mut TakenIds,
    expect: &Expect,
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
    parse_layer_inspected(file, text, taken_ids, expect, |count| {
        if count > MAX_LAYER_FEATURES {
            return Err(DataError::file(
                file,
                Reason::TooManyFeatures {
                    count,
                    max: MAX_LAYER_FEATURES,
                },
            ));
        }
        Ok(())
    })
}

/// Rules on a feature beyond what the loader needs to draw it, each with the member path
/// under `at` (the feature's own path) where it is broken.
pub(crate) fn feature_problems(f: &Feature, at: &str, expect: &Expect) -> Vec<Problem> {
    let props = format!("{at}.properties");
    let mut out = Vec::new();
    if let Some(kinds) = expect.kinds.filter(|k| !k.contains(&f.kind)) {
        out.push((
            format!("{props}.kind"),
            Reason::UnknownKind {
                kind: f.kind.clone(),
                known: kinds.into(),
            },
        ));
    }
    for lang in expect.langs.iter().filter(|l| !f.name.has(l)) {
        out.push((
            format!("{props}.name"),
            Reason::NameMissing {
                key: "name",
                lang: lang.clone(),
            },
        ));
    }
    if let Some(i) = f.sources.iter().position(|s| s.title.trim().is_empty()) {
        out.push((
            format!("{props}.sources[{i}].title"),
            Reason::EmptySourceTitle,
        ));
    }
    if let Some((i, url)) = f
        .sources
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((i, s.url.as_deref()?)))
        .find(|(_, u)| !u.starts_with("https://") && !u.starts_with("http://"))
    {
        out.push((
            format!("{props}.sources[{i}].url"),
            Reason::UnsafeSourceUrl { url: url.into() },
        ));
    }
    let dated = f
        .as_of
        .or(f.valid_from)
        .or(f.valid_until)
        .or(f.handover_date)
        .is_some();
    if f.accuracy != Accuracy::Exact && !dated {
        out.push((props.clone(), Reason::UndatedHandDrawn));
    }
    if let (Some(from), Some(until)) = (f.valid_from, f.valid_until) {
        if from > until {
            out.push((
                format!("{props}.valid_from"),
                Reason::DatesReversed { from, until },
            ));
        }
    }
    out
}
