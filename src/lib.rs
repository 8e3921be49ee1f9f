//! ceasefire-map: an interactive map of the geography of the Nagorno-Karabakh ceasefire
//! of 9–10 November 2020, linked phrase by phrase to a news article, both ways.
//!
//! # From the top
//!
//! The app loads `geodata/story.json` (a [`story::Story`]), then each GeoJSON layer and
//! the article it names. Everything after fetching is plain Rust, tested natively:
//!
//! - [`layer`] parses GeoJSON into typed [`layer::Feature`]s (id, kind, names, sources,
//!   accuracy, dates); [`error`] names the file and feature of every problem.
//! - [`article`] cuts the verbatim article into blocks and linked passages;
//!   [`linking`] indexes feature ↔ passage; [`model`] ties them together.
//! - [`projection`] fits a Mercator projection to the frame; [`lod`] ranks every vertex
//!   once and writes path data per settled view, within a vertex budget; [`viewport`]
//!   pans and zooms with one transform.
//! - [`selection`] holds the one selected item, derives the highlights, and maps to and
//!   from the URL hash (with the date and language); [`timeline`] says which features
//!   hold at a date; [`labels`] keeps place names from overlapping.
//! - [`validate`] (with [`rfc7946`]) checks a story folder for editors.
//!
//! The web shell (`ui`, `data`, `state`) is compiled for wasm32 only: it fetches files,
//! keeps signals, and draws.
//!
//! Coordinates: GeoJSON `[lon, lat]` in WGS84 degrees ([`projection::LonLat`]); SVG user
//! units with y pointing down ([`projection::Point`]).

pub mod article;
pub mod date;
pub mod embed;
pub mod error;
pub mod gesture;
pub mod i18n;
pub mod labels;
pub mod layer;
pub mod linking;
pub mod lod;
pub mod model;
pub mod names;
pub mod projection;
pub mod render;
pub mod rfc7946;
pub mod selection;
pub mod story;
pub mod timeline;
pub mod validate;
pub mod viewport;

#[cfg(target_arch = "wasm32")]
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod ui;
