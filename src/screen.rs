//! What the map shows at a moment: the projection fitted to the map's box, the reader's
//! pan and zoom, and the box's size in CSS pixels (the SVG's `viewBox` is its size, so
//! SVG units are pixels). Every composition of those lives here, tested natively:
//! screen point to lon/lat, the view kept across a resize, the scale bar, the views that
//! keys, buttons, the wheel, gestures and flights lead to.

use crate::gesture::Change;
use crate::projection::{scale_bar, Bounds, LonLat, Point, Projection, Rect};
use crate::viewport::{ViewSpec, Viewport};

/// Padding, in pixels, between the map's extent and the edge of its box.
pub const PADDING: f64 = 8.0;
/// The longest a scale bar may be, in pixels.
pub const SCALE_BAR_MAX_PX: f64 = 110.0;
/// How far an arrow key pans, in pixels.
pub const KEY_PAN_PX: f64 = 60.0;
/// How much a zoom button or key zooms.
pub const ZOOM_STEP: f64 = 1.6;
/// Room left around the features a flight goes to, in pixels.
pub const FLY_PADDING: f64 = 48.0;
/// The closest a flight zooms, so that a single place keeps its surroundings.
pub const FLY_MAX_ZOOM: f64 = 4.0;

/// The map as the reader sees it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    /// Lon/lat to map (SVG) units, fitted to the story's extent in this box.
    pub projection: Projection,
    /// The reader's pan and zoom, from map units to the box.
    pub view: Viewport,
    pub width: f64,
    pub height: f64,
}

impl Screen {
    /// The whole `extent` in a `width` x `height` box, not panned or zoomed.
    pub fn fitted(extent: Bounds, width: f64, height: f64) -> Screen {
        Screen {
            projection: Projection::fit(extent, width, height, PADDING),
            view: Viewport::IDENTITY,
            width,
            height,
        }
    }

    /// The same screen with another pan and zoom.
    pub fn with_view(self, view: Viewport) -> Screen {
        Screen { view, ..self }
    }

    /// The middle of the box.
    pub fn centre(&self) -> Point {
        Point {
            x: self.width / 2.0,
            y: self.height / 2.0,
        }
    }

    /// The box, in its own pixels.
    pub fn rect(&self) -> Rect {
        Rect {
            left: 0.0,
            top: 0.0,
            right: self.width,
            bottom: self.height,
        }
    }

    /// The place under a point of the box.
    pub fn to_lon_lat(&self, p: Point) -> LonLat {
        self.projection.invert(self.view.invert(p))
    }

    /// Where a place lands in the box.
    pub fn to_screen(&self, p: LonLat) -> Point {
        self.view.apply(self.projection.project(p))
    }

    /// The screen after the box changed size: fitted again, and showing the same place
    /// at the same zoom (the whole map stays the whole map).
    pub fn resized(&self, extent: Bounds, width: f64, height: f64) -> Screen {
        let next = Screen::fitted(extent, width, height);
        match self.spec() {
            Some(spec) => next.with_view(next.showing(spec)),
            None => next,
        }
    }

    /// This view as the URL writes it (its centre and zoom), or `None` for the whole map.
    pub fn spec(&self) -> Option<ViewSpec> {
        self.view.to_spec(&self.projection, self.width, self.height)
    }

    /// The view that shows `spec` in this box.
    pub fn showing(&self, spec: ViewSpec) -> Viewport {
        Viewport::from_spec(spec, &self.projection, self.width, self.height)
    }

    /// A scale bar for the latitude at the centre of the view: its length in km and
    /// in pixels.
    pub fn scale_bar(&self) -> (f64, f64) {
        let centre = self.to_lon_lat(self.centre());
        scale_bar(
            self.projection.px_per_km(centre.lat) * self.view.k,
            SCALE_BAR_MAX_PX,
        )
    }

    /// `view` kept within the box (the map never leaves it).
    fn clamped(&self, view: Viewport) -> Viewport {
        view.clamped(self.width, self.height)
    }

    /// The view zoomed by `factor` around the centre (the zoom buttons).
    pub fn zoomed(&self, factor: f64) -> Viewport {
        self.clamped(self.view.zoomed_at(self.centre(), factor))
    }

    /// The view after a key press on the map, or `None` for a key that does nothing:
    /// arrows pan, `+` / `-` zoom, `0` shows the whole map.
    pub fn after_key(&self, key: &str) -> Option<Viewport> {
        let v = self.view;
        let next = match key {
            "ArrowLeft" => v.panned(KEY_PAN_PX, 0.0),
            "ArrowRight" => v.panned(-KEY_PAN_PX, 0.0),
            "ArrowUp" => v.panned(0.0, KEY_PAN_PX),
            "ArrowDown" => v.panned(0.0, -KEY_PAN_PX),
            "+" | "=" => v.zoomed_at(self.centre(), ZOOM_STEP),
            "-" | "_" => v.zoomed_at(self.centre(), 1.0 / ZOOM_STEP),
            "0" => Viewport::IDENTITY,
            _ => return None,
        };
        Some(self.clamped(next))
    }

    /// The view after a wheel turn of `delta_y` pixels at `anchor`: one notch (100 px)
    /// zooms by about 1.22, and no single event by more than e^0.5.
    pub fn wheeled(&self, anchor: Point, delta_y: f64) -> Viewport {
        let factor = (-delta_y * 0.002).clamp(-0.5, 0.5).exp();
        self.clamped(self.view.zoomed_at(anchor, factor))
    }

    /// The view after a step of a drag or a pinch.
    pub fn moved(&self, change: Change) -> Viewport {
        match change {
            Change::None => self.view,
            Change::Pan { dx, dy } => self.clamped(self.view.panned(dx, dy)),
            Change::Pinch {
                dx,
                dy,
                anchor,
                factor,
            } => self.clamped(self.view.panned(dx, dy).zoomed_at(anchor, factor)),
        }
    }

    /// The view a flight ends on: `bbox` (map units) with room around it, zoomed no
    /// closer than [`FLY_MAX_ZOOM`].
    pub fn flight_to(&self, bbox: Rect) -> Viewport {
        Viewport::fitting(bbox, self.width, self.height, FLY_PADDING, FLY_MAX_ZOOM)
    }

    /// Where `bbox` (map units) lands in the box's pixels, with `pad` pixels around it
    /// (a point's marker and its touch target).
    pub fn on_screen(&self, bbox: Rect, pad: f64) -> Rect {
        let (a, b) = (
            self.view.apply(Point {
                x: bbox.left,
                y: bbox.top,
            }),
            self.view.apply(Point {
                x: bbox.right,
                y: bbox.bottom,
            }),
        );
        Rect {
            left: a.x - pad,
            top: a.y - pad,
            right: b.x + pad,
            bottom: b.y + pad,
        }
    }

    /// The view that brings `target` (a box in the box's pixels: a feature as drawn, see
    /// [`Screen::on_screen`]) into view beside something covering part of the box (`cover`: the
    /// details panel), moving as little as
    /// it can: into the largest part of the box left uncovered, or its middle there when
    /// it is larger. The map keeps covering that part (paper may show under the panel).
    /// `None` when nothing needs to move.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::{Bounds, LonLat, Rect};
    /// use ceasefire_map::screen::Screen;
    /// let extent = Bounds { west: 46.0, south: 39.0, east: 47.0, north: 40.0 };
    /// let s = Screen::fitted(extent, 400.0, 300.0);
    /// // A place and its name at the right edge, under a panel over the right half.
    /// let place = LonLat { lon: 46.95, lat: 39.5 };
    /// let p = s.to_screen(place);
    /// let drawn = Rect { left: p.x - 5.0, top: p.y - 5.0, right: p.x + 60.0, bottom: p.y + 5.0 };
    /// let panel = Rect { left: 200.0, top: 0.0, right: 400.0, bottom: 300.0 };
    /// let v = s.revealing(drawn, panel).unwrap();
    /// assert!(s.with_view(v).to_screen(place).x + 60.0 <= 200.0);
    /// // A place already clear of the panel: nothing moves.
    /// let q = s.to_screen(LonLat { lon: 46.1, lat: 39.5 });
    /// assert_eq!(s.revealing(Rect { left: q.x, top: q.y, right: q.x + 20.0, bottom: q.y + 5.0 }, panel), None);
    /// ```
    pub fn revealing(&self, target: Rect, cover: Rect) -> Option<Viewport> {
        let box_ = self.rect();
        if !cover.overlaps(&box_) {
            return None;
        }
        // The largest part left of, right of, above or below the cover.
        let parts = [
            Rect {
                right: cover.left,
                ..box_
            },
            Rect {
                left: cover.right,
                ..box_
            },
            Rect {
                bottom: cover.top,
                ..box_
            },
            Rect {
                top: cover.bottom,
                ..box_
            },
        ];
        let area = |r: &Rect| (r.right - r.left).max(0.0) * (r.bottom - r.top).max(0.0);
        let free = parts
            .into_iter()
            .fold(parts[0], |a, b| if area(&b) > area(&a) { b } else { a });
        if !target.overlaps(&cover) {
            return None;
        }
        let shift = |lo: f64, hi: f64, a: f64, b: f64| {
            if b - a > hi - lo {
                (lo + hi - a - b) / 2.0
            } else if a < lo {
                lo - a
            } else if b > hi {
                hi - b
            } else {
                0.0
            }
        };
        let v = self.view.panned(
            shift(free.left, free.right, target.left, target.right),
            shift(free.top, free.bottom, target.top, target.bottom),
        );
        // The map still covers the free part.
        let (w, h) = (self.width * v.k, self.height * v.k);
        Some(Viewport {
            x: v.x.clamp((free.right - w).min(free.left), free.left),
            y: v.y.clamp((free.bottom - h).min(free.top), free.top),
            ..v
        })
    }

    /// The part of the world this screen shows, drawn with another projection (the
    /// locator map's outline of the view).
    pub fn outline_in(&self, other: &Projection) -> Rect {
        let corner = |x, y| other.project(self.to_lon_lat(Point { x, y }));
        let (a, b) = (corner(0.0, 0.0), corner(self.width, self.height));
        Rect {
            left: a.x.min(b.x),
            top: a.y.min(b.y),
            right: a.x.max(b.x),
            bottom: a.y.max(b.y),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KARABAKH: Bounds = Bounds {
        west: 44.5,
        south: 38.7,
        east: 47.5,
        north: 41.0,
    };

    fn close(a: f64, b: f64, tolerance: f64) -> bool {
        (a - b).abs() <= tolerance
    }

    #[test]
    fn screen_points_and_places_round_trip() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0).with_view(Viewport {
            k: 3.0,
            x: -700.0,
            y: -400.0,
        });
        let shusha = LonLat {
            lon: 46.7483,
            lat: 39.7583,
        };
        let back = s.to_lon_lat(s.to_screen(shusha));
        assert!(close(back.lon, shusha.lon, 1e-9) && close(back.lat, shusha.lat, 1e-9));
    }

    #[test]
    fn a_resize_keeps_the_place_and_zoom_in_view() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let s = s.with_view(s.clamped(s.view.zoomed_at(Point { x: 600.0, y: 200.0 }, 4.0)));
        let before = s.to_lon_lat(s.centre());
        let after = s.resized(KARABAKH, 360.0, 500.0);
        let centre = after.to_lon_lat(after.centre());
        assert!(close(centre.lon, before.lon, 1e-3) && close(centre.lat, before.lat, 1e-3));
        assert!(close(after.view.k, 4.0, 1e-9));
        // The whole map stays the whole map.
        let whole = Screen::fitted(KARABAKH, 800.0, 600.0).resized(KARABAKH, 360.0, 500.0);
        assert_eq!(whole.view, Viewport::IDENTITY);
        assert_eq!((whole.width, whole.height), (360.0, 500.0));
    }

    #[test]
    fn keys_pan_zoom_and_reset_within_the_box() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let zoomed = s.with_view(s.after_key("+").unwrap());
        assert!(close(zoomed.view.k, ZOOM_STEP, 1e-9));
        // The centre stays put when zooming by key.
        let a = s.to_lon_lat(s.centre());
        let b = zoomed.to_lon_lat(zoomed.centre());
        assert!(close(a.lon, b.lon, 1e-9) && close(a.lat, b.lat, 1e-9));
        let right = zoomed.after_key("ArrowRight").unwrap();
        assert!(close(right.x, zoomed.view.x - KEY_PAN_PX, 1e-9));
        // At the whole map, a pan cannot leave the box.
        assert_eq!(s.after_key("ArrowLeft"), Some(Viewport::IDENTITY));
        assert_eq!(zoomed.after_key("0"), Some(Viewport::IDENTITY));
        assert_eq!(zoomed.with_view(zoomed.after_key("-").unwrap()).view.k, 1.0);
        assert_eq!(s.after_key("Enter"), None);
        assert_eq!(s.after_key("a"), None);
    }

    #[test]
    fn the_wheel_zooms_around_the_pointer_by_bounded_steps() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let anchor = Point { x: 200.0, y: 150.0 };
        let under = s.to_lon_lat(anchor);
        let one_notch = s.with_view(s.wheeled(anchor, -100.0));
        assert!(close(one_notch.view.k, 0.2_f64.exp(), 1e-9));
        let still = one_notch.to_lon_lat(anchor);
        assert!(close(still.lon, under.lon, 1e-9) && close(still.lat, under.lat, 1e-9));
        let huge = s.wheeled(anchor, -10_000.0);
        assert!(close(huge.k, 0.5_f64.exp(), 1e-9));
        // Out past the whole map is clamped to it.
        assert_eq!(s.wheeled(anchor, 300.0).k, 1.0);
    }

    #[test]
    fn gestures_pan_and_pinch() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let s = s.with_view(s.zoomed(2.0));
        assert_eq!(s.moved(Change::None), s.view);
        let panned = s.moved(Change::Pan { dx: 10.0, dy: -5.0 });
        assert!(close(panned.x, s.view.x + 10.0, 1e-9) && close(panned.y, s.view.y - 5.0, 1e-9));
        let pinched = s.moved(Change::Pinch {
            dx: 0.0,
            dy: 0.0,
            anchor: s.centre(),
            factor: 2.0,
        });
        assert!(close(pinched.k, 4.0, 1e-9));
    }

    #[test]
    fn the_scale_bar_is_round_and_fits() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let (km, px) = s.scale_bar();
        assert!(
            px <= SCALE_BAR_MAX_PX && px > SCALE_BAR_MAX_PX / 5.0,
            "{px}"
        );
        assert!([10.0, 20.0, 50.0, 100.0].contains(&km), "{km}");
        // Zoomed four times, the bar stands for a quarter of the distance or so.
        let zoomed = s.with_view(s.zoomed(4.0));
        let (km4, _) = zoomed.scale_bar();
        assert!(km4 < km, "{km4} {km}");
    }

    #[test]
    fn a_flight_frames_the_box_and_the_outline_follows_the_view() {
        let s = Screen::fitted(KARABAKH, 800.0, 600.0);
        let stepanakert = s.projection.project(LonLat {
            lon: 46.7519,
            lat: 39.8153,
        });
        let one_place = Rect::around([stepanakert]).unwrap();
        let view = s.flight_to(one_place);
        assert!(close(view.k, FLY_MAX_ZOOM, 1e-9));
        let flown = s.with_view(view);
        let centre = flown.to_lon_lat(flown.centre());
        assert!(close(centre.lon, 46.7519, 0.05) && close(centre.lat, 39.8153, 0.05));
        // Outlined with the screen's own projection, the view is its box in map units.
        let outline = flown.outline_in(&s.projection);
        assert!(outline.contains(stepanakert));
        let whole = s.outline_in(&s.projection);
        assert!(close(whole.right - whole.left, 800.0, 1e-6));
    }
}
