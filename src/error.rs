//! Typed errors for everything that comes from data: each says which file, which
//! feature or passage, and what is wrong, so an editor can find and fix it.

use std::fmt;

#[cfg(not(target_arch = "wasm32"))]
use crate::projection::LonLat;

/// A problem found in a data file. Loading goes on after most of them: a bad feature is
/// left out, a bad link is left unlinked, and the rest of the story still shows.
#[derive(Debug, Clone, PartialEq)]
pub struct DataError {
    /// The file, as named in the story (`geodata/contact-line.geojson`).
    pub file: String,
    /// The feature or passage the problem belongs to, when there is one.
    pub item: Option<Item>,
    /// What is wrong.
    pub reason: Reason,
    /// Where in the file, as a JSON member path (`features[3].geometry.coordinates[0][5]`),
    /// when the problem is inside the file's JSON.
    pub path: Option<Box<MemberPath>>,
}

/// A JSON member path inside a file (`features[3].geometry.coordinates[0]`). Boxed in a
/// [`DataError`] (one pointer) so that the error stays small to return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberPath(pub String);

impl fmt::Display for MemberPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What a [`DataError`] points at inside its file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// A feature, by id (or by position when it has no usable id: `#3`).
    Feature(String),
    /// A linked passage of the article, by id.
    Passage(String),
}

/// Why a file, feature or passage was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Reason {
    /// The file could not be fetched (network error or HTTP status).
    Fetch(String),
    /// The text is not valid JSON.
    Json {
        line: usize,
        column: usize,
        message: String,
    },
    /// Valid JSON, but the top level is not a FeatureCollection (a single Feature or a
    /// bare geometry is told how to wrap itself).
    NotACollection { found: String },
    /// A FeatureCollection without its `features` array.
    NoFeatures,
    /// The file, a feature or a geometry is not a JSON object.
    NotAnObject { what: &'static str, found: String },
    /// An object without its `type` member.
    MissingType { what: &'static str },
    /// A `type` written with the wrong case (`feature` for `Feature`).
    TypeCase { found: String, want: &'static str },
    /// A feature whose `type` is not `Feature`.
    NotAFeature { found: String },
    /// A geometry whose `type` is none of the seven of RFC 7946.
    UnknownGeometryType { found: String },
    /// A member that changes the meaning of its object (RFC 7946 section 7.1).
    ForeignMember { member: String, on: &'static str },
    /// A `bbox` whose length is not 4 (or 6 with altitudes).
    BboxLength { count: usize },
    /// A `bbox` that is not a list of numbers.
    BboxNotNumbers,
    /// A `bbox` with south above north (or lowest altitude above highest).
    BboxReversed { axis: &'static str },
    /// A `bbox` edge outside lon -180..180 / lat -90..90.
    BboxOutOfRange,
    /// A layer file larger than the map reads.
    TooLarge { megabytes: usize, max: usize },
    /// A layer with more features than the map draws.
    TooManyFeatures { count: usize, max: usize },
    /// A `crs` member, which RFC 7946 removed.
    CrsMember,
    /// The manifest's article date is not `YYYY-MM-DD`.
    ArticleDate(String),
    /// A date of the timeline is not `YYYY-MM-DD`.
    TimelineDate(String),
    /// The story's `frame` with west not below east, or south not below north (`axis`:
    /// the pair, `values`: as written), so the map fits every layer instead.
    FrameReversed {
        axis: &'static str,
        values: (f64, f64),
    },
    /// `story.json` is JSON but not of the shape the map reads; the map says where, the
    /// validator says which key and what it must be ([`Reason::ManifestMissing`],
    /// [`Reason::ManifestType`]).
    ManifestShape { line: usize, column: usize },
    /// A key `story.json` must have is missing (`want`: what its value is).
    #[cfg(not(target_arch = "wasm32"))]
    #[cfg(not(target_arch = "wasm32"))]
    ManifestMissing { key: &'static str, want: String },
    /// A value of `story.json` is not of the shape the map reads.
    #[cfg(not(target_arch = "wasm32"))]
    #[cfg(not(target_arch = "wasm32"))]
    ManifestType { want: String, found: String },
    /// The manifest lists no layer.
    NoLayers,
    /// A colour of a kind that is not `#rgb`, `#rrggbb` or `none`.
    UnsafeColour { kind: String, colour: String },
    /// A timeline moment names a passage the story does not have.
    UnknownTimelinePassage { date: String, passage: String },
    /// The locator map marks a place that is no feature of the story.
    UnknownInsetPlace(String),
    /// A passage without a phrase in a language of the article.
    NoPhraseIn(String),
    /// A passage whose phrase is empty, or whose occurrence is 0.
    EmptyPhrase,
    /// A phrase that runs over a paragraph break.
    PhraseCrossesParagraph,
    /// Two passages with one id.
    DuplicatePassage,
    /// A passage that links to no feature at all.
    NoFeatureLinked,
    /// A feature without a string `id`.
    MissingId,
    /// An `id` that is neither a string nor a number (RFC 7946), or a number (the map
    /// needs a string).
    IdNotText { found: String },
    /// The id is used twice: `first` is where the feature that has it is
    /// (`places.geojson features[2]`).
    DuplicateId { first: String },
    /// A feature without a `properties` member.
    NoProperties,
    /// `properties` that is neither an object nor null.
    PropertiesNotObject { found: String },
    /// A property the map needs is missing.
    PropertyMissing { name: &'static str },
    /// A property of the wrong type: what it should be, and what it is.
    PropertyType { name: &'static str, found: String },
    /// A feature's kind that the story's `kinds` does not describe (`known`: those it
    /// does), so it would be drawn in the default style with no legend entry.
    UnknownKind { kind: String, known: Box<[String]> },
    /// `accuracy` outside `exact`, `approximate`, `schematic`.
    UnknownAccuracy { found: String },
    /// `name` has no text at all.
    NoName,
    /// A text by language (a feature's `name`, the story's `title` or `summary`) without
    /// its text in one of the story's languages (its article's and its translations').
    NameMissing { key: &'static str, lang: String },
    /// `sources` is an empty list.
    NoSources,
    /// A source whose `title` is blank.
    EmptySourceTitle,
    /// A source URL that is not http(s).
    UnsafeSourceUrl { url: String },
    /// A date property that is not `YYYY-MM-DD`.
    BadDate { name: &'static str, value: String },
    /// `valid_from` after `valid_until`.
    DatesReversed {
        from: crate::date::IsoDate,
        until: crate::date::IsoDate,
    },
    /// An approximate or schematic feature with no date.
    UndatedHandDrawn,
    /// `geometry` is null or missing.
    NoGeometry,
    /// A geometry without its `coordinates` member.
    NoCoordinates,
    /// Coordinates that are not nested as the geometry type wants.
    CoordinatesShape { want: &'static str, found: String },
    /// A coordinate that is not a number (often a number written as text).
    NotANumber { found: String },
    /// A position with fewer than 2 or more than 3 numbers.
    PositionLength { count: usize },
    /// A coordinate outside lon -180..180 / lat -90..90, or not finite.
    Coordinate { lon: f64, lat: f64 },
    /// A LineString with fewer than 2 positions.
    LineTooShort { count: usize },
    /// A polygon ring (0: the exterior) with fewer than 4 positions.
    RingTooShort { ring: usize, count: usize },
    /// A polygon ring whose last position is not its first.
    RingNotClosed { ring: usize },
    /// An exterior ring wound clockwise, or a hole counter-clockwise.
    RingWinding { ring: usize },
    /// A geometry with no coordinates at all.
    EmptyGeometry,
    /// A geometry that is not valid (OGC Simple Features): lines or rings that cross
    /// themselves, rings that cross one another. Checked by the validator only (with the
    /// `geo` crate, which the map's WebAssembly does not carry).
    #[cfg(not(target_arch = "wasm32"))]
    Invalid(Invalid),
    /// A `label_at` well outside the story's `frame`: the name will not show in the first view
    /// (a base layer's positions set for another story). Checked by the validator only.
    #[cfg(not(target_arch = "wasm32"))]
    LabelOutsideFrame { at: LonLat, frame: [f64; 4] },
    /// A GeometryCollection, which the map does not draw (`nested` when it holds another).
    GeometryCollection { nested: bool },
    /// A passage's phrase is not in the article, or not `occurrence` times (`found`: how
    /// many times it is, as whole words).
    PhraseNotFound {
        phrase: String,
        occurrence: usize,
        found: usize,
    },
    /// A passage's phrase is not in the article, but text close to it is (`nearest`,
    /// verbatim): the validator's alone, like the manifest's shape below.
    #[cfg(not(target_arch = "wasm32"))]
    #[cfg(not(target_arch = "wasm32"))]
    PhraseNotFoundNear { phrase: String, nearest: String },
    /// Two passages cover overlapping text.
    Overlap(String),
    /// A passage links to a feature that no layer has.
    UnknownFeature(String),
}

impl DataError {
    /// An error about a whole file.
    pub fn file(file: impl Into<String>, reason: Reason) -> Self {
        DataError {
            file: file.into(),
            item: None,
            reason,
            path: None,
        }
    }

    /// An error about one feature of a file.
    pub fn feature(file: impl Into<String>, id: impl Into<String>, reason: Reason) -> Self {
        DataError {
            file: file.into(),
            item: Some(Item::Feature(id.into())),
            reason,
            path: None,
        }
    }

    /// An error about one passage of the story.
    pub fn passage(file: impl Into<String>, id: impl Into<String>, reason: Reason) -> Self {
        DataError {
            file: file.into(),
            item: Some(Item::Passage(id.into())),
            reason,
            path: None,
        }
    }

    /// The same error, placed at a member path inside the file.
    pub fn at(mut self, path: impl Into<String>) -> Self {
        let path = path.into();
        self.path = (!path.is_empty()).then(|| Box::new(MemberPath(path)));
        self
    }

    /// Builds an error from a serde_json failure, keeping its line and column.
    pub fn json(file: impl Into<String>, err: &serde_json::Error) -> Self {
        let message = err.to_string();
        // serde_json appends " at line L column C"; the position is kept apart.
        let message = match message.rfind(" at line ") {
            Some(at) => message[..at].to_string(),
            None => message,
        };
        Self::file(
            file,
            Reason::Json {
                line: err.line(),
                column: err.column(),
                message,
            },
        )
    }
}

impl fmt::Display for Item {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Item::Feature(id) => write!(f, "feature \"{id}\""),
            Item::Passage(id) => write!(f, "passage \"{id}\""),
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::Fetch(why) => write!(f, "could not be loaded ({why})"),
            Reason::Json {
                line,
                column,
                message,
            } => {
                write!(f, "invalid JSON at line {line}, column {column}: {message}")?;
                if message.contains("recursion limit") {
                    write!(f, "; the map reads lists and objects nested up to 128 deep: flatten the data there")
                } else if message.starts_with("EOF") || message.starts_with("expected")
                    || message.starts_with("key must") || message.starts_with("trailing")
                    || message.starts_with("control character") || message.starts_with("invalid")
                        && !message.starts_with("invalid type")
                        && !message.starts_with("invalid value")
                {
                    write!(f, "; look there for a stray or missing comma, quote or bracket")
                } else {
                    Ok(())
                }
            }
            Reason::NotACollection { found } => match found.as_str() {
                "Feature" => write!(
                    f,
                    "expected a GeoJSON FeatureCollection, found type \"Feature\": the file holds a single feature; wrap it as {{\"type\": \"FeatureCollection\", \"features\": [ the feature ]}}"
                ),
                "Point" | "MultiPoint" | "LineString" | "MultiLineString" | "Polygon"
                | "MultiPolygon" | "GeometryCollection" => write!(
                    f,
                    "expected a GeoJSON FeatureCollection, found a bare {found} geometry: wrap it in a feature with an id and properties, in a collection: {{\"type\": \"FeatureCollection\", \"features\": [{{\"type\": \"Feature\", \"id\": \"…\", \"properties\": {{…}}, \"geometry\": the geometry}}]}}"
                ),
                _ => write!(
                    f,
                    "expected a GeoJSON FeatureCollection, found type \"{found}\": a layer is {{\"type\": \"FeatureCollection\", \"features\": [ … ]}}"
                ),
            },
            Reason::NoFeatures => write!(
                f,
                "the FeatureCollection has no \"features\" array: add \"features\": [ … ] with the features in it"
            ),
            Reason::NotAnObject { what, found } => write!(
                f,
                "{what} is {found}, not a JSON object {{\"type\": …}}"
            ),
            Reason::MissingType { what } => write!(
                f,
                "{what} has no \"type\" member: add one (\"FeatureCollection\", \"Feature\" or a geometry type such as \"Polygon\")"
            ),
            Reason::TypeCase { found, want } => write!(
                f,
                "\"type\" is \"{found}\": GeoJSON types are case-sensitive, write \"{want}\""
            ),
            Reason::NotAFeature { found } => write!(
                f,
                "is of type \"{found}\", not a Feature: each entry of \"features\" is {{\"type\": \"Feature\", \"id\": …, \"properties\": {{…}}, \"geometry\": {{…}}}}"
            ),
            Reason::UnknownGeometryType { found } => write!(
                f,
                "geometry type \"{found}\" is not a GeoJSON type: use Point, MultiPoint, LineString, MultiLineString, Polygon or MultiPolygon"
            ),
            Reason::ForeignMember { member, on } => {
                let belongs = match member.as_str() {
                    "coordinates" | "geometries" => "a geometry",
                    "geometry" | "properties" => "a Feature",
                    _ => "a FeatureCollection",
                };
                write!(
                    f,
                    "has a \"{member}\" member, which {on} must not have (RFC 7946, section 7.1: it belongs to {belongs}): move it there or rename it"
                )
            }
            Reason::BboxLength { count } => write!(
                f,
                "\"bbox\" has {count} number(s): it needs 4, [west, south, east, north] (6 with altitudes), or remove it"
            ),
            Reason::BboxNotNumbers => write!(
                f,
                "\"bbox\" is not a list of numbers: write [west, south, east, north], or remove it"
            ),
            Reason::BboxReversed { axis } => write!(
                f,
                "\"bbox\" has its {axis} reversed: write [west, south, east, north], the lower value first"
            ),
            Reason::BboxOutOfRange => write!(
                f,
                "\"bbox\" goes outside longitude -180..180 or latitude -90..90: write [west, south, east, north] in degrees"
            ),
            Reason::TooLarge { megabytes, max } => write!(
                f,
                "is {megabytes} MB; the map reads layers of up to {max} MB: simplify its lines or split it"
            ),
            Reason::TooManyFeatures { count, max } => write!(
                f,
                "has {count} features; the map draws up to {max} per layer"
            ),
            Reason::CrsMember => write!(
                f,
                "has a \"crs\" member, which RFC 7946 removed: delete it and give coordinates in WGS84 longitude, latitude"
            ),
            Reason::ArticleDate(value) => write!(
                f,
                "article.date is \"{value}\", not an ISO date (YYYY-MM-DD)"
            ),
            Reason::TimelineDate(value) => write!(
                f,
                "timeline date \"{value}\" is not an ISO date (YYYY-MM-DD)"
            ),
            Reason::FrameReversed { axis, values } => {
                let (low, high) = axis.split_once(" and ").unwrap_or((axis, ""));
                write!(
                    f,
                    "\"frame\" has its {axis} swapped ({low} {}, {high} {}): write [west, south, east, north], {low} lower than {high}; until then the map fits every layer",
                    crate::svg::num(values.0, 6),
                    crate::svg::num(values.1, 6)
                )
            }
            Reason::ManifestShape { line, column } => write!(
                f,
                "is not of the shape the map reads at line {line}, column {column}: the validator says which key and what it must be (cargo run --bin validate -- the story's folder)"
            ),
            #[cfg(not(target_arch = "wasm32"))]
            #[cfg(not(target_arch = "wasm32"))]
            Reason::ManifestMissing { key, want } => {
                write!(f, "has no \"{key}\": add it, {want}")
            }
            #[cfg(not(target_arch = "wasm32"))]
            #[cfg(not(target_arch = "wasm32"))]
            Reason::ManifestType { want, found } => {
                write!(f, "is {found}: it must be {want}")
            }
            Reason::NoLayers => write!(f, "\"layers\" is empty"),
            Reason::UnsafeColour { kind, colour } => write!(
                f,
                "kind \"{kind}\": colour \"{colour}\" is not #rgb, #rrggbb or none"
            ),
            Reason::UnknownTimelinePassage { date, passage } => write!(
                f,
                "timeline moment {date}: passage \"{passage}\" does not exist"
            ),
            Reason::UnknownInsetPlace(place) => {
                write!(f, "inset place \"{place}\" is not a feature of the story")
            }
            Reason::NoPhraseIn(lang) => write!(f, "has no phrase in \"{lang}\""),
            Reason::EmptyPhrase => write!(f, "the phrase is empty or occurrence is 0"),
            Reason::PhraseCrossesParagraph => write!(f, "the phrase crosses a paragraph break"),
            Reason::DuplicatePassage => write!(f, "the passage id is used twice"),
            Reason::NoFeatureLinked => write!(f, "links to no feature"),
            Reason::MissingId => write!(
                f,
                "has no string \"id\": give it one, unique across the story (\"id\": \"town-hall\")"
            ),
            Reason::IdNotText { found } => write!(
                f,
                "has no string \"id\" (it is {found}): write it as text, unique across the story (\"id\": \"town-hall\")"
            ),
            Reason::DuplicateId { first } => write!(
                f,
                "the feature at {first} already has this id: give each feature its own"
            ),
            Reason::NoProperties => write!(
                f,
                "has no \"properties\" member: add \"properties\": {{\"kind\": …, \"name\": …, \"sources\": …, \"accuracy\": …}}"
            ),
            Reason::PropertiesNotObject { found } => write!(
                f,
                "\"properties\" is {found}: it must be an object {{\"kind\": …, \"name\": …}}"
            ),
            Reason::PropertyMissing { name } => write!(
                f,
                "\"properties\" has no \"{name}\": add it (see the README, \"Making a story\")"
            ),
            Reason::PropertyType { name, found } => {
                let want = match *name {
                    "kind" => "a text, such as \"place\"",
                    "name" | "note" => "an object of texts by language, {\"fr\": …, \"en\": …}",
                    "sources" => "a list of sources, [{\"title\": …, \"url\": …}]",
                    "accuracy" => "\"exact\", \"approximate\" or \"schematic\"",
                    "facts" => "a list of {\"label\": {…}, \"value\": {…}}, each by language",
                    _ => "a date as text, \"YYYY-MM-DD\"",
                };
                write!(f, "\"{name}\" is {found}: it must be {want}")
            }
            Reason::UnknownKind { kind, known } => {
                write!(f, "kind \"{kind}\" is not in story.json's \"kinds\" (")?;
                if known.is_empty() {
                    write!(f, "there are none")?;
                } else {
                    let quoted: Vec<String> = known.iter().map(|k| format!("\"{k}\"")).collect();
                    write!(f, "it has {}", quoted.join(", "))?;
                }
                write!(
                    f,
                    "): add it there with its style and legend label, or use one of those; else it is drawn in the default style with no legend entry"
                )
            }
            Reason::UnknownAccuracy { found } => write!(
                f,
                "\"accuracy\" is \"{found}\": use \"exact\", \"approximate\" or \"schematic\""
            ),
            Reason::NoName => write!(f, "\"name\" has no text: give it {{\"fr\": …, \"en\": …}}"),
            Reason::NameMissing { key, lang } => write!(
                f,
                "\"{key}\" has no \"{lang}\" text, a language of the story: add \"{lang}\": \"…\" to it"
            ),
            Reason::NoSources => write!(
                f,
                "\"sources\" is empty: cite at least one {{\"title\": …, \"url\": …}}"
            ),
            Reason::EmptySourceTitle => {
                write!(f, "a source has an empty \"title\": say what the source is")
            }
            Reason::UnsafeSourceUrl { url } => write!(
                f,
                "source url \"{url}\" is not http(s): give an https:// address or leave \"url\" out"
            ),
            Reason::BadDate { name, value } => write!(
                f,
                "\"{name}\" is \"{value}\", not an ISO date: write YYYY-MM-DD (2020-11-10)"
            ),
            Reason::DatesReversed { from, until } => write!(
                f,
                "\"valid_from\" {from} is after \"valid_until\" {until}: swap them"
            ),
            Reason::UndatedHandDrawn => write!(
                f,
                "a hand-drawn feature needs a date: add \"as_of\", \"valid_from\" or \"valid_until\" (YYYY-MM-DD)"
            ),
            Reason::NoGeometry => write!(
                f,
                "has no geometry: the map draws only features with one; give it a geometry or leave the feature out"
            ),
            Reason::NoCoordinates => write!(
                f,
                "the geometry has no \"coordinates\" member: add its positions ([longitude, latitude])"
            ),
            Reason::CoordinatesShape { want, found } => {
                write!(f, "is {found}, where the geometry needs {want}")
            }
            Reason::NotANumber { found } => write!(
                f,
                "a coordinate is {found}, not a number: write numbers without quotes (39.36, not \"39.36\")"
            ),
            Reason::PositionLength { count } => write!(
                f,
                "a position has {count} number(s): RFC 7946 wants 2, [longitude, latitude], or 3 with an altitude"
            ),
            Reason::Coordinate { lon, lat } => write!(
                f,
                "coordinate out of range: [{}, {}]: longitude must be within -180..180 and latitude -90..90, in that order",
                crate::svg::num(*lon, 6),
                crate::svg::num(*lat, 6)
            ),
            Reason::LineTooShort { count } => write!(
                f,
                "a line has {count} position(s): it needs at least 2 (a single place is a Point)"
            ),
            Reason::RingTooShort { ring, count } => write!(
                f,
                "{} has {count} position(s): a ring needs at least 4, the last one repeating the first",
                ring_name(*ring)
            ),
            Reason::RingNotClosed { ring } => write!(
                f,
                "{} is not closed: repeat its first position at its end",
                ring_name(*ring)
            ),
            Reason::RingWinding { ring: 0 } => write!(
                f,
                "the exterior ring is clockwise: RFC 7946 wants it counter-clockwise; reverse the order of its positions"
            ),
            Reason::RingWinding { ring } => write!(
                f,
                "{} is counter-clockwise: RFC 7946 wants holes clockwise; reverse the order of its positions",
                ring_name(*ring)
            ),
            Reason::EmptyGeometry => write!(
                f,
                "the geometry has no coordinates: give it positions or leave the feature out"
            ),
            #[cfg(not(target_arch = "wasm32"))]
            Reason::Invalid(why) => why.fmt(f),
            #[cfg(not(target_arch = "wasm32"))]
            Reason::LabelOutsideFrame { at, frame } => {
                let n = |v: f64| crate::svg::num(v, 6);
                write!(
                    f,
                    "\"label_at\" [{}, {}] lies well outside the story's frame [{}, {}, {}, {}]: the name will not show when the map opens: move it inside the frame, or leave \"label_at\" out",
                    n(at.lon),
                    n(at.lat),
                    n(frame[0]),
                    n(frame[1]),
                    n(frame[2]),
                    n(frame[3])
                )
            }
            Reason::GeometryCollection { nested } => write!(
                f,
                "is a GeometryCollection{}, which the map does not draw: split it into one feature per geometry",
                if *nested {
                    " holding another (RFC 7946 advises against nesting them)"
                } else {
                    ""
                }
            ),
            Reason::PhraseNotFound {
                phrase,
                occurrence,
                found,
            } => match found {
                0 => write!(f, "\"{phrase}\" is not in the article (as whole words)"),
                1 => write!(
                    f,
                    "occurrence {occurrence} of \"{phrase}\" is not in the article: it is there once; write \"occurrence\": 1 or leave it out"
                ),
                _ => write!(
                    f,
                    "occurrence {occurrence} of \"{phrase}\" is not in the article: it is there {found} times; \"occurrence\" is 1 to {found}"
                ),
            },
            #[cfg(not(target_arch = "wasm32"))]
            #[cfg(not(target_arch = "wasm32"))]
            Reason::PhraseNotFoundNear { phrase, nearest } => write!(
                f,
                "\"{phrase}\" is not in the article (as whole words); the nearest text there is \"{nearest}\": copy the phrase from the article"
            ),
            Reason::Overlap(other) => write!(f, "overlaps passage \"{other}\""),
            Reason::UnknownFeature(id) => {
                write!(f, "links to feature \"{id}\", which no layer has")
            }
        }
    }
}

/// Why a geometry is not valid (OGC Simple Features), and where: the validator's
/// geometric checks (`src/validate/geometry.rs`). Rings are numbered as in
/// [`Reason::RingTooShort`] (0: the exterior, then the holes); polygons by their index in
/// the MultiPolygon's `coordinates`.
#[cfg(not(target_arch = "wasm32"))]
#[derive(Debug, Clone, PartialEq)]
pub enum Invalid {
    /// A line that crosses, touches or runs back over itself.
    LineCrossesItself { at: LonLat },
    /// A polygon ring that crosses, touches or runs back over itself.
    RingCrossesItself { ring: usize, at: LonLat },
    /// A hole that crosses its exterior ring (where they meet), or lies wholly outside it.
    HoleNotInside { ring: usize, at: Option<LonLat> },
    /// Two holes that overlap: where their rings cross, or none when one holds the other.
    HolesOverlap {
        ring: usize,
        other: usize,
        at: Option<LonLat>,
    },
    /// Two rings of a polygon that run along each other from `at` (they may touch at
    /// single points only).
    RingsShareEdge {
        ring: usize,
        other: usize,
        at: LonLat,
    },
    /// Two polygons of a MultiPolygon that overlap: where their rings cross, or none when
    /// one holds the other.
    PolygonsOverlap { other: usize, at: Option<LonLat> },
    /// Two polygons of a MultiPolygon that run along each other from `at`.
    PolygonsShareEdge { other: usize, at: LonLat },
}

#[cfg(not(target_arch = "wasm32"))]
impl fmt::Display for Invalid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |p: &LonLat| {
            format!(
                "[{}, {}]",
                crate::svg::num(p.lon, 6),
                crate::svg::num(p.lat, 6)
            )
        };
        match self {
            Invalid::LineCrossesItself { at: p } => write!(
                f,
                "the line crosses itself at {}: redraw it there so that it does not (a line that really crosses itself, such as a road over its own bridge, is written as a MultiLineString of two lines that meet there)",
                at(p)
            ),
            Invalid::RingCrossesItself { ring, at: p } => write!(
                f,
                "{} crosses itself at {}: a ring must not cross or touch itself; redraw it there (a figure of eight is two polygons: make it a MultiPolygon)",
                ring_name(*ring),
                at(p)
            ),
            Invalid::HoleNotInside { ring, at: Some(p) } => write!(
                f,
                "{} crosses the exterior ring at {}: a hole must lie inside its exterior ring; move its positions inside, or draw the exterior ring around the gap instead",
                ring_name(*ring),
                at(p)
            ),
            Invalid::HoleNotInside { ring, at: None } => write!(
                f,
                "{} lies outside the exterior ring: a hole must lie inside its exterior ring; move it there or remove it",
                ring_name(*ring)
            ),
            Invalid::HolesOverlap { ring, other, at: p } => {
                match p {
                    Some(p) => write!(f, "{} crosses {} at {}", ring_name(*ring), ring_name(*other), at(p))?,
                    None => write!(f, "{} lies inside {}", ring_name(*ring), ring_name(*other))?,
                }
                write!(f, ": holes must not overlap; merge them into one hole")
            }
            Invalid::RingsShareEdge { ring, other: 0, at: p } => write!(
                f,
                "{} runs along the exterior ring from {}: rings may touch at single points only; draw the exterior ring around the gap instead",
                ring_name(*ring),
                at(p)
            ),
            Invalid::RingsShareEdge { ring, other, at: p } => write!(
                f,
                "{} runs along {} from {}: rings may touch at single points only; merge the two holes into one",
                ring_name(*ring),
                ring_name(*other),
                at(p)
            ),
            Invalid::PolygonsOverlap { other, at: p } => {
                match p {
                    Some(p) => write!(f, "the polygon crosses another of the MultiPolygon, coordinates[{other}], at {}", at(p))?,
                    None => write!(f, "the polygon and another of the MultiPolygon, coordinates[{other}], lie one inside the other")?,
                }
                write!(f, ": the polygons of a MultiPolygon must not overlap; merge them into one polygon")?;
                if p.is_none() {
                    write!(f, ", or make the inner one a hole of the outer")?;
                }
                Ok(())
            }
            Invalid::PolygonsShareEdge { other, at: p } => write!(
                f,
                "the polygon runs along another of the MultiPolygon, coordinates[{other}], from {}: the polygons of a MultiPolygon may touch at single points only; merge them into one polygon",
                at(p)
            ),
        }
    }
}

/// `the exterior ring` or `hole N`.
fn ring_name(ring: usize) -> String {
    if ring == 0 {
        "the exterior ring".into()
    } else {
        format!("hole {ring}")
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.file)?;
        match (&self.item, &self.path) {
            (Some(item), Some(path)) => write!(f, "{item} at {path}: ")?,
            (Some(item), None) => write!(f, "{item}: ")?,
            (None, Some(path)) => write!(f, "at {path}: ")?,
            (None, None) => {}
        }
        write!(f, "{}", self.reason)
    }
}

impl std::error::Error for DataError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_file_and_the_item() {
        let cases = [
            (
                DataError::feature("geodata/a.geojson", "contact-line", Reason::MissingId),
                "geodata/a.geojson: feature \"contact-line\": has no string \"id\": give it one, unique across the story (\"id\": \"town-hall\")",
            ),
            (
                DataError::file("geodata/b.geojson", Reason::Fetch("HTTP 404".into())),
                "geodata/b.geojson: could not be loaded (HTTP 404)",
            ),
            (
                DataError::passage(
                    "geodata/story.json",
                    "p1",
                    Reason::UnknownFeature("nowhere".into()),
                ),
                "geodata/story.json: passage \"p1\": links to feature \"nowhere\", which no layer has",
            ),
        ];
        for (err, want) in cases {
            assert_eq!(err.to_string(), want);
        }
    }

    #[test]
    fn json_errors_keep_line_and_column() {
        let err = serde_json::from_str::<serde_json::Value>("{\n  \"a\": [1,\n}").unwrap_err();
        let err = DataError::json("x.geojson", &err);
        match err.reason {
            Reason::Json { line, .. } => assert_eq!(line, 3),
            other => panic!("unexpected {other:?}"),
        }
        assert!(err
            .to_string()
            .starts_with("x.geojson: invalid JSON at line 3"));
    }
}
