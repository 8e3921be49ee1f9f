//! The locator map (the story's `inset`): its shapes fitted whole into a small box, the
//! places it marks, and which side of its point each name is written on.

use crate::model::Model;
use crate::projection::{Point, Projection};
use crate::shape::Shape;
use crate::story::Paint;
use crate::svg::path::{fitted, VERTEX_BUDGET};

/// A place marked on the locator map.
#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// The id of the story's feature.
    pub id: String,
    pub at: Point,
    /// Names right of the middle are written to the left of their point (room to the
    /// edge, and two capitals side by side do not collide).
    pub name_left: bool,
}

/// The locator map, drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Locator {
    pub projection: Projection,
    /// Each of its features' paint (its kind's style in the story, or the neutral
    /// defaults) and path data, in drawing order.
    pub shapes: Vec<(Paint, String)>,
    /// The places it marks, in the story's order (those that are points of the story).
    pub places: Vec<Place>,
}

impl Locator {
    /// The story's locator map in a `width` x `height` box, when it has one that loaded.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::locator::Locator;
    /// use ceasefire_map::model::{Model, Texts};
    /// use ceasefire_map::story::Story;
    /// let story = Story::parse("story.json", r#"{"title": {"en": "T"},
    ///   "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
    ///   "layers": [{"file": "l.geojson"}]}"#).unwrap();
    /// let model = Model::load(story, "", &Texts::new());
    /// assert_eq!(Locator::of(&model, 150.0, 118.0), None);
    /// ```
    pub fn of(model: &Model, width: f64, height: f64) -> Option<Locator> {
        let inset = model.inset.as_ref()?;
        let (projection, paths) = fitted(
            inset.features.iter().map(|f| (f.id.as_str(), &f.shape)),
            width,
            height,
            2.0,
            VERTEX_BUDGET,
        )?;
        let shapes = inset
            .features
            .iter()
            .filter_map(|f| {
                let paint = model.story.style(&f.kind).paint(&f.shape);
                Some((paint, paths.get(&f.id)?.to_string()))
            })
            .collect();
        let places = model
            .story
            .inset
            .iter()
            .flat_map(|i| &i.places)
            .filter_map(|id| {
                let Shape::Points(points) = &model.feature(id)?.shape else {
                    return None;
                };
                let at = projection.project(*points.first()?);
                Some(Place {
                    id: id.clone(),
                    at,
                    name_left: at.x > width * 0.4,
                })
            })
            .collect();
        Some(Locator {
            projection,
            shapes,
            places,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Texts;
    use crate::story::Story;

    #[test]
    fn the_locator_fits_its_shapes_and_marks_the_places() {
        let story = Story::parse(
            "story.json",
            r#"{"title": {"en": "T"},
            "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
            "layers": [{"file": "l.geojson"}],
            "inset": {"file": "inset.geojson", "places": ["west", "east", "nowhere"]}}"#,
        )
        .unwrap();
        let feature = |id: &str, geometry: &str| {
            format!(
                r#"{{"type":"Feature","id":"{id}","geometry":{geometry},
                "properties":{{"kind":"k","name":{{"fr":"{id}","en":"{id}"}},
                "sources":[{{"title":"s"}}],"accuracy":"exact"}}}}"#
            )
        };
        let collection = |features: &[String]| {
            format!(
                r#"{{"type":"FeatureCollection","features":[{}]}}"#,
                features.join(",")
            )
        };
        let mut texts = Texts::new();
        texts.insert(
            "l.geojson".into(),
            Ok(collection(&[
                feature("west", r#"{"type":"Point","coordinates":[44.5,40.2]}"#),
                feature("east", r#"{"type":"Point","coordinates":[49.9,40.4]}"#),
            ])),
        );
        texts.insert(
            "inset.geojson".into(),
            Ok(collection(&[feature(
                "land",
                r#"{"type":"Polygon","coordinates":[[[44,38],[51,38],[51,42],[44,42],[44,38]]]}"#,
            )])),
        );
        texts.insert("a.txt".into(), Ok("Text.".into()));
        let model = Model::load(story, "", &texts);
        let locator = Locator::of(&model, 150.0, 118.0).unwrap();
        assert_eq!(locator.shapes.len(), 1);
        // Painted as the story styles the kind; here, the neutral defaults.
        assert_eq!(locator.shapes[0].0.fill, "#dddddd");
        assert!(locator.shapes[0].1.starts_with('M') && locator.shapes[0].1.ends_with('Z'));
        let places: Vec<(&str, bool)> = locator
            .places
            .iter()
            .map(|p| (p.id.as_str(), p.name_left))
            .collect();
        assert_eq!(places, [("west", false), ("east", true)]);
        for p in &locator.places {
            assert!((0.0..=150.0).contains(&p.at.x) && (0.0..=118.0).contains(&p.at.y));
        }
    }
}
