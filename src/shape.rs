//! A geometry flattened to what the map draws: points, lines or areas, in lon/lat.

use crate::projection::{LonLat, Point, Projection};

/// A geometry, flattened to what the map draws.
#[derive(Debug, Clone, PartialEq)]
pub enum Shape {
    /// One or more points.
    Points(Vec<LonLat>),
    /// One or more lines.
    Lines(Vec<Vec<LonLat>>),
    /// One or more polygons, each a list of rings (exterior first, then holes).
    Areas(Vec<Vec<Vec<LonLat>>>),
}

impl Shape {
    /// Every position of the shape.
    pub fn positions(&self) -> Box<dyn Iterator<Item = LonLat> + '_> {
        match self {
            Shape::Points(p) => Box::new(p.iter().copied()),
            Shape::Lines(l) => Box::new(l.iter().flatten().copied()),
            Shape::Areas(a) => Box::new(a.iter().flatten().flatten().copied()),
        }
    }
}

impl Shape {
    /// The projected positions of a point shape (empty for lines and areas, whose path
    /// data comes from [`crate::svg::path`]).
    pub fn projected_points(&self, projection: &Projection) -> Vec<Point> {
        match self {
            Shape::Points(points) => points.iter().map(|p| projection.project(*p)).collect(),
            _ => Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_positions_not_paths() {
        let unit = Projection {
            scale: 180.0 / std::f64::consts::PI,
            translate: Point { x: 0.0, y: 0.0 },
        };
        let origin = LonLat { lon: 0.0, lat: 0.0 };
        let pts = Shape::Points(vec![origin]).projected_points(&unit);
        assert_eq!(pts.len(), 1);
        assert!(pts[0].x.abs() < 1e-9 && pts[0].y.abs() < 1e-9);
        assert!(Shape::Lines(vec![vec![origin, origin]])
            .projected_points(&unit)
            .is_empty());
    }
}
