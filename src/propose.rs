//! Proposed passages, for editors: every mention of a feature's names in the article and
//! its translations, as `story.json` passages to review. A tool on the core
//! (`src/bin/propose.rs`); the app never calls it.
//!
//! A feature is looked for under its name in every language (`properties.name`) and its
//! alternate names (`properties.alt_names`, `{"en": ["Khankendi"]}`), in every language
//! of the article: an English text may well write a place's Azerbaijani name. Phrases
//! are found as whole words, and counted, by the very function that places passages
//! in the article ([`crate::article::word_matches`]), so a proposed `occurrence` picks
//! the mention it was found at. Where
//! names overlap ("Lachin" in "Lachin corridor"), the longest wins. Mentions the story
//! already links (the same phrase and occurrence, or any overlap with a passage's text)
//! are left out. The n-th mention of the same features in the article and in each
//! translation make one passage: translations usually keep the order of mentions, and
//! the editor checks each one.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use serde_json::Value;

use crate::article::word_matches;
use crate::error::DataError;
use crate::story::{PassageSpec, PerLang, Story};
use crate::validate::load;

/// A feature and every name it may be mentioned by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Named {
    pub id: String,
    /// Its names in every language and its alternate names, each once.
    pub names: Vec<String>,
}

/// One mention of features in the text of one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub phrase: String,
    /// Which occurrence of the phrase this is (1 = first), as the article counts them.
    pub occurrence: usize,
    /// Where it is in the text (bytes).
    pub span: Range<usize>,
    /// The features that carry this name, in the order given.
    pub features: Vec<String>,
}

/// What [`propose`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Proposal {
    /// New passages, in the article's reading order.
    pub passages: Vec<PassageSpec>,
    /// Mentions left out because the story already links them.
    pub already_linked: usize,
    /// Ids of proposed passages that lack a phrase in some language (a mention with no
    /// counterpart in a translation): the editor completes or drops them.
    pub incomplete: Vec<String>,
}

/// Every mention of `named` features in `text`, in reading order, none overlapping
/// another (the longest name wins where two overlap, then the earlier one).
///
/// # Examples
/// ```
/// use ceasefire_map::propose::{mentions, Named};
/// let named = [
///     Named { id: "lachin".into(), names: vec!["Lachin".into()] },
///     Named { id: "corridor".into(), names: vec!["Lachin corridor".into()] },
/// ];
/// let found = mentions("Lachin lies on the Lachin corridor.", &named);
/// let phrases: Vec<(&str, usize)> = found.iter().map(|m| (m.phrase.as_str(), m.occurrence)).collect();
/// assert_eq!(phrases, [("Lachin", 1), ("Lachin corridor", 1)]);
/// ```
pub fn mentions(text: &str, named: &[Named]) -> Vec<Mention> {
    let mut by_phrase: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for f in named {
        for name in &f.names {
            let ids = by_phrase.entry(name.as_str()).or_default();
            if !ids.contains(&f.id) {
                ids.push(f.id.clone());
            }
        }
    }
    let mut all: Vec<Mention> = by_phrase
        .into_iter()
        .flat_map(|(phrase, features)| {
            word_matches(text, phrase)
                .enumerate()
                .map(move |(i, start)| Mention {
                    phrase: phrase.to_string(),
                    occurrence: i + 1,
                    span: start..start + phrase.len(),
                    features: features.clone(),
                })
        })
        .collect();
    all.sort_by_key(|m| (m.span.start, std::cmp::Reverse(m.span.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in all {
        let free = kept.iter().all(|k| !overlap(&k.span, &m.span));
        if free {
            kept.push(m);
        }
    }
    // Longest first may have kept a later, longer mention over an earlier one that
    // overlaps it: the order of the text again.
    kept.sort_by_key(|m| m.span.start);
    kept
}

fn overlap(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Whether a passage of the story already links this mention in `lang`: the same phrase
/// and occurrence, or text that overlaps it.
fn linked(story: &Story, text: &str, lang: &str, m: &Mention) -> bool {
    story.passages.iter().any(|p| {
        let Some(phrase) = p.phrase_in(lang, &story.article.lang) else {
            return false;
        };
        let occurrence = p.occurrence_in(lang);
        (phrase == m.phrase && occurrence == m.occurrence)
            || occurrence
                .checked_sub(1)
                .and_then(|n| word_matches(text, phrase).nth(n))
                .is_some_and(|at| overlap(&(at..at + phrase.len()), &m.span))
    })
}

/// Proposes passages for every mention of `named` features in `articles` (language ->
/// text: the article and its translations) that `story` does not link yet. New ids do
/// not clash with the story's.
///
/// # Examples
/// ```
/// use std::collections::BTreeMap;
/// use ceasefire_map::propose::{propose, Named};
/// use ceasefire_map::story::Story;
/// let story = Story::parse("story.json", r#"{"title": {"en": "T"},
///   "article": {"file": "a.txt", "lang": "en", "date": "2025-03-03"},
///   "layers": [{"file": "l.geojson"}],
///   "passages": [{"id": "p-mill", "phrase": "the mill", "features": ["mill"]}]}"#).unwrap();
/// let articles = BTreeMap::from([("en".to_string(), "At the mill, the Mill Bridge. The mill.".to_string())]);
/// let named = [Named { id: "mill".into(), names: vec!["mill".into()] }];
/// let proposal = propose(&story, &articles, &named);
/// let json = serde_json::to_string(&proposal.passages).unwrap();
/// assert_eq!(json, r#"[{"id":"p-mill-1","phrase":"mill","occurrence":2,"features":["mill"]}]"#);
/// assert_eq!(proposal.already_linked, 1);
/// ```
pub fn propose(story: &Story, articles: &BTreeMap<String, String>, named: &[Named]) -> Proposal {
    let original = story.article.lang.as_str();
    let mut already_linked = 0;
    // Per language, per set of features: their new mentions in reading order.
    let mut found: BTreeMap<&str, BTreeMap<Vec<String>, Vec<Mention>>> = BTreeMap::new();
    for (lang, text) in articles {
        let text = text.replace("\r\n", "\n");
        for m in mentions(&text, named) {
            if linked(story, &text, lang, &m) {
                already_linked += 1;
            } else {
                let by_features = found.entry(lang.as_str()).or_default();
                by_features.entry(m.features.clone()).or_default().push(m);
            }
        }
    }
    // Passages: the n-th mention of the same features in each language, ordered by
    // where they stand in the article (those only in translations come after).
    let mut groups: Vec<(usize, BTreeMap<&str, Mention>)> = Vec::new();
    let keys: BTreeSet<&Vec<String>> = found.values().flat_map(|m| m.keys()).collect();
    for key in keys {
        let longest = found
            .values()
            .map(|m| m.get(key).map_or(0, Vec::len))
            .max()
            .unwrap_or(0);
        for n in 0..longest {
            let group: BTreeMap<&str, Mention> = found
                .iter()
                .filter_map(|(lang, m)| Some((*lang, m.get(key)?.get(n)?.clone())))
                .collect();
            let order = group.get(original).map_or(usize::MAX, |m| m.span.start);
            groups.push((order, group));
        }
    }
    groups.sort_by_key(|(order, _)| *order);

    let mut ids: BTreeSet<String> = story.passages.iter().map(|p| p.id.clone()).collect();
    let single = story.article.translations.is_empty();
    let languages = 1 + story.article.translations.len();
    let mut proposal = Proposal {
        already_linked,
        ..Proposal::default()
    };
    for (_, group) in groups {
        let Some(first) = group.values().next() else {
            continue;
        };
        let features = first.features.clone();
        let id = fresh_id(&mut ids, &features[0]);
        if group.len() < languages {
            proposal.incomplete.push(id.clone());
        }
        let (phrase, occurrence) = if single {
            (
                PerLang::One(first.phrase.clone()),
                PerLang::One(first.occurrence),
            )
        } else {
            let phrases = group.iter().map(|(l, m)| (l.to_string(), m.phrase.clone()));
            let occurrences = group.iter().map(|(l, m)| (l.to_string(), m.occurrence));
            (
                PerLang::ByLang(phrases.collect()),
                PerLang::ByLang(occurrences.collect()),
            )
        };
        proposal.passages.push(PassageSpec {
            id,
            phrase,
            occurrence,
            features,
        });
    }
    proposal
}

/// `p-FEATURE-N` with the smallest N not taken yet; the id is then taken.
fn fresh_id(taken: &mut BTreeSet<String>, feature: &str) -> String {
    let id = (1..)
        .map(|n| format!("p-{feature}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_default();
    taken.insert(id.clone());
    id
}

/// The names of each feature of a layer by id: `properties.name` in every language and
/// `properties.alt_names` (a list per language), read leniently (the validator speaks
/// of anything malformed). Ids in the order of the file.
fn names_in_layer(text: &str) -> Vec<(String, Vec<String>)> {
    let Ok(root) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let features = root.get("features").and_then(Value::as_array);
    let texts = |v: Option<&Value>| -> Vec<String> {
        let Some(by_lang) = v.and_then(Value::as_object) else {
            return Vec::new();
        };
        by_lang
            .values()
            .flat_map(|v| match v {
                Value::Array(list) => list.iter().filter_map(Value::as_str).collect(),
                other => other.as_str().into_iter().collect::<Vec<_>>(),
            })
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    features
        .into_iter()
        .flatten()
        .filter_map(|f| {
            let id = f.get("id")?.as_str()?.to_string();
            let props = f.get("properties");
            let mut names = texts(props.and_then(|p| p.get("name")));
            names.extend(texts(props.and_then(|p| p.get("alt_names"))));
            let mut seen = BTreeSet::new();
            names.retain(|n| seen.insert(n.clone()));
            Some((id, names))
        })
        .collect()
}

/// Proposes passages for a story folder given as file name -> text (as
/// [`crate::validate::read_folder`] reads it): the features the map loads, with their
/// names from the story's layers, looked for in the article and its translations.
/// `Err` only when the manifest cannot be read.
pub fn propose_for_folder(files: &BTreeMap<String, String>) -> Result<Proposal, DataError> {
    let model = load(files)?;
    let story = &model.story;
    let loaded: BTreeSet<&str> = model.features().map(|f| f.id.as_str()).collect();
    let named: Vec<Named> = story
        .layers
        .iter()
        .filter_map(|l| files.get(&l.file))
        .flat_map(|text| names_in_layer(text))
        .filter(|(id, _)| loaded.contains(id.as_str()))
        .map(|(id, names)| Named { id, names })
        .collect();
    let articles: BTreeMap<String, String> =
        std::iter::once((&story.article.lang, &story.article.file))
            .chain(&story.article.translations)
            .filter_map(|(lang, file)| Some((lang.clone(), files.get(file)?.clone())))
            .collect();
    Ok(propose(story, &articles, &named))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Model, Texts};

    const LAYER: &str = r#"{"type": "FeatureCollection", "features": [
        {"type": "Feature", "id": "armenia", "geometry": {"type": "Point", "coordinates": [44.5, 40.2]},
         "properties": {"kind": "country", "name": {"en": "Armenia", "fr": "Arménie"},
           "sources": [{"title": "s"}], "accuracy": "exact"}},
        {"type": "Feature", "id": "stepanakert", "geometry": {"type": "Point", "coordinates": [46.75, 39.82]},
         "properties": {"kind": "city", "name": {"en": "Stepanakert", "fr": "Stepanakert", "az": "Xankəndi"},
           "alt_names": {"en": ["Khankendi"]}, "sources": [{"title": "s"}], "accuracy": "exact"}},
        {"type": "Feature", "id": "lachin", "geometry": {"type": "Point", "coordinates": [46.55, 39.64]},
         "properties": {"kind": "town", "name": {"en": "Lachin", "fr": "Latchine"},
           "sources": [{"title": "s"}], "accuracy": "exact"}},
        {"type": "Feature", "id": "corridor", "geometry": {"type": "LineString", "coordinates": [[46.0, 39.5], [46.7, 39.8]]},
         "properties": {"kind": "corridor", "name": {"en": "Lachin corridor", "fr": "couloir de Latchine"},
           "sources": [{"title": "s"}], "accuracy": "schematic", "as_of": "2020-11-10"}}
    ]}"#;

    const EN: &str = "Troops left Armenia's border. Khankendi, or Stepanakert, lies on \
        the Lachin corridor; Lachin too. Armenia agreed, an Armenian official said.";
    const FR: &str = "Les troupes arméniennes ont quitté l’Arménie. Stepanakert est au bout \
        du couloir de Latchine ; Latchine aussi. L'Arménie a signé.";

    fn manifest(passages: &str, translated: bool) -> String {
        let translations = if translated {
            r#", "translations": {"fr": "article.fr.txt"}"#
        } else {
            ""
        };
        format!(
            r#"{{"title": {{"en": "T", "fr": "T"}},
              "article": {{"file": "article.txt", "lang": "en", "date": "2020-11-19"{translations}}},
              "layers": [{{"file": "layer.geojson"}}],
              "kinds": {{"country": {{}}, "city": {{}}, "town": {{}}, "corridor": {{}}}},
              "passages": [{passages}]}}"#
        )
    }

    fn folder(passages: &str, translated: bool) -> BTreeMap<String, String> {
        let mut files = BTreeMap::from([
            ("story.json".to_string(), manifest(passages, translated)),
            ("layer.geojson".to_string(), LAYER.to_string()),
            ("article.txt".to_string(), EN.to_string()),
        ]);
        if translated {
            files.insert("article.fr.txt".into(), FR.into());
        }
        files
    }

    fn proposed(files: &BTreeMap<String, String>) -> (Proposal, Vec<String>) {
        let proposal = propose_for_folder(files).unwrap();
        let lines = proposal
            .passages
            .iter()
            .map(|p| serde_json::to_string(p).unwrap())
            .collect();
        (proposal, lines)
    }

    #[test]
    fn every_mention_on_word_boundaries_with_its_occurrence_and_alternate_names() {
        let (proposal, lines) = proposed(&folder("", false));
        assert_eq!(
            lines,
            [
                r#"{"id":"p-armenia-1","phrase":"Armenia","occurrence":1,"features":["armenia"]}"#,
                r#"{"id":"p-stepanakert-1","phrase":"Khankendi","occurrence":1,"features":["stepanakert"]}"#,
                r#"{"id":"p-stepanakert-2","phrase":"Stepanakert","occurrence":1,"features":["stepanakert"]}"#,
                r#"{"id":"p-corridor-1","phrase":"Lachin corridor","occurrence":1,"features":["corridor"]}"#,
                // The first "Lachin" is inside "Lachin corridor": this is the second.
                r#"{"id":"p-lachin-1","phrase":"Lachin","occurrence":2,"features":["lachin"]}"#,
                r#"{"id":"p-armenia-2","phrase":"Armenia","occurrence":2,"features":["armenia"]}"#,
            ]
        );
        assert_eq!((proposal.already_linked, proposal.incomplete.len()), (0, 0));
    }

    #[test]
    fn languages_pair_the_nth_mention_of_the_same_features() {
        let (proposal, lines) = proposed(&folder("", true));
        assert_eq!(
            lines[0],
            r#"{"id":"p-armenia-1","phrase":{"en":"Armenia","fr":"Arménie"},"occurrence":{"en":1,"fr":1},"features":["armenia"]}"#
        );
        assert!(lines.contains(
            &r#"{"id":"p-armenia-2","phrase":{"en":"Armenia","fr":"Arménie"},"occurrence":{"en":2,"fr":2},"features":["armenia"]}"#.to_string()
        ), "{lines:#?}");
        assert!(lines.contains(
            &r#"{"id":"p-lachin-1","phrase":{"en":"Lachin","fr":"Latchine"},"occurrence":{"en":2,"fr":2},"features":["lachin"]}"#.to_string()
        ), "{lines:#?}");
        // The French text names Stepanakert once, the English twice (once as Khankendi).
        assert_eq!(proposal.incomplete, ["p-stepanakert-2"]);
        assert!(lines.contains(
            &r#"{"id":"p-stepanakert-2","phrase":{"en":"Stepanakert"},"occurrence":{"en":1},"features":["stepanakert"]}"#.to_string()
        ), "{lines:#?}");
    }

    #[test]
    fn passages_the_editor_has_are_never_proposed_again() {
        let passages = r#"
            {"id": "p-armenia-1", "phrase": "Armenia", "occurrence": 2, "features": ["armenia"]},
            {"id": "p-corridor", "phrase": "the Lachin corridor", "features": ["corridor"]},
            {"id": "p-khankendi", "phrase": "Khankendi, or", "features": ["stepanakert"]}"#;
        let (proposal, lines) = proposed(&folder(passages, false));
        assert_eq!(
            lines,
            [
                r#"{"id":"p-armenia-2","phrase":"Armenia","occurrence":1,"features":["armenia"]}"#,
                r#"{"id":"p-stepanakert-1","phrase":"Stepanakert","occurrence":1,"features":["stepanakert"]}"#,
                r#"{"id":"p-lachin-1","phrase":"Lachin","occurrence":2,"features":["lachin"]}"#,
            ]
        );
        // Same phrase and occurrence (Armenia, 2); overlapping spans (the corridor,
        // Khankendi).
        assert_eq!(proposal.already_linked, 3);
    }

    #[test]
    fn the_proposals_load_without_a_problem() {
        for translated in [false, true] {
            let files = folder("", translated);
            let (proposal, _) = proposed(&files);
            let complete: Vec<String> = proposal
                .passages
                .iter()
                .filter(|p| !proposal.incomplete.contains(&p.id))
                .map(|p| serde_json::to_string(p).unwrap())
                .collect();
            let story =
                Story::parse("story.json", &manifest(&complete.join(","), translated)).unwrap();
            let texts: Texts = files
                .iter()
                .map(|(name, text)| (name.clone(), Ok(text.clone())))
                .collect();
            let model = Model::load(story, "", &texts);
            assert!(model.problems.is_empty(), "{:?}", model.problems);
            assert_eq!(model.article.passage_ids().count(), complete.len());
            if !translated {
                assert_eq!(
                    marked(&model, "en"),
                    "Troops left [Armenia]'s border. [Khankendi], or [Stepanakert], lies on \
                     the [Lachin corridor]; [Lachin] too. [Armenia] agreed, an Armenian official said."
                );
            }
            let folder_again = BTreeMap::from_iter(files.into_iter().map(|(name, text)| {
                if name == "story.json" {
                    (name, manifest(&complete.join(","), translated))
                } else {
                    (name, text)
                }
            }));
            let (again, _) = proposed(&folder_again);
            assert_eq!(
                again.passages.len(),
                proposal.incomplete.len(),
                "{translated}"
            );
        }
    }

    /// The article in `lang` with its passages in brackets.
    fn marked(model: &Model, lang: &str) -> String {
        use crate::article::Span;
        let blocks = &model.article_in(lang).blocks;
        let spans = blocks.iter().flat_map(|b| &b.spans);
        spans
            .map(|s| match s {
                Span::Text(t) => t.clone(),
                Span::Passage { text, .. } => format!("[{text}]"),
            })
            .collect()
    }

    #[test]
    fn each_proposal_is_placed_at_the_mention_it_was_found_at() {
        let mut files = folder("", true);
        files.insert("article.txt".into(), "Armenian troops left Armenia.".into());
        files.insert(
            "article.fr.txt".into(),
            "Des troupes arméniennes quittent l’Arménie.".into(),
        );
        let (proposal, lines) = proposed(&files);
        assert_eq!(lines.len(), 1, "{lines:#?}");
        let passages = lines.join(",");
        files.insert("story.json".into(), manifest(&passages, true));
        let model = crate::validate::load(&files).unwrap();
        assert!(model.problems.is_empty(), "{:?}", model.problems);
        assert_eq!(marked(&model, "en"), "Armenian troops left [Armenia].");
        assert_eq!(
            marked(&model, "fr"),
            "Des troupes arméniennes quittent l’[Arménie]."
        );
        assert!(proposal.incomplete.is_empty());
    }

    #[test]
    fn a_feature_the_map_leaves_out_is_not_proposed() {
        let mut files = folder("", false);
        let broken = LAYER.replace(r#""accuracy": "schematic""#, r#""accuracy": "rough""#);
        files.insert("layer.geojson".into(), broken);
        let (_, lines) = proposed(&files);
        assert!(lines.iter().all(|l| !l.contains("corridor")), "{lines:#?}");
        assert!(
            lines
                .iter()
                .any(|l| l.contains(r#""Lachin","occurrence":1"#)),
            "{lines:#?}"
        );
        files.remove("story.json");
        assert!(propose_for_folder(&files).is_err());
    }
}
