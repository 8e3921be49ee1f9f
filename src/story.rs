//! The story manifest (`story.json`): what to load and how to show it. A new story is a
//! new manifest, article and GeoJSON files; no code changes.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::date::IsoDate;
use crate::error::{DataError, Reason};
use crate::names::Names;
use crate::shape::Shape;
use crate::timeline::Timeline;

/// The file name the app loads first, relative to the data folder.
pub const MANIFEST: &str = "story.json";

/// Everything `story.json` says.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Story {
    /// The map's title, per language.
    pub title: Names,
    /// One or two sentences under the title.
    #[serde(default)]
    pub summary: Names,
    pub article: ArticleRef,
    /// Optional initial extent `[west, south, east, north]` (the manifest's `frame`);
    /// else the map fits every layer.
    #[serde(default, rename = "frame")]
    pub extent: Option<[f64; 4]>,
    /// GeoJSON files, drawn in this order (first is at the bottom).
    pub layers: Vec<LayerRef>,
    /// How each feature kind is drawn and named in the legend.
    #[serde(default)]
    pub kinds: BTreeMap<String, KindStyle>,
    /// The linked phrases of the article.
    #[serde(default)]
    pub passages: Vec<PassageSpec>,
    /// The credit line under the map.
    #[serde(default)]
    pub attribution: Names,
    /// Key dates, and the date the map opens on.
    #[serde(default)]
    pub timeline: Option<Timeline>,
    /// A small locator map: where the region lies.
    #[serde(default)]
    pub inset: Option<InsetRef>,
}

/// The locator map: a GeoJSON file of its own, and the places of the story it marks.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct InsetRef {
    pub file: String,
    /// Ids of point features of the story's layers to mark (capitals, say).
    #[serde(default)]
    pub places: Vec<String>,
}

/// The article the map tells.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct ArticleRef {
    /// Plain text, UTF-8, paragraphs separated by blank lines.
    pub file: String,
    /// Language of the text.
    pub lang: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    /// Who published it, per language (shown with the date).
    #[serde(default)]
    pub credit: Names,
    /// Translations made for the map: language -> file, with the same passages.
    #[serde(default)]
    pub translations: BTreeMap<String, String>,
}

/// One GeoJSON file of the story.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct LayerRef {
    /// Path relative to the data folder.
    pub file: String,
    /// What the layer holds, per language.
    #[serde(default)]
    pub title: Names,
}

/// How features of one kind look, and their legend entry.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct KindStyle {
    /// Legend text per language; kinds without one stay out of the legend.
    #[serde(default)]
    pub label: Names,
    /// SVG fill: `#rgb`, `#rrggbb` or `none`.
    #[serde(default)]
    pub fill: Option<String>,
    /// Fill opacity, 0 to 1.
    #[serde(default)]
    pub fill_opacity: Option<f64>,
    /// SVG stroke colour.
    #[serde(default)]
    pub stroke: Option<String>,
    /// Stroke width in screen pixels.
    #[serde(default)]
    pub stroke_width: Option<f64>,
    /// Whether points of this kind carry a name label on the map.
    #[serde(default)]
    pub label_on_map: bool,
    /// Which labels win when two would overlap (higher first).
    #[serde(default)]
    pub label_priority: u8,
    /// Whether features of this kind can be selected (base geography usually cannot).
    #[serde(default = "yes")]
    pub interactive: bool,
}

fn yes() -> bool {
    true
}

/// How a feature is painted: its kind's style, with the engine's neutral defaults where
/// the story says nothing, and every value made safe for an SVG attribute.
#[derive(Debug, Clone, PartialEq)]
pub struct Paint {
    /// `#rgb`, `#rrggbb` or `none` (always `none` for lines).
    pub fill: String,
    /// 0 to 1, when the story sets one.
    pub fill_opacity: Option<f64>,
    pub stroke: String,
    /// In screen pixels.
    pub stroke_width: f64,
    /// The marker's radius for points, in screen pixels (the kind's `stroke_width`).
    pub radius: f64,
}

impl KindStyle {
    /// The paint of a feature of this kind drawn as `shape`.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::shape::Shape;
    /// use ceasefire_map::story::Story;
    /// let story = Story::parse("story.json", r#"{"title": {"en": "T"},
    ///   "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
    ///   "layers": [{"file": "l.geojson"}],
    ///   "kinds": {"road": {"stroke": "url(x)", "stroke_width": 40}}}"#).unwrap();
    /// let line = story.style("road").paint(&Shape::Lines(vec![]));
    /// assert_eq!((line.fill.as_str(), line.stroke.as_str(), line.stroke_width), ("none", "#555555", 12.0));
    /// let town = story.style("town").paint(&Shape::Points(vec![]));
    /// assert_eq!((town.fill.as_str(), town.stroke.as_str(), town.radius), ("#222222", "#ffffff", 4.0));
    /// ```
    pub fn paint(&self, shape: &Shape) -> Paint {
        let colour = |value: &Option<String>, default: &str| {
            safe_colour(value.as_deref()).unwrap_or(default).to_string()
        };
        let points = matches!(shape, Shape::Points(_));
        let fill = match shape {
            Shape::Lines(_) => "none".to_string(),
            Shape::Points(_) => colour(&self.fill, "#222222"),
            Shape::Areas(_) => colour(&self.fill, "#dddddd"),
        };
        Paint {
            fill,
            fill_opacity: self.fill_opacity.map(|o| o.clamp(0.0, 1.0)),
            stroke: colour(&self.stroke, if points { "#ffffff" } else { "#555555" }),
            stroke_width: if points {
                1.5
            } else {
                self.stroke_width.unwrap_or(1.0).clamp(0.0, 12.0)
            },
            radius: self.stroke_width.unwrap_or(4.0).clamp(2.0, 10.0),
        }
    }
}

/// A phrase of the article linked to features. The phrase is found verbatim in the text,
/// as whole words ([`crate::article::word_matches`]); `occurrence` picks the n-th time it
/// appears so (1 = first).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
pub struct PassageSpec {
    pub id: String,
    pub phrase: PerLang<String>,
    #[serde(default = "first")]
    pub occurrence: PerLang<usize>,
    pub features: Vec<String>,
}

/// A value given once (for the article's own language, or for every language when it is
/// an occurrence), or by language (`{"fr": …, "en": …}`) for translations.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum PerLang<T> {
    One(T),
    ByLang(BTreeMap<String, T>),
}

impl From<&str> for PerLang<String> {
    fn from(s: &str) -> Self {
        PerLang::One(s.to_string())
    }
}

impl From<usize> for PerLang<usize> {
    fn from(n: usize) -> Self {
        PerLang::One(n)
    }
}

fn first() -> PerLang<usize> {
    PerLang::One(1)
}

impl PassageSpec {
    /// The phrase in `lang`; a phrase given once is in the article's language `original`.
    pub fn phrase_in(&self, lang: &str, original: &str) -> Option<&str> {
        match &self.phrase {
            PerLang::One(p) => (lang == original).then_some(p.as_str()),
            PerLang::ByLang(m) => m.get(lang).map(String::as_str),
        }
    }

    /// Which occurrence of the phrase in `lang` (1 when not said).
    pub fn occurrence_in(&self, lang: &str) -> usize {
        match &self.occurrence {
            PerLang::One(n) => *n,
            PerLang::ByLang(m) => m.get(lang).copied().unwrap_or(1),
        }
    }
}

/// Colours from data go into SVG attributes; only plain colours are let through, so a
/// story cannot make the map fetch anything (`url(...)`).
pub fn safe_colour(value: Option<&str>) -> Option<&str> {
    let v = value?;
    let hex = v.strip_prefix('#').is_some_and(|h| {
        matches!(h.len(), 3 | 4 | 6 | 8) && h.chars().all(|c| c.is_ascii_hexdigit())
    });
    (hex || v == "none").then_some(v)
}

/// The WCAG contrast ratio of two `#rrggbb` (or `#rgb`) colours, 1 to 21; `None` when
/// either is not such a colour.
///
/// # Examples
/// ```
/// use ceasefire_map::story::contrast_ratio;
/// assert_eq!(contrast_ratio("#000000", "#ffffff").map(|r| r.round()), Some(21.0));
/// ```
pub fn contrast_ratio(a: &str, b: &str) -> Option<f64> {
    fn luminance(hex: &str) -> Option<f64> {
        let h = hex.strip_prefix('#')?;
        let full: String = match h.len() {
            3 => h.chars().flat_map(|c| [c, c]).collect(),
            6 => h.to_string(),
            _ => return None,
        };
        let channel = |i: usize| -> Option<f64> {
            let c = f64::from(u8::from_str_radix(full.get(i..i + 2)?, 16).ok()?) / 255.0;
            Some(if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            })
        };
        Some(0.2126 * channel(0)? + 0.7152 * channel(2)? + 0.0722 * channel(4)?)
    }
    let (la, lb) = (luminance(a)?, luminance(b)?);
    Some((la.max(lb) + 0.05) / (la.min(lb) + 0.05))
}

impl Story {
    /// Parses `story.json`. A manifest that is JSON but not of the shape the map reads is
    /// refused with the line and column where it goes wrong, and a pointer to the
    /// validator ([`Story::parse_for_editors`]), which says which key and what it must be:
    /// that check stays out of the app.
    pub fn parse(file: &str, text: &str) -> Result<Story, DataError> {
        let story: Story = serde_json::from_str(text).map_err(|e| {
            if e.is_data() {
                DataError::file(
                    file,
                    Reason::ManifestShape {
                        line: e.line(),
                        column: e.column(),
                    },
                )
            } else {
                DataError::json(file, &e)
            }
        })?;
        if IsoDate::parse(&story.article.date).is_none() {
            return Err(DataError::file(
                file,
                Reason::ArticleDate(story.article.date.clone()),
            ));
        }
        if let Some(t) = &story.timeline {
            let dates = std::iter::once(&t.default).chain(t.moments.iter().map(|m| &m.date));
            if let Some(bad) = dates.into_iter().find(|d| IsoDate::parse(d).is_none()) {
                return Err(DataError::file(file, Reason::TimelineDate(bad.clone())));
            }
        }
        if story.layers.is_empty() {
            return Err(DataError::file(file, Reason::NoLayers));
        }
        Ok(story)
    }

    /// Every rule the manifest itself must keep (colours, timeline passages, passage
    /// ids and links), as problems of `file` (the manifest as errors name it).
    pub fn problems(&self, file: &str) -> Vec<DataError> {
        let story = self;
        let mut out = Vec::new();
        for (kind, style) in &story.kinds {
            for colour in [&style.fill, &style.stroke].into_iter().flatten() {
                if safe_colour(Some(colour)).is_none() {
                    out.push(DataError::file(
                        file,
                        Reason::UnsafeColour {
                            kind: kind.clone(),
                            colour: colour.clone(),
                        },
                    ));
                }
            }
        }
        if let Some([west, south, east, north]) = story.extent {
            for (axis, low, high) in [
                ("west and east", west, east),
                ("south and north", south, north),
            ] {
                if low >= high {
                    out.push(DataError::file(
                        file,
                        Reason::FrameReversed {
                            axis,
                            values: (low, high),
                        },
                    ));
                }
            }
        }
        let langs = story.languages();
        let texts = [("title", &story.title), ("summary", &story.summary)];
        // A summary is optional; given, it is given in every language.
        for (key, names) in texts
            .into_iter()
            .filter(|(k, n)| *k == "title" || !n.is_empty())
        {
            for lang in langs.iter().filter(|l| !names.has(l)) {
                out.push(
                    DataError::file(
                        file,
                        Reason::NameMissing {
                            key,
                            lang: lang.clone(),
                        },
                    )
                    .at(key),
                );
            }
        }
        let known = |id: &str| story.passages.iter().any(|p| p.id == id);
        for moment in story.timeline.iter().flat_map(|t| &t.moments) {
            for id in moment.passages.iter().filter(|id| !known(id)) {
                out.push(DataError::file(
                    file,
                    Reason::UnknownTimelinePassage {
                        date: moment.date.clone(),
                        passage: id.clone(),
                    },
                ));
            }
        }
        // A passage id used twice is reported where the article is cut into passages.
        for p in &story.passages {
            if p.features.is_empty() {
                out.push(DataError::passage(
                    file,
                    p.id.clone(),
                    Reason::NoFeatureLinked,
                ));
            }
        }
        out
    }

    /// Every file the story names, each once: the layers in drawing order, the article,
    /// its translations, then the locator map. Names are relative to the story's folder.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::story::Story;
    /// let story = Story::parse("story.json", r#"{"title": {"en": "T"},
    ///   "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19", "translations": {"fr": "a.fr.txt"}},
    ///   "layers": [{"file": "one.geojson"}, {"file": "two.geojson"}, {"file": "one.geojson"}],
    ///   "inset": {"file": "inset.geojson"}}"#).unwrap();
    /// assert_eq!(story.files(), ["one.geojson", "two.geojson", "a.txt", "a.fr.txt", "inset.geojson"]);
    /// ```
    pub fn files(&self) -> Vec<&str> {
        let named = self
            .layers
            .iter()
            .map(|l| l.file.as_str())
            .chain(std::iter::once(self.article.file.as_str()))
            .chain(self.article.translations.values().map(String::as_str))
            .chain(self.inset.iter().map(|i| i.file.as_str()));
        let mut files: Vec<&str> = Vec::new();
        for file in named {
            if !files.contains(&file) {
                files.push(file);
            }
        }
        files
    }

    /// [`Story::parse`], telling a manifest of the wrong shape which key is wrong and
    /// what it must be, in plain words (the validator's reading).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn parse_for_editors(file: &str, text: &str) -> Result<Story, DataError> {
        use serde_json::Value;
        Story::parse(file, text).map_err(|e| {
            if !matches!(e.reason, Reason::ManifestShape { .. }) {
                return e;
            }
            match serde_json::from_str::<Value>(text) {
                Ok(v) => manifest::problem(&v, "", &manifest::STORY)
                    .map_or(e, |(at, reason)| DataError::file(file, reason).at(at)),
                // Too deep to walk (an unread member may be): the parser's own place.
                Err(_) => match serde_json::from_str::<Story>(text) {
                    Err(parser) => DataError::json(file, &parser),
                    Ok(_) => e,
                },
            }
        })
    }

    /// The story's own languages: its article's, then its translations'. Names, the
    /// title and the summary need a text in each, and in no other.
    pub fn languages(&self) -> Vec<String> {
        std::iter::once(self.article.lang.clone())
            .chain(self.article.translations.keys().cloned())
            .collect()
    }

    /// The story's `frame` when it is one (west below east, south below north), else
    /// `None` (reported by [`Story::problems`]).
    pub fn frame(&self) -> Option<[f64; 4]> {
        self.extent
            .filter(|[west, south, east, north]| west < east && south < north)
    }

    /// The style of a kind, or the default look for kinds the story does not describe.
    pub fn style(&self, kind: &str) -> KindStyle {
        self.kinds.get(kind).cloned().unwrap_or(KindStyle {
            label: Names::default(),
            fill: None,
            fill_opacity: None,
            stroke: None,
            stroke_width: None,
            label_on_map: false,
            label_priority: 0,
            interactive: true,
        })
    }
}

/// The shape `story.json` must have, checked only when the parser refuses it, so the
/// editor reads which key is wrong and what it must be (never the parser's words).
#[cfg(not(target_arch = "wasm32"))]
mod manifest {
    use serde_json::Value;

    use crate::error::Reason;
    use crate::layer::rfc7946::describe;

    /// What a member's value must be.
    pub enum Shape {
        /// A text, with an example of one.
        Text(&'static str),
        Number,
        Bool,
        /// A whole number from 0 to 255.
        Byte,
        /// Texts by language.
        Names,
        /// A text, or texts by language (a passage's phrase).
        TextOrNames,
        /// A whole number, or whole numbers by language (a passage's occurrence).
        CountOrByLang,
        /// `[west, south, east, north]`.
        Frame,
        List(&'static Shape),
        /// An object of any keys, each value of this shape.
        Map(&'static Shape),
        Object(&'static [Member]),
    }

    /// A member of an object: its key, whether it must be there, and its shape.
    pub struct Member(pub &'static str, pub bool, pub Shape);

    use Shape::*;

    pub static STORY: Shape = Object(&[
        Member("title", true, Names),
        Member("summary", false, Names),
        Member(
            "article",
            true,
            Object(&[
                Member("file", true, Text("\"article.txt\"")),
                Member("lang", true, Text("\"fr\"")),
                Member("date", true, Text("\"2020-11-19\"")),
                Member("credit", false, Names),
                Member("translations", false, Map(&Text("\"article.en.txt\""))),
            ]),
        ),
        Member("frame", false, Frame),
        Member(
            "layers",
            true,
            List(&Object(&[
                Member("file", true, Text("\"places.geojson\"")),
                Member("title", false, Names),
            ])),
        ),
        Member(
            "kinds",
            false,
            Map(&Object(&[
                Member("label", false, Names),
                Member("fill", false, Text("\"#e69f00\"")),
                Member("fill_opacity", false, Number),
                Member("stroke", false, Text("\"#555555\"")),
                Member("stroke_width", false, Number),
                Member("label_on_map", false, Bool),
                Member("label_priority", false, Byte),
                Member("interactive", false, Bool),
            ])),
        ),
        Member(
            "passages",
            false,
            List(&Object(&[
                Member("id", true, Text("\"p-bridge\"")),
                Member("phrase", true, TextOrNames),
                Member("occurrence", false, CountOrByLang),
                Member("features", true, List(&Text("\"old-bridge\""))),
            ])),
        ),
        Member("attribution", false, Names),
        Member(
            "timeline",
            false,
            Object(&[
                Member("default", true, Text("\"2020-11-10\"")),
                Member(
                    "moments",
                    true,
                    List(&Object(&[
                        Member("date", true, Text("\"2020-11-10\"")),
                        Member("label", true, Names),
                        Member("passages", false, List(&Text("\"p-bridge\""))),
                    ])),
                ),
            ]),
        ),
        Member(
            "inset",
            false,
            Object(&[
                Member("file", true, Text("\"inset.geojson\"")),
                Member("places", false, List(&Text("\"harbour\""))),
            ]),
        ),
    ]);

    impl Shape {
        /// What a value of this shape is, in plain words.
        fn want(&self) -> String {
            match self {
                Text(example) => format!("a text, such as {example}"),
                Number => "a number".into(),
                Bool => "true or false".into(),
                Byte => "a whole number from 0 to 255".into(),
                Names => "an object of texts by language, {\"en\": \"…\"}".into(),
                TextOrNames => "a text, or an object of texts by language".into(),
                CountOrByLang => {
                    "a whole number (1 for the first), or an object of them by language".into()
                }
                Frame => "a list of 4 numbers, [west, south, east, north]".into(),
                List(item) => format!("a list, each item {}", item.want()),
                Map(value) => format!("an object, each value {}", value.want()),
                Object(members) => {
                    let keys: Vec<String> = members
                        .iter()
                        .filter(|m| m.1)
                        .map(|m| format!("\"{}\": …", m.0))
                        .collect();
                    format!("an object {{{}}}", keys.join(", "))
                }
            }
        }
    }

    fn join(at: &str, key: &str) -> String {
        if at.is_empty() {
            key.to_string()
        } else {
            format!("{at}.{key}")
        }
    }

    /// The first place where `value` (at member path `at`) does not have `shape`.
    pub fn problem(value: &Value, at: &str, shape: &Shape) -> Option<(String, Reason)> {
        let is_count = |v: &Value| v.as_u64().is_some();
        let fits = match (shape, value) {
            (Text(_), Value::String(_)) | (Number, Value::Number(_)) | (Bool, Value::Bool(_)) => {
                true
            }
            (Byte, v) => v.as_u64().is_some_and(|n| n <= 255),
            (Names, Value::Object(m)) | (TextOrNames, Value::Object(m)) => {
                m.values().all(Value::is_string)
            }
            (TextOrNames, Value::String(_)) => true,
            (CountOrByLang, Value::Object(m)) => m.values().all(is_count),
            (CountOrByLang, v) => is_count(v),
            (Frame, Value::Array(a)) => a.len() == 4 && a.iter().all(Value::is_number),
            (List(item), Value::Array(a)) => {
                return a
                    .iter()
                    .enumerate()
                    .find_map(|(i, v)| problem(v, &format!("{at}[{i}]"), item));
            }
            (Map(inner), Value::Object(m)) => {
                return m.iter().find_map(|(k, v)| problem(v, &join(at, k), inner));
            }
            (Object(members), Value::Object(m)) => {
                return members.iter().find_map(|Member(key, required, shape)| {
                    match m.get(*key) {
                        None if *required => Some((
                            at.to_string(),
                            Reason::ManifestMissing {
                                key,
                                want: shape.want(),
                            },
                        )),
                        None => None,
                        // Optional members may be null (as if not there) where the map
                        // reads an optional value.
                        Some(Value::Null)
                            if !required
                                && matches!(shape, Number | Text(_) | Frame | Object(_)) =>
                        {
                            None
                        }
                        Some(v) => problem(v, &join(at, key), shape),
                    }
                });
            }
            _ => false,
        };
        (!fits).then(|| {
            (
                at.to_string(),
                Reason::ManifestType {
                    want: shape.want(),
                    found: describe(value),
                },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"{
        "title": {"fr": "Carte", "en": "Map"},
        "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19"},
        "layers": [{"file": "x.geojson"}],
        "passages": [{"id": "p", "phrase": "ligne", "features": ["f"]}]
    }"#;

    #[test]
    fn reads_a_minimal_manifest_with_defaults() {
        let s = Story::parse("story.json", MINIMAL).unwrap();
        assert_eq!(s.title.get("en"), "Map");
        assert_eq!(s.passages[0].occurrence_in("fr"), 1);
        assert_eq!(s.passages[0].phrase_in("fr", "fr"), Some("ligne"));
        assert_eq!(s.passages[0].phrase_in("en", "fr"), None);
        assert!(s.style("anything").interactive);
        assert!(s.extent.is_none());
    }

    #[test]
    fn refuses_bad_manifests_with_the_reason() {
        let cases = [
            ("{", "story.json: invalid JSON at line 1"),
            (
                r#"{"title":{}}"#,
                "story.json: is not of the shape the map reads at line 1",
            ),
            (
                &MINIMAL.replace("2020-11-19", "19 Nov"),
                "article.date is \"19 Nov\"",
            ),
            (
                &MINIMAL.replace(r#"[{"file": "x.geojson"}]"#, "[]"),
                "\"layers\" is empty",
            ),
        ];
        for (text, want) in cases {
            let err = Story::parse("story.json", text).unwrap_err().to_string();
            assert!(err.contains(want), "{err}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn a_manifest_of_the_wrong_shape_is_told_which_key_in_plain_words() {
        let cases = [
            ("[1]", "story.json: is a list: it must be an object {\"title\": …, \"article\": …, \"layers\": …}"),
            (
                &MINIMAL.replace(r#""title": {"fr": "Carte", "en": "Map"}"#, r#""title": "Carte""#),
                "story.json: at title: is the text \"Carte\": it must be an object of texts by language, {\"en\": \"…\"}",
            ),
            (
                &MINIMAL.replace(r#""lang": "fr", "#, ""),
                "story.json: at article: has no \"lang\": add it, a text, such as \"fr\"",
            ),
            (
                &MINIMAL.replace(r#"[{"file": "x.geojson"}]"#, r#"["x.geojson"]"#),
                "story.json: at layers[0]: is the text \"x.geojson\": it must be an object {\"file\": …}",
            ),
            (
                &MINIMAL.replace(r#""features": ["f"]"#, r#""features": "f""#),
                "story.json: at passages[0].features: is the text \"f\": it must be a list, each item a text, such as \"old-bridge\"",
            ),
            (
                &MINIMAL.replace(r#""features": ["f"]"#, r#""features": ["f"], "occurrence": -1"#),
                "story.json: at passages[0].occurrence: is a number: it must be a whole number (1 for the first), or an object of them by language",
            ),
            (
                &MINIMAL.replace(r#""layers""#, r#""frame": [1, 2, 3], "layers""#),
                "story.json: at frame: is a list: it must be a list of 4 numbers, [west, south, east, north]",
            ),
            (
                &MINIMAL.replace(r#""layers""#, r#""kinds": {"town": {"label_priority": 300}}, "layers""#),
                "story.json: at kinds.town.label_priority: is a number: it must be a whole number from 0 to 255",
            ),
            (
                &MINIMAL.replace(r#""layers""#, r#""kinds": {"town": {"stroke_width": "2"}}, "layers""#),
                "story.json: at kinds.town.stroke_width: is the text \"2\": it must be a number",
            ),
            (
                &MINIMAL.replace(r#""layers""#, r#""timeline": {"default": "2020-11-10", "moments": [{"date": "2020-11-10"}]}, "layers""#),
                "story.json: at timeline.moments[0]: has no \"label\": add it, an object of texts by language, {\"en\": \"…\"}",
            ),
        ];
        for (text, want) in cases {
            let err = Story::parse_for_editors("story.json", text)
                .unwrap_err()
                .to_string();
            assert_eq!(err, want);
            // The map says where, and leaves the words to the validator.
            let err = Story::parse("story.json", text).unwrap_err().to_string();
            assert!(
                err.starts_with("story.json: is not of the shape the map reads at line "),
                "{err}"
            );
        }
        // Null stands for "not there" where the map reads an optional value.
        let nulls = MINIMAL.replace(
            r#""layers""#,
            r#""frame": null, "inset": null, "kinds": {"k": {"fill": null}}, "layers""#,
        );
        assert!(Story::parse("story.json", &nulls).is_ok());
    }

    #[test]
    fn phrases_and_occurrences_by_language() {
        let s = Story::parse(
            "story.json",
            &MINIMAL.replace(
                r#""phrase": "ligne""#,
                r#""phrase": {"fr": "ligne", "en": "line"}, "occurrence": {"en": 2}"#,
            ),
        )
        .unwrap();
        let p = &s.passages[0];
        assert_eq!(p.phrase_in("en", "fr"), Some("line"));
        assert_eq!(p.phrase_in("fr", "fr"), Some("ligne"));
        assert_eq!(p.occurrence_in("en"), 2);
        assert_eq!(p.occurrence_in("fr"), 1);
    }

    #[test]
    fn a_reversed_frame_is_reported_and_not_used() {
        let with = |frame: &str| {
            Story::parse(
                "story.json",
                &MINIMAL.replace(r#""layers""#, &format!(r#""frame": {frame}, "layers""#)),
            )
            .unwrap()
        };
        let sound = with("[44.8, 38.8, 47.6, 40.6]");
        assert_eq!(sound.frame(), Some([44.8, 38.8, 47.6, 40.6]));
        assert!(sound.problems("story.json").is_empty());
        let upside_down = with("[44.8, 40.6, 47.6, 38.8]");
        assert_eq!(upside_down.frame(), None);
        let lines: Vec<String> = upside_down
            .problems("story.json")
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(lines, ["story.json: \"frame\" has its south and north swapped (south 40.6, north 38.8): write [west, south, east, north], south lower than north; until then the map fits every layer"]);
    }

    #[test]
    fn title_and_summary_are_needed_in_the_story_languages_only() {
        let english = MINIMAL
            .replace(r#""lang": "fr""#, r#""lang": "en""#)
            .replace(r#"{"fr": "Carte", "en": "Map"}"#, r#"{"en": "Map"}"#);
        let s = Story::parse("story.json", &english).unwrap();
        assert_eq!(s.languages(), ["en"]);
        assert!(s.problems("story.json").is_empty());
        let bilingual = english.replace(
            r#""date": "2020-11-19""#,
            r#""date": "2020-11-19", "translations": {"hy": "a.hy.txt"}"#,
        );
        let bilingual = bilingual.replace(r#""layers""#, r#""summary": {"en": "S"}, "layers""#);
        let s = Story::parse("story.json", &bilingual).unwrap();
        let lines: Vec<String> = s
            .problems("story.json")
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            lines,
            [
                "story.json: at title: \"title\" has no \"hy\" text, a language of the story: add \"hy\": \"…\" to it",
                "story.json: at summary: \"summary\" has no \"hy\" text, a language of the story: add \"hy\": \"…\" to it",
            ]
        );
    }

    #[test]
    fn only_plain_colours_pass() {
        for (v, ok) in [
            ("#d55e00", true),
            ("#abc", true),
            ("none", true),
            ("url(https://x/y)", false),
            ("red;x", false),
            ("#12345", false),
        ] {
            assert_eq!(safe_colour(Some(v)).is_some(), ok, "{v}");
        }
    }
}
