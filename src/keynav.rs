//! The keyboard among the features of the map (the WAI-ARIA "roving tabindex"): the map
//! is one Tab stop, held by one feature in view; the arrow keys go to the nearest feature
//! in view in their direction, Home and End to the first and the last. A feature out of
//! view is never reached, so the focus never leaves the visible map.

use std::collections::BTreeSet;

use crate::date::IsoDate;
use crate::model::Model;
use crate::projection::{Point, Rect};
use crate::screen::Screen;

/// A feature the keyboard can reach, with the part of its box in view (screen pixels).
#[derive(Debug, Clone, PartialEq)]
pub struct Stop {
    pub id: String,
    pub rect: Rect,
}

impl Stop {
    fn centre(&self) -> Point {
        Point {
            x: (self.rect.left + self.rect.right) / 2.0,
            y: (self.rect.top + self.rect.bottom) / 2.0,
        }
    }
}

/// The features the keyboard reaches in a view, and the one that holds the Tab stop.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stops {
    pub all: Vec<Stop>,
    pub tab: Option<String>,
}

impl Stops {
    /// The stops of `screen` at `date` (see [`stops`]); the Tab stop on the first of
    /// `preferred` in view (see [`roving`]).
    pub fn new(
        model: &Model,
        screen: &Screen,
        date: Option<IsoDate>,
        hidden: &BTreeSet<String>,
        preferred: &[&str],
    ) -> Stops {
        let all = stops(model, screen, date, hidden);
        let tab = roving(&all, preferred).map(String::from);
        Stops { all, tab }
    }
}

/// The selectable features drawn at `date` (and not switched off in the legend) with
/// part of their box in the screen's box, in reading order (top to bottom, then left to
/// right, by the middle of the part in view).
pub fn stops(
    model: &Model,
    screen: &Screen,
    date: Option<IsoDate>,
    hidden: &BTreeSet<String>,
) -> Vec<Stop> {
    let visible = screen.rect();
    // Inserted in order one by one: a sort would bring its machinery into the wasm.
    let mut stops: Vec<Stop> = Vec::new();
    for f in model.features() {
        if !model.is_selectable(f) || !f.drawn_on(date, hidden) {
            continue;
        }
        let Some(r) = Rect::around(f.shape.positions().map(|p| screen.to_screen(p))) else {
            continue;
        };
        let rect = Rect {
            left: r.left.max(visible.left),
            top: r.top.max(visible.top),
            right: r.right.min(visible.right),
            bottom: r.bottom.min(visible.bottom),
        };
        // A point's box has no size: it is in view when it lies inside.
        let inside = rect.left <= rect.right
            && rect.top <= rect.bottom
            && rect.right > visible.left
            && rect.bottom > visible.top
            && rect.left < visible.right
            && rect.top < visible.bottom;
        if !inside {
            continue;
        }
        let stop = Stop {
            id: f.id.clone(),
            rect,
        };
        let c = stop.centre();
        let at = stops
            .iter()
            .position(|s| {
                let d = s.centre();
                (d.y, d.x) > (c.y, c.x)
            })
            .unwrap_or(stops.len());
        stops.insert(at, stop);
    }
    stops
}

/// The feature that holds the map's Tab stop: the first of `preferred` that is in view
/// (the one last focused, then the selected one), else the first in reading order.
pub fn roving<'a>(stops: &'a [Stop], preferred: &[&str]) -> Option<&'a str> {
    preferred
        .iter()
        .find_map(|p| stops.iter().find(|s| s.id == *p))
        .or(stops.first())
        .map(|s| s.id.as_str())
}

/// Where a key leads from the feature `from`: an arrow to the nearest feature that way
/// (the distance along the arrow, plus twice the distance across it, so a feature
/// straight ahead wins over a nearer one off to the side), Home and End to the first
/// and the last. Features drawn at the same place are gone through in reading order.
/// `None` for any other key, or when nothing in view lies that way.
pub fn step<'a>(stops: &'a [Stop], from: &str, key: &str) -> Option<&'a str> {
    let (dx, dy) = match key {
        "Home" => return stops.first().map(|s| s.id.as_str()),
        "End" => return stops.last().map(|s| s.id.as_str()),
        "ArrowRight" => (1.0, 0.0),
        "ArrowLeft" => (-1.0, 0.0),
        "ArrowDown" => (0.0, 1.0),
        "ArrowUp" => (0.0, -1.0),
        _ => return None,
    };
    let Some(here) = stops.iter().position(|s| s.id == from) else {
        return stops.first().map(|s| s.id.as_str());
    };
    let origin = stops[here].centre();
    let forward = dx + dy > 0.0;
    stops
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != here)
        .filter_map(|(i, s)| {
            let c = s.centre();
            let (along, across) = (
                (c.x - origin.x) * dx + (c.y - origin.y) * dy,
                ((c.x - origin.x) * dy - (c.y - origin.y) * dx).abs(),
            );
            let same_place = along.abs() < 1.0 && across < 1.0;
            if same_place {
                // Next (or previous) in reading order, before anything farther away.
                return ((i > here) == forward).then_some((0.0, i.abs_diff(here), s));
            }
            (along >= 1.0).then_some((along + 2.0 * across, 0, s))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
        .map(|(_, _, s)| s.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::viewport::Viewport;

    fn stop(id: &str, x: f64, y: f64) -> Stop {
        Stop {
            id: id.into(),
            rect: Rect {
                left: x,
                top: y,
                right: x,
                bottom: y,
            },
        }
    }

    /// A cross of places around "c" in reading order, two at the same place ("e", "e2"),
    /// and "ne", nearer to "c" than "e" but far off to the side.
    fn cross() -> Vec<Stop> {
        vec![
            stop("n", 100.0, 10.0),
            stop("ne", 150.0, 40.0),
            stop("w", 10.0, 100.0),
            stop("c", 100.0, 100.0),
            stop("e", 190.0, 100.0),
            stop("e2", 190.0, 100.0),
            stop("s", 100.0, 190.0),
        ]
    }

    #[test]
    fn the_arrows_lead_to_the_nearest_feature_that_way() {
        let stops = cross();
        let cases = [
            ("c", "ArrowUp", Some("n")),
            ("c", "ArrowDown", Some("s")),
            ("c", "ArrowLeft", Some("w")),
            ("c", "ArrowRight", Some("e")),
            // Nothing lies further north, or west.
            ("n", "ArrowUp", None),
            ("w", "ArrowLeft", None),
            // Two features at one place: one after the other, both ways.
            ("e", "ArrowRight", Some("e2")),
            ("e2", "ArrowLeft", Some("e")),
            ("e", "ArrowLeft", Some("c")),
            ("Home-and-End", "Tab", None),
            ("c", "Home", Some("n")),
            ("c", "End", Some("s")),
            // From a feature no longer in view: the first one.
            ("gone", "ArrowDown", Some("n")),
        ];
        for (from, key, expected) in cases {
            assert_eq!(step(&stops, from, key), expected, "{key} from {from}");
        }
    }

    #[test]
    fn the_tab_stop_goes_to_the_feature_last_focused_then_the_selected_one_in_view() {
        let stops = cross();
        assert_eq!(roving(&stops, &["gone", "e"]), Some("e"));
        assert_eq!(roving(&stops, &["s", "e"]), Some("s"));
        assert_eq!(roving(&stops, &[]), Some("n"));
        assert_eq!(roving(&[], &["e"]), None);
    }

    #[test]
    fn only_the_selectable_features_drawn_in_view_are_stops_in_reading_order() {
        let folder = crate::validate::read_folder(std::path::Path::new("geodata")).unwrap();
        let model = crate::validate::load(&folder).unwrap();
        let screen = Screen::fitted(model.extent().unwrap(), 400.0, 300.0);
        let none = BTreeSet::new();
        let selectable = model.features().filter(|f| model.is_selectable(f)).count();
        let in_view = stops(&model, &screen, None, &none);
        // The story's frame holds most features; a few far-off ones lie outside it.
        assert!(
            in_view.len() > selectable / 2,
            "{} of {selectable}",
            in_view.len()
        );
        assert!(in_view
            .iter()
            .all(|s| model.is_selectable(model.feature(&s.id).unwrap())));
        let ys: Vec<f64> = in_view.iter().map(|s| s.centre().y).collect();
        assert!(ys.windows(2).all(|w| w[0] <= w[1]), "{ys:?}");
        // Zoomed on the top-left corner, fewer features are in view, each inside it.
        let zoomed = screen.with_view(Viewport::IDENTITY.zoomed_at(Point { x: 0.0, y: 0.0 }, 8.0));
        let near = stops(&model, &zoomed, None, &none);
        assert!(
            near.len() < in_view.len(),
            "{} of {}",
            near.len(),
            in_view.len()
        );
        for s in &near {
            let r = s.rect;
            assert!(r.left >= 0.0 && r.right <= 400.0 && r.top >= 0.0 && r.bottom <= 300.0);
        }
        // A kind switched off leaves the stops.
        let kind = model.feature(&in_view[0].id).unwrap().kind.clone();
        let hidden = BTreeSet::from([kind.clone()]);
        let shown = stops(&model, &screen, None, &hidden);
        assert!(!shown.is_empty());
        assert!(shown
            .iter()
            .all(|s| model.feature(&s.id).unwrap().kind != kind));
        // The Tab stop: the first preferred feature in view.
        let last = &in_view[in_view.len() - 1].id;
        let all = Stops::new(&model, &screen, None, &none, &["gone", last]);
        assert_eq!(all.tab.as_deref(), Some(last.as_str()));
    }
}
