//! The validator on the fixtures: the good story passes, and each bad fixture (one per
//! rule, see tests/fixtures/README.md) gives a line naming the file, the feature or
//! passage, and what is wrong. The binary's exit codes are checked too.

use std::collections::BTreeMap;
use std::fs;
use std::process::Command;

use ceasefire_map::validate::validate;

fn folder(dir: &str) -> BTreeMap<String, String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            (name, fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The good story with one file replaced by a bad fixture.
fn with_bad(fixture: &str) -> BTreeMap<String, String> {
    let mut files = folder("tests/fixtures/good");
    let target = if fixture.ends_with(".story.json") {
        "story.json"
    } else {
        "layer.geojson"
    };
    let text = fs::read_to_string(format!("tests/fixtures/bad/{fixture}")).unwrap();
    files.insert(target.to_string(), text);
    files
}

const CASES: &[(&str, &str)] = &[
    ("malformed-json.geojson", "layer.geojson: invalid JSON at line 1, column 64"),
    ("truncated.geojson", "layer.geojson: invalid JSON at line 1, column 200: EOF"),
    ("not-a-collection.geojson", "layer.geojson: expected a GeoJSON FeatureCollection, found type \"Feature\""),
    ("missing-id.geojson", "layer.geojson: feature \"#1\": has no string \"id\""),
    ("duplicate-id.geojson", "layer.geojson: feature \"line\": uses an id that another feature already has"),
    ("missing-kind.geojson", "layer.geojson: feature \"line\": bad properties: missing field `kind`"),
    ("name-not-by-language.geojson", "layer.geojson: feature \"line\": bad properties: invalid type: string \"<script>alert(1)</script>\""),
    ("no-english-name.geojson", "layer.geojson: feature \"town\": bad properties: \"name\" has no \"en\" text"),
    ("no-sources.geojson", "layer.geojson: feature \"line\": bad properties: \"sources\" is empty"),
    ("javascript-url.geojson", "layer.geojson: feature \"line\": bad properties: source url \"javascript:alert(1)\" is not http(s)"),
    ("bad-accuracy.geojson", "layer.geojson: feature \"line\": bad properties: unknown variant `roughly`"),
    ("bad-date.geojson", "layer.geojson: feature \"line\": bad properties: \"valid_from\" is \"10 Nov 2020\", not an ISO date"),
    ("dates-reversed.geojson", "layer.geojson: feature \"zone\": bad properties: \"valid_from\" 2026-01-01 is after \"valid_until\" 2025-01-01"),
    ("undated-hand-drawn.geojson", "layer.geojson: feature \"line\": bad properties: a hand-drawn feature needs a date"),
    ("out-of-range.geojson", "layer.geojson: feature \"town\": coordinate out of range: [460.75, 39.82]"),
    ("unclosed-ring.geojson", "layer.geojson: feature \"zone\": bad geometry: the exterior ring is not closed"),
    ("clockwise-ring.geojson", "layer.geojson: feature \"zone\": bad geometry: the exterior ring is clockwise"),
    ("crs-member.geojson", "layer.geojson: has a \"crs\" member"),
    ("geometry-collection.geojson", "layer.geojson: feature \"town\": bad geometry: GeometryCollection is not supported"),
    ("no-geometry.geojson", "layer.geojson: feature \"town\": bad geometry: the feature has no geometry"),
    ("short-position.geojson", "layer.geojson: feature \"zone\": bad geometry: a position has 0 number(s), fewer than 2"),
    ("unknown-feature.story.json", "story.json: passage \"p-line\": links to feature \"nowhere\", which no layer has"),
    ("phrase-not-found.story.json", "story.json: passage \"p-line\": \"le couloir\" is not in the article"),
    ("overlapping-passages.story.json", "story.json: passage \"p-overlap\": overlaps passage \"p-line\""),
    ("unsafe-colour.story.json", "story.json: kind \"contact-line\": colour \"url(https://example.org/x)\" is not"),
    ("missing-layer-file.story.json", "missing.geojson: could not be loaded (no such file)"),
    ("bad-article-date.story.json", "story.json: article.date is \"19/11/2020\", not an ISO date"),
    ("timeline-unknown-passage.story.json", "story.json: timeline moment 2020-11-10: passage \"p-nowhere\" does not exist"),
];

#[test]
fn the_good_fixture_and_the_shipped_story_are_sound() {
    assert_eq!(validate(&folder("tests/fixtures/good")), vec![]);
    let problems: Vec<String> = validate(&folder("geodata"))
        .iter()
        .map(|p| p.to_string())
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn each_bad_fixture_is_reported_with_file_item_and_reason() {
    let fixtures: Vec<String> = fs::read_dir("tests/fixtures/bad")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for fixture in &fixtures {
        assert!(
            CASES.iter().any(|(f, _)| f == fixture),
            "{fixture} has no case in the table"
        );
    }
    for (fixture, want) in CASES {
        let problems: Vec<String> = validate(&with_bad(fixture))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(
            problems.iter().any(|p| p.starts_with(want)),
            "{fixture}: expected a line starting with\n  {want}\ngot\n  {}",
            problems.join("\n  ")
        );
    }
}

#[test]
fn the_binary_prints_one_line_per_problem_and_exits_1() {
    let bin = env!("CARGO_BIN_EXE_validate");
    let ok = Command::new(bin)
        .arg("tests/fixtures/good")
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );

    let dir = std::env::temp_dir().join(format!("ceasefire-validate-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    for (name, text) in with_bad("no-sources.geojson") {
        fs::write(dir.join(name), text).unwrap();
    }
    let bad = Command::new(bin).arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1));
    // The feature is refused, so the passage that links to it is reported too.
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{stdout}");
    assert!(
        lines[0].ends_with("layer.geojson: feature \"line\": bad properties: \"sources\" is empty")
    );
    assert!(lines[1].ends_with(
        "story.json: passage \"p-line\": links to feature \"line\", which no layer has"
    ));
    assert!(lines
        .iter()
        .all(|l| l.starts_with(&dir.display().to_string())));
    fs::remove_dir_all(&dir).unwrap();

    let missing = Command::new(bin).arg("no/such/folder").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}
