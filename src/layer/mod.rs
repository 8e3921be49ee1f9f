//! GeoJSON in, the project's own typed features out: the parser (here), the rules the
//! features must keep ([`rules`]) and the checks of RFC 7946 ([`rfc7946`]).
//!
//! Parsing happens here, at the boundary, once. A file that is not JSON or not a
//! FeatureCollection is refused whole; a bad feature is left out with a [`DataError`]
//! naming it, and the other features of the file are kept.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::date::IsoDate;
use crate::error::{DataError, Reason};
use crate::names::Names;
use crate::projection::LonLat;
pub use crate::shape::Shape;

pub mod rfc7946;
pub mod rules;

pub use rules::checked_layer;

/// How faithfully a feature's geometry follows the ground.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Accuracy {
    /// From a survey-grade or official dataset.
    Exact,
    /// Drawn from reports; the position is close but not exact.
    Approximate,
    /// A diagram of a relation (a route, a link), not a position.
    Schematic,
}

impl Accuracy {
    /// The flag as the data writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Accuracy::Exact => "exact",
            Accuracy::Approximate => "approximate",
            Accuracy::Schematic => "schematic",
        }
    }
}

/// A source of a feature, as cited to readers.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Source {
    pub title: String,
    #[serde(default)]
    pub url: Option<String>,
}

impl Source {
    /// The URL if it is safe to put in a link (http or https only).
    pub fn link(&self) -> Option<&str> {
        self.url
            .as_deref()
            .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    }
}

/// A labelled figure shown in a feature's details (troop numbers, an original date).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct Fact {
    pub label: Names,
    pub value: Names,
}

/// One map feature with everything the reader is told about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Feature {
    /// Stable id, unique across the story (`contact-line`).
    pub id: String,
    /// What it is (`country`, `contact-line`, `place`, ...): drives style and legend.
    pub kind: String,
    /// Name per language.
    pub name: Names,
    /// Where it comes from (never empty).
    pub sources: Vec<Source>,
    pub accuracy: Accuracy,
    /// The date the feature describes, or its validity interval.
    pub as_of: Option<IsoDate>,
    pub valid_from: Option<IsoDate>,
    pub valid_until: Option<IsoDate>,
    /// For districts handed over under the statement.
    pub handover_date: Option<IsoDate>,
    /// How it was drawn or what to know, per language.
    pub note: Names,
    /// Where an area's name is written on the map, when it is.
    pub label_at: Option<LonLat>,
    /// Figures shown in the details panel.
    pub facts: Vec<Fact>,
    pub shape: Shape,
}

/// The features of one GeoJSON file.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Layer {
    /// The file as named in the story.
    pub file: String,
    /// What the layer holds, per language (from the story).
    pub title: Names,
    pub features: Vec<Feature>,
}

#[derive(Deserialize)]
struct RawCollection {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    features: Option<Vec<serde_json::Value>>,
    #[serde(default)]
    crs: Option<serde_json::Value>,
}

#[derive(Deserialize)]
struct Props {
    kind: String,
    name: Names,
    sources: Vec<Source>,
    accuracy: Accuracy,
    #[serde(default)]
    as_of: Option<String>,
    #[serde(default)]
    valid_from: Option<String>,
    #[serde(default)]
    valid_until: Option<String>,
    #[serde(default)]
    handover_date: Option<String>,
    #[serde(default)]
    note: Names,
    #[serde(default)]
    label_at: Option<[f64; 2]>,
    #[serde(default)]
    facts: Vec<Fact>,
}

/// Parses one GeoJSON FeatureCollection.
///
/// `taken_ids` holds the ids already used by earlier layers; ids of this layer are added
/// to it, so a duplicate across files is caught too. Returns the layer with every good
/// feature, and one error per feature left out. `Err` only when nothing can be read.
///
/// # Examples
/// ```
/// use ceasefire_map::layer::parse_layer;
/// let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","id":"goris",
///   "geometry":{"type":"Point","coordinates":[46.34,39.51]},
///   "properties":{"kind":"place","name":{"fr":"Goris","en":"Goris"},
///   "sources":[{"title":"GeoNames"}],"accuracy":"exact"}}]}"#;
/// let (layer, problems) = parse_layer("places.geojson", text, &mut Default::default()).unwrap();
/// assert_eq!(layer.features[0].id, "goris");
/// assert!(problems.is_empty());
/// ```
pub fn parse_layer(
    file: &str,
    text: &str,
    taken_ids: &mut BTreeSet<String>,
) -> Result<(Layer, Vec<DataError>), DataError> {
    parse_layer_inspected(file, text, taken_ids, |_, _| Vec::new())
}

/// [`parse_layer`], letting `inspect` see the collection as JSON first (whether it has
/// a `crs` member, and its features) so further checks need not parse the text again.
/// Its problems come after the loader's.
pub fn parse_layer_inspected(
    file: &str,
    text: &str,
    taken_ids: &mut BTreeSet<String>,
    inspect: impl FnOnce(bool, &[serde_json::Value]) -> Vec<DataError>,
) -> Result<(Layer, Vec<DataError>), DataError> {
    let raw: RawCollection = serde_json::from_str(text).map_err(|e| DataError::json(file, &e))?;
    if raw.kind != "FeatureCollection" {
        return Err(DataError::file(
            file,
            Reason::NotACollection { found: raw.kind },
        ));
    }
    let Some(values) = raw.features else {
        return Err(DataError::file(file, Reason::NoFeatures));
    };
    let inspected = inspect(raw.crs.is_some(), &values);
    let mut layer = Layer {
        file: file.to_string(),
        title: Names::default(),
        features: Vec::with_capacity(values.len()),
    };
    let mut problems = Vec::new();
    for (index, value) in values.into_iter().enumerate() {
        match parse_feature(file, index, value) {
            Ok(feature) if !taken_ids.insert(feature.id.clone()) => {
                problems.push(DataError::feature(file, feature.id, Reason::DuplicateId));
            }
            Ok(feature) => layer.features.push(feature),
            Err(e) => problems.push(e),
        }
    }
    problems.extend(inspected);
    Ok((layer, problems))
}

fn parse_feature(file: &str, index: usize, value: serde_json::Value) -> Result<Feature, DataError> {
    let label = value
        .get("id")
        .and_then(|v| v.as_str())
        .map(str::to_string)
        .unwrap_or_else(|| format!("#{}", index + 1));
    let err = |reason| DataError::feature(file, label.clone(), reason);
    let feature: geojson::Feature =
        serde_json::from_value(value).map_err(|e| err(Reason::NotAFeature(e.to_string())))?;
    let id = match &feature.id {
        Some(geojson::feature::Id::String(s)) if !s.trim().is_empty() => s.clone(),
        _ => return Err(err(Reason::MissingId)),
    };
    let props = feature.properties.unwrap_or_default();
    let props: Props = serde_json::from_value(serde_json::Value::Object(props))
        .map_err(|e| err(Reason::Property(e.to_string())))?;
    if props.name.is_empty() {
        return Err(err(Reason::Property("\"name\" has no text".into())));
    }
    if props.sources.is_empty() {
        return Err(err(Reason::Property("\"sources\" is empty".into())));
    }
    let date = |key: &str, text: Option<String>| -> Result<Option<IsoDate>, DataError> {
        text.map(|t| {
            IsoDate::parse(&t).ok_or_else(|| {
                err(Reason::Property(format!(
                    "\"{key}\" is \"{t}\", not an ISO date (YYYY-MM-DD)"
                )))
            })
        })
        .transpose()
    };
    let label_at = props
        .label_at
        .map(|[lon, lat]| position_of(lon, lat).map_err(err))
        .transpose()?;
    let shape = feature
        .geometry
        .ok_or_else(|| err(Reason::Geometry("the feature has no geometry".into())))
        .and_then(|g| shape_of(&g.value).map_err(err))?;
    Ok(Feature {
        as_of: date("as_of", props.as_of)?,
        valid_from: date("valid_from", props.valid_from)?,
        valid_until: date("valid_until", props.valid_until)?,
        handover_date: date("handover_date", props.handover_date)?,
        id,
        kind: props.kind,
        name: props.name,
        sources: props.sources,
        accuracy: props.accuracy,
        note: props.note,
        label_at,
        facts: props.facts,
        shape,
    })
}

fn position(p: &geojson::Position) -> Result<LonLat, Reason> {
    match p.as_slice() {
        [lon, lat, ..] => position_of(*lon, *lat),
        // The geojson crate reads `[]` and `[1]` as positions: they must not be indexed.
        short => Err(Reason::Geometry(format!(
            "a position has {} number(s), fewer than 2",
            short.len()
        ))),
    }
}

fn position_of(lon: f64, lat: f64) -> Result<LonLat, Reason> {
    let in_range = (-180.0..=180.0).contains(&lon) && (-90.0..=90.0).contains(&lat);
    if in_range {
        Ok(LonLat { lon, lat })
    } else {
        Err(Reason::Coordinate { lon, lat })
    }
}

fn line(ps: &[geojson::Position], min: usize) -> Result<Vec<LonLat>, Reason> {
    if ps.len() < min {
        return Err(Reason::Geometry(format!(
            "a line or ring has {} positions, fewer than {min}",
            ps.len()
        )));
    }
    ps.iter().map(position).collect()
}

fn polygon(rings: &[Vec<geojson::Position>]) -> Result<Vec<Vec<LonLat>>, Reason> {
    if rings.is_empty() {
        return Err(Reason::Geometry("a polygon has no ring".into()));
    }
    rings.iter().map(|r| line(r, 4)).collect()
}

fn shape_of(value: &geojson::GeometryValue) -> Result<Shape, Reason> {
    use geojson::GeometryValue as G;
    let shape = match value {
        G::Point { coordinates } => Shape::Points(vec![position(coordinates)?]),
        G::MultiPoint { coordinates } => {
            Shape::Points(coordinates.iter().map(position).collect::<Result<_, _>>()?)
        }
        G::LineString { coordinates } => Shape::Lines(vec![line(coordinates, 2)?]),
        G::MultiLineString { coordinates } => Shape::Lines(
            coordinates
                .iter()
                .map(|l| line(l, 2))
                .collect::<Result<_, _>>()?,
        ),
        G::Polygon { coordinates } => Shape::Areas(vec![polygon(coordinates)?]),
        G::MultiPolygon { coordinates } => Shape::Areas(
            coordinates
                .iter()
                .map(|p| polygon(p))
                .collect::<Result<_, _>>()?,
        ),
        G::GeometryCollection { .. } => {
            return Err(Reason::Geometry(
                "GeometryCollection is not supported: split it into features".into(),
            ))
        }
    };
    let empty = match &shape {
        Shape::Points(p) => p.is_empty(),
        Shape::Lines(l) => l.is_empty(),
        Shape::Areas(a) => a.is_empty(),
    };
    if empty {
        return Err(Reason::Geometry("the geometry has no coordinates".into()));
    }
    Ok(shape)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(id: &str, geometry: &str, props: &str) -> String {
        format!(r#"{{"type":"Feature","id":"{id}","geometry":{geometry},"properties":{props}}}"#)
    }

    const POINT: &str = r#"{"type":"Point","coordinates":[46.75,39.82]}"#;
    const PROPS: &str = r#"{"kind":"place","name":{"fr":"Stepanakert","az":"Xankəndi"},
        "sources":[{"title":"GeoNames","url":"https://www.geonames.org/"}],
        "accuracy":"exact","as_of":"2020-11-10"}"#;

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn parse(text: &str) -> Result<(Layer, Vec<DataError>), DataError> {
        parse_layer("test.geojson", text, &mut BTreeSet::new())
    }

    #[test]
    fn reads_a_good_feature_into_typed_fields() {
        let (layer, problems) =
            parse(&collection(&[feature("stepanakert", POINT, PROPS)])).unwrap();
        assert!(problems.is_empty(), "{problems:?}");
        let f = &layer.features[0];
        assert_eq!(f.kind, "place");
        assert_eq!(f.name.get("az"), "Xankəndi");
        assert_eq!(f.accuracy, Accuracy::Exact);
        assert_eq!(f.as_of, IsoDate::parse("2020-11-10"));
        assert_eq!(
            f.shape,
            Shape::Points(vec![LonLat {
                lon: 46.75,
                lat: 39.82
            }])
        );
        assert_eq!(f.sources[0].link(), Some("https://www.geonames.org/"));
    }

    #[test]
    fn whole_file_errors() {
        let cases = [
            (
                "{\"type\": \"FeatureCollection\", ",
                "invalid JSON at line 1",
            ),
            ("[1, 2]", "invalid JSON"),
            (
                r#"{"type":"Feature"}"#,
                "expected a GeoJSON FeatureCollection",
            ),
            (r#"{"type":"FeatureCollection"}"#, "no \"features\" array"),
        ];
        for (text, want) in cases {
            let err = parse(text).unwrap_err();
            assert_eq!(err.file, "test.geojson");
            assert!(err.to_string().contains(want), "{text} -> {err}");
        }
    }

    #[test]
    fn a_bad_feature_is_left_out_and_named_the_rest_kept() {
        let line = r#"{"type":"LineString","coordinates":[[46,40],[46.5,39.5]]}"#;
        let cases: [(String, &str); 10] = [
            (
                r#"{"type":"Feature","geometry":null,"properties":{}}"#.into(),
                "feature \"#1\": has no string \"id\"",
            ),
            (
                feature(
                    "no-kind",
                    POINT,
                    r#"{"name":{"fr":"x"},"sources":[{"title":"s"}],"accuracy":"exact"}"#,
                ),
                "feature \"no-kind\": bad properties: missing field `kind`",
            ),
            (
                feature(
                    "bad-acc",
                    POINT,
                    r#"{"kind":"k","name":{"fr":"x"},"sources":[{"title":"s"}],"accuracy":"roughly"}"#,
                ),
                "unknown variant `roughly`",
            ),
            (
                feature(
                    "no-src",
                    POINT,
                    r#"{"kind":"k","name":{"fr":"x"},"sources":[],"accuracy":"exact"}"#,
                ),
                "\"sources\" is empty",
            ),
            (
                feature(
                    "bad-date",
                    POINT,
                    r#"{"kind":"k","name":{"fr":"x"},"sources":[{"title":"s"}],"accuracy":"exact","as_of":"10/11/2020"}"#,
                ),
                "\"as_of\" is \"10/11/2020\", not an ISO date",
            ),
            (
                feature(
                    "far",
                    r#"{"type":"Point","coordinates":[460.75,39.82]}"#,
                    PROPS,
                ),
                "coordinate out of range: [460.75, 39.82]",
            ),
            (
                feature(
                    "open",
                    r#"{"type":"Polygon","coordinates":[[[46,40],[47,40],[46,40]]]}"#,
                    PROPS,
                ),
                "fewer than 4",
            ),
            (
                feature("nogeom", "null", PROPS),
                "the feature has no geometry",
            ),
            (
                feature(
                    "short",
                    r#"{"type":"LineString","coordinates":[[46,40],[]]}"#,
                    PROPS,
                ),
                "a position has 0 number(s), fewer than 2",
            ),
            (
                feature(
                    "html",
                    POINT,
                    r#"{"kind":"k","name":"<b>x</b>","sources":[{"title":"s"}],"accuracy":"exact"}"#,
                ),
                "feature \"html\": bad properties",
            ),
        ];
        for (bad, want) in cases {
            let good = feature("good", line, PROPS);
            let (layer, problems) = parse(&collection(&[bad.clone(), good])).unwrap();
            assert_eq!(layer.features.len(), 1, "{bad}");
            assert_eq!(layer.features[0].id, "good");
            assert_eq!(problems.len(), 1, "{bad}");
            assert!(
                problems[0].to_string().contains(want),
                "{bad} -> {}",
                problems[0]
            );
        }
    }

    #[test]
    fn duplicate_ids_across_layers_are_caught() {
        let mut taken = BTreeSet::new();
        let text = collection(&[feature("goris", POINT, PROPS)]);
        let (_, first) = parse_layer("a.geojson", &text, &mut taken).unwrap();
        let (second_layer, second) = parse_layer("b.geojson", &text, &mut taken).unwrap();
        assert!(first.is_empty());
        assert!(second_layer.features.is_empty());
        assert_eq!(
            second[0].to_string(),
            "b.geojson: feature \"goris\": uses an id that another feature already has"
        );
    }

    #[test]
    fn unsafe_source_urls_are_not_links() {
        let s = Source {
            title: "x".into(),
            url: Some("javascript:alert(1)".into()),
        };
        assert_eq!(s.link(), None);
    }
}
