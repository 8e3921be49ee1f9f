//! ceasefire-map: an interactive map of the geography of the Nagorno-Karabakh ceasefire
//! of 9–10 November 2020, linked phrase by phrase to a news article, both ways.
//!
//! # From the top
//!
//! A story is a folder: `story.json` (a [`story::Story`]) names its GeoJSON layers, its
//! article and the article's translations. Whoever loads it (the app in the browser, the
//! `validate` binary, the tests) gathers the texts of the files the story names
//! ([`story::Story::files`]) and [`model::Model::load`] builds everything from them.
//! Everything after fetching is plain Rust, tested natively; the web shell ([`ui`],
//! wasm32 only) fetches, keeps signals and draws.
//!
//! Data flows one way: source text -> typed features and passages -> link index ->
//! projection fitted once per box -> path data per settled view -> one `transform` per
//! pan and zoom frame.
//!
//! ## The story and its data
//!
//! - [`story`]: the manifest: files, kinds and their look, passages, timeline, inset.
//! - [`layer`]: GeoJSON parsed into typed [`layer::Feature`]s, with the rules every
//!   feature keeps ([`layer::rules`]) and the checks of RFC 7946 ([`layer::rfc7946`]).
//! - [`shape`]: a geometry flattened to what the map draws (points, lines, areas).
//! - [`names`]: text by language; [`date`]: ISO dates written out per language.
//! - [`article`]: the verbatim article cut into blocks and linked passages.
//! - [`linking`]: the two-way index feature <-> passage.
//! - [`timeline`]: which features hold at a date, and the handovers.
//! - [`model`]: the loaded story: layers, article, translations, index and problems.
//! - [`error`]: typed errors that name the file and the feature or passage.
//! - [`validate`]: the folder validator for editors (the map's own rules, plus files
//!   the story does not list).
//! - `propose`: passages proposed to editors, every mention of a feature's names
//!   (`src/bin/propose.rs`; native only, not part of the app).
//!
//! ## Drawing
//!
//! - [`projection`]: Mercator with its inverse, fitted to a box; [`projection::Rect`]
//!   for boxes in SVG units.
//! - [`viewport`]: pan and zoom as one immutable value; [`screen`]: the projection, the
//!   view and the box together, with every composition of them (screen point to
//!   lon/lat, resize, keys, wheel, flights, scale bar).
//! - [`svg`]: the SVG writer: numbers with fixed rounding, path data per view with its
//!   level of detail ([`svg::path`]).
//! - [`labels`]: which place names fit without overlapping; [`locator`]: the small
//!   locator map and the places it marks.
//! - [`figure`]: the exported view: the map with its caption, legend and credit under it.
//! - [`gesture`]: drag and pinch from pointer events; [`keynav`]: the keyboard among the
//!   features in view (one Tab stop, arrow keys).
//! - [`page`]: the static page written at build time (`src/bin/prerender.rs`): the
//!   article and the map of the default view, readable before any code runs.
//!
//! ## The reader's state
//!
//! - [`selection`]: the one selected item and what it highlights.
//! - [`url`]: the selection, date, language and view in the URL hash.
//! - [`embed`]: the protocol between an embedded map and its host page.
//! - [`i18n`]: the interface's words in each language.
//!
//! Coordinates: GeoJSON `[lon, lat]` in WGS84 degrees ([`projection::LonLat`]); SVG user
//! units with y pointing down ([`projection::Point`]).
//!
//! # Examples
//!
//! The whole pipeline, natively: story texts -> model -> paths at a view -> the passages
//! linked to a clicked feature.
//!
//! ```
//! use ceasefire_map::model::{Model, Texts};
//! use ceasefire_map::screen::Screen;
//! use ceasefire_map::selection::Selection;
//! use ceasefire_map::story::Story;
//! use ceasefire_map::svg::path::{Detail, VERTEX_BUDGET};
//!
//! let story = Story::parse("story.json", r#"{
//!     "title": {"en": "The road"},
//!     "article": {"file": "article.txt", "lang": "en", "date": "2020-11-19"},
//!     "layers": [{"file": "roads.geojson"}],
//!     "kinds": {"road": {"label": {"en": "Road"}}},
//!     "passages": [{"id": "p-road", "phrase": "the road", "features": ["road"]}]
//! }"#).unwrap();
//! let mut texts = Texts::new();
//! texts.insert("article.txt".into(), Ok("Soldiers guard the road.".into()));
//! texts.insert("roads.geojson".into(), Ok(r#"{"type": "FeatureCollection", "features": [
//!     {"type": "Feature", "id": "road",
//!      "geometry": {"type": "LineString", "coordinates": [[46.3, 39.5], [46.75, 39.82]]},
//!      "properties": {"kind": "road", "name": {"fr": "La route", "en": "The road"},
//!        "sources": [{"title": "A survey"}], "accuracy": "exact"}}]}"#.into()));
//! let model = Model::load(story, "", &texts);
//! assert!(model.problems.is_empty(), "{:?}", model.problems);
//!
//! // The map of 400 x 300 pixels, not zoomed: the road as SVG path data.
//! let screen = Screen::fitted(model.extent().unwrap(), 400.0, 300.0);
//! let detail = Detail::new(model.features().map(|f| (f.id.as_str(), &f.shape)));
//! let paths = detail.paths(&screen, VERTEX_BUDGET);
//! assert!(paths.get("road").unwrap().starts_with('M'));
//!
//! // A click on the road highlights the passage that speaks of it, and that passage's text.
//! let highlight = Selection::Feature("road".into()).highlight(&model.index);
//! assert!(highlight.passages.contains("p-road"));
//! assert_eq!(model.passage_text("en", "p-road"), Some("the road"));
//! ```

pub mod article;
pub mod date;
pub mod embed;
pub mod error;
pub mod figure;
pub mod gesture;
pub mod i18n;
pub mod keynav;
pub mod labels;
pub mod layer;
pub mod legend;
pub mod linking;
pub mod locator;
pub mod model;
pub mod names;
pub mod page;
pub mod projection;
// A tool for editors, not part of the app: kept out of the wasm build, whose code it
// would otherwise perturb (27 bytes, measured).
#[cfg(not(target_arch = "wasm32"))]
pub mod propose;
pub mod screen;
pub mod selection;
pub mod shape;
pub mod story;
pub mod svg;
pub mod timeline;
pub mod url;
pub mod validate;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod ui;
