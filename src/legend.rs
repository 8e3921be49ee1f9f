//! What the legend lists, the same for the app and the static page: one entry per kind
//! that the story labels and the date shows, in drawing order (the layers' order in
//! `story.json`, then the features' order in each file), with the paint the map uses;
//! then the accuracy key, for the flags the date shows.

use crate::date::IsoDate;
use crate::layer::Accuracy;
use crate::model::Model;
use crate::shape::Shape;
use crate::story::Paint;
use crate::timeline::Handover;

/// How a kind is drawn in the legend's swatch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    Point,
    Line,
    Area,
}

/// One kind in the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry<'a> {
    pub kind: &'a str,
    /// The kind's label in the reader's language (or the story's fallback).
    pub label: String,
    pub paint: Paint,
    pub swatch: Swatch,
}

/// One line of the accuracy key: the flag, the interface word that explains it, and
/// the dash pattern of the line that shows it.
pub type Key = (Accuracy, &'static str, &'static str);

/// The accuracy key's lines, for the flags that are not `exact`.
const KEYS: [Key; 2] = [
    (Accuracy::Approximate, "legend-approximate", "6 3"),
    (Accuracy::Schematic, "legend-schematic", "1.5 3"),
];

/// The legend of `model` on `date`, in `lang`: its kinds, then its accuracy key.
///
/// # Examples
/// ```
/// use ceasefire_map::legend::{legend, Swatch};
/// use ceasefire_map::model::{Model, Texts};
/// use ceasefire_map::story::Story;
/// let story = Story::parse("story.json", r##"{"title": {"en": "T"},
///   "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
///   "layers": [{"file": "l.geojson"}],
///   "kinds": {"road": {"label": {"en": "Road"}, "stroke": "#444444"}}}"##).unwrap();
/// let mut texts = Texts::new();
/// texts.insert("l.geojson".into(), Ok(r#"{"type": "FeatureCollection", "features": [
///   {"type": "Feature", "id": "r", "geometry": {"type": "LineString",
///    "coordinates": [[46.3, 39.5], [46.7, 39.8]]}, "properties": {"kind": "road",
///    "name": {"en": "R"}, "sources": [{"title": "S"}], "accuracy": "schematic"}}]}"#.into()));
/// let model = Model::load(story, "", &texts);
/// let (entries, keys) = legend(&model, None, "en");
/// assert_eq!((entries[0].label.as_str(), entries[0].swatch), ("Road", Swatch::Line));
/// assert_eq!(keys.iter().map(|k| k.1).collect::<Vec<_>>(), ["legend-schematic"]);
/// ```
pub fn legend<'a>(
    model: &'a Model,
    date: Option<IsoDate>,
    lang: &str,
) -> (Vec<Entry<'a>>, Vec<Key>) {
    let shown = || model.features().filter(move |f| f.shown_on(date));
    let mut seen: Vec<&str> = Vec::new();
    let mut entries = Vec::new();
    for f in shown() {
        if seen.contains(&f.kind.as_str()) {
            continue;
        }
        seen.push(&f.kind);
        let style = model.story.style(&f.kind);
        if !style.label.has(lang) && style.label.is_empty() {
            continue;
        }
        entries.push(Entry {
            kind: &f.kind,
            label: style.label.get(lang).to_string(),
            paint: style.paint(&f.shape),
            swatch: match f.shape {
                Shape::Points(_) => Swatch::Point,
                Shape::Lines(_) => Swatch::Line,
                Shape::Areas(_) => Swatch::Area,
            },
        });
    }
    let keys = KEYS
        .into_iter()
        .filter(|(accuracy, ..)| shown().any(|f| f.accuracy == *accuracy))
        .collect();
    (entries, keys)
}

/// One line of the handover key: the state, its class on the map
/// (`map-feature--pending`, `map-feature--handed-over`), the interface word, and the
/// paint of a feature in that state.
pub type HandoverKey = (Handover, &'static str, &'static str, Paint);

/// The handover key for `date`: one line per state that a feature shown is in (to be
/// handed over, handed over), each drawn in the style the map gives it.
pub fn handover_keys(model: &Model, date: Option<IsoDate>) -> Vec<HandoverKey> {
    [
        (
            Handover::Pending,
            "map-feature--pending",
            "legend-handover-pending",
        ),
        (
            Handover::Done,
            "map-feature--handed-over",
            "legend-handover-done",
        ),
    ]
    .into_iter()
    .filter_map(|(state, class, key)| {
        let f = model
            .features()
            .find(|f| f.shown_on(date) && f.handover_on(date) == Some(state))?;
        Some((
            state,
            class,
            key,
            model.story.style(&f.kind).paint(&f.shape),
        ))
    })
    .collect()
}
