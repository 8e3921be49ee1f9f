//! A loaded story: the manifest, its layers, the article and the link index, built from
//! the texts of its files (or the errors fetching them). Pure: the shell only fetches.

use std::collections::{BTreeMap, BTreeSet};

use crate::article::{build_article, Article};
use crate::date::IsoDate;
use crate::error::DataError;
use crate::layer::{Feature, Layer};
use crate::linking::LinkIndex;
use crate::projection::{Bounds, Point, Projection};
use crate::render::point_positions;
use crate::story::{Story, MANIFEST};
use crate::validate::checked_layer;

/// Everything the map shows, and every problem met on the way.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub story: Story,
    /// The layers that could be read, in drawing order.
    pub layers: Vec<Layer>,
    /// The article in its own language.
    pub article: Article,
    /// Translations of the article, by language, with the same passages.
    pub translations: BTreeMap<String, Article>,
    /// The locator map's features, when the story has one and it loaded.
    pub inset: Option<Layer>,
    pub index: LinkIndex,
    /// Problems, in the order met: files that failed, features and passages left out.
    pub problems: Vec<DataError>,
}

/// Where a feature's marks and name go (its path data comes from [`crate::lod`], per
/// view).
#[derive(Debug, Clone, PartialEq)]
pub struct Drawn {
    pub id: String,
    pub points: Vec<Point>,
    /// Where the feature's name is written, for areas that have a label position.
    pub label_at: Option<Point>,
}

impl Model {
    /// Builds the model. `layer_texts` holds, for each layer of the story in order, the
    /// file's text or the error that stopped its loading; likewise `article_text`.
    pub fn assemble(
        story: Story,
        layer_texts: Vec<Result<String, DataError>>,
        article_text: Result<String, DataError>,
    ) -> Model {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let mut layers = Vec::new();
        for (layer_ref, text) in story.layers.iter().zip(layer_texts) {
            let parsed = text.and_then(|t| checked_layer(&layer_ref.file, &t, &mut ids));
            match parsed {
                Ok((layer, mut bad)) => {
                    layers.push(layer);
                    problems.append(&mut bad);
                }
                Err(e) => problems.push(e),
            }
        }
        let article_text = article_text.unwrap_or_else(|e| {
            problems.push(e);
            String::new()
        });
        let original = story.article.lang.clone();
        let (article, mut bad) = build_article(
            MANIFEST,
            &article_text,
            &story.passages,
            &original,
            &original,
        );
        problems.append(&mut bad);
        let (index, mut bad) =
            LinkIndex::build(MANIFEST, &story.passages, article.passage_ids(), &ids);
        problems.append(&mut bad);
        Model {
            story,
            layers,
            article,
            translations: BTreeMap::new(),
            inset: None,
            index,
            problems,
        }
    }

    /// Adds the translations of the article (`(language, text or error)` pairs). A passage
    /// that cannot be placed in a translation is reported against that file.
    pub fn with_translations(mut self, texts: Vec<(String, Result<String, DataError>)>) -> Model {
        let original = self.story.article.lang.clone();
        for (lang, text) in texts {
            let file = self
                .story
                .article
                .translations
                .get(&lang)
                .cloned()
                .unwrap_or_default();
            match text {
                Ok(text) => {
                    let (article, bad) =
                        build_article(&file, &text, &self.story.passages, &lang, &original);
                    self.problems.extend(bad);
                    self.translations.insert(lang, article);
                }
                Err(e) => self.problems.push(e),
            }
        }
        self
    }

    /// Adds the locator map from its file's text (or the error loading it). Its ids must
    /// not clash with the story's.
    pub fn with_inset(mut self, text: Result<String, DataError>) -> Model {
        let Some(file) = self.story.inset.as_ref().map(|i| i.file.clone()) else {
            return self;
        };
        let mut ids: BTreeSet<String> = self.features().map(|f| f.id.clone()).collect();
        match text.and_then(|t| checked_layer(&file, &t, &mut ids)) {
            Ok((layer, bad)) => {
                self.problems.extend(bad);
                self.inset = Some(layer);
            }
            Err(e) => self.problems.push(e),
        }
        self
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

    /// The features a passage links to that show on `date`.
    pub fn features_of_at(&self, passage: &str, date: Option<IsoDate>) -> Vec<String> {
        self.index
            .features_of(passage)
            .iter()
            .filter(|id| self.feature(id).is_some_and(|f| f.shown_on(date)))
            .cloned()
            .collect()
    }

    /// The extent the map opens on: the story's frame, else every feature.
    pub fn extent(&self) -> Option<Bounds> {
        match self.story.frame {
            Some([west, south, east, north]) => Some(Bounds {
                west,
                south,
                east,
                north,
            }),
            None => Bounds::around(self.features().flat_map(|f| f.shape.positions())),
        }
    }

    /// The box `(left, top, right, bottom)`, in map units, around the given features
    /// (those that exist), or `None` when none does.
    pub fn bbox_of(&self, ids: &[String], projection: &Projection) -> Option<(f64, f64, f64, f64)> {
        self.features()
            .filter(|f| ids.contains(&f.id))
            .flat_map(|f| f.shape.positions())
            .map(|p| projection.project(p))
            .fold(None, |acc, p| {
                Some(match acc {
                    None => (p.x, p.y, p.x, p.y),
                    Some((l, t, r, b)) => (l.min(p.x), t.min(p.y), r.max(p.x), b.max(p.y)),
                })
            })
    }

    /// Where every feature's points and label go with `projection`.
    pub fn drawn(&self, projection: &Projection) -> Vec<Drawn> {
        self.features()
            .map(|f| Drawn {
                id: f.id.clone(),
                points: point_positions(&f.shape, projection),
                label_at: f.label_at.map(|p| projection.project(p)),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Reason;

    const STORY: &str = r#"{
        "title": {"fr": "T"},
        "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19"},
        "layers": [{"file": "one.geojson"}, {"file": "two.geojson"}],
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

    #[test]
    fn a_missing_file_is_named_and_the_rest_still_draws() {
        let story = Story::parse("story.json", STORY).unwrap();
        let model = Model::assemble(
            story,
            vec![
                Ok(layer(
                    "line",
                    r#"{"type":"LineString","coordinates":[[46,40],[47,39]]}"#,
                )),
                Err(DataError::file(
                    "two.geojson",
                    Reason::Fetch("HTTP 404".into()),
                )),
            ],
            Ok("Voici la ligne et le point.".into()),
        );
        assert_eq!(model.features().count(), 1);
        assert_eq!(model.index.passages_of("line"), ["p-line"]);
        let messages: Vec<String> = model.problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            messages,
            [
                "two.geojson: could not be loaded (HTTP 404)",
                "story.json: passage \"p-gone\": links to feature \"point\", which no layer has",
            ]
        );
        let extent = model.extent().unwrap();
        assert_eq!((extent.west, extent.north), (46.0, 40.0));
        let projection = Projection::fit(extent, 100.0, 100.0, 0.0);
        let drawn = model.drawn(&projection);
        assert_eq!(drawn.len(), 1);
        let (l, t, r, b) = model.bbox_of(&["line".into()], &projection).unwrap();
        assert!(l < r && t < b);
        assert!(model.bbox_of(&["nothing".into()], &projection).is_none());
        assert!(drawn[0].points.is_empty());
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
        let model = Model::assemble(
            story,
            vec![
                Ok(layer(
                    "line",
                    r#"{"type":"LineString","coordinates":[[46,40],[47,39]]}"#,
                )),
                Ok(layer(
                    "point",
                    r#"{"type":"Point","coordinates":[46.5,39.5]}"#,
                )),
            ],
            Ok("Voici la ligne et le point.".into()),
        )
        .with_translations(vec![(
            "en".into(),
            Ok("Here are the line and the point.".into()),
        )]);
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
        let model = Model::assemble(
            story,
            vec![
                Ok(layer(
                    "line",
                    r#"{"type":"LineString","coordinates":[[46,40],[47,39]]}"#,
                )),
                Ok(layer(
                    "point",
                    r#"{"type":"Point","coordinates":[46.5,39.5]}"#,
                )),
            ],
            Err(DataError::file("a.txt", Reason::Fetch("HTTP 500".into()))),
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
