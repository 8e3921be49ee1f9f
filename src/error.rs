//! Typed errors for everything that comes from data: each says which file, which
//! feature or passage, and what is wrong, so an editor can find and fix it.

use std::fmt;

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
    /// Valid JSON, but the top level is not a FeatureCollection.
    NotACollection { found: String },
    /// A FeatureCollection without its `features` array.
    NoFeatures,
    /// A layer file larger than the map reads.
    TooLarge { megabytes: usize, max: usize },
    /// A layer with more features than the map draws.
    TooManyFeatures { count: usize, max: usize },
    /// A feature that is not a GeoJSON Feature (the parser's words).
    NotAFeature(String),
    /// A `crs` member, which RFC 7946 removed.
    CrsMember,
    /// The manifest's article date is not `YYYY-MM-DD`.
    ArticleDate(String),
    /// A date of the timeline is not `YYYY-MM-DD`.
    TimelineDate(String),
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
    /// The id is used twice.
    DuplicateId,
    /// A required property is missing or has the wrong type.
    Property(String),
    /// The geometry is missing, empty or not drawable.
    Geometry(String),
    /// A coordinate outside lon -180..180 / lat -90..90, or not finite.
    Coordinate { lon: f64, lat: f64 },
    /// A passage's phrase is not in the article.
    PhraseNotFound { phrase: String, occurrence: usize },
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
        }
    }

    /// An error about one feature of a file.
    pub fn feature(file: impl Into<String>, id: impl Into<String>, reason: Reason) -> Self {
        DataError {
            file: file.into(),
            item: Some(Item::Feature(id.into())),
            reason,
        }
    }

    /// An error about one passage of the story.
    pub fn passage(file: impl Into<String>, id: impl Into<String>, reason: Reason) -> Self {
        DataError {
            file: file.into(),
            item: Some(Item::Passage(id.into())),
            reason,
        }
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
            } => write!(f, "invalid JSON at line {line}, column {column}: {message}"),
            Reason::NotACollection { found } => write!(
                f,
                "expected a GeoJSON FeatureCollection, found type \"{found}\""
            ),
            Reason::NoFeatures => write!(f, "the FeatureCollection has no \"features\" array"),
            Reason::TooLarge { megabytes, max } => write!(
                f,
                "is {megabytes} MB; the map reads layers of up to {max} MB: simplify its lines or split it"
            ),
            Reason::TooManyFeatures { count, max } => write!(
                f,
                "has {count} features; the map draws up to {max} per layer"
            ),
            Reason::NotAFeature(why) => write!(f, "{why}"),
            Reason::CrsMember => write!(
                f,
                "has a \"crs\" member, which RFC 7946 removed (coordinates are WGS84)"
            ),
            Reason::ArticleDate(value) => write!(
                f,
                "article.date is \"{value}\", not an ISO date (YYYY-MM-DD)"
            ),
            Reason::TimelineDate(value) => write!(
                f,
                "timeline date \"{value}\" is not an ISO date (YYYY-MM-DD)"
            ),
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
            Reason::MissingId => write!(f, "has no string \"id\""),
            Reason::DuplicateId => write!(f, "uses an id that another feature already has"),
            Reason::Property(why) => write!(f, "bad properties: {why}"),
            Reason::Geometry(why) => write!(f, "bad geometry: {why}"),
            Reason::Coordinate { lon, lat } => {
                write!(
                    f,
                    "coordinate out of range: [{}, {}]",
                    crate::svg::num(*lon, 6),
                    crate::svg::num(*lat, 6)
                )
            }
            Reason::PhraseNotFound { phrase, occurrence } => {
                if *occurrence > 1 {
                    write!(
                        f,
                        "occurrence {occurrence} of \"{phrase}\" is not in the article"
                    )
                } else {
                    write!(f, "\"{phrase}\" is not in the article")
                }
            }
            Reason::Overlap(other) => write!(f, "overlaps passage \"{other}\""),
            Reason::UnknownFeature(id) => {
                write!(f, "links to feature \"{id}\", which no layer has")
            }
        }
    }
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.item {
            Some(item) => write!(f, "{}: {item}: {}", self.file, self.reason),
            None => write!(f, "{}: {}", self.file, self.reason),
        }
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
                "geodata/a.geojson: feature \"contact-line\": has no string \"id\"",
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
