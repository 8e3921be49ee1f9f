//! Geometry to SVG path data: pure, with fixed rounding, computed once per projection
//! (never per pan/zoom frame: the view moves one `transform`).

use std::fmt::Write;

use crate::layer::Shape;
use crate::projection::{Point, Projection};

/// SVG path data for a line or area shape, coordinates rounded to 0.1 unit.
/// Points have no path: see [`point_positions`].
///
/// # Examples
/// ```
/// use ceasefire_map::layer::Shape;
/// use ceasefire_map::projection::{LonLat, Point, Projection};
/// use ceasefire_map::render::path_d;
/// // One SVG unit per degree of longitude.
/// let p = Projection { scale: 180.0 / std::f64::consts::PI, translate: Point { x: 0.0, y: 0.0 } };
/// let line = Shape::Lines(vec![vec![LonLat { lon: 0.0, lat: 0.0 }, LonLat { lon: 10.0, lat: 0.0 }]]);
/// assert_eq!(path_d(&line, &p), "M0,0L10,0");
/// ```
pub fn path_d(shape: &Shape, projection: &Projection) -> String {
    let mut d = String::new();
    match shape {
        Shape::Points(_) => {}
        Shape::Lines(lines) => {
            for l in lines {
                ring_d(&mut d, l.iter().map(|p| projection.project(*p)), false);
            }
        }
        Shape::Areas(polygons) => {
            for ring in polygons.iter().flatten() {
                // GeoJSON repeats the first position last; "Z" closes the ring instead.
                let open = match ring.split_last() {
                    Some((last, rest)) if rest.first() == Some(last) => rest,
                    _ => ring.as_slice(),
                };
                ring_d(&mut d, open.iter().map(|p| projection.project(*p)), true);
            }
        }
    }
    d
}

/// The projected positions of a point shape (empty for other shapes).
pub fn point_positions(shape: &Shape, projection: &Projection) -> Vec<Point> {
    match shape {
        Shape::Points(points) => points.iter().map(|p| projection.project(*p)).collect(),
        _ => Vec::new(),
    }
}

/// Rounds to one decimal, writing `-0` as `0`.
pub fn round1(v: f64) -> f64 {
    let r = (v * 10.0).round() / 10.0;
    if r == 0.0 {
        0.0
    } else {
        r
    }
}

fn ring_d(d: &mut String, points: impl Iterator<Item = Point>, close: bool) {
    let mut last: Option<(f64, f64)> = None;
    for (i, p) in points.enumerate() {
        let (x, y) = (round1(p.x), round1(p.y));
        if i > 0 && last == Some((x, y)) {
            continue; // same pixel tenth: drop it, it draws nothing
        }
        let cmd = if i == 0 { 'M' } else { 'L' };
        let _ = write!(d, "{cmd}{x},{y}");
        last = Some((x, y));
    }
    if close && last.is_some() {
        d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::LonLat;

    fn unit() -> Projection {
        Projection {
            scale: 180.0 / std::f64::consts::PI,
            translate: Point { x: 0.0, y: 0.0 },
        }
    }

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn paths_for_lines_and_areas() {
        let p = unit();
        let cases = [
            (
                Shape::Lines(vec![vec![
                    ll(1.0, 0.0),
                    ll(2.0, 0.0),
                    ll(2.0, 0.0),
                    ll(3.5, 0.0),
                ]]),
                "M1,0L2,0L3.5,0",
            ),
            (
                Shape::Areas(vec![vec![vec![
                    ll(0.0, 0.0),
                    ll(1.0, 0.0),
                    ll(1.0, 0.0),
                    ll(0.0, 0.0),
                ]]]),
                "M0,0L1,0Z",
            ),
            (Shape::Points(vec![ll(1.0, 1.0)]), ""),
        ];
        for (shape, want) in cases {
            assert_eq!(path_d(&shape, &p), want);
        }
    }

    #[test]
    fn y_points_down_and_rounding_is_fixed() {
        let p = unit();
        let d = path_d(&Shape::Lines(vec![vec![ll(0.04, 0.0), ll(0.0, 1.0)]]), &p);
        // 1 degree north is about 1.0 Mercator-degree up, so y is negative.
        assert_eq!(d, "M0,0L0,-1");
        assert_eq!(round1(-0.04), 0.0);
        assert_eq!(round1(2.25), 2.3);
    }

    #[test]
    fn points_are_positions_not_paths() {
        let pts = point_positions(&Shape::Points(vec![ll(0.0, 0.0)]), &unit());
        assert_eq!(pts.len(), 1);
        assert!(pts[0].x.abs() < 1e-9 && pts[0].y.abs() < 1e-9);
    }
}
