//! Pan and zoom as one immutable value `(k, x, y)`: a view point is `k * p + (x, y)`
//! for a point `p` in map (SVG) units. It renders as one `transform` on a `<g>`, so no
//! path is recomputed while the reader pans or zooms.

use crate::projection::{LonLat, Point, Projection, Rect};

/// The zoom factor `k` and the translation `(x, y)`, in SVG units.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub k: f64,
    pub x: f64,
    pub y: f64,
}

/// A map view that holds on any screen: the point at the centre and the zoom factor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ViewSpec {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

/// The smallest and largest zoom factors a reader can reach.
pub const ZOOM_LIMITS: (f64, f64) = (1.0, 16.0);

impl Default for Viewport {
    fn default() -> Self {
        Viewport::IDENTITY
    }
}

impl Viewport {
    /// No pan, no zoom.
    pub const IDENTITY: Viewport = Viewport {
        k: 1.0,
        x: 0.0,
        y: 0.0,
    };

    /// Where a map point lands in the view.
    pub fn apply(&self, p: Point) -> Point {
        Point {
            x: p.x * self.k + self.x,
            y: p.y * self.k + self.y,
        }
    }

    /// The map point under a view point.
    pub fn invert(&self, p: Point) -> Point {
        Point {
            x: (p.x - self.x) / self.k,
            y: (p.y - self.y) / self.k,
        }
    }

    /// Zoomed by `factor` around `anchor` (a view point that stays put), with `k` kept
    /// within [`ZOOM_LIMITS`].
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::Point;
    /// use ceasefire_map::viewport::Viewport;
    /// let anchor = Point { x: 100.0, y: 50.0 };
    /// let v = Viewport::IDENTITY.zoomed_at(anchor, 2.0);
    /// assert_eq!(v.apply(v.invert(anchor)), anchor);
    /// assert_eq!(v.k, 2.0);
    /// ```
    pub fn zoomed_at(&self, anchor: Point, factor: f64) -> Viewport {
        let k = (self.k * factor).clamp(ZOOM_LIMITS.0, ZOOM_LIMITS.1);
        let under = self.invert(anchor);
        Viewport {
            k,
            x: anchor.x - under.x * k,
            y: anchor.y - under.y * k,
        }
    }

    /// Moved by `(dx, dy)` view units.
    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    /// Kept so that the map (a `width` x `height` box) still covers the view: the reader
    /// cannot lose the region off screen.
    pub fn clamped(&self, width: f64, height: f64) -> Viewport {
        let lo_x = width - width * self.k;
        let lo_y = height - height * self.k;
        Viewport {
            x: self.x.clamp(lo_x.min(0.0), 0.0_f64.max(lo_x)),
            y: self.y.clamp(lo_y.min(0.0), 0.0_f64.max(lo_y)),
            ..*self
        }
    }

    /// The view that shows the map box `bbox` (in map units) centred
    /// in a `width` x `height` view with `padding` around it, zoomed no further than
    /// `max_k` (a single point would otherwise fill the screen).
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::Rect;
    /// use ceasefire_map::viewport::Viewport;
    /// let bbox = Rect { left: 100.0, top: 100.0, right: 200.0, bottom: 150.0 };
    /// let v = Viewport::fitting(bbox, 400.0, 300.0, 0.0, 16.0);
    /// assert_eq!(v.k, 4.0);
    /// ```
    pub fn fitting(bbox: Rect, width: f64, height: f64, padding: f64, max_k: f64) -> Viewport {
        let Rect {
            left,
            top,
            right,
            bottom,
        } = bbox;
        let (bw, bh) = ((right - left).max(1e-9), (bottom - top).max(1e-9));
        let k = ((width - 2.0 * padding) / bw)
            .min((height - 2.0 * padding) / bh)
            .clamp(ZOOM_LIMITS.0, max_k.min(ZOOM_LIMITS.1));
        let (cx, cy) = ((left + right) / 2.0, (top + bottom) / 2.0);
        Viewport {
            k,
            x: width / 2.0 - cx * k,
            y: height / 2.0 - cy * k,
        }
        .clamped(width, height)
    }

    /// The view a fraction `t` (0 to 1) of the way from `self` to `to`, eased (slow at
    /// both ends). Zoom moves geometrically, so the motion looks even.
    pub fn eased_towards(&self, to: &Viewport, t: f64) -> Viewport {
        let t = t.clamp(0.0, 1.0);
        let e = if t < 0.5 {
            4.0 * t * t * t
        } else {
            1.0 - (-2.0 * t + 2.0).powi(3) / 2.0
        };
        let k = self.k * (to.k / self.k).powf(e);
        // Interpolate the map point at the view's centre-independent origin so that the
        // zoom and the pan stay in step.
        let lerp = |a: f64, b: f64| a + (b - a) * e;
        let (ox, oy) = (
            lerp(-self.x / self.k, -to.x / to.k),
            lerp(-self.y / self.k, -to.y / to.k),
        );
        Viewport {
            k,
            x: -ox * k,
            y: -oy * k,
        }
    }

    /// The view centred on a shared [`ViewSpec`], in a `width` x `height` box.
    pub fn from_spec(spec: ViewSpec, projection: &Projection, width: f64, height: f64) -> Viewport {
        let p = projection.project(LonLat {
            lon: spec.lon,
            lat: spec.lat,
        });
        let k = spec.zoom.clamp(ZOOM_LIMITS.0, ZOOM_LIMITS.1);
        Viewport {
            k,
            x: width / 2.0 - p.x * k,
            y: height / 2.0 - p.y * k,
        }
        .clamped(width, height)
    }

    /// This view as a [`ViewSpec`] (its centre and zoom), or `None` for the whole map.
    pub fn to_spec(&self, projection: &Projection, width: f64, height: f64) -> Option<ViewSpec> {
        if *self == Viewport::IDENTITY {
            return None;
        }
        let centre = projection.invert(self.invert(Point {
            x: width / 2.0,
            y: height / 2.0,
        }));
        Some(ViewSpec {
            lon: centre.lon,
            lat: centre.lat,
            zoom: self.k,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(left: f64, top: f64, right: f64, bottom: f64) -> Rect {
        Rect {
            left,
            top,
            right,
            bottom,
        }
    }

    fn close(a: Point, b: Point) -> bool {
        (a.x - b.x).abs() < 1e-9 && (a.y - b.y).abs() < 1e-9
    }

    #[test]
    fn apply_and_invert_round_trip() {
        let views = [
            Viewport::IDENTITY,
            Viewport {
                k: 3.5,
                x: -120.0,
                y: 40.0,
            },
            Viewport::IDENTITY
                .zoomed_at(Point { x: 10.0, y: 10.0 }, 4.0)
                .panned(5.0, -7.0),
        ];
        for v in views {
            for p in [
                Point { x: 0.0, y: 0.0 },
                Point {
                    x: 321.5,
                    y: -12.25,
                },
            ] {
                assert!(close(v.invert(v.apply(p)), p), "{v:?}");
            }
        }
    }

    #[test]
    fn zoom_keeps_the_anchor_and_the_limits() {
        let anchor = Point { x: 300.0, y: 200.0 };
        let v = Viewport {
            k: 2.0,
            x: -50.0,
            y: 10.0,
        };
        let under = v.invert(anchor);
        let z = v.zoomed_at(anchor, 1.5);
        assert!(close(z.apply(under), anchor));
        assert_eq!(v.zoomed_at(anchor, 100.0).k, ZOOM_LIMITS.1);
        assert_eq!(v.zoomed_at(anchor, 0.01).k, ZOOM_LIMITS.0);
    }

    #[test]
    fn clamping_keeps_the_map_covering_the_view() {
        let v = Viewport {
            k: 2.0,
            x: 500.0,
            y: -5000.0,
        }
        .clamped(400.0, 300.0);
        assert_eq!((v.x, v.y), (0.0, -300.0));
        let v = Viewport::IDENTITY.panned(50.0, 50.0).clamped(400.0, 300.0);
        assert_eq!((v.x, v.y), (0.0, 0.0));
    }

    #[test]
    fn fitting_centres_the_box_and_caps_the_zoom() {
        let v = Viewport::fitting(rect(100.0, 100.0, 140.0, 120.0), 400.0, 300.0, 20.0, 8.0);
        assert_eq!(v.k, 8.0);
        let centre = v.apply(Point { x: 120.0, y: 110.0 });
        assert!((centre.x - 200.0).abs() < 1e-9 && (centre.y - 150.0).abs() < 1e-9);
        // A box larger than the map: no zoom out past the whole map.
        let whole = Viewport::fitting(rect(-100.0, -100.0, 900.0, 900.0), 400.0, 300.0, 0.0, 8.0);
        assert_eq!(whole, Viewport::IDENTITY);
    }

    #[test]
    fn easing_starts_and_ends_on_the_views() {
        let a = Viewport::IDENTITY;
        let b = Viewport {
            k: 4.0,
            x: -300.0,
            y: -200.0,
        };
        assert_eq!(a.eased_towards(&b, 0.0), a);
        let end = a.eased_towards(&b, 1.0);
        assert!(
            (end.k - 4.0).abs() < 1e-9
                && (end.x + 300.0).abs() < 1e-9
                && (end.y + 200.0).abs() < 1e-9
        );
        let mid = a.eased_towards(&b, 0.5);
        assert!(mid.k > 1.0 && mid.k < 4.0);
    }

    #[test]
    fn a_shared_view_lands_on_the_same_place_on_another_screen() {
        use crate::projection::Bounds;
        let extent = Bounds {
            west: 44.5,
            south: 38.7,
            east: 47.5,
            north: 41.0,
        };
        let (wide, narrow) = ((1000.0, 700.0), (360.0, 400.0));
        let pw = Projection::fit(extent, wide.0, wide.1, 8.0);
        let pn = Projection::fit(extent, narrow.0, narrow.1, 8.0);
        let spec = ViewSpec {
            lon: 46.75,
            lat: 39.82,
            zoom: 4.0,
        };
        for (p, (w, h)) in [(pw, wide), (pn, narrow)] {
            let v = Viewport::from_spec(spec, &p, w, h);
            let back = v.to_spec(&p, w, h).unwrap();
            assert!((back.lon - 46.75).abs() < 1e-6 && (back.lat - 39.82).abs() < 1e-6);
            assert_eq!(back.zoom, 4.0);
        }
        assert_eq!(Viewport::IDENTITY.to_spec(&pw, wide.0, wide.1), None);
    }
}
