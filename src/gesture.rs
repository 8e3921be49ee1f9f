//! Mouse and touch gestures on the map as plain data: one pointer pans, two pointers
//! pinch (zoom around their midpoint, and pan as it moves). The shell feeds pointer
//! events in and applies the changes to the [`Viewport`](crate::viewport::Viewport).

use crate::projection::Point;

/// How far a press must move, in pixels, before it counts as a drag and not a click.
pub const DRAG_THRESHOLD: f64 = 4.0;

/// The pointers down on the map, and whether this press has become a drag.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gesture {
    pointers: Vec<(i32, Point)>,
    start: Option<Point>,
    dragged: bool,
}

/// What a pointer move does to the view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Change {
    /// Nothing (not a drag yet, or an unknown pointer).
    None,
    /// Move by `(dx, dy)` pixels.
    Pan { dx: f64, dy: f64 },
    /// Move by `(dx, dy)`, then zoom by `factor` around `anchor`.
    Pinch {
        dx: f64,
        dy: f64,
        anchor: Point,
        factor: f64,
    },
}

fn mid(a: Point, b: Point) -> Point {
    Point {
        x: (a.x + b.x) / 2.0,
        y: (a.y + b.y) / 2.0,
    }
}

fn distance(a: Point, b: Point) -> f64 {
    (a.x - b.x).hypot(a.y - b.y)
}

impl Gesture {
    /// A pointer went down at `p` (pixels in the map's box).
    pub fn down(&mut self, id: i32, p: Point) {
        if self.pointers.is_empty() {
            self.dragged = false;
            self.start = Some(p);
        }
        self.pointers.retain(|(i, _)| *i != id);
        self.pointers.push((id, p));
        if self.pointers.len() > 1 {
            self.dragged = true; // a pinch is never a click
        }
    }

    /// A pointer went up, was cancelled or left the map.
    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|(i, _)| *i != id);
    }

    /// Whether pointer `id` is down on the map (a move of any other pointer is a hover,
    /// which changes nothing).
    pub fn holds(&self, id: i32) -> bool {
        self.pointers.iter().any(|(i, _)| *i == id)
    }

    /// Whether the current (or last) press moved far enough to be a drag.
    pub fn dragged(&self) -> bool {
        self.dragged
    }

    /// A pointer moved to `p`.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::gesture::{Change, Gesture};
    /// use ceasefire_map::projection::Point;
    /// let mut g = Gesture::default();
    /// g.down(1, Point { x: 0.0, y: 0.0 });
    /// g.down(2, Point { x: 100.0, y: 0.0 });
    /// let c = g.moved(2, Point { x: 200.0, y: 0.0 });
    /// assert!(matches!(c, Change::Pinch { factor, .. } if (factor - 2.0).abs() < 1e-9));
    /// ```
    pub fn moved(&mut self, id: i32, p: Point) -> Change {
        let Some(index) = self.pointers.iter().position(|(i, _)| *i == id) else {
            return Change::None;
        };
        if self.pointers.len() == 1 {
            if !self.dragged {
                let start = self.start.unwrap_or(p);
                if distance(start, p) < DRAG_THRESHOLD {
                    return Change::None;
                }
                self.dragged = true;
            }
            let before = std::mem::replace(&mut self.pointers[index].1, p);
            return Change::Pan {
                dx: p.x - before.x,
                dy: p.y - before.y,
            };
        }
        let other = self.pointers[if index == 0 { 1 } else { 0 }].1;
        let before = std::mem::replace(&mut self.pointers[index].1, p);
        let (mid_before, mid_after) = (mid(before, other), mid(p, other));
        let (d_before, d_after) = (distance(before, other), distance(p, other));
        if d_before < 1.0 || d_after < 1.0 {
            return Change::None;
        }
        Change::Pinch {
            dx: mid_after.x - mid_before.x,
            dy: mid_after.y - mid_before.y,
            anchor: mid_after,
            factor: d_after / d_before,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pt(x: f64, y: f64) -> Point {
        Point { x, y }
    }

    #[test]
    fn a_small_move_stays_a_click_and_a_larger_one_pans() {
        let mut g = Gesture::default();
        g.down(1, pt(10.0, 10.0));
        assert_eq!(g.moved(1, pt(12.0, 11.0)), Change::None);
        assert!(!g.dragged());
        assert_eq!(
            g.moved(1, pt(20.0, 10.0)),
            Change::Pan { dx: 10.0, dy: 0.0 }
        );
        assert!(g.dragged());
        assert_eq!(g.moved(1, pt(25.0, 13.0)), Change::Pan { dx: 5.0, dy: 3.0 });
        g.up(1);
        assert_eq!(g.moved(1, pt(30.0, 13.0)), Change::None);
        // The next press starts as a click again.
        g.down(1, pt(0.0, 0.0));
        assert!(!g.dragged());
    }

    #[test]
    fn only_a_pointer_that_is_down_is_held() {
        let mut g = Gesture::default();
        assert!(!g.holds(1), "a hover holds nothing");
        g.down(1, pt(0.0, 0.0));
        assert!(g.holds(1));
        assert!(!g.holds(2));
        g.up(1);
        assert!(!g.holds(1));
    }

    #[test]
    fn two_pointers_pinch_around_their_midpoint() {
        let mut g = Gesture::default();
        g.down(1, pt(100.0, 100.0));
        g.down(2, pt(200.0, 100.0));
        assert!(g.dragged());
        match g.moved(2, pt(300.0, 100.0)) {
            Change::Pinch {
                dx,
                dy,
                anchor,
                factor,
            } => {
                assert_eq!((dx, dy), (50.0, 0.0));
                assert_eq!(anchor, pt(200.0, 100.0));
                assert!((factor - 2.0).abs() < 1e-9);
            }
            other => panic!("{other:?}"),
        }
        g.up(2);
        // Back to one finger: it pans.
        assert_eq!(
            g.moved(1, pt(110.0, 100.0)),
            Change::Pan { dx: 10.0, dy: 0.0 }
        );
    }
}
