//! Which place labels to write at a given zoom, so that none overlaps another.
//! Greedy, by priority then reading order: the way most map renderers do it.

use std::collections::BTreeSet;

use crate::projection::Point;

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

/// A label's box, in view units: `(left, top, right, bottom)`.
fn label_box(c: &Candidate, font_px: f64) -> (f64, f64, f64, f64) {
    let width = c.chars as f64 * font_px * 0.6;
    let left = c.at.x + font_px * 0.5;
    (
        left,
        c.at.y - font_px * 0.8,
        left + width,
        c.at.y + font_px * 0.4,
    )
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
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
    let mut placed: Vec<(f64, f64, f64, f64)> = Vec::new();
    let mut shown = BTreeSet::new();
    for c in order {
        let b = label_box(c, font_px);
        if always.contains(&c.id.as_str()) || !placed.iter().any(|p| overlaps(*p, b)) {
            placed.push(b);
            shown.insert(c.id.clone());
        }
    }
    shown
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
}
