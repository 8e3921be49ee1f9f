//! GeoJSON in, the project's own typed features out: the parser (here), the rules the
//! features must keep ([`rules`]) and the checks of RFC 7946 ([`rfc7946`]).
//!
//! Parsing happens here, at the boundary, once: the text becomes JSON values, which
//! [`rfc7946`] checks before anything is read into the types below, so no message ever
//! carries the parser's words. A file that is not JSON or not a FeatureCollection is
//! refused whole; a feature the map cannot draw is left out with a [`DataError`] naming
//! it and the member path where it breaks; the other features of the file are kept.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::date::IsoDate;
use crate::error::{DataError, Reason};
use crate::names::Names;
use crate::projection::LonLat;
pub use crate::shape::Shape;
use serde_json::Value;

pub mod rfc7946;
pub mod rules;

pub use rules::{checked_layer, Expect};

/// The feature ids taken so far in a story, each with where its feature is
/// (`places.geojson features[2]`), so a duplicate can say where the first one is.
pub type TakenIds = BTreeMap<String, String>;

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

/// Parses one GeoJSON FeatureCollection.
///
/// `taken_ids` holds the ids already used by earlier layers; ids of this layer are added
/// to it, so a duplicate across files is caught too. Without a story, no name language
/// and no kind is required (see [`checked_layer`] for a story's layers). Returns the layer with every
/// drawable feature, one error per feature left out, and one per rule broken by a feature
/// or the collection that the drawing does not need (RFC 7946, the properties' rules).
/// `Err` only when nothing can be read.
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
    taken_ids: &mut TakenIds,
) -> Result<(Layer, Vec<DataError>), DataError> {
    parse_layer_inspected(file, text, taken_ids, &Expect::default(), |_| Ok(()))
}

/// [`parse_layer`] with what the story expects of its features, letting `inspect` see
/// the number of features before they are read (and refuse the whole file by returning
/// an error).
pub fn parse_layer_inspected(
    file: &str,
    text: &str,
    taken_ids: &mut TakenIds,
    expect: &Expect,
    inspect: impl FnOnce(usize) -> Result<(), DataError>,
) -> Result<(Layer, Vec<DataError>), DataError> {
    let root = top_level(text).map_err(|e| DataError::json(file, &e))?;
    let mut warnings = Vec::new();
    let values = rfc7946::collection(&root, &mut warnings)
        .map_err(|(at, reason)| DataError::file(file, reason).at(at))?;
    inspect(values.len())?;
    let mut problems: Vec<DataError> = warnings
        .into_iter()
        .map(|(at, reason)| DataError::file(file, reason).at(at))
        .collect();
    let mut layer = Layer {
        file: file.to_string(),
        title: Names::default(),
        features: Vec::with_capacity(values.len()),
    };
    for (index, value) in values.iter().enumerate() {
        let label = value
            .get("id")
            .and_then(Value::as_str)
            .filter(|id| !id.trim().is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| format!("#{}", index + 1));
        let at = format!("features[{index}]");
        let problem = |(path, reason): rfc7946::Problem| {
            DataError::feature(file, label.clone(), reason).at(path)
        };
        let mut warnings = Vec::new();
        match parse_feature(value, &at, &mut warnings) {
            Ok(feature) if taken_ids.contains_key(&feature.id) => {
                // Where the first one is: its file, unless it is this one.
                let taken = &taken_ids[&feature.id];
                let first = taken
                    .strip_prefix(file)
                    .and_then(|at| at.strip_prefix(' '))
                    .unwrap_or(taken)
                    .to_string();
                problems.push(problem((format!("{at}.id"), Reason::DuplicateId { first })));
            }
            Ok(feature) => {
                taken_ids.insert(feature.id.clone(), format!("{file} {at}"));
                warnings.extend(rules::feature_problems(&feature, &at, expect));
                problems.extend(warnings.into_iter().map(problem));
                layer.features.push(feature);
            }
            Err(e) => problems.push(problem(e)),
        }
    }
    Ok((layer, problems))
}

/// The members of the top level that GeoJSON gives a meaning to. Any other member is
/// skipped unread, however deep it is nested.
#[derive(Deserialize)]
struct TopLevel {
    #[serde(rename = "type")]
    kind: Option<Value>,
    features: Option<Value>,
    bbox: Option<Value>,
    crs: Option<Value>,
    coordinates: Option<Value>,
    geometries: Option<Value>,
    geometry: Option<Value>,
    properties: Option<Value>,
}

/// The file's top level as a JSON object of its GeoJSON members (or, when it is not an
/// object, the value itself if it is shallow, or an empty list standing for any list).
fn top_level(text: &str) -> Result<Value, serde_json::Error> {
    match text.trim_start().as_bytes().first() {
        Some(b'{') => {}
        Some(b'[') => {
            serde_json::from_str::<serde::de::IgnoredAny>(text)?;
            return Ok(Value::Array(Vec::new()));
        }
        _ => return serde_json::from_str(text),
    }
    let top: TopLevel = serde_json::from_str(text)?;
    let mut object = serde_json::Map::new();
    for (name, value) in [
        ("type", top.kind),
        ("features", top.features),
        ("bbox", top.bbox),
        ("crs", top.crs),
        ("coordinates", top.coordinates),
        ("geometries", top.geometries),
        ("geometry", top.geometry),
        ("properties", top.properties),
    ] {
        if let Some(value) = value {
            object.insert(name.to_string(), value);
        }
    }
    Ok(Value::Object(object))
}

/// One feature, read from its JSON value: RFC 7946 first, then the properties the map
/// needs. Problems that leave it drawable go to `warn`.
fn parse_feature(
    value: &Value,
    at: &str,
    warn: &mut Vec<rfc7946::Problem>,
) -> Result<Feature, rfc7946::Problem> {
    let object = rfc7946::feature(value, at, warn)?;
    let id = match object.get("id") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(Value::String(_)) => return Err((at.to_string(), Reason::MissingId)),
        Some(other) => {
            return Err((
                format!("{at}.id"),
                Reason::IdNotText {
                    found: rfc7946::describe(other),
                },
            ))
        }
    };
    let props_at = format!("{at}.properties");
    let empty = serde_json::Map::new();
    let props = match object.get("properties") {
        None => return Err((at.to_string(), Reason::NoProperties)),
        Some(Value::Null) => &empty,
        Some(Value::Object(p)) => p,
        Some(other) => {
            return Err((
                props_at,
                Reason::PropertiesNotObject {
                    found: rfc7946::describe(other),
                },
            ))
        }
    };
    let props = Props {
        map: props,
        at: &props_at,
    };
    let kind: String = props.required("kind")?;
    let name: Names = props.required("name")?;
    if name.is_empty() {
        return Err((format!("{props_at}.name"), Reason::NoName));
    }
    let sources: Vec<Source> = props.required("sources")?;
    if sources.is_empty() {
        return Err((format!("{props_at}.sources"), Reason::NoSources));
    }
    let accuracy_text: String = props.required("accuracy")?;
    let accuracy = match accuracy_text.as_str() {
        "exact" => Accuracy::Exact,
        "approximate" => Accuracy::Approximate,
        "schematic" => Accuracy::Schematic,
        _ => {
            return Err((
                format!("{props_at}.accuracy"),
                Reason::UnknownAccuracy {
                    found: accuracy_text,
                },
            ))
        }
    };
    let note: Option<Names> = props.optional("note")?;
    let facts: Option<Vec<Fact>> = props.optional("facts")?;
    let label_at = match props.map.get("label_at") {
        None | Some(Value::Null) => None,
        Some(v) => Some(rfc7946::position(v, &format!("{props_at}.label_at"), warn)?),
    };
    let shape = rfc7946::geometry(
        object.get("geometry").unwrap_or(&Value::Null),
        &format!("{at}.geometry"),
        warn,
    )?;
    Ok(Feature {
        as_of: props.date("as_of")?,
        valid_from: props.date("valid_from")?,
        valid_until: props.date("valid_until")?,
        handover_date: props.date("handover_date")?,
        id,
        kind,
        name,
        sources,
        accuracy,
        note: note.unwrap_or_default(),
        label_at,
        facts: facts.unwrap_or_default(),
        shape,
    })
}

/// A feature's `properties`, read member by member so that a wrong one is named with
/// what it should be (never the parser's words).
struct Props<'a> {
    map: &'a serde_json::Map<String, Value>,
    at: &'a str,
}

impl Props<'_> {
    fn optional<T: serde::de::DeserializeOwned>(
        &self,
        name: &'static str,
    ) -> Result<Option<T>, rfc7946::Problem> {
        match self.map.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(v) => T::deserialize(v).map(Some).map_err(|_| {
                (
                    format!("{}.{name}", self.at),
                    Reason::PropertyType {
                        name,
                        found: rfc7946::describe(v),
                    },
                )
            }),
        }
    }

    fn required<T: serde::de::DeserializeOwned>(
        &self,
        name: &'static str,
    ) -> Result<T, rfc7946::Problem> {
        self.optional(name)?
            .ok_or_else(|| (self.at.to_string(), Reason::PropertyMissing { name }))
    }

    fn date(&self, name: &'static str) -> Result<Option<IsoDate>, rfc7946::Problem> {
        let Some(text) = self.optional::<String>(name)? else {
            return Ok(None);
        };
        IsoDate::parse(&text).map(Some).ok_or_else(|| {
            (
                format!("{}.{name}", self.at),
                Reason::BadDate { name, value: text },
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feature(id: &str, geometry: &str, props: &str) -> String {
        format!(r#"{{"type":"Feature","id":"{id}","geometry":{geometry},"properties":{props}}}"#)
    }

    const POINT: &str = r#"{"type":"Point","coordinates":[46.75,39.82]}"#;
    const PROPS: &str = r#"{"kind":"place","name":{"fr":"Stepanakert","en":"Stepanakert","az":"Xankəndi"},
        "sources":[{"title":"GeoNames","url":"https://www.geonames.org/"}],
        "accuracy":"exact","as_of":"2020-11-10"}"#;

    fn collection(features: &[String]) -> String {
        format!(
            r#"{{"type":"FeatureCollection","features":[{}]}}"#,
            features.join(",")
        )
    }

    fn parse(text: &str) -> Result<(Layer, Vec<DataError>), DataError> {
        parse_layer("test.geojson", text, &mut TakenIds::new())
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
            ("[1, 2]", "the file is a list, not a JSON object"),
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
                "feature \"#1\" at features[0]: has no string \"id\"",
            ),
            (
                feature(
                    "no-kind",
                    POINT,
                    r#"{"name":{"fr":"x"},"sources":[{"title":"s"}],"accuracy":"exact"}"#,
                ),
                "feature \"no-kind\" at features[0].properties: \"properties\" has no \"kind\"",
            ),
            (
                feature(
                    "bad-acc",
                    POINT,
                    r#"{"kind":"k","name":{"fr":"x"},"sources":[{"title":"s"}],"accuracy":"roughly"}"#,
                ),
                "at features[0].properties.accuracy: \"accuracy\" is \"roughly\": use \"exact\"",
            ),
            (
                feature(
                    "no-src",
                    POINT,
                    r#"{"kind":"k","name":{"fr":"x"},"sources":[],"accuracy":"exact"}"#,
                ),
                "at features[0].properties.sources: \"sources\" is empty",
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
                "at features[0].geometry.coordinates[0]: the exterior ring has 3 position(s)",
            ),
            (
                feature("nogeom", "null", PROPS),
                "at features[0].geometry: has no geometry",
            ),
            (
                feature(
                    "short",
                    r#"{"type":"LineString","coordinates":[[46,40],[]]}"#,
                    PROPS,
                ),
                "at features[0].geometry.coordinates[1]: a position has 0 number(s)",
            ),
            (
                feature(
                    "html",
                    POINT,
                    r#"{"kind":"k","name":"<b>x</b>","sources":[{"title":"s"}],"accuracy":"exact"}"#,
                ),
                "feature \"html\" at features[0].properties.name: \"name\" is the text \"<b>x</b>\"",
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
        let mut taken = TakenIds::new();
        let text = collection(&[feature("goris", POINT, PROPS)]);
        let (_, first) = parse_layer("a.geojson", &text, &mut taken).unwrap();
        let (second_layer, second) = parse_layer("b.geojson", &text, &mut taken).unwrap();
        assert!(first.is_empty());
        assert!(second_layer.features.is_empty());
        assert_eq!(
            second[0].to_string(),
            "b.geojson: feature \"goris\" at features[0].id: the feature at a.geojson features[0] already has this id: give each feature its own"
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
