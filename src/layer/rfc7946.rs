//! The rules of RFC 7946, checked on the JSON value the loader parsed once, before
//! anything is read into the project's types: the collection and feature members, `type`
//! names and their case, members that change an object's meaning (section 7.1), `bbox`,
//! `crs`, positions, lines, rings (closure, length, winding) and GeometryCollections.
//!
//! Each problem carries the member path where it is (`features[3].geometry.coordinates[0]`).
//! A problem that keeps the map from drawing a feature refuses it (`Err`); the others
//! (an open ring, a wrong winding, a `bbox` in the wrong order...) are reported and the
//! feature is drawn all the same.

use serde_json::{Map, Value};

use crate::error::Reason;
use crate::projection::LonLat;
use crate::shape::Shape;

/// A problem and the member path where it is.
pub type Problem = (String, Reason);

const GEOMETRY_TYPES: [&str; 7] = [
    "Point",
    "MultiPoint",
    "LineString",
    "MultiLineString",
    "Polygon",
    "MultiPolygon",
    "GeometryCollection",
];

/// What a JSON value is, in an editor's words (never the value itself when it is large).
pub fn describe(value: &Value) -> String {
    match value {
        Value::Null => "null".into(),
        Value::Bool(b) => if *b { "true" } else { "false" }.into(),
        Value::Number(_) => "a number".into(),
        Value::String(s) if s.chars().count() > 40 => {
            let short: String = s.chars().take(40).collect();
            format!("the text \"{short}…\"")
        }
        Value::String(s) => format!("the text \"{s}\""),
        Value::Array(_) => "a list".into(),
        Value::Object(_) => "an object".into(),
    }
}

/// Joins a member path and a member name.
fn member(at: &str, name: &str) -> String {
    if at.is_empty() {
        name.to_string()
    } else {
        format!("{at}.{name}")
    }
}

/// The object's `type`, checked: exactly one of `wanted` (with the right case).
fn type_of<'a>(
    object: &'a Map<String, Value>,
    at: &str,
    what: &'static str,
    wanted: &[&'static str],
) -> Result<&'a str, Problem> {
    let Some(found) = object.get("type") else {
        return Err((member(at, "type"), Reason::MissingType { what }));
    };
    let Some(found) = found.as_str() else {
        return Err((member(at, "type"), Reason::MissingType { what }));
    };
    if let Some(want) = wanted
        .iter()
        .find(|w| **w != found && w.eq_ignore_ascii_case(found))
    {
        return Err((
            member(at, "type"),
            Reason::TypeCase {
                found: found.to_string(),
                want,
            },
        ));
    }
    Ok(found)
}

/// Members of `object` that RFC 7946 section 7.1 forbids on it, `crs`, and `bbox`.
fn check_members(
    object: &Map<String, Value>,
    at: &str,
    on: &'static str,
    forbidden: &[&str],
    warn: &mut Vec<Problem>,
) {
    for name in forbidden {
        if object.contains_key(*name) {
            warn.push((
                member(at, name),
                Reason::ForeignMember {
                    member: name.to_string(),
                    on,
                },
            ));
        }
    }
    if object.contains_key("crs") {
        warn.push((member(at, "crs"), Reason::CrsMember));
    }
    if let Some(bbox) = object.get("bbox") {
        if let Some(reason) = bbox_problem(bbox) {
            warn.push((member(at, "bbox"), reason));
        }
    }
}

/// What is wrong with a `bbox`, if anything (RFC 7946 section 5).
fn bbox_problem(bbox: &Value) -> Option<Reason> {
    let numbers: Option<Vec<f64>> = bbox
        .as_array()
        .and_then(|b| b.iter().map(Value::as_f64).collect());
    let Some(b) = numbers else {
        return Some(Reason::BboxNotNumbers);
    };
    let (west, south, east, north, low_high) = match b.as_slice() {
        [w, s, e, n] => (*w, *s, *e, *n, None),
        [w, s, lo, e, n, hi] => (*w, *s, *e, *n, Some((*lo, *hi))),
        _ => return Some(Reason::BboxLength { count: b.len() }),
    };
    let lon = |v: f64| (-180.0..=180.0).contains(&v);
    let lat = |v: f64| (-90.0..=90.0).contains(&v);
    if !(lon(west) && lon(east) && lat(south) && lat(north)) {
        return Some(Reason::BboxOutOfRange);
    }
    // West above east is allowed: the box then crosses the antimeridian.
    if south > north {
        return Some(Reason::BboxReversed {
            axis: "south and north",
        });
    }
    if low_high.is_some_and(|(lo, hi)| lo > hi) {
        return Some(Reason::BboxReversed { axis: "altitudes" });
    }
    None
}

/// The top level of a layer: a FeatureCollection with its `features`.
pub fn collection<'a>(root: &'a Value, warn: &mut Vec<Problem>) -> Result<&'a [Value], Problem> {
    let Some(object) = root.as_object() else {
        return Err((
            String::new(),
            Reason::NotAnObject {
                what: "the file",
                found: describe(root),
            },
        ));
    };
    let mut wanted = vec!["FeatureCollection", "Feature"];
    wanted.extend(GEOMETRY_TYPES);
    let kind = type_of(object, "", "the file", &wanted)?;
    if kind != "FeatureCollection" {
        return Err((
            "type".into(),
            Reason::NotACollection {
                found: kind.to_string(),
            },
        ));
    }
    let Some(features) = object.get("features").and_then(Value::as_array) else {
        return Err(("features".into(), Reason::NoFeatures));
    };
    check_members(
        object,
        "",
        "a FeatureCollection",
        &["coordinates", "geometries", "geometry", "properties"],
        warn,
    );
    Ok(features)
}

/// A feature's own members: it is an object of type `Feature`, with no member that
/// changes its meaning. Returns the object.
pub fn feature<'a>(
    value: &'a Value,
    at: &str,
    warn: &mut Vec<Problem>,
) -> Result<&'a Map<String, Value>, Problem> {
    let Some(object) = value.as_object() else {
        return Err((
            at.to_string(),
            Reason::NotAnObject {
                what: "the feature",
                found: describe(value),
            },
        ));
    };
    let kind = type_of(object, at, "the feature", &["Feature"])?;
    if kind != "Feature" {
        return Err((
            member(at, "type"),
            Reason::NotAFeature {
                found: kind.to_string(),
            },
        ));
    }
    check_members(
        object,
        at,
        "a Feature",
        &["coordinates", "geometries", "features"],
        warn,
    );
    Ok(object)
}

/// A feature's `geometry`, read into a [`Shape`].
pub fn geometry(value: &Value, at: &str, warn: &mut Vec<Problem>) -> Result<Shape, Problem> {
    if value.is_null() {
        return Err((at.to_string(), Reason::NoGeometry));
    }
    let Some(object) = value.as_object() else {
        return Err((
            at.to_string(),
            Reason::NotAnObject {
                what: "the geometry",
                found: describe(value),
            },
        ));
    };
    let kind = type_of(object, at, "the geometry", &GEOMETRY_TYPES)?;
    if !GEOMETRY_TYPES.contains(&kind) {
        return Err((
            member(at, "type"),
            Reason::UnknownGeometryType {
                found: kind.to_string(),
            },
        ));
    }
    check_members(
        object,
        at,
        "a geometry",
        &["geometry", "properties", "features"],
        warn,
    );
    if kind == "GeometryCollection" {
        let nested = object
            .get("geometries")
            .and_then(Value::as_array)
            .is_some_and(|gs| {
                gs.iter()
                    .any(|g| g.get("type").and_then(Value::as_str) == Some("GeometryCollection"))
            });
        return Err((at.to_string(), Reason::GeometryCollection { nested }));
    }
    let at = member(at, "coordinates");
    let Some(c) = object.get("coordinates") else {
        return Err((at, Reason::NoCoordinates));
    };
    let shape = match kind {
        "Point" => Shape::Points(vec![position(c, &at, warn)?]),
        "MultiPoint" => Shape::Points(positions(c, &at, warn)?),
        "LineString" => Shape::Lines(vec![line(c, &at, warn)?]),
        "MultiLineString" => Shape::Lines(
            list(c, &at, "a list of lines")?
                .iter()
                .enumerate()
                .map(|(i, l)| line(l, &format!("{at}[{i}]"), warn))
                .collect::<Result<_, _>>()?,
        ),
        "Polygon" => Shape::Areas(vec![polygon(c, &at, warn)?]),
        _ => Shape::Areas(
            list(c, &at, "a list of polygons")?
                .iter()
                .enumerate()
                .map(|(i, p)| polygon(p, &format!("{at}[{i}]"), warn))
                .collect::<Result<_, _>>()?,
        ),
    };
    let empty = match &shape {
        Shape::Points(p) => p.is_empty(),
        Shape::Lines(l) => l.is_empty(),
        Shape::Areas(a) => a.is_empty(),
    };
    if empty {
        return Err((at, Reason::EmptyGeometry));
    }
    Ok(shape)
}

fn list<'a>(value: &'a Value, at: &str, want: &'static str) -> Result<&'a [Value], Problem> {
    value.as_array().map(Vec::as_slice).ok_or_else(|| {
        (
            at.to_string(),
            Reason::CoordinatesShape {
                want,
                found: describe(value),
            },
        )
    })
}

/// One position: 2 numbers, or 3 with an altitude (more are reported once per geometry
/// and ignored).
pub fn position(value: &Value, at: &str, warn: &mut Vec<Problem>) -> Result<LonLat, Problem> {
    let numbers = list(value, at, "a position [longitude, latitude]")?;
    if numbers.len() < 2 {
        return Err((
            at.to_string(),
            Reason::PositionLength {
                count: numbers.len(),
            },
        ));
    }
    for (i, n) in numbers.iter().enumerate() {
        if !n.is_number() {
            return Err((
                format!("{at}[{i}]"),
                Reason::NotANumber { found: describe(n) },
            ));
        }
    }
    let too_long = |(_, r): &Problem| matches!(r, Reason::PositionLength { .. });
    if numbers.len() > 3 && !warn.iter().any(too_long) {
        warn.push((
            at.to_string(),
            Reason::PositionLength {
                count: numbers.len(),
            },
        ));
    }
    let lon = numbers[0].as_f64().unwrap_or(f64::NAN);
    let lat = numbers[1].as_f64().unwrap_or(f64::NAN);
    if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) {
        Ok(LonLat { lon, lat })
    } else {
        Err((at.to_string(), Reason::Coordinate { lon, lat }))
    }
}

fn positions(value: &Value, at: &str, warn: &mut Vec<Problem>) -> Result<Vec<LonLat>, Problem> {
    list(value, at, "a list of positions")?
        .iter()
        .enumerate()
        .map(|(i, p)| position(p, &format!("{at}[{i}]"), warn))
        .collect()
}

fn line(value: &Value, at: &str, warn: &mut Vec<Problem>) -> Result<Vec<LonLat>, Problem> {
    let line = positions(value, at, warn)?;
    if line.len() < 2 {
        return Err((at.to_string(), Reason::LineTooShort { count: line.len() }));
    }
    Ok(line)
}

fn polygon(value: &Value, at: &str, warn: &mut Vec<Problem>) -> Result<Vec<Vec<LonLat>>, Problem> {
    let rings = list(value, at, "a list of rings")?;
    if rings.is_empty() {
        return Err((at.to_string(), Reason::EmptyGeometry));
    }
    let mut out = Vec::with_capacity(rings.len());
    for (r, ring) in rings.iter().enumerate() {
        let at = format!("{at}[{r}]");
        let ring = positions(ring, &at, warn)?;
        if ring.len() < 4 {
            return Err((
                at,
                Reason::RingTooShort {
                    ring: r,
                    count: ring.len(),
                },
            ));
        }
        if ring.first() != ring.last() {
            warn.push((at, Reason::RingNotClosed { ring: r }));
        } else {
            let area = signed_area(&ring);
            if (r == 0 && area < 0.0) || (r > 0 && area > 0.0) {
                warn.push((at, Reason::RingWinding { ring: r }));
            }
        }
        out.push(ring);
    }
    Ok(out)
}

/// Twice the signed area (shoelace, lon/lat as a plane): positive when counter-clockwise.
fn signed_area(ring: &[LonLat]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].lon * w[1].lat - w[1].lon * w[0].lat)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn geometry_problems(text: &str) -> (Result<Shape, Problem>, Vec<Problem>) {
        let value: Value = serde_json::from_str(text).unwrap();
        let mut warn = Vec::new();
        let shape = geometry(&value, "g", &mut warn);
        (shape, warn)
    }

    #[test]
    fn geometry_rules_refuse_or_warn_with_their_path() {
        let ccw = "[[0,0],[1,0],[1,1],[0,0]]";
        let cw = "[[0,0],[1,1],[1,0],[0,0]]";
        // (geometry, refused, the problem's path, the reason's start)
        let cases: Vec<(String, bool, &str, &str)> = vec![
            (format!(r#"{{"type":"Polygon","coordinates":[{cw}]}}"#), false, "g.coordinates[0]", "the exterior ring is clockwise"),
            (format!(r#"{{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],{ccw}]}}"#), false, "g.coordinates[1]", "hole 1 is counter-clockwise"),
            (r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#.into(), false, "g.coordinates[0]", "the exterior ring is not closed"),
            (r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#.into(), true, "g.coordinates[0]", "the exterior ring has 3 position(s)"),
            (r#"{"type":"Point","coordinates":[200,10]}"#.into(), true, "g.coordinates", "coordinate out of range"),
            (r#"{"type":"Point","coordinates":[1]}"#.into(), true, "g.coordinates", "a position has 1 number(s)"),
            (r#"{"type":"LineString","coordinates":[[1,2,3,4],[0,0]]}"#.into(), false, "g.coordinates[0]", "a position has 4 number(s)"),
            (r#"{"type":"LineString","coordinates":[[1,2]]}"#.into(), true, "g.coordinates", "a line has 1 position(s)"),
            (r#"{"type":"LineString","coordinates":[[1,"2"],[0,0]]}"#.into(), true, "g.coordinates[0][1]", "a coordinate is the text \"2\""),
            (format!(r#"{{"type":"MultiPolygon","coordinates":[[{ccw}],[{cw}]]}}"#), false, "g.coordinates[1][0]", "the exterior ring is clockwise"),
            (r#"{"type":"polygon","coordinates":[]}"#.into(), true, "g.type", "\"type\" is \"polygon\""),
            (r#"{"type":"Circle","coordinates":[1,2]}"#.into(), true, "g.type", "geometry type \"Circle\""),
            (r#"{"type":"Point"}"#.into(), true, "g.coordinates", "the geometry has no \"coordinates\""),
            (r#"{"type":"Point","coordinates":[1,2],"properties":{}}"#.into(), false, "g.properties", "has a \"properties\" member, which a geometry must not have"),
            (r#"{"type":"Point","coordinates":[1,2],"bbox":[1,2,1]}"#.into(), false, "g.bbox", "\"bbox\" has 3 number(s)"),
            (r#"{"type":"Point","coordinates":[1,2],"bbox":[0,3,2,1]}"#.into(), false, "g.bbox", "\"bbox\" has its south and north reversed"),
            (r#"{"type":"Point","coordinates":[1,2],"bbox":[0,1,5,3,4,2]}"#.into(), false, "g.bbox", "\"bbox\" has its altitudes reversed"),
            (r#"{"type":"Point","coordinates":[1,2],"bbox":[0,1,200,3]}"#.into(), false, "g.bbox", "\"bbox\" goes outside"),
            (r#"{"type":"Point","coordinates":[1,2],"bbox":"x"}"#.into(), false, "g.bbox", "\"bbox\" is not a list"),
            (r#"{"type":"GeometryCollection","geometries":[{"type":"GeometryCollection","geometries":[]}]}"#.into(), true, "g", "is a GeometryCollection holding another"),
            (r#"{"type":"MultiLineString","coordinates":[[1,2],[3,4]]}"#.into(), true, "g.coordinates[0][0]", "is a number, where the geometry needs a position [longitude, latitude]"),
        ];
        for (text, refused, path, want) in cases {
            let (shape, warn) = geometry_problems(&text);
            let problems: Vec<Problem> = match shape {
                Ok(_) => warn,
                Err(p) => vec![p],
            };
            assert_eq!(problems.len(), 1, "{text}: {problems:?}");
            let (at, reason) = &problems[0];
            assert_eq!(geometry_problems(&text).0.is_err(), refused, "{text}");
            assert_eq!(at, path, "{text}");
            assert!(reason.to_string().starts_with(want), "{text}: {reason}");
        }
    }

    #[test]
    fn a_bbox_across_the_antimeridian_and_sound_geometries_pass() {
        for text in [
            r#"{"type":"Point","coordinates":[179.5,2],"bbox":[179,1,-179,3]}"#,
            r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}"#,
            r#"{"type":"LineString","coordinates":[[0,0,12],[1,1,15]]}"#,
        ] {
            let (shape, warn) = geometry_problems(text);
            assert!(
                shape.is_ok() && warn.is_empty(),
                "{text}: {shape:?} {warn:?}"
            );
        }
    }

    #[test]
    fn the_top_level_says_how_to_wrap_a_feature_or_a_geometry() {
        let cases = [
            (
                r#"{"type":"Feature"}"#,
                "wrap it as {\"type\": \"FeatureCollection\"",
            ),
            (
                r#"{"type":"Polygon","coordinates":[]}"#,
                "found a bare Polygon geometry: wrap it",
            ),
            (
                r#"{"type":"featurecollection","features":[]}"#,
                "write \"FeatureCollection\"",
            ),
            (r#"{"features":[]}"#, "the file has no \"type\" member"),
            ("[1, 2]", "the file is a list, not a JSON object"),
            (r#"{"type":"FeatureCollection"}"#, "no \"features\" array"),
        ];
        for (text, want) in cases {
            let value: Value = serde_json::from_str(text).unwrap();
            let (_, reason) = collection(&value, &mut Vec::new()).unwrap_err();
            assert!(reason.to_string().contains(want), "{text}: {reason}");
        }
    }
}
