//! Fuzzes the data loader: any bytes as a GeoJSON layer, as a story manifest, or as an
//! article must give problems, never a panic (a panic kills the wasm app); a layer that
//! loads is also ranked and drawn at two zooms (level of detail).
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
    let _ = ceasefire_map::render::parse_num(&text);
    // Whatever a layer holds, ranking and drawing it at any zoom ends without a panic.
    if let Ok((layer, _)) =
        ceasefire_map::layer::parse_layer("l.geojson", &text, &mut Default::default())
    {
        use ceasefire_map::lod::{Detail, Frame};
        use ceasefire_map::projection::{Bounds, Point, Projection};
        use ceasefire_map::viewport::Viewport;
        let detail = Detail::new(layer.features.iter().map(|f| &f.shape));
        let extent = Bounds::around(layer.features.iter().flat_map(|f| f.shape.positions()));
        if let Some(extent) = extent {
            let projection = Projection::fit(extent, 300.0, 200.0, 4.0);
            for k in [1.0, 16.0] {
                let view = Viewport::IDENTITY.zoomed_at(Point { x: 150.0, y: 100.0 }, k);
                let frame = Frame { projection, view, width: 300.0, height: 200.0 };
                let _ = detail.paths(&frame, 50);
            }
        }
    }
});
