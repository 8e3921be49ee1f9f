//! Geometric validity, for the validator only (never in the map's WebAssembly, so the
//! `geo` crate stays out of it): lines and rings that cross themselves, holes that cross
//! or leave their exterior ring, holes that overlap, and polygons of one MultiPolygon
//! that overlap or share an edge (OGC Simple Features, as `geo`'s validation checks them).
//!
//! The rules are those of `geo`'s `Validation` for polygons and multipolygons, built
//! from the same parts of `geo`: [`Relate`] (DE-9IM) for how two rings lie, and the sweep
//! [`Intersections`] to find where they meet, so each line can say where. `Validation`
//! itself is not called: its ring self-intersection test compares every pair of
//! segments (20 s for one ring of 5,000 positions in a debug build), where the sweep
//! takes n log n. It also accepts lines that cross themselves (OGC allows them) and gives
//! no position; the sweep finds both.
//!
//! A line that crosses itself is an error, like the rest: every line of a story (a
//! contact line, a border, a river, a road drawn at the map's scale) that crosses itself
//! is a slip of the pen, drawn as a loop nobody meant. A line that really crosses itself
//! (a road over its own bridge) is written as a MultiLineString of two lines that meet
//! there: each line of a MultiLineString is checked on its own.

use std::collections::{BTreeMap, BTreeSet};

use geo::algorithm::coordinate_position::CoordPos;
use geo::algorithm::dimensions::Dimensions;
use geo::line_intersection::LineIntersection;
use geo::sweep::Cross;
use geo::{Coord, Intersections, Line, LineString, Polygon, Relate};

use crate::error::{DataError, Invalid, Item, Reason};
use crate::layer::Layer;
use crate::projection::LonLat;
use crate::shape::Shape;
use serde_json::Value;

/// The geometric problems of the features of `layers` (read from `files`, by name) that
/// have no problem in `known` yet: one thing at a time, and a feature the loader already
/// reports (an open ring, a wrong winding) is not checked again here.
pub fn layer_problems<'a>(
    files: &BTreeMap<String, String>,
    layers: impl IntoIterator<Item = &'a Layer>,
    known: &[DataError],
) -> Vec<DataError> {
    let reported: BTreeSet<(&str, &str)> = known
        .iter()
        .filter_map(|e| match &e.item {
            Some(Item::Feature(id)) => Some((e.file.as_str(), id.as_str())),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for layer in layers {
        let found: Vec<(&str, Part, Invalid)> = layer
            .features
            .iter()
            .filter(|f| !reported.contains(&(layer.file.as_str(), f.id.as_str())))
            .flat_map(|f| {
                problems(&f.shape)
                    .into_iter()
                    .map(|(part, why)| (f.id.as_str(), part, why))
            })
            .collect();
        if found.is_empty() {
            continue;
        }
        let places = places(files.get(&layer.file).map_or("", String::as_str));
        for (id, part, why) in found {
            let error = DataError::feature(&layer.file, id, Reason::Invalid(why));
            out.push(match places.get(id) {
                Some(&(index, multi)) => error.at(format!(
                    "features[{index}].geometry.coordinates{}",
                    part.path(multi)
                )),
                None => error,
            });
        }
    }
    out
}

/// Where each feature of a layer's text is, by id (the first with that id: later ones
/// were refused as duplicates), and whether its geometry is a Multi* one. Read only for a
/// layer with a problem to report, since the loaded shapes keep neither.
pub(super) fn places(text: &str) -> BTreeMap<String, (usize, bool)> {
    let mut out = BTreeMap::new();
    let Ok(root) = serde_json::from_str::<Value>(text) else {
        return out;
    };
    for (index, feature) in root["features"]
        .as_array()
        .into_iter()
        .flatten()
        .enumerate()
    {
        if let Some(id) = feature["id"].as_str() {
            let multi = feature["geometry"]["type"]
                .as_str()
                .is_some_and(|t| t.starts_with("Multi"));
            out.entry(id.to_string()).or_insert((index, multi));
        }
    }
    out
}

/// Which part of a geometry a problem is in: the line or polygon (its index among the
/// parts of a Multi* geometry, 0 otherwise) and, in a polygon, the ring.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Part {
    pub part: usize,
    pub ring: Option<usize>,
}

impl Part {
    /// The member path under the geometry's `coordinates` (`[1][0]` for the exterior of
    /// a MultiPolygon's second polygon, `[0]` for a Polygon's, `` for a LineString).
    pub fn path(&self, multi: bool) -> String {
        let mut path = String::new();
        if multi {
            path.push_str(&format!("[{}]", self.part));
        }
        if let Some(ring) = self.ring {
            path.push_str(&format!("[{ring}]"));
        }
        path
    }
}

/// Every geometric problem of a shape, in the order of its parts.
pub fn problems(shape: &Shape) -> Vec<(Part, Invalid)> {
    let mut out = Vec::new();
    match shape {
        Shape::Points(_) => {}
        Shape::Lines(lines) => {
            for (part, line) in lines.iter().enumerate() {
                if let Some(at) = self_crossing(line) {
                    out.push((Part { part, ring: None }, Invalid::LineCrossesItself { at }));
                }
            }
        }
        Shape::Areas(polygons) => {
            // Only polygons whose rings are simple are compared: on a ring that crosses
            // itself, inside and outside mean nothing.
            let mut simple = Vec::new();
            for (part, rings) in polygons.iter().enumerate() {
                let before = out.len();
                for (ring, positions) in rings.iter().enumerate() {
                    if let Some(at) = self_crossing(positions) {
                        let part = Part {
                            part,
                            ring: Some(ring),
                        };
                        out.push((part, Invalid::RingCrossesItself { ring, at }));
                    }
                }
                if out.len() == before {
                    out.extend(ring_problems(part, rings));
                    simple.push((part, polygon(rings)));
                }
            }
            for (k, (i, first)) in simple.iter().enumerate() {
                for (j, second) in &simple[k + 1..] {
                    if let Some(reason) = polygons_meet(*i, first, second) {
                        out.push((
                            Part {
                                part: *j,
                                ring: None,
                            },
                            reason,
                        ));
                    }
                }
            }
        }
    }
    out
}

/// How the rings of one polygon (with simple rings) lie: each hole inside the exterior
/// ring, touching it or another hole at single points at most, and no two holes
/// overlapping.
fn ring_problems(part: usize, rings: &[Vec<LonLat>]) -> Vec<(Part, Invalid)> {
    let mut out = Vec::new();
    let at_ring = |ring| Part {
        part,
        ring: Some(ring),
    };
    let exterior = Polygon::new(line_string(&rings[0]), vec![]);
    for (ring, hole) in rings.iter().enumerate().skip(1) {
        let matrix = exterior.relate(&line_string(hole));
        if !matrix.is_contains() {
            let at = meeting(&rings[0], hole).map(|(at, _)| at);
            out.push((at_ring(ring), Invalid::HoleNotInside { ring, at }));
        } else if matrix.get(CoordPos::OnBoundary, CoordPos::Inside) == Dimensions::OneDimensional {
            if let Some((at, _)) = meeting(&rings[0], hole) {
                out.push((
                    at_ring(ring),
                    Invalid::RingsShareEdge { ring, other: 0, at },
                ));
            }
        }
    }
    for (i, first) in rings.iter().enumerate().skip(1) {
        let first_area = Polygon::new(line_string(first), vec![]);
        for (j, second) in rings.iter().enumerate().skip(i + 1) {
            let matrix = first_area.relate(&Polygon::new(line_string(second), vec![]));
            let at = meeting(first, second);
            if matrix.get(CoordPos::Inside, CoordPos::Inside) == Dimensions::TwoDimensional {
                let at = at.map(|(at, _)| at);
                out.push((
                    at_ring(j),
                    Invalid::HolesOverlap {
                        ring: j,
                        other: i,
                        at,
                    },
                ));
            } else if matrix.get(CoordPos::OnBoundary, CoordPos::OnBoundary)
                == Dimensions::OneDimensional
            {
                if let Some((at, _)) = at {
                    out.push((
                        at_ring(j),
                        Invalid::RingsShareEdge {
                            ring: j,
                            other: i,
                            at,
                        },
                    ));
                }
            }
        }
    }
    out
}

/// Whether two polygons of one MultiPolygon overlap or share an edge (they may touch at
/// single points only). `first` is the index of the first one.
fn polygons_meet(first: usize, a: &Polygon, b: &Polygon) -> Option<Invalid> {
    let matrix = a.relate(b);
    let at = meeting_polygons(a, b);
    if matrix.get(CoordPos::Inside, CoordPos::Inside) == Dimensions::TwoDimensional {
        Some(Invalid::PolygonsOverlap {
            other: first,
            at: at.map(|(at, _)| at),
        })
    } else if matrix.get(CoordPos::OnBoundary, CoordPos::OnBoundary) == Dimensions::OneDimensional {
        let at = at?.0;
        Some(Invalid::PolygonsShareEdge { other: first, at })
    } else {
        None
    }
}

fn coord(p: LonLat) -> Coord {
    Coord { x: p.lon, y: p.lat }
}

fn lon_lat(c: Coord) -> LonLat {
    LonLat { lon: c.x, lat: c.y }
}

fn line_string(positions: &[LonLat]) -> LineString {
    LineString::new(positions.iter().copied().map(coord).collect())
}

fn polygon(rings: &[Vec<LonLat>]) -> Polygon {
    Polygon::new(
        line_string(&rings[0]),
        rings[1..].iter().map(|r| line_string(r)).collect(),
    )
}

/// A segment of a line, with the line (or ring) it belongs to and its place along it.
#[derive(Debug, Clone, Copy)]
struct Segment {
    line: Line,
    owner: usize,
    index: usize,
}

impl Cross for Segment {
    type Scalar = f64;
    fn line(&self) -> Line {
        self.line
    }
}

/// The segments of a line, repeated positions left out (a zero-length segment meets
/// everything at its one point), numbered along the line.
fn segments(positions: &[LonLat], owner: usize) -> Vec<Segment> {
    let mut coords: Vec<Coord> = positions.iter().copied().map(coord).collect();
    coords.dedup();
    coords
        .windows(2)
        .enumerate()
        .map(|(index, w)| Segment {
            line: Line::new(w[0], w[1]),
            owner,
            index,
        })
        .collect()
}

/// The first place (along the line) where a line or ring crosses or touches itself
/// anywhere but where consecutive segments join (a closed line also joins its last
/// segment to its first), or runs back over itself.
pub fn self_crossing(positions: &[LonLat]) -> Option<LonLat> {
    let segs = segments(positions, 0);
    let last = segs.len().checked_sub(1)?;
    let closed = segs.len() > 2 && segs[0].line.start == segs[last].line.end;
    Intersections::from_iter(segs)
        .filter_map(|(a, b, meet)| {
            let (a, b) = if a.index < b.index { (a, b) } else { (b, a) };
            // Where neighbours may meet: the one position they share.
            let shared = if b.index == a.index + 1 {
                Some(a.line.end)
            } else if closed && a.index == 0 && b.index == last {
                Some(a.line.start)
            } else {
                None
            };
            let (at, along) = point_of(meet, &a.line, true);
            let key = (a.index, b.index, along_segment(&a.line, at));
            (along || shared != Some(at)).then_some((key, at))
        })
        .min_by(|(x, _), (y, _)| x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.total_cmp(&y.2)))
        .map(|(_, at)| lon_lat(at))
}

/// Where two lines or rings first meet (in the order of the first), and whether they run
/// along each other there.
fn meeting(first: &[LonLat], second: &[LonLat]) -> Option<(LonLat, bool)> {
    let mut segs = segments(first, 0);
    segs.extend(segments(second, 1));
    first_meeting(segs)
}

/// Where the rings of two polygons first meet.
fn meeting_polygons(a: &Polygon, b: &Polygon) -> Option<(LonLat, bool)> {
    // Each ring's segments are numbered on their own: rings are never joined.
    let mut segs = Vec::new();
    for (owner, p) in [a, b].into_iter().enumerate() {
        for ring in std::iter::once(p.exterior()).chain(p.interiors()) {
            let positions: Vec<LonLat> = ring.coords().map(|c| lon_lat(*c)).collect();
            segs.extend(segments(&positions, owner));
        }
    }
    first_meeting(segs)
}

/// The first meeting of segments of different owners, a stretch in common before a
/// point (it says more), then in the order of the first owner's segments.
fn first_meeting(segs: Vec<Segment>) -> Option<(LonLat, bool)> {
    Intersections::from_iter(segs)
        .filter(|(a, b, _)| a.owner != b.owner)
        .map(|(a, b, meet)| {
            let first = if a.owner == 0 { a } else { b };
            let (at, along) = point_of(meet, &first.line, false);
            let key = (!along, first.index, along_segment(&first.line, at));
            (key, (lon_lat(at), along))
        })
        .min_by(|(x, _), (y, _)| x.0.cmp(&y.0).then(x.1.cmp(&y.1)).then(x.2.total_cmp(&y.2)))
        .map(|(_, found)| found)
}

/// How far `at` lies from the start of `segment` (squared, in degrees: for ordering).
fn along_segment(segment: &Line, at: Coord) -> f64 {
    let d = at - segment.start;
    d.x * d.x + d.y * d.y
}

/// A meeting as one point, and whether the segments overlap along a stretch there: for
/// a stretch, its end nearer the start of `segment` (where the stretch begins), or with
/// `tip` the farther one (where a line doubles back).
fn point_of(meet: LineIntersection<f64>, segment: &Line, tip: bool) -> (Coord, bool) {
    match meet {
        LineIntersection::SinglePoint { intersection, .. } => (intersection, false),
        LineIntersection::Collinear { intersection } => {
            let (s, e) = (intersection.start, intersection.end);
            let e_farther = along_segment(segment, e) > along_segment(segment, s);
            (if e_farther == tip { e } else { s }, s != e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pts(list: &[(f64, f64)]) -> Vec<LonLat> {
        list.iter().map(|&(lon, lat)| LonLat { lon, lat }).collect()
    }

    fn at(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    #[test]
    fn a_line_that_crosses_touches_or_doubles_back_on_itself_is_found_where() {
        let bow = pts(&[(0.0, 0.0), (2.0, 2.0), (2.0, 0.0), (0.0, 2.0)]);
        assert_eq!(self_crossing(&bow), Some(at(1.0, 1.0)));
        let back = pts(&[(0.0, 0.0), (2.0, 0.0), (1.0, 0.0)]);
        assert_eq!(self_crossing(&back), Some(at(2.0, 0.0)));
        // Through one of its own positions, away from its neighbours.
        let touch = pts(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.5, 0.5), (1.0, 0.0)]);
        assert!(self_crossing(&touch).is_some());
    }

    #[test]
    fn closed_rings_repeated_positions_and_straight_lines_are_fine() {
        let ring = pts(&[(0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 0.0)]);
        assert_eq!(self_crossing(&ring), None);
        let twice = pts(&[(0.0, 0.0), (1.0, 0.0), (1.0, 0.0), (1.0, 1.0)]);
        assert_eq!(self_crossing(&twice), None);
        let straight = pts(&[(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)]);
        assert_eq!(self_crossing(&straight), None);
        let one = pts(&[(0.0, 0.0), (0.0, 0.0)]);
        assert_eq!(self_crossing(&one), None);
    }

    fn square(x: f64, y: f64, size: f64, clockwise: bool) -> Vec<LonLat> {
        let mut ring = pts(&[
            (x, y),
            (x + size, y),
            (x + size, y + size),
            (x, y + size),
            (x, y),
        ]);
        if clockwise {
            ring.reverse();
        }
        ring
    }

    fn reasons(shape: Shape) -> Vec<(Part, Invalid)> {
        problems(&shape)
    }

    #[test]
    fn holes_must_lie_inside_apart() {
        let outer = square(0.0, 0.0, 4.0, false);
        let sound = Shape::Areas(vec![vec![
            outer.clone(),
            square(1.0, 1.0, 1.0, true),
            square(2.0, 2.0, 1.0, true),
        ]]);
        assert_eq!(reasons(sound), vec![]);

        let crossing = Shape::Areas(vec![vec![outer.clone(), square(3.0, 1.0, 2.0, true)]]);
        assert_eq!(
            reasons(crossing),
            vec![(
                Part {
                    part: 0,
                    ring: Some(1)
                },
                Invalid::HoleNotInside {
                    ring: 1,
                    at: Some(at(4.0, 1.0))
                }
            )]
        );

        let outside = Shape::Areas(vec![vec![outer.clone(), square(5.0, 5.0, 1.0, true)]]);
        assert_eq!(
            reasons(outside)[0].1,
            Invalid::HoleNotInside { ring: 1, at: None }
        );

        let overlapping = Shape::Areas(vec![vec![
            outer.clone(),
            square(1.0, 1.0, 2.0, true),
            square(2.0, 2.0, 1.5, true),
        ]]);
        assert!(matches!(
            reasons(overlapping)[..],
            [(
                _,
                Invalid::HolesOverlap {
                    ring: 2,
                    other: 1,
                    at: Some(_)
                }
            )]
        ));

        let along = Shape::Areas(vec![vec![outer, square(0.0, 1.0, 1.0, true)]]);
        assert!(matches!(
            reasons(along)[..],
            [(
                _,
                Invalid::RingsShareEdge {
                    ring: 1,
                    other: 0,
                    ..
                }
            )]
        ));
    }

    #[test]
    fn polygons_of_one_multipolygon_touch_at_points_at_most() {
        let apart = Shape::Areas(vec![
            vec![square(0.0, 0.0, 1.0, false)],
            vec![square(1.0, 1.0, 1.0, false)],
        ]);
        assert_eq!(reasons(apart), vec![]);
        let overlap = Shape::Areas(vec![
            vec![square(0.0, 0.0, 2.0, false)],
            vec![square(1.0, 1.0, 2.0, false)],
        ]);
        assert_eq!(
            reasons(overlap),
            vec![(
                Part {
                    part: 1,
                    ring: None
                },
                Invalid::PolygonsOverlap {
                    other: 0,
                    at: Some(at(2.0, 1.0))
                }
            )]
        );
        let inside = Shape::Areas(vec![
            vec![square(0.0, 0.0, 4.0, false)],
            vec![square(1.0, 1.0, 1.0, false)],
        ]);
        assert_eq!(
            reasons(inside)[0].1,
            Invalid::PolygonsOverlap { other: 0, at: None }
        );
        let edge = Shape::Areas(vec![
            vec![square(0.0, 0.0, 1.0, false)],
            vec![square(1.0, 0.0, 1.0, false)],
        ]);
        assert!(matches!(
            reasons(edge)[..],
            [(_, Invalid::PolygonsShareEdge { other: 0, .. })]
        ));
    }

    #[test]
    fn paths_name_the_part_and_the_ring() {
        let p = Part {
            part: 1,
            ring: Some(0),
        };
        assert_eq!(p.path(true), "[1][0]");
        assert_eq!(p.path(false), "[0]");
        assert_eq!(
            Part {
                part: 0,
                ring: None
            }
            .path(false),
            ""
        );
    }
}
