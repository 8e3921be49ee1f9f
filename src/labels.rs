//! Which names to write on the map at a given zoom, and where: place names beside their
//! points, none over another, and area names (countries) where the data puts them; none
//! over the map's controls (zoom and export buttons, list toggle, locator map, scale
//! bar) or across its edges ([`Room`]). Greedy, by priority then reading order: the way
//! most map renderers do it.

use std::collections::BTreeSet;

use crate::date::IsoDate;
use crate::model::{Model, Scene};
use crate::projection::{Point, Rect};
use crate::screen::{Screen, SCALE_BAR_MAX_PX};
use crate::viewport::Viewport;

/// How far labels keep from the map's edges and from its controls, in CSS pixels.
pub const MARGIN: f64 = 4.0;

/// A character's advance as a share of the font size: a generous average (measured in
/// Chromium on the shipped names, 0.44 to 0.71), so that a box holds its name.
const CHAR_EM: f64 = 0.68;
/// The same for area names: capitals, with `letter-spacing: 0.18em` (measured 0.87 to
/// 0.91).
const AREA_CHAR_EM: f64 = 0.95;
/// The size of area names (`.map-area-label` in style/main.css).
pub const AREA_FONT_PX: f64 = 13.0;
/// A text's box above and below its baseline, as a share of its size (Chromium's box of
/// an SVG `text` is 1.18 em tall).
const ASCENT_EM: f64 = 0.95;
const DESCENT_EM: f64 = 0.25;
/// The gap between a point's marker and its name.
const GAP: f64 = 3.0;

/// The size of a place name, by its kind's `label_priority`: as `.map-label`,
/// `.map-label--small` and `.map-label--large` in style/main.css (see
/// [`Model::class_of`]).
pub fn font_px(priority: u8) -> f64 {
    match priority {
        1 => 11.0,
        3.. => 13.0,
        _ => 12.0,
    }
}

/// Where a place's name goes beside its point, tried in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Right,
    Left,
    Above,
    Below,
}

impl Side {
    pub const ALL: [Side; 4] = [Side::Right, Side::Left, Side::Above, Side::Below];
}

/// Where an SVG `text` is written: its anchor point (`x`, baseline `y`) and its
/// `text-anchor`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TextAt {
    pub at: Point,
    pub anchor: &'static str,
}

/// Where the name of a point drawn at `at` with a marker of `radius` is written on
/// `side`, in a font of `font_px`.
///
/// # Examples
/// ```
/// use ceasefire_map::labels::{text_at, Side};
/// use ceasefire_map::projection::Point;
/// let left = text_at(Point { x: 100.0, y: 50.0 }, 4.0, 12.0, Side::Left);
/// assert_eq!((left.at, left.anchor), (Point { x: 93.0, y: 54.0 }, "end"));
/// ```
pub fn text_at(at: Point, radius: f64, font_px: f64, side: Side) -> TextAt {
    let off = radius + GAP;
    let (x, y, anchor) = match side {
        Side::Right => (at.x + off, at.y + 4.0, "start"),
        Side::Left => (at.x - off, at.y + 4.0, "end"),
        Side::Above => (at.x, at.y - off - font_px * DESCENT_EM, "middle"),
        Side::Below => (at.x, at.y + off + font_px * ASCENT_EM, "middle"),
    };
    TextAt {
        at: Point { x, y },
        anchor,
    }
}

/// The box of a text of `width` written at `t` in a font of `font_px`.
fn text_box(t: TextAt, width: f64, font_px: f64) -> Rect {
    let left = match t.anchor {
        "end" => t.at.x - width,
        "middle" => t.at.x - width / 2.0,
        _ => t.at.x,
    };
    Rect {
        left,
        top: t.at.y - font_px * ASCENT_EM,
        right: left + width,
        bottom: t.at.y + font_px * DESCENT_EM,
    }
}

/// Where labels may go: inside the map's box less [`MARGIN`], off every obstacle (the
/// controls' boxes, grown by [`MARGIN`]). All in the map's CSS pixels, from its top left.
#[derive(Debug, Clone, PartialEq)]
pub struct Room {
    pub inside: Rect,
    pub obstacles: Vec<Rect>,
}

impl Room {
    /// The room of a map of `width` x `height` whose controls cover `controls`.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::labels::Room;
    /// use ceasefire_map::projection::Rect;
    /// let button = Rect { left: 300.0, top: 8.0, right: 332.0, bottom: 40.0 };
    /// let room = Room::new(340.0, 200.0, &[button]);
    /// let r = |left, top, right, bottom| Rect { left, top, right, bottom };
    /// assert!(room.fits(&r(100.0, 50.0, 150.0, 60.0)));
    /// assert!(!room.fits(&r(250.0, 20.0, 298.0, 30.0)), "too near the button");
    /// assert!(!room.fits(&r(-5.0, 50.0, 40.0, 60.0)), "across the edge");
    /// ```
    pub fn new(width: f64, height: f64, controls: &[Rect]) -> Room {
        Room {
            inside: Rect {
                left: MARGIN,
                top: MARGIN,
                right: width - MARGIN,
                bottom: height - MARGIN,
            },
            obstacles: controls
                .iter()
                .map(|r| Rect {
                    left: r.left - MARGIN,
                    top: r.top - MARGIN,
                    right: r.right + MARGIN,
                    bottom: r.bottom + MARGIN,
                })
                .collect(),
        }
    }

    /// The room of the map `screen` whose controls cover `controls`: its scale bar
    /// (bottom left, drawn in the SVG: see `ScaleBar`), at its longest, is one more
    /// obstacle.
    pub fn of(screen: &Screen, controls: &[Rect]) -> Room {
        // The bar, then its text ("50 km": six characters at most).
        let base = screen.height - 14.0;
        let scale = Rect {
            left: 12.0,
            top: base - 11.0 * ASCENT_EM,
            right: 12.0 + SCALE_BAR_MAX_PX + 6.0 + 6.0 * 11.0 * CHAR_EM,
            bottom: base + 11.0 * DESCENT_EM,
        };
        let mut all = controls.to_vec();
        all.push(scale);
        Room::new(screen.width, screen.height, &all)
    }

    /// Whether a label's box lies inside and off every obstacle.
    pub fn fits(&self, b: &Rect) -> bool {
        b.left >= self.inside.left
            && b.top >= self.inside.top
            && b.right <= self.inside.right
            && b.bottom <= self.inside.bottom
            && !self.obstacles.iter().any(|o| o.overlaps(b))
    }
}

/// A place name that may be written beside its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    pub id: String,
    /// The point, in view units.
    pub at: Point,
    /// Characters in the label.
    pub chars: usize,
    /// Higher is placed first (capitals before towns); sets the size ([`font_px`]).
    pub priority: u8,
    /// The radius of the point's marker.
    pub radius: f64,
}

impl Candidate {
    /// Where the label goes on `side`.
    fn text(&self, side: Side) -> TextAt {
        text_at(self.at, self.radius, font_px(self.priority), side)
    }

    /// The label's box on `side`.
    fn on(&self, side: Side) -> Rect {
        let font = font_px(self.priority);
        let width = self.chars as f64 * font * CHAR_EM;
        text_box(self.text(side), width, font)
    }

    fn placed(&self, side: Side) -> Placed {
        Placed {
            id: self.id.clone(),
            side: Some(side),
            text: self.text(side),
        }
    }
}

/// An area's name (a country's), centred on a point the data gives.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaCandidate {
    pub id: String,
    /// Where the data puts the name (the middle of its baseline), in view units.
    pub at: Point,
    /// Characters in the name.
    pub chars: usize,
}

/// A name the map writes: its feature's id, where it goes, and for a place name the
/// side of its point.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: String,
    pub side: Option<Side>,
    pub text: TextAt,
}

/// The names the map writes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Labels(pub Vec<Placed>);

impl Labels {
    /// Where the name of feature `id` goes, if it is written.
    pub fn get(&self, id: &str) -> Option<TextAt> {
        self.0.iter().find(|p| p.id == id).map(|p| p.text)
    }

    /// The side of its point where the place name of feature `id` goes, if it is written.
    pub fn side(&self, id: &str) -> Option<Side> {
        self.0.iter().find(|p| p.id == id)?.side
    }
}

/// The labels to write in `room`: first the place names in `always` (the selected ones)
/// at the first side where they fit the room, off the other labels if they can be; then
/// the area names, moved inside the room when the data puts them across an edge or under
/// a control, dropped when they do not fit; then the other place names by priority, each
/// at the first side that fits the room and overlaps no label already placed.
///
/// # Examples
/// ```
/// use ceasefire_map::labels::{place, Candidate, Room, Side};
/// use ceasefire_map::projection::Point;
/// let c = |id: &str, x: f64, priority| Candidate { id: id.into(), at: Point { x, y: 50.0 }, chars: 10, priority, radius: 3.0 };
/// let room = Room::new(1000.0, 100.0, &[]);
/// let shown = place(&[c("town", 20.0, 1), c("capital", 25.0, 3), c("far", 500.0, 1), c("edge", 990.0, 1)], &[], &[], &room);
/// assert_eq!(shown.side("capital"), Some(Side::Right));
/// assert_eq!(shown.side("far"), Some(Side::Right));
/// assert_eq!(shown.side("edge"), Some(Side::Left), "no room on its right");
/// assert_eq!(shown.side("town"), None);
/// ```
pub fn place(
    points: &[Candidate],
    areas: &[AreaCandidate],
    always: &[&str],
    room: &Room,
) -> Labels {
    let chosen = |c: &Candidate| always.contains(&c.id.as_str());
    let mut order: Vec<&Candidate> = points.iter().collect();
    order.sort_by_key(|c| (!chosen(c), std::cmp::Reverse(c.priority)));
    let (first, rest) = order.split_at(order.iter().filter(|c| chosen(c)).count());
    let mut placed: Vec<Rect> = Vec::new();
    let mut labels = Labels::default();
    let free = |placed: &[Rect], b: &Rect| room.fits(b) && !placed.iter().any(|p| p.overlaps(b));
    for c in first {
        let fitting = || Side::ALL.into_iter().filter(|&s| room.fits(&c.on(s)));
        let side = fitting()
            .find(|&s| free(&placed, &c.on(s)))
            .or_else(|| fitting().next());
        if let Some(side) = side {
            placed.push(c.on(side));
            labels.0.push(c.placed(side));
        }
    }
    for a in areas {
        if let Some((at, b)) = area_place(a, room, &placed) {
            placed.push(b);
            labels.0.push(Placed {
                id: a.id.clone(),
                side: None,
                text: TextAt {
                    at,
                    anchor: "middle",
                },
            });
        }
    }
    for c in rest {
        if let Some(side) = Side::ALL.into_iter().find(|&s| free(&placed, &c.on(s))) {
            placed.push(c.on(side));
            labels.0.push(c.placed(side));
        }
    }
    labels
}

/// Where an area's name goes: where the data puts it if it fits; else the nearest place
/// inside the room beside the controls; else nowhere.
fn area_place(a: &AreaCandidate, room: &Room, placed: &[Rect]) -> Option<(Point, Rect)> {
    let width = a.chars as f64 * AREA_FONT_PX * AREA_CHAR_EM;
    let (ascent, descent) = (AREA_FONT_PX * ASCENT_EM, AREA_FONT_PX * DESCENT_EM);
    let inside = &room.inside;
    let (min_x, max_x) = (inside.left + width / 2.0, inside.right - width / 2.0);
    let (min_y, max_y) = (inside.top + ascent, inside.bottom - descent);
    if min_x > max_x || min_y > max_y {
        return None;
    }
    let clamped = |p: Point| Point {
        x: p.x.clamp(min_x, max_x),
        y: p.y.clamp(min_y, max_y),
    };
    let boxed = |p: Point| {
        let t = TextAt {
            at: p,
            anchor: "middle",
        };
        text_box(t, width, AREA_FONT_PX)
    };
    // Beside the edges of every obstacle, across and down: the nearest place that fits.
    let (mut xs, mut ys) = (vec![a.at.x], vec![a.at.y]);
    for o in &room.obstacles {
        xs.extend([o.left - width / 2.0, o.right + width / 2.0]);
        ys.extend([o.top - descent, o.bottom + ascent]);
    }
    let tries = xs
        .iter()
        .flat_map(|&x| ys.iter().map(move |&y| Point { x, y }));
    let distance = |p: &Point| (p.x - a.at.x).powi(2) + (p.y - a.at.y).powi(2);
    tries
        .map(clamped)
        .filter(|&p| {
            let b = boxed(p);
            room.fits(&b) && !placed.iter().any(|q| q.overlaps(&b))
        })
        .min_by(|p, q| distance(p).total_cmp(&distance(q)))
        .map(|p| (p, boxed(p)))
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
                radius: style.paint(&f.shape).radius,
            })
        })
        .collect()
}

/// The area names that may be written: one per feature of a labelled kind that says
/// where its name goes (`label_at`), at every date.
pub fn area_candidates(
    model: &Model,
    scene: &Scene,
    view: &Viewport,
    lang: &str,
) -> Vec<AreaCandidate> {
    model
        .features()
        .filter(|f| model.story.style(&f.kind).label_on_map)
        .filter_map(|f| {
            Some(AreaCandidate {
                id: f.id.clone(),
                at: view.apply(scene.get(&f.id)?.label_at?),
                chars: f.name.get(lang).chars().count(),
            })
        })
        .collect()
}

/// The map's controls as style/main.css lays them out, in CSS pixels, for the static
/// page, which cannot measure them (the app measures them). **They must match the
/// stylesheet**: `.map-zoom` and `.map-zoom-button` (five buttons, a 2 px gap, 0.35rem
/// before the exports), `.feature-list-toggle`, `.map-inset`; a test compares the
/// labels of the static page with the app's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ControlsCss {
    /// The column of zoom and export buttons, from the top right corner: its distance
    /// from both edges, its width and its height.
    pub buttons: (f64, f64, f64),
    /// The list toggle, from the top left corner: its distance from both edges, its
    /// height, its padding and borders across, and its font size (its width follows
    /// its text).
    pub toggle: (f64, f64, f64, f64),
    /// The locator map, from the bottom right corner: its distance from both edges,
    /// its width and its height.
    pub inset: (f64, f64, f64),
}

/// The controls on a wide screen (above 52rem).
pub const CONTROLS_WIDE: ControlsCss = ControlsCss {
    buttons: (12.0, 36.0, 5.0 * 36.0 + 4.0 * 2.0 + 5.6),
    toggle: (12.0, 28.56, 2.0 * 11.2 + 2.0, 12.8),
    inset: (12.0, 150.0, 118.0),
};
/// The controls on a phone (`@media (max-width: 52rem)`).
pub const CONTROLS_NARROW: ControlsCss = ControlsCss {
    buttons: (8.0, 32.0, 5.0 * 32.0 + 4.0 * 2.0 + 5.6),
    toggle: (8.0, 24.0, 2.0 * 8.0 + 2.0, 11.52),
    inset: (6.4, 80.0, 63.0),
};

impl ControlsCss {
    /// The controls' boxes on a map of `width` x `height` whose list toggle says
    /// `toggle_chars` characters.
    pub fn boxes(&self, width: f64, height: f64, toggle_chars: usize) -> Vec<Rect> {
        let (b_off, b_w, b_h) = self.buttons;
        let (t_off, t_h, t_pad, t_font) = self.toggle;
        let (i_off, i_w, i_h) = self.inset;
        vec![
            Rect {
                left: width - b_off - b_w,
                top: b_off,
                right: width - b_off,
                bottom: b_off + b_h,
            },
            Rect {
                left: t_off,
                top: t_off,
                right: t_off + t_pad + toggle_chars as f64 * t_font * 0.59,
                bottom: t_off + t_h,
            },
            Rect {
                left: width - i_off - i_w,
                top: height - i_off - i_h,
                right: width - i_off,
                bottom: height - i_off,
            },
        ]
    }
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
            radius: 3.0,
        }
    }

    fn r(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom,
        }
    }

    /// A room with nothing in it.
    fn open() -> Room {
        Room::new(1000.0, 1000.0, &[])
    }

    fn shown(labels: &Labels) -> Vec<&str> {
        let mut ids: Vec<&str> = labels.0.iter().map(|p| p.id.as_str()).collect();
        ids.sort();
        ids
    }

    #[test]
    fn overlapping_labels_give_way_by_priority_then_order() {
        let cands = [
            c("askeran", 100.0, 100.0, 1),
            c("khojaly", 102.0, 104.0, 1),
            c("stepanakert", 90.0, 110.0, 2),
            c("goris", 10.0, 300.0, 1),
        ];
        // Askeran and Khojaly have no side free of Stepanakert's name or each other's.
        let labels = place(&cands, &[], &[], &open());
        assert_eq!(shown(&labels), ["askeran", "goris", "stepanakert"]);
        assert_eq!(labels.side("stepanakert").unwrap(), Side::Right);
        assert_eq!(labels.side("askeran").unwrap(), Side::Left);
    }

    #[test]
    fn zooming_in_makes_room() {
        // The same two places, five times further apart on screen.
        let near = [c("a", 100.0, 100.0, 1), c("b", 104.0, 104.0, 1)];
        let far = [c("a", 500.0, 500.0, 1), c("b", 520.0, 520.0, 1)];
        let near = place(&near, &[], &[], &open());
        assert_eq!(
            [near.side("a"), near.side("b")],
            [Some(Side::Right), Some(Side::Left)]
        );
        let far = place(&far, &[], &[], &open());
        assert_eq!(
            [far.side("a"), far.side("b")],
            [Some(Side::Right), Some(Side::Right)]
        );
    }

    #[test]
    fn selected_labels_are_always_written() {
        let cands = [c("a", 100.0, 100.0, 3), c("b", 101.0, 100.0, 1)];
        let labels = place(&cands, &[], &["b"], &open());
        assert_eq!(labels.side("b").unwrap(), Side::Right);
        // A's name gives way, to the other side of its point.
        assert_eq!(labels.side("a").unwrap(), Side::Left);
        // Selected, a name shows even over another selected one...
        let crowd = [
            c("a", 100.0, 100.0, 1),
            c("b", 100.0, 100.0, 1),
            c("c", 100.0, 100.0, 1),
            c("d", 100.0, 100.0, 1),
            c("e", 100.0, 100.0, 1),
        ];
        let labels = place(&crowd, &[], &["a", "b", "c", "d", "e"], &open());
        assert_eq!(labels.0.len(), 5);
        // ... but never under a control or across the edge: the side that fits, or none.
        let room = Room::new(200.0, 200.0, &[r(150.0, 0.0, 200.0, 200.0)]);
        let labels = place(
            &[c("a", 140.0, 100.0, 1), c("b", 198.0, 100.0, 1)],
            &[],
            &["a", "b"],
            &room,
        );
        assert_eq!(labels.side("a"), Some(Side::Left));
        assert_eq!(labels.side("b"), None);
    }

    #[test]
    fn names_keep_off_controls_and_edges_on_another_side_or_not_at_all() {
        // A map of 360 x 348 with its buttons at the top right, 32 px wide.
        let buttons = r(320.0, 8.0, 352.0, 181.6);
        let room = Room::new(360.0, 348.0, &[buttons]);
        let table = [
            // (the point, its side or none)
            ((100.0, 100.0), Some(Side::Right)),
            // A name to the right would run under the buttons: to the left.
            ((280.0, 100.0), Some(Side::Left)),
            // Across the right edge below the buttons: to the left.
            ((340.0, 300.0), Some(Side::Left)),
            // Across the left edge: to the right.
            ((2.0, 300.0), Some(Side::Right)),
            // Across the top edge on every side but below.
            ((50.0, 6.0), Some(Side::Below)),
            // Under the buttons itself: nowhere.
            ((336.0, 100.0), None),
        ];
        for ((x, y), side) in table {
            let labels = place(&[c("p", x, y, 1)], &[], &[], &room);
            assert_eq!(labels.side("p"), side, "at {x}, {y}");
            if let Some(side) = side {
                let b = c("p", x, y, 1).on(side);
                assert!(
                    !b.overlaps(&buttons)
                        && b.left >= MARGIN
                        && b.right <= 360.0 - MARGIN
                        && b.top >= MARGIN,
                    "{b:?}"
                );
            }
        }
    }

    #[test]
    fn area_names_move_inside_and_off_controls_or_drop() {
        let buttons = r(320.0, 8.0, 352.0, 181.6);
        let room = Room::new(360.0, 348.0, &[buttons]);
        let area = |x: f64, y: f64, chars| AreaCandidate {
            id: "a".into(),
            at: Point { x, y },
            chars,
        };
        let at = |a: AreaCandidate| place(&[], &[a], &[], &room).get("a").map(|t| t.at);
        // Where the data puts it when it fits.
        assert_eq!(
            at(area(150.0, 100.0, 7)),
            Some(Point { x: 150.0, y: 100.0 })
        );
        // ARMENIA across the left edge: moved right until it fits (7 capitals, 86 px).
        let armenia = at(area(20.0, 80.0, 7)).unwrap();
        assert!(
            (armenia.x - (MARGIN + 7.0 * AREA_FONT_PX * AREA_CHAR_EM / 2.0)).abs() < 1e-9
                && armenia.y == 80.0,
            "{armenia:?}"
        );
        // AZERBAIJAN under the buttons: moved beside them, on the left.
        let azerbaijan = at(area(320.0, 30.0, 11)).unwrap();
        let half = 11.0 * AREA_FONT_PX * AREA_CHAR_EM / 2.0;
        assert!(
            azerbaijan.x + half <= buttons.left - MARGIN + 1e-9,
            "{azerbaijan:?}"
        );
        assert_eq!(azerbaijan.y, 30.0);
        // A phone's map, 320 x 246: the buttons and the locator map leave no room on the
        // right, the list toggle none on the left of the top: under the toggle.
        let narrow = Room::new(
            320.0,
            246.0,
            &[
                r(280.0, 8.0, 312.0, 181.6),
                r(8.0, 8.0, 148.3, 32.0),
                r(233.6, 176.4, 313.6, 239.4),
            ],
        );
        let top = place(&[], &[area(300.0, 16.0, 11)], &[], &narrow)
            .get("a")
            .unwrap()
            .at;
        assert!(
            top.y - AREA_FONT_PX * ASCENT_EM >= 32.0 + MARGIN - 1e-9
                && top.x + half <= 280.0 - MARGIN + 1e-9,
            "{top:?}"
        );
        // Wider than the map: dropped.
        assert_eq!(at(area(180.0, 100.0, 40)), None);
        // A place name keeps off an area's name (Meghri over IRAN): to another side.
        let labels = place(
            &[c("meghri", 100.0, 96.0, 1)],
            &[area(150.0, 100.0, 4)],
            &[],
            &room,
        );
        assert_ne!(labels.side("meghri"), Some(Side::Right));
    }

    #[test]
    fn the_static_page_controls_are_where_the_stylesheet_puts_them() {
        // Measured in Chromium at 1280 x 800 (map 767 x 573.27) and 360 x 740 (360 x
        // 308.75), from the map's top left, the toggle saying "Liste des éléments".
        let close = |a: &[Rect], b: &[Rect]| {
            a.iter().zip(b).all(|(a, b)| {
                [
                    (a.left, b.left),
                    (a.top, b.top),
                    (a.right, b.right),
                    (a.bottom, b.bottom),
                ]
                .iter()
                .all(|(x, y)| (x - y).abs() <= 1.0)
            })
        };
        let wide = CONTROLS_WIDE.boxes(767.0, 573.27, 18);
        let measured = [
            r(719.0, 12.0, 755.0, 205.6),
            r(12.0, 12.0, 172.3, 40.5),
            r(605.0, 443.3, 755.0, 561.3),
        ];
        assert!(close(&wide, &measured), "{wide:?}");
        let narrow = CONTROLS_NARROW.boxes(360.0, 347.86, 18);
        let measured = [
            r(320.0, 8.0, 352.0, 181.6),
            r(8.0, 8.0, 148.3, 32.0),
            r(273.6, 278.5, 353.6, 341.5),
        ];
        assert!(close(&narrow, &measured), "{narrow:?}");
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
        assert!(area_candidates(&model, &drawn, &view, "en").is_empty());
        let hidden: BTreeSet<String> = ["town".to_string()].into();
        assert!(candidates(&model, &drawn, &view, bounds, "en", date, &hidden).is_empty());
    }
}
