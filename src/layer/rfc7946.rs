//! The RFC 7946 rules that a GeoJSON file can break without failing to parse: a `crs`
//! member, positions of the wrong length, unclosed or too-short rings, rings wound the
//! wrong way. The loader draws what it can; the validator reports all of these.

use serde_json::Value;

use crate::error::{DataError, Reason};

/// Checks one FeatureCollection's text. Parse errors are left to the loader.
pub fn check(file: &str, text: &str) -> Vec<DataError> {
    let Ok(root) = serde_json::from_str::<Value>(text) else {
        return Vec::new();
    };
    let features = root.get("features").and_then(Value::as_array);
    check_collection(
        file,
        root.get("crs").is_some(),
        features.map_or(&[], Vec::as_slice),
    )
}

/// [`check`] on a collection already parsed: whether it has a `crs` member, and its
/// features as JSON values.
pub fn check_collection(file: &str, has_crs: bool, features: &[Value]) -> Vec<DataError> {
    let mut out = Vec::new();
    if has_crs {
        out.push(DataError::file(file, Reason::CrsMember));
    }
    for (i, feature) in features.iter().enumerate() {
        let label = feature
            .get("id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| format!("#{}", i + 1));
        let mut problems = Vec::new();
        if feature.get("crs").is_some() {
            problems.push("has a \"crs\" member, which RFC 7946 removed".to_string());
        }
        if let Some(geometry) = feature.get("geometry").filter(|g| !g.is_null()) {
            check_geometry(geometry, &mut problems);
        }
        out.extend(
            problems
                .into_iter()
                .map(|p| DataError::feature(file, label.clone(), Reason::Geometry(p))),
        );
    }
    out
}

fn check_geometry(geometry: &Value, problems: &mut Vec<String>) {
    let coordinates = geometry.get("coordinates");
    match geometry.get("type").and_then(Value::as_str) {
        Some("Point") => check_position(coordinates, problems),
        Some("MultiPoint") | Some("LineString") => {
            each(coordinates, |p| check_position(Some(p), problems))
        }
        Some("MultiLineString") => each(coordinates, |l| {
            each(Some(l), |p| check_position(Some(p), problems))
        }),
        Some("Polygon") => check_polygon(coordinates, problems),
        Some("MultiPolygon") => each(coordinates, |p| check_polygon(Some(p), problems)),
        Some("GeometryCollection") => {
            each(geometry.get("geometries"), |g| check_geometry(g, problems))
        }
        _ => {}
    }
}

fn each<'a>(value: Option<&'a Value>, mut f: impl FnMut(&'a Value)) {
    if let Some(items) = value.and_then(Value::as_array) {
        items.iter().for_each(&mut f);
    }
}

fn position(value: &Value) -> Option<(f64, f64)> {
    let p = value.as_array()?;
    if !(2..=3).contains(&p.len()) {
        return None;
    }
    Some((p[0].as_f64()?, p[1].as_f64()?))
}

fn check_position(value: Option<&Value>, problems: &mut Vec<String>) {
    match value.and_then(position) {
        Some((lon, lat)) if (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat) => {}
        Some((lon, lat)) => problems.push(format!(
            "position [{lon}, {lat}] is outside lon -180..180, lat -90..90"
        )),
        None => problems.push(format!(
            "position {} is not 2 or 3 numbers",
            value.map(Value::to_string).unwrap_or_default()
        )),
    }
}

/// Twice the signed area (shoelace, lon/lat as a plane): positive when counter-clockwise.
fn signed_area(ring: &[(f64, f64)]) -> f64 {
    ring.windows(2)
        .map(|w| w[0].0 * w[1].1 - w[1].0 * w[0].1)
        .sum()
}

fn check_polygon(value: Option<&Value>, problems: &mut Vec<String>) {
    let Some(rings) = value.and_then(Value::as_array) else {
        problems.push("a polygon's coordinates are not an array of rings".into());
        return;
    };
    for (r, ring) in rings.iter().enumerate() {
        let Some(positions) = ring.as_array() else {
            problems.push(format!("ring {r} is not an array"));
            continue;
        };
        for p in positions {
            check_position(Some(p), problems);
        }
        let ring: Vec<(f64, f64)> = positions.iter().filter_map(position).collect();
        let which = if r == 0 {
            "the exterior ring".to_string()
        } else {
            format!("hole {r}")
        };
        if ring.len() < 4 {
            problems.push(format!(
                "{which} has {} positions, fewer than 4",
                ring.len()
            ));
            continue;
        }
        if ring.first() != ring.last() {
            problems.push(format!(
                "{which} is not closed (its last position differs from its first)"
            ));
            continue;
        }
        let area = signed_area(&ring);
        if r == 0 && area < 0.0 {
            problems
                .push("the exterior ring is clockwise; RFC 7946 wants counter-clockwise".into());
        } else if r > 0 && area > 0.0 {
            problems.push(format!(
                "{which} is counter-clockwise; RFC 7946 wants holes clockwise"
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collection(geometry: &str) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","id":"f","geometry":{geometry},"properties":{{}}}}]}}"#
        )
    }

    #[test]
    fn finds_each_rule_broken() {
        let ccw = "[[0,0],[1,0],[1,1],[0,0]]";
        let cw = "[[0,0],[1,1],[1,0],[0,0]]";
        let cases = [
            (
                format!(r#"{{"type":"Polygon","coordinates":[{ccw}]}}"#),
                None,
            ),
            (
                format!(r#"{{"type":"Polygon","coordinates":[{cw}]}}"#),
                Some("exterior ring is clockwise"),
            ),
            (
                format!(
                    r#"{{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,4],[0,0]],{ccw}]}}"#
                ),
                Some("hole 1 is counter-clockwise"),
            ),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1]]]}"#.into(),
                Some("is not closed"),
            ),
            (
                r#"{"type":"Polygon","coordinates":[[[0,0],[1,0],[0,0]]]}"#.into(),
                Some("fewer than 4"),
            ),
            (
                r#"{"type":"Point","coordinates":[200,10]}"#.into(),
                Some("outside lon -180..180"),
            ),
            (
                r#"{"type":"Point","coordinates":[1]}"#.into(),
                Some("is not 2 or 3 numbers"),
            ),
            (
                r#"{"type":"LineString","coordinates":[[1,2,3,4],[0,0]]}"#.into(),
                Some("is not 2 or 3 numbers"),
            ),
            (
                format!(r#"{{"type":"MultiPolygon","coordinates":[[{ccw}],[{cw}]]}}"#),
                Some("exterior ring is clockwise"),
            ),
        ];
        for (geometry, want) in cases {
            let problems = check("x.geojson", &collection(&geometry));
            match want {
                None => assert!(problems.is_empty(), "{geometry}: {problems:?}"),
                Some(want) => {
                    assert_eq!(problems.len(), 1, "{geometry}: {problems:?}");
                    let text = problems[0].to_string();
                    assert!(
                        text.starts_with("x.geojson: feature \"f\": bad geometry: "),
                        "{text}"
                    );
                    assert!(text.contains(want), "{text}");
                }
            }
        }
    }

    #[test]
    fn a_crs_member_is_reported() {
        let text = r#"{"type":"FeatureCollection","crs":{"type":"name"},"features":[]}"#;
        let problems = check("x.geojson", text);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].to_string().contains("\"crs\""));
    }
}
