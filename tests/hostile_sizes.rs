//! Hostile sizes, through the validator (which runs the map's own loader): a 50 MB
//! layer, JSON nested a thousand deep, a million tiny features. Each gives a clear
//! problem or a result, never a panic or a stack overflow, and the memory it takes stays
//! within a stated multiple of the input. The limits (`MAX_LAYER_BYTES`,
//! `MAX_LAYER_FEATURES` in `src/validate.rs`) are in the README.
//!
//! The whole file takes about 15 s in a debug build (most of it making the big texts).

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::time::Instant;

use ceasefire_map::validate::validate;

/// Memory is measured per process: the cases run one at a time.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

const STORY: &str = r#"{"title":{"fr":"t","en":"t"},
"article":{"file":"a.txt","lang":"fr","date":"2020-11-19"},
"layers":[{"file":"big.geojson"}],"kinds":{"k":{}}}"#;

fn story_with(layer: String) -> BTreeMap<String, String> {
    BTreeMap::from([
        ("story.json".to_string(), STORY.to_string()),
        ("a.txt".to_string(), "Un texte.".to_string()),
        ("big.geojson".to_string(), layer),
    ])
}

fn status_kb(key: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").expect("/proc/self/status");
    status
        .lines()
        .find_map(|l| l.strip_prefix(key))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or_else(|| panic!("{key} not in /proc/self/status"))
}

/// Runs `f` alone and returns its result with the peak resident memory it added, in MB
/// (Linux: the peak is reset through /proc/self/clear_refs first).
fn measured<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let _alone = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
    std::fs::write("/proc/self/clear_refs", "5").expect("reset the peak RSS");
    let before = status_kb("VmRSS:");
    let out = f();
    let peak = status_kb("VmHWM:");
    (out, peak.saturating_sub(before) / 1024)
}

fn lines(files: &BTreeMap<String, String>) -> Vec<String> {
    validate(files).iter().map(|p| p.to_string()).collect()
}

/// A sound feature: `geometry` is the GeoJSON geometry's text.
fn feature(out: &mut String, id: usize, geometry: &str) {
    write!(
        out,
        r#"{{"type":"Feature","id":"f{id}","geometry":{geometry},"properties":{{"kind":"k","name":{{"fr":"a","en":"a"}},"sources":[{{"title":"s"}}],"accuracy":"exact"}}}}"#
    )
    .unwrap();
}

fn collection(features: impl FnOnce(&mut String)) -> String {
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    features(&mut text);
    text.push_str("]}");
    text
}

/// About 50 MB: 2,000 lines of 1,100 positions each, all sound.
fn fifty_megabytes() -> String {
    collection(|out| {
        for id in 0..2_000 {
            if id > 0 {
                out.push(',');
            }
            let mut line = String::from(r#"{"type":"LineString","coordinates":["#);
            for i in 0..1_100 {
                let t = (id * 1_100 + i) as f64 / 2_200_000.0;
                if i > 0 {
                    line.push(',');
                }
                write!(line, "[{:.6},{:.6}]", 44.0 + 4.0 * t, 38.0 + 3.0 * t).unwrap();
            }
            line.push_str("]}");
            feature(out, id, &line);
        }
    })
}

#[test]
fn a_50_megabyte_layer_loads_whole_in_bounded_memory() {
    let text = fifty_megabytes();
    let size_mb = text.len() as u64 / 1_000_000;
    assert!((45..=60).contains(&size_mb), "{size_mb} MB");
    let start = Instant::now();
    let (problems, added_mb) = measured(|| lines(&story_with(text)));
    assert_eq!(problems, Vec::<String>::new());
    eprintln!(
        "50 MB layer: {size_mb} MB of text, {:.1?}, peak memory +{added_mb} MB",
        start.elapsed()
    );
    assert!(added_mb < 20 * size_mb, "peak memory +{added_mb} MB");
}

fn tiny_points(count: usize) -> String {
    collection(|out| {
        for id in 0..count {
            if id > 0 {
                out.push(',');
            }
            let lon = 44.0 + (id % 1000) as f64 / 250.0;
            let lat = 38.0 + (id / 1000) as f64 / 333.0;
            feature(
                out,
                id,
                &format!(r#"{{"type":"Point","coordinates":[{lon:.3},{lat:.3}]}}"#),
            );
        }
    })
}

#[test]
fn a_million_tiny_features_are_refused_at_once_with_the_limit() {
    // 189 MB: loading it would take about 4 GB, the most a WebAssembly tab can have.
    let text = tiny_points(1_000_000);
    let size_mb = text.len() as u64 / 1_000_000;
    let (problems, added_mb) = measured(|| lines(&story_with(text)));
    assert_eq!(
        problems,
        ["big.geojson: is 181 MB; the map reads layers of up to 64 MB: simplify its lines or split it"]
    );
    // The validator holds a copy of the text, and nothing more.
    assert!(added_mb < 2 * size_mb, "peak memory +{added_mb} MB");
}

#[test]
fn a_million_empty_features_are_refused_with_one_line_not_a_million() {
    // 3 MB of `{}`: small enough to read, too many features to list a problem for each.
    let text = collection(|out| out.push_str(&["{}"; 1_000_000].join(",")));
    let (problems, added_mb) = measured(|| lines(&story_with(text)));
    assert_eq!(
        problems,
        ["big.geojson: has 1000000 features; the map draws up to 20000 per layer"]
    );
    assert!(added_mb < 1_000, "peak memory +{added_mb} MB");
}

#[test]
fn the_feature_limit_is_20000_per_layer() {
    assert_eq!(
        lines(&story_with(tiny_points(20_000))),
        Vec::<String>::new()
    );
    assert_eq!(
        lines(&story_with(tiny_points(20_001))),
        ["big.geojson: has 20001 features; the map draws up to 20000 per layer"]
    );
}

/// `depth` arrays, one inside the other.
fn nested(depth: usize) -> String {
    "[".repeat(depth) + &"]".repeat(depth)
}

#[test]
fn json_nested_a_thousand_deep_is_refused_with_its_place_not_a_stack_overflow() {
    let deep = nested(1_000);
    let deep_objects = "{\"x\":".repeat(1_000) + "1" + &"}".repeat(1_000);
    let recursion = Some("recursion limit exceeded");
    let cases = [
        // Where the loader reads values, serde_json stops at 128 levels with an error.
        (
            collection(|out| {
                out.push_str(&format!(
                    r#"{{"type":"Feature","id":"f","geometry":null,"properties":{{"note":{deep}}}}}"#
                ))
            }),
            recursion,
        ),
        (
            collection(|out| {
                out.push_str(&format!(
                    r#"{{"type":"Feature","id":"f","geometry":{{"type":"Point","coordinates":{deep}}},"properties":{{}}}}"#
                ))
            }),
            recursion,
        ),
        (deep.clone(), Some("the file is a list, not a JSON object")),
        // A member the loader does not read is skipped without recursion, however deep.
        (
            format!(r#"{{"type":"FeatureCollection","features":[],"x":{deep_objects}}}"#),
            None,
        ),
        (
            deep_objects.clone(),
            Some("the file has no \"type\" member"),
        ),
    ];
    for (layer, want) in cases {
        let (problems, _) = measured(|| lines(&story_with(layer)));
        match want {
            None => assert_eq!(problems, Vec::<String>::new()),
            Some(want) => {
                assert_eq!(problems.len(), 1, "{problems:?}");
                assert!(
                    problems[0].starts_with("big.geojson: ") && problems[0].contains(want),
                    "{}",
                    problems[0]
                );
            }
        }
    }
    // The manifest: an unread member 1,000 deep is skipped, a typed one refused at once.
    let mut files = story_with(collection(|_| {}));
    files.insert(
        "story.json".into(),
        format!(r#"{{"title":{{"fr":"t"}},"x":{deep},"summary":{deep}}}"#),
    );
    let problems = lines(&files);
    assert_eq!(
        problems,
        ["story.json: invalid JSON at line 1, column 2035: invalid type: sequence, expected a map"]
    );
}

#[test]
fn nesting_just_under_the_parser_limit_is_read_and_reported_not_a_stack_overflow() {
    // serde_json stops at 128 levels; everything below must be walked without trouble:
    // geometry collections inside each other, and coordinates 120 arrays deep.
    let mut geometry = String::from(r#"{"type":"Point","coordinates":[46.0,40.0]}"#);
    for _ in 0..60 {
        geometry = format!(r#"{{"type":"GeometryCollection","geometries":[{geometry}]}}"#);
    }
    let deep_point = format!(
        r#"{{"type":"Point","coordinates":{}}}"#,
        "[".repeat(120) + "1,2" + &"]".repeat(120)
    );
    for (geometry, want) in [
        (geometry, "is a GeometryCollection holding another"),
        (deep_point, ""),
    ] {
        let layer = collection(|out| feature(out, 1, &geometry));
        let (problems, _) = measured(|| lines(&story_with(layer)));
        assert!(!problems.is_empty(), "{geometry:.80}");
        assert!(
            problems
                .iter()
                .all(|p| p.starts_with("big.geojson: feature \"f1\" at features[0].geometry")),
            "{problems:?}"
        );
        assert!(problems.iter().any(|p| p.contains(want)), "{problems:?}");
    }
}
