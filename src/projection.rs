//! From longitude/latitude to SVG coordinates, in three pieces (as in d3-geo): the raw
//! spherical Mercator and its inverse, a scale/translate that puts it on the page
//! (SVG y grows downwards), and a fit that picks the scale for an extent and a box.

use std::f64::consts::FRAC_PI_4;

/// A position on the Earth in degrees, WGS84, as GeoJSON writes it (`[lon, lat]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

/// A point in a plane: raw projected units, or SVG user units (y down) once placed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A lon/lat extent (west, south, east, north) in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl Bounds {
    /// The smallest extent holding every position, or `None` for none.
    pub fn around(positions: impl IntoIterator<Item = LonLat>) -> Option<Bounds> {
        positions.into_iter().fold(None, |acc, p| {
            Some(match acc {
                None => Bounds {
                    west: p.lon,
                    south: p.lat,
                    east: p.lon,
                    north: p.lat,
                },
                Some(b) => Bounds {
                    west: b.west.min(p.lon),
                    south: b.south.min(p.lat),
                    east: b.east.max(p.lon),
                    north: b.north.max(p.lat),
                },
            })
        })
    }
}

/// A box in SVG units (map or screen space, y pointing down): `left <= right`,
/// `top <= bottom`. Geographic boxes are [`Bounds`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub left: f64,
    pub top: f64,
    pub right: f64,
    pub bottom: f64,
}

impl Rect {
    /// The smallest box around `points`, or `None` when there is none.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::{Point, Rect};
    /// let r = Rect::around([Point { x: 3.0, y: 1.0 }, Point { x: -1.0, y: 4.0 }]).unwrap();
    /// assert_eq!((r.left, r.top, r.right, r.bottom), (-1.0, 1.0, 3.0, 4.0));
    /// assert_eq!(Rect::around([]), None);
    /// ```
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Rect> {
        points.into_iter().fold(None, |acc, p| {
            Some(match acc {
                None => Rect {
                    left: p.x,
                    top: p.y,
                    right: p.x,
                    bottom: p.y,
                },
                Some(r) => Rect {
                    left: r.left.min(p.x),
                    top: r.top.min(p.y),
                    right: r.right.max(p.x),
                    bottom: r.bottom.max(p.y),
                },
            })
        })
    }

    /// Whether the two boxes share more than an edge.
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.left < other.right
            && other.left < self.right
            && self.top < other.bottom
            && other.top < self.bottom
    }

    /// Whether `p` lies inside the box (edges included on the top-left only).
    pub fn contains(&self, p: Point) -> bool {
        (self.left..self.right).contains(&p.x) && (self.top..self.bottom).contains(&p.y)
    }
}

/// Raw spherical Mercator, in radians-based units with y pointing north.
///
/// # Examples
/// ```
/// use ceasefire_map::projection::{mercator, mercator_inverse, LonLat};
/// let stepanakert = LonLat { lon: 46.75, lat: 39.82 };
/// let back = mercator_inverse(mercator(stepanakert));
/// assert!((back.lon - 46.75).abs() < 1e-9 && (back.lat - 39.82).abs() < 1e-9);
/// ```
pub fn mercator(p: LonLat) -> Point {
    let lat = p.lat.clamp(-85.0, 85.0).to_radians();
    Point {
        x: p.lon.to_radians(),
        y: (FRAC_PI_4 + lat / 2.0).tan().ln(),
    }
}

/// Inverse of [`mercator`].
pub fn mercator_inverse(p: Point) -> LonLat {
    LonLat {
        lon: p.x.to_degrees(),
        lat: (2.0 * p.y.exp().atan() - std::f64::consts::FRAC_PI_2).to_degrees(),
    }
}

/// Mercator scaled and translated into SVG user units (y down).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// SVG units per raw projected unit.
    pub scale: f64,
    /// Where raw (0, 0) lands in SVG units.
    pub translate: Point,
}

impl Projection {
    /// Projects a lon/lat position into SVG units.
    pub fn project(&self, p: LonLat) -> Point {
        let raw = mercator(p);
        Point {
            x: self.translate.x + raw.x * self.scale,
            y: self.translate.y - raw.y * self.scale,
        }
    }

    /// The lon/lat position under an SVG point.
    pub fn invert(&self, p: Point) -> LonLat {
        mercator_inverse(Point {
            x: (p.x - self.translate.x) / self.scale,
            y: (self.translate.y - p.y) / self.scale,
        })
    }

    /// The projection that fits `extent` inside a `width` x `height` box with `padding`
    /// on every side, centred.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::{Bounds, LonLat, Projection};
    /// let extent = Bounds { west: 44.5, south: 38.7, east: 47.5, north: 41.0 };
    /// let p = Projection::fit(extent, 800.0, 600.0, 10.0);
    /// let nw = p.project(LonLat { lon: 44.5, lat: 41.0 });
    /// assert!(nw.x >= 9.99 && nw.y >= 9.99);
    /// ```
    pub fn fit(extent: Bounds, width: f64, height: f64, padding: f64) -> Projection {
        let a = mercator(LonLat {
            lon: extent.west,
            lat: extent.south,
        });
        let b = mercator(LonLat {
            lon: extent.east,
            lat: extent.north,
        });
        let (dx, dy) = ((b.x - a.x).max(1e-9), (b.y - a.y).max(1e-9));
        let inner_w = (width - 2.0 * padding).max(1.0);
        let inner_h = (height - 2.0 * padding).max(1.0);
        let scale = (inner_w / dx).min(inner_h / dy);
        let centre = Point {
            x: (a.x + b.x) / 2.0,
            y: (a.y + b.y) / 2.0,
        };
        Projection {
            scale,
            translate: Point {
                x: width / 2.0 - centre.x * scale,
                y: height / 2.0 + centre.y * scale,
            },
        }
    }
}

/// Mean Earth radius, km (the sphere the Mercator formulas assume).
pub const EARTH_RADIUS_KM: f64 = 6371.0;

impl Projection {
    /// SVG units per kilometre on the ground at latitude `lat` (Mercator stretches
    /// distances by 1 / cos(lat)).
    pub fn px_per_km(&self, lat: f64) -> f64 {
        self.scale / (EARTH_RADIUS_KM * lat.to_radians().cos())
    }
}

/// The longest round length (1, 2 or 5 times a power of ten, in km) whose bar fits in
/// `max_px`, and its length in pixels.
///
/// # Examples
/// ```
/// use ceasefire_map::projection::scale_bar;
/// assert_eq!(scale_bar(2.0, 120.0), (50.0, 100.0));
/// ```
pub fn scale_bar(px_per_km: f64, max_px: f64) -> (f64, f64) {
    let max_km = max_px / px_per_km;
    let power = 10f64.powf(max_km.log10().floor());
    let km = [5.0, 2.0, 1.0]
        .iter()
        .map(|m| m * power)
        .find(|km| *km <= max_km)
        .unwrap_or(power);
    (km, km * px_per_km)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FRAME: Bounds = Bounds {
        west: 44.5,
        south: 38.7,
        east: 47.5,
        north: 41.0,
    };

    #[test]
    fn round_trips_within_a_micro_degree() {
        let p = Projection::fit(FRAME, 1000.0, 700.0, 20.0);
        for lon in [44.5, 45.0, 46.1234, 47.5] {
            for lat in [38.7, 39.5, 40.77, 41.0] {
                let back = p.invert(p.project(LonLat { lon, lat }));
                assert!((back.lon - lon).abs() < 1e-6, "lon {lon}");
                assert!((back.lat - lat).abs() < 1e-6, "lat {lat}");
            }
        }
    }

    #[test]
    fn fit_fills_one_side_and_centres_the_other() {
        for (w, h) in [(1000.0, 700.0), (360.0, 600.0), (700.0, 1000.0)] {
            let p = Projection::fit(FRAME, w, h, 10.0);
            let nw = p.project(LonLat {
                lon: FRAME.west,
                lat: FRAME.north,
            });
            let se = p.project(LonLat {
                lon: FRAME.east,
                lat: FRAME.south,
            });
            assert!(nw.x >= 10.0 - 1e-6 && nw.y >= 10.0 - 1e-6);
            assert!(se.x <= w - 10.0 + 1e-6 && se.y <= h - 10.0 + 1e-6);
            let fills_width = ((se.x - nw.x) - (w - 20.0)).abs() < 1e-6;
            let fills_height = ((se.y - nw.y) - (h - 20.0)).abs() < 1e-6;
            assert!(fills_width || fills_height, "{w}x{h}");
            assert!(((nw.x + se.x) / 2.0 - w / 2.0).abs() < 1e-6);
            assert!(((nw.y + se.y) / 2.0 - h / 2.0).abs() < 1e-6);
        }
    }

    #[test]
    fn north_is_up() {
        let p = Projection::fit(FRAME, 500.0, 500.0, 0.0);
        let south = p.project(LonLat {
            lon: 46.0,
            lat: 39.0,
        });
        let north = p.project(LonLat {
            lon: 46.0,
            lat: 40.0,
        });
        assert!(north.y < south.y);
    }

    #[test]
    fn scale_bar_picks_round_lengths_that_fit() {
        for (px_per_km, max_px, km) in [
            (2.0, 120.0, 50.0),
            (0.5, 120.0, 200.0),
            (30.0, 100.0, 2.0),
            (1.0, 99.0, 50.0),
        ] {
            let (got_km, px) = scale_bar(px_per_km, max_px);
            assert_eq!(got_km, km, "{px_per_km} {max_px}");
            assert!(px <= max_px && px > max_px / 5.0);
        }
    }

    #[test]
    fn a_degree_of_latitude_is_about_111_km() {
        let p = Projection::fit(FRAME, 1000.0, 700.0, 0.0);
        let a = p.project(LonLat {
            lon: 46.0,
            lat: 39.75,
        });
        let b = p.project(LonLat {
            lon: 46.0,
            lat: 40.25,
        });
        let km = (a.y - b.y) / p.px_per_km(40.0);
        assert!((km - 55.6).abs() < 0.5, "{km}");
    }

    #[test]
    fn bounds_around_positions() {
        let b = Bounds::around([
            LonLat {
                lon: 46.0,
                lat: 40.0,
            },
            LonLat {
                lon: 45.0,
                lat: 41.0,
            },
        ])
        .unwrap();
        assert_eq!(
            b,
            Bounds {
                west: 45.0,
                south: 40.0,
                east: 46.0,
                north: 41.0
            }
        );
        assert!(Bounds::around([]).is_none());
    }
}
