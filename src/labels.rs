//! Which place labels to write at a given zoom, so that none overlaps another.
//! Greedy, by priority then reading order: the way most map renderers do it.

use std::collections::BTreeSet;

use crate::date::IsoDate;
use crate::model::{Model, Scene};
use crate::projection::{Point, Rect};
use crate::viewport::Viewport;

/// A label that may be written to the right of its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: String,
    /// The point, in view units.
    pub at: Point,
    /// Characters in the label.
    pub chars: usize,
    /// Higher is placed first (capitals before towns).
    pub priority: u8,
}

/// A label's box, in view units.
fn label_box(c: &Candidate, font_px: f64) -> Rect {
    let width = c.chars as f64 * font_px * 0.6;
    let left = c.at.x + font_px * 0.5;
    Rect {
        left,
        top: c.at.y - font_px * 0.8,
        right: left + width,
        bottom: c.at.y + font_px * 0.4,
    }
}

/// The ids of the labels to write: every candidate in `always` (the selected ones), then
/// the others by priority, each only if it overlaps no label already placed.
///
/// # Examples
/// ```
/// use ceasefire_map::labels::{place, Candidate};
/// use ceasefire_map::projection::Point;
/// let c = |id: &str, x: f64, priority| Candidate { id: id.into(), at: Point { x, y: 0.0 }, chars: 10, priority };
/// let shown = place(&[c("town", 0.0, 1), c("capital", 5.0, 3), c("far", 500.0, 1)], 12.0, &[]);
/// assert!(shown.contains("capital") && shown.contains("far") && !shown.contains("town"));
/// ```
pub fn place(candidates: &[Candidate], font_px: f64, always: &[&str]) -> BTreeSet<String> {
    let mut order: Vec<&Candidate> = candidates.iter().collect();
    order.sort_by_key(|c| {
        (
            !always.contains(&c.id.as_str()),
            std::cmp::Reverse(c.priority),
        )
    });
    let mut placed: Vec<Rect> = Vec::new();
    let mut shown = BTreeSet::new();
    for c in order {
        let b = label_box(c, font_px);
        if always.contains(&c.id.as_str()) || !placed.iter().any(|p| p.overlaps(&b)) {
            placed.push(b);
            shown.insert(c.id.clone());
        }
    }
    shown
}

/// The place labels that may be written in `screen`: one per point feature whose kind
/// carries labels, drawn on `date` and not switched off, whose point is in the box.
/// `scene` gives where each feature's points go (see [`Model::drawn`]).
pub fn candidates(
    model: &Model,
    scene: &Scene,
    view: &Viewport,
    bounds: Rect,
    lang: &str,
    date: Option<IsoDate>,
    hidden_kinds: &BTreeSet<String>,
) -> Vec<Candidate> {
    model
        .features()
        .filter_map(|f| {
            let d = scene.get(&f.id)?;
            let style = model.story.style(&f.kind);
            let p = d.points.first().filter(|_| style.label_on_map)?;
            let at = view.apply(*p);
            (bounds.contains(at) && f.drawn_on(date, hidden_kinds)).then(|| Candidate {
                id: f.id.clone(),
                at,
                chars: f.name.get(lang).chars().count(),
                priority: style.label_priority,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, x: f64, y: f64, priority: u8) -> Candidate {
        Candidate {
            id: id.into(),
            at: Point { x, y },
            chars: 8,
            priority,
        }
    }

    #[test]
    fn overlapping_labels_give_way_by_priority_then_order() {
        let cands = [
            c("askeran", 100.0, 100.0, 1),
            c("khojaly", 102.0, 104.0, 1),
            c("stepanakert", 90.0, 110.0, 2),
            c("goris", 10.0, 300.0, 1),
        ];
        let shown = place(&cands, 12.0, &[]);
        assert_eq!(
            shown.into_iter().collect::<Vec<_>>(),
            ["goris", "stepanakert"]
        );
    }

    #[test]
    fn zooming_in_makes_room() {
        // The same two places, five times further apart on screen.
        let near = [c("a", 100.0, 100.0, 1), c("b", 104.0, 104.0, 1)];
        let far = [c("a", 500.0, 500.0, 1), c("b", 520.0, 520.0, 1)];
        assert_eq!(place(&near, 12.0, &[]).len(), 1);
        assert_eq!(place(&far, 12.0, &[]).len(), 2);
    }

    #[test]
    fn selected_labels_are_always_written() {
        let cands = [c("a", 100.0, 100.0, 3), c("b", 101.0, 100.0, 1)];
        let shown = place(&cands, 12.0, &["b"]);
        assert!(shown.contains("b"));
        assert!(!shown.contains("a"));
    }

    #[test]
    fn candidates_are_the_labelled_points_drawn_in_the_box() {
        use crate::model::Texts;
        use crate::projection::Projection;
        use crate::story::Story;
        let story = Story::parse(
            "story.json",
            r#"{"title": {"en": "T"},
            "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
            "layers": [{"file": "l.geojson"}],
            "kinds": {"town": {"label_on_map": true, "label_priority": 2}}}"#,
        )
        .unwrap();
        let feature = |id: &str, kind: &str, lon: f64, valid_until: &str| {
            format!(
                r#"{{"type":"Feature","id":"{id}","geometry":{{"type":"Point","coordinates":[{lon},40]}},
                "properties":{{"kind":"{kind}","name":{{"fr":"{id}","en":"{id}!"}},
                "sources":[{{"title":"s"}}],"accuracy":"exact","valid_until":"{valid_until}"}}}}"#
            )
        };
        let layer = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
            feature("town-a", "town", 46.0, "2030-01-01"),
            feature("town-far", "town", 50.0, "2030-01-01"),
            feature("town-gone", "town", 46.1, "2000-01-01"),
            feature("mountain", "peak", 46.2, "2030-01-01"),
        );
        let mut texts = Texts::new();
        texts.insert("l.geojson".into(), Ok(layer));
        texts.insert("a.txt".into(), Ok("Text.".into()));
        let model = Model::load(story, "", &texts);
        let projection = Projection::fit(
            crate::projection::Bounds {
                west: 45.0,
                south: 39.0,
                east: 47.0,
                north: 41.0,
            },
            200.0,
            200.0,
            0.0,
        );
        let drawn = model.drawn(&projection);
        let bounds = Rect {
            left: 0.0,
            top: 0.0,
            right: 200.0,
            bottom: 200.0,
        };
        let date = IsoDate::parse("2020-11-19");
        let view = Viewport::IDENTITY;
        let found = candidates(&model, &drawn, &view, bounds, "en", date, &BTreeSet::new());
        let ids: Vec<(&str, usize, u8)> = found
            .iter()
            .map(|c| (c.id.as_str(), c.chars, c.priority))
            .collect();
        assert_eq!(ids, [("town-a", 7, 2)]);
        let hidden: BTreeSet<String> = ["town".to_string()].into();
        assert!(candidates(&model, &drawn, &view, bounds, "en", date, &hidden).is_empty());
    }
}
