//! Fuzzes every entry point that takes outside bytes: any input as a GeoJSON layer, as a
//! locator-map layer, as the story manifest, as the article and as its translation, as
//! the URL hash and as a message from the host page. Each must give problems or `None`,
//! never a panic (a panic kills the wasm app). A layer that loads is also ranked and
//! drawn at two zooms (level of detail), a URL hash read and written again reads back the
//! same, and a shared view gives a finite map transform.
#![no_main]

use std::collections::BTreeMap;

use ceasefire_map::validate::validate;
use libfuzzer_sys::fuzz_target;

const STORY: &str = r#"{"title":{"fr":"t","en":"t"},
"article":{"file":"a.txt","lang":"fr","date":"2020-11-19","translations":{"en":"a.en.txt"}},
"layers":[{"file":"l.geojson"}],"inset":{"file":"i.geojson","places":["f"]},
"passages":[{"id":"p","phrase":{"fr":"la","en":"the"},"features":["f"]}],
"timeline":{"default":"2020-11-19","moments":[{"date":"2020-11-10","label":{"fr":"x"},"passages":["p"]}]}}"#;

const EMPTY: &str = r#"{"type":"FeatureCollection","features":[]}"#;

fn story(files: [(&str, &str); 5]) -> BTreeMap<String, String> {
    files
        .into_iter()
        .map(|(name, text)| (name.to_string(), text.to_string()))
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let (first, rest) = text.split_at(
        text.char_indices()
            .nth(text.chars().count() / 2)
            .map_or(0, |(i, _)| i),
    );
    // The input as a layer, with a good story around it.
    let _ = validate(&story([
        ("story.json", STORY),
        ("l.geojson", &text),
        ("i.geojson", EMPTY),
        ("a.txt", "la ligne"),
        ("a.en.txt", "the line"),
    ]));
    // The input as the manifest, and halves of it as the article and a layer.
    let _ = validate(&story([
        ("story.json", &text),
        ("l.geojson", first),
        ("i.geojson", EMPTY),
        ("a.txt", rest),
        ("a.en.txt", rest),
    ]));
    // The input as the article, its translation and the locator map.
    let _ = validate(&story([
        ("story.json", STORY),
        ("l.geojson", EMPTY),
        ("i.geojson", &text),
        ("a.txt", &text),
        ("a.en.txt", &text),
    ]));

    // The URL hash: what is written reads back the same.
    use ceasefire_map::url::UrlState;
    let state = UrlState::from_hash(&text);
    let hash = state.to_hash();
    let again = UrlState::from_hash(&hash);
    assert_eq!(again.to_hash(), hash, "{text:?}");
    assert_eq!(
        (&again.selection, again.date, &again.lang),
        (&state.selection, state.date, &state.lang),
        "{text:?}"
    );
    let _ = ceasefire_map::embed::HostMessage::parse(&text);
    let _ = ceasefire_map::svg::parse_num(&text);

    use ceasefire_map::projection::{Bounds, Point, Projection};
    use ceasefire_map::screen::Screen;
    use ceasefire_map::svg::path::Detail;
    use ceasefire_map::viewport::Viewport;
    // A shared view on any map gives a finite transform.
    if let Some(spec) = state.view {
        let extent = Bounds {
            west: 44.0,
            south: 38.0,
            east: 48.0,
            north: 41.0,
        };
        let projection = Projection::fit(extent, 300.0, 200.0, 4.0);
        let view = Viewport::from_spec(spec, &projection, 300.0, 200.0);
        assert!(
            view.k.is_finite() && view.x.is_finite() && view.y.is_finite(),
            "{spec:?} -> {view:?}"
        );
    }
    // Whatever a layer holds, ranking and drawing it at any zoom ends without a panic.
    if let Ok((layer, _)) =
        ceasefire_map::layer::parse_layer("l.geojson", &text, &mut Default::default())
    {
        let detail = Detail::new(layer.features.iter().map(|f| (f.id.as_str(), &f.shape)));
        let extent = Bounds::around(layer.features.iter().flat_map(|f| f.shape.positions()));
        if let Some(extent) = extent {
            let whole = Screen::fitted(extent, 300.0, 200.0);
            for k in [1.0, 16.0] {
                let view = whole.view.zoomed_at(Point { x: 150.0, y: 100.0 }, k);
                let _ = detail.paths(&whole.with_view(view), 50);
            }
        }
    }
});
