//! Fuzzes the data loader: any bytes as a GeoJSON layer, as a story manifest, or as an
//! article must give problems, never a panic (a panic kills the wasm app).
#![no_main]

use std::collections::BTreeMap;

use ceasefire_map::validate::validate;
use libfuzzer_sys::fuzz_target;

const STORY: &str = r#"{"title":{"fr":"t","en":"t"},"article":{"file":"a.txt","lang":"fr","date":"2020-11-19"},
"layers":[{"file":"l.geojson"}],"passages":[{"id":"p","phrase":"la","features":["f"]}],
"timeline":{"default":"2020-11-19","moments":[{"date":"2020-11-10","label":{"fr":"x"},"passages":["p"]}]}}"#;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (first, rest) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    // The input as a layer, with a good story around it.
    let mut files = BTreeMap::new();
    files.insert("story.json".to_string(), STORY.to_string());
    files.insert("l.geojson".to_string(), text.clone());
    files.insert("a.txt".to_string(), "la ligne".to_string());
    let _ = validate(&files);
    // The input as the manifest, and halves of it as the article and a layer.
    let mut files = BTreeMap::new();
    files.insert("story.json".to_string(), text.clone());
    files.insert("l.geojson".to_string(), first.to_string());
    files.insert("a.txt".to_string(), rest.to_string());
    let _ = validate(&files);
    // The input as an article, and as a URL hash.
    let mut files = BTreeMap::new();
    files.insert("story.json".to_string(), STORY.to_string());
    files.insert(
        "l.geojson".to_string(),
        r#"{"type":"FeatureCollection","features":[]}"#.to_string(),
    );
    files.insert("a.txt".to_string(), text.clone());
    let _ = validate(&files);
    let _ = ceasefire_map::selection::UrlState::from_hash(&text).to_hash();
    let _ = ceasefire_map::embed::HostMessage::parse(&text);
});
