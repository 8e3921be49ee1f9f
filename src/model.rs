//! A loaded story: the manifest, its layers, the article and the link index, built from
//! the texts of its files (or the errors fetching them). Pure: the shell only fetches.
//!
//! One loading plan serves the app, the validator, the native tests and the tools: the
//! story names its files once ([`Story::files`]), whoever loads them gathers their texts
//! into [`Texts`], and [`Model::load`] builds everything from those.

use std::collections::BTreeMap;

use crate::article::{build_article, Article, Span};
use crate::date::IsoDate;
use crate::error::{DataError, Item, Reason};
use crate::layer::{checked_layer, Expect, Feature, Layer, TakenIds};
use crate::linking::LinkIndex;
use crate::projection::{Bounds, Point, Projection, Rect};
use crate::selection::Selection;
use crate::shape::Shape;
use crate::story::{Story, MANIFEST};
use crate::svg::path::Detail;
use crate::timeline::Changes;

/// The texts of a story's files by name, as the story names them (relative to its
/// folder): each the text, or the error that stopped its loading. A file the story
/// names that is not here is reported as missing.
pub type Texts = BTreeMap<String, Result<String, DataError>>;

/// Everything the map shows, and every problem met on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub story: Story,
    /// The layers that could be read, in drawing order, each with its title.
    pub layers: Vec<Layer>,
    /// The article in its own language.
    pub article: Article,
    /// Translations of the article, by language, with the same passages.
    pub translations: BTreeMap<String, Article>,
    /// The locator map's features, when the story has one and it loaded.
    pub inset: Option<Layer>,
    pub index: LinkIndex,
    /// Every feature id of the story and of its locator map, with where its feature is.
    pub ids: TakenIds,
    /// Problems, in the order met: files that failed, features and passages left out.
    pub problems: Vec<DataError>,
}

/// How many problems the map lists at most; the others are counted ("and 12 more"): a
/// broken layer can give thousands, and the validator lists every one.
pub const PROBLEMS_LISTED: usize = 20;

/// Where a feature's marks and name go (its path data comes from [`crate::svg::path`],
/// per view).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub id: String,
    pub points: Vec<Point>,
    /// Where the feature's name is written, for areas that have a label position.
    pub label_at: Option<Point>,
}

/// Where every feature goes, by id (see [`Model::drawn`]).
pub type Scene = BTreeMap<String, Drawn>;

impl Model {
    /// Builds the model of `story` from the texts of its files. `dir` is the story's
    /// folder as errors should name it (`"geodata/"` in the browser, `""` for a
    /// validator that prefixes its own). Only what cannot be read is left out: every
    /// problem is listed, and the rest of the story still shows.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::model::{Model, Texts};
    /// use ceasefire_map::story::Story;
    /// let story = Story::parse("geodata/story.json", r#"{"title": {"fr": "T"},
    ///   "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19"},
    ///   "layers": [{"file": "one.geojson"}]}"#).unwrap();
    /// let mut texts = Texts::new();
    /// texts.insert("a.txt".into(), Ok("Un texte.".into()));
    /// let model = Model::load(story, "geodata/", &texts);
    /// assert_eq!(model.problems[0].to_string(), "geodata/one.geojson: could not be loaded (no such file)");
    /// ```
    pub fn load(story: Story, dir: &str, texts: &Texts) -> Model {
        let path = |file: &str| format!("{dir}{file}");
        let read = |file: &str| match texts.get(file) {
            Some(Ok(text)) => Ok(text.as_str()),
            Some(Err(e)) => Err(e.clone()),
            None => Err(DataError::file(
                path(file),
                Reason::Fetch("no such file".into()),
            )),
        };
        let manifest = path(MANIFEST);
        let mut problems = story.problems(&manifest);
        let mut ids = TakenIds::new();
        let mut layers = Vec::new();
        let kinds: Vec<String> = story.kinds.keys().cloned().collect();
        let langs = story.languages();
        let expect = Expect {
            langs: &langs,
            kinds: Some(&kinds),
        };
        for layer_ref in &story.layers {
            let file = path(&layer_ref.file);
            match read(&layer_ref.file).and_then(|t| checked_layer(&file, t, &mut ids, &expect)) {
                Ok((layer, mut bad)) => {
                    layers.push(Layer {
                        title: layer_ref.title.clone(),
                        ..layer
                    });
                    problems.append(&mut bad);
                }
                Err(e) => problems.push(e),
            }
        }
        let original = story.article.lang.clone();
        let article_text = read(&story.article.file).unwrap_or_else(|e| {
            problems.push(e);
            ""
        });
        let (article, mut bad) = build_article(
            &manifest,
            article_text,
            &story.passages,
            &original,
            &original,
        );
        problems.append(&mut bad);
        let (index, mut bad) =
            LinkIndex::build(&manifest, &story.passages, article.passage_ids(), &ids);
        // A link to a feature left out for a reason already given is no second problem:
        // one root cause, one line.
        bad.retain(|e| match &e.reason {
            Reason::UnknownFeature(id) => !problems.iter().any(|p| {
                matches!(&p.item, Some(Item::Feature(f)) if f == id) && !ids.contains_key(id)
            }),
            _ => true,
        });
        problems.append(&mut bad);

        // Translations: a passage that cannot be placed in one is reported against it.
        let mut translations = BTreeMap::new();
        for (lang, file) in &story.article.translations {
            match read(file) {
                Ok(text) => {
                    let (translated, mut bad) =
                        build_article(&path(file), text, &story.passages, lang, &original);
                    problems.append(&mut bad);
                    translations.insert(lang.clone(), translated);
                }
                Err(e) => problems.push(e),
            }
        }

        // The locator map: its ids must not clash with the story's.
        let mut inset = None;
        if let Some(inset_ref) = &story.inset {
            let file = path(&inset_ref.file);
            let any_kind = Expect {
                langs: &langs,
                kinds: None,
            };
            match read(&inset_ref.file).and_then(|t| checked_layer(&file, t, &mut ids, &any_kind)) {
                Ok((layer, mut bad)) => {
                    problems.append(&mut bad);
                    inset = Some(layer);
                }
                Err(e) => problems.push(e),
            }
        }
        let model = Model {
            story,
            layers,
            article,
            translations,
            inset,
            index,
            ids,
            problems,
        };
        let unknown_places: Vec<DataError> = model
            .story
            .inset
            .iter()
            .flat_map(|i| &i.places)
            .filter(|place| model.feature(place).is_none())
            .map(|place| {
                DataError::file(
                    manifest.clone(),
                    Reason::UnknownInsetPlace(place.to_string()),
                )
            })
            .collect();
        Model {
            problems: [model.problems, unknown_places].concat(),
            ..model
        }
    }

    /// The problems the map lists ([`PROBLEMS_LISTED`] at most), and how many more
    /// there are.
    pub fn problems_listed(&self) -> (&[DataError], usize) {
        let listed = self.problems.len().min(PROBLEMS_LISTED);
        (&self.problems[..listed], self.problems.len() - listed)
    }

    /// The article in `lang`, or in its own language when there is no translation.
    pub fn article_in(&self, lang: &str) -> &Article {
        self.translations.get(lang).unwrap_or(&self.article)
    }

    /// The languages the article can be read in, its own first.
    pub fn languages(&self) -> Vec<String> {
        std::iter::once(self.story.article.lang.clone())
            .chain(self.translations.keys().cloned())
            .collect()
    }

    /// Every feature, in drawing order.
    pub fn features(&self) -> impl Iterator<Item = &Feature> {
        self.layers.iter().flat_map(|l| &l.features)
    }

    /// The feature with this id.
    pub fn feature(&self, id: &str) -> Option<&Feature> {
        self.features().find(|f| f.id == id)
    }

    /// Whether the reader can select the feature: its kind says so, or a passage links it.
    pub fn is_selectable(&self, f: &Feature) -> bool {
        self.story.style(&f.kind).interactive || self.index.is_linked_feature(&f.id)
    }

    /// The classes of a drawn feature, the same in the app and in the static page. The
    /// stylesheet styles by what the story says, never by a story's kind names: the kind
    /// (`map-kind-…`, for a newsroom's own rules), the accuracy, the shape, a bold line
    /// (a line kind drawn 2.5 px or wider, whose schematic dots would merge), the size of
    /// a point's name from its kind's `label_priority` (1 small, 3 and above large), and
    /// whether the reader can select it.
    pub fn class_of(&self, f: &Feature) -> String {
        let style = self.story.style(&f.kind);
        let kind: String = f
            .kind
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
            .collect();
        let shape = match f.shape {
            Shape::Points(_) => "point",
            Shape::Lines(_) => "line",
            Shape::Areas(_) => "area",
        };
        let mut class = format!(
            "map-feature map-kind-{kind} map-accuracy-{} map-shape-{shape}",
            f.accuracy.as_str()
        );
        if shape == "line" && style.stroke_width.is_some_and(|w| w >= 2.5) {
            class.push_str(" map-line--bold");
        }
        if shape == "point" && style.label_on_map {
            match style.label_priority {
                1 => class.push_str(" map-label--small"),
                3.. => class.push_str(" map-label--large"),
                _ => {}
            }
        }
        if self.is_selectable(f) {
            class.push_str(" map-feature--interactive");
        }
        class
    }

    /// What the timeline's moment at `date` changes on the map (see
    /// [`crate::timeline::Timeline::changes`]): its caption, and the features the map
    /// moves to. `None` without a timeline.
    pub fn changes_at(&self, date: IsoDate) -> Option<Changes<'_>> {
        Some(self.story.timeline.as_ref()?.changes(self.features(), date))
    }

    /// The features a passage links to that show on `date`.
    pub fn features_of_at(&self, passage: &str, date: Option<IsoDate>) -> Vec<String> {
        self.index
            .features_of(passage)
            .iter()
            .filter(|id| self.feature(id).is_some_and(|f| f.shown_on(date)))
            .cloned()
            .collect()
    }

    /// The extent the map opens on: the story's, else every feature.
    pub fn extent(&self) -> Option<Bounds> {
        match self.story.frame() {
            Some([west, south, east, north]) => Some(Bounds {
                west,
                south,
                east,
                north,
            }),
            None => Bounds::around(self.features().flat_map(|f| f.shape.positions())),
        }
    }

    /// The box, in map units, around the given features (those that exist), or `None`
    /// when none does.
    pub fn bbox_of(&self, ids: &[String], projection: &Projection) -> Option<Rect> {
        Rect::around(
            self.features()
                .filter(|f| ids.contains(&f.id))
                .flat_map(|f| f.shape.positions())
                .map(|p| projection.project(p)),
        )
    }

    /// The passages that speak of feature `id`, in article order.
    pub fn passages_of(&self, id: &str) -> &[String] {
        self.index.passages_of(id)
    }

    /// The passage to bring into view for a selection: the passage itself, or the first
    /// that speaks of the selected feature.
    pub fn passage_to_reveal<'a>(&'a self, selection: &'a Selection) -> Option<&'a str> {
        match selection {
            Selection::None => None,
            Selection::Passage(id) => Some(id),
            Selection::Feature(id) => self.passages_of(id).first().map(String::as_str),
        }
    }

    /// The text of passage `id` in the article as read in `lang`.
    pub fn passage_text(&self, lang: &str, id: &str) -> Option<&str> {
        self.article_in(lang)
            .blocks
            .iter()
            .flat_map(|b| &b.spans)
            .find_map(|s| match s {
                Span::Passage { id: pid, text } if pid == id => Some(text.as_str()),
                _ => None,
            })
    }

    /// Whether passage `id` links to at least one feature (one whose every link is
    /// broken reads as plain text).
    pub fn passage_leads_somewhere(&self, id: &str) -> bool {
        !self.index.features_of(id).is_empty()
    }

    /// Whether the story has what `selection` names (nothing always exists).
    pub fn has(&self, selection: &Selection) -> bool {
        match selection {
            Selection::None => true,
            Selection::Feature(id) => self.feature(id).is_some(),
            Selection::Passage(id) => self.article.passage_ids().any(|p| p == id),
        }
    }

    /// Every vertex of every line and area ranked for the level of detail, once per
    /// story (see [`crate::svg::path`]).
    pub fn ranked(&self) -> Detail {
        Detail::new(self.features().map(|f| (f.id.as_str(), &f.shape)))
    }

    /// Where every feature's points and label go with `projection`, by feature id.
    pub fn drawn(&self, projection: &Projection) -> Scene {
        // Inserted one by one: collecting into a map would sort (wasm size).
        let mut scene = Scene::new();
        for f in self.features() {
            let drawn = Drawn {
                id: f.id.clone(),
                points: f.shape.projected_points(projection),
                label_at: f.label_at.map(|p| projection.project(p)),
            };
            scene.insert(f.id.clone(), drawn);
        }
        scene
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = r#"{
        "title": {"fr": "T", "en": "T"},
        "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19"},
        "layers": [{"file": "one.geojson"}, {"file": "two.geojson"}],
        "kinds": {"k": {}},
        "passages": [
            {"id": "p-line", "phrase": "la ligne", "features": ["line"]},
            {"id": "p-gone", "phrase": "le point", "features": ["point"]}
        ]
    }"#;

    fn layer(id: &str, geometry: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"{id}",
            "geometry":{geometry},"properties":{{"kind":"k","name":{{"fr":"{id}","en":"{id}"}},
            "sources":[{{"title":"s"}}],"accuracy":"approximate","as_of":"2020-11-10"}}}}]}}"#
        )
    }

    fn texts(pairs: &[(&str, Result<String, DataError>)]) -> Texts {
        pairs
            .iter()
            .map(|(file, text)| (file.to_string(), text.clone()))
            .collect()
    }

    /// The story loaded with its two layers (a line, a point) and `more` files.
    fn with_line_and_point(story: Story, more: &[(&str, &str)]) -> Model {
        let mut all = texts(&[
            ("one.geojson", Ok(layer("line", LINE))),
            ("two.geojson", Ok(layer("point", POINT))),
        ]);
        for (file, text) in more {
            all.insert(file.to_string(), Ok(text.to_string()));
        }
        Model::load(story, "", &all)
    }

    const LINE: &str = r#"{"type":"LineString","coordinates":[[46,40],[47,39]]}"#;
    const POINT: &str = r#"{"type":"Point","coordinates":[46.5,39.5]}"#;

    #[test]
    fn classes_follow_the_story_never_a_kind_name() {
        let load = |kinds: &str| {
            let story = STORY.replace(r#""kinds": {"k": {}}"#, &format!(r#""kinds": {kinds}"#));
            let story = Story::parse("geodata/story.json", &story).unwrap();
            let model = with_line_and_point(story, &[("a.txt", "la ligne")]);
            let class = |id: &str| model.class_of(model.feature(id).unwrap());
            (class("line"), class("point"))
        };
        // Bold lines, large names, and a kind the reader cannot select unless linked.
        let (line, point) = load(
            r#"{"k": {"stroke_width": 3, "label_on_map": true, "label_priority": 3, "interactive": false}}"#,
        );
        assert_eq!(
            line,
            "map-feature map-kind-k map-accuracy-approximate map-shape-line map-line--bold map-feature--interactive"
        );
        assert_eq!(
            point,
            "map-feature map-kind-k map-accuracy-approximate map-shape-point map-label--large"
        );
        // Thin lines; small names; the neutral defaults when the story says nothing.
        let (line, point) =
            load(r#"{"k": {"stroke_width": 2, "label_on_map": true, "label_priority": 1}}"#);
        assert!(!line.contains("bold"), "{line}");
        assert!(point.ends_with("map-shape-point map-label--small map-feature--interactive"));
        let (line, point) = load("{}");
        assert!(
            line.ends_with("map-shape-line map-feature--interactive"),
            "{line}"
        );
        assert!(
            point.ends_with("map-shape-point map-feature--interactive"),
            "{point}"
        );
    }

    #[test]
    fn a_missing_file_is_named_and_the_rest_still_draws() {
        let story = Story::parse("geodata/story.json", STORY).unwrap();
        let model = Model::load(
            story,
            "geodata/",
            &texts(&[
                ("one.geojson", Ok(layer("line", LINE))),
                (
                    "two.geojson",
                    Err(DataError::file(
                        "geodata/two.geojson",
                        Reason::Fetch("HTTP 404".into()),
                    )),
                ),
                ("a.txt", Ok("Voici la ligne et le point.".into())),
            ]),
        );
        assert_eq!(model.features().count(), 1);
        assert_eq!(model.index.passages_of("line"), ["p-line"]);
        let messages: Vec<String> = model.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "geodata/two.geojson: could not be loaded (HTTP 404)",
                "geodata/story.json: passage \"p-gone\": links to feature \"point\", which no layer has",
            ]
        );
        let extent = model.extent().unwrap();
        assert_eq!((extent.west, extent.north), (46.0, 40.0));
        let projection = Projection::fit(extent, 100.0, 100.0, 0.0);
        let drawn = model.drawn(&projection);
        assert_eq!(drawn.len(), 1);
        assert_eq!(drawn["line"].id, "line");
        let r = model.bbox_of(&["line".into()], &projection).unwrap();
        assert!(r.left < r.right && r.top < r.bottom);
        assert!(model.bbox_of(&["nothing".into()], &projection).is_none());
        assert!(drawn["line"].points.is_empty());
    }

    #[test]
    fn the_map_lists_20_problems_and_counts_the_others() {
        let story = Story::parse("story.json", STORY).unwrap();
        let mut texts = texts(&[("a.txt", Ok("Voici la ligne et le point.".into()))]);
        texts.insert("one.geojson".into(), Ok(layer("line", LINE)));
        texts.insert("two.geojson".into(), Ok(layer("point", POINT)));
        let mut model = Model::load(story, "", &texts);
        assert_eq!(model.problems_listed(), (&[][..], 0));
        let problem = DataError::file("x.geojson", Reason::NoLayers);
        model.problems = vec![problem.clone(); 20];
        assert_eq!(model.problems_listed().0.len(), 20);
        assert_eq!(model.problems_listed().1, 0);
        model.problems = vec![problem; 33];
        assert_eq!(model.problems_listed().0.len(), 20);
        assert_eq!(model.problems_listed().1, 13);
    }

    #[test]
    fn layers_carry_their_titles_whichever_failed() {
        let story = Story::parse(
            "story.json",
            &STORY.replace(
                r#"[{"file": "one.geojson"}, {"file": "two.geojson"}]"#,
                r#"[{"file": "zero.geojson", "title": {"fr": "Zéro"}},
                    {"file": "one.geojson", "title": {"fr": "Un"}},
                    {"file": "two.geojson", "title": {"fr": "Deux"}}]"#,
            ),
        )
        .unwrap();
        // The first file is missing: the others keep their own titles.
        let model = with_line_and_point(story, &[("a.txt", "Voici la ligne et le point.")]);
        let titles: Vec<(&str, &str)> = model
            .layers
            .iter()
            .map(|l| (l.file.as_str(), l.title.get("fr")))
            .collect();
        assert_eq!(titles, [("one.geojson", "Un"), ("two.geojson", "Deux")]);
        assert_eq!(
            model.problems[0].to_string(),
            "zero.geojson: could not be loaded (no such file)"
        );
    }

    #[test]
    fn link_lookups_answer_for_the_shell() {
        let story = Story::parse("story.json", STORY).unwrap();
        let model = with_line_and_point(story, &[("a.txt", "Voici la ligne et le point.")]);
        let feature = Selection::Feature("line".into());
        assert_eq!(model.passage_to_reveal(&feature), Some("p-line"));
        let passage = Selection::Passage("p-gone".into());
        assert_eq!(model.passage_to_reveal(&passage), Some("p-gone"));
        assert_eq!(model.passage_to_reveal(&Selection::None), None);
        assert_eq!(model.passage_text("fr", "p-gone"), Some("le point"));
        assert_eq!(model.passage_text("fr", "nope"), None);
        assert!(model.passage_leads_somewhere("p-line"));
        assert!(!model.passage_leads_somewhere("nope"));
        assert!(model.has(&feature) && model.has(&passage) && model.has(&Selection::None));
        assert!(!model.has(&Selection::Feature("nope".into())));
        assert!(!model.has(&Selection::Passage("nope".into())));
    }

    #[test]
    fn translations_carry_the_same_passages_and_report_missing_ones() {
        let story = Story::parse(
            "story.json",
            &STORY
                .replace(
                    r#""phrase": "la ligne""#,
                    r#""phrase": {"fr": "la ligne", "en": "the line"}"#,
                )
                .replace(
                    r#""lang": "fr","#,
                    r#""lang": "fr", "translations": {"en": "a.en.txt"},"#,
                ),
        )
        .unwrap();
        let model = with_line_and_point(
            story,
            &[
                ("a.txt", "Voici la ligne et le point."),
                ("a.en.txt", "Here are the line and the point."),
            ],
        );
        assert_eq!(model.languages(), ["fr", "en"]);
        assert_eq!(
            model.article_in("en").passage_ids().collect::<Vec<_>>(),
            ["p-line"]
        );
        assert_eq!(model.article_in("de").passage_ids().count(), 2);
        let messages: Vec<String> = model.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            ["a.en.txt: passage \"p-gone\": has no phrase in \"en\""]
        );
    }

    #[test]
    fn a_missing_article_still_shows_the_map() {
        let story = Story::parse("story.json", STORY).unwrap();
        let model = Model::load(
            story,
            "",
            &texts(&[
                ("one.geojson", Ok(layer("line", LINE))),
                ("two.geojson", Ok(layer("point", POINT))),
                (
                    "a.txt",
                    Err(DataError::file("a.txt", Reason::Fetch("HTTP 500".into()))),
                ),
            ]),
        );
        assert_eq!(model.features().count(), 2);
        assert!(model.article.blocks.is_empty());
        assert_eq!(
            model.problems[0].to_string(),
            "a.txt: could not be loaded (HTTP 500)"
        );
        assert!(model.feature("point").is_some());
    }
}
