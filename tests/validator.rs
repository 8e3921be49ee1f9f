//! The validator on the fixtures: the good story passes, and each bad fixture (one per
//! rule, see tests/fixtures/README.md) gives a line naming the file, the feature or
//! passage, and what is wrong. The binary's exit codes are checked too.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::process::Command;

use ceasefire_map::validate::validate;
use serde::Deserialize;

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

/// One row of `tests/fixtures/bad/expected.json`: the bad fixture, the file of the good
/// story it replaces, and the start of the line the validator prints for it.
#[derive(Deserialize)]
struct Case {
    fixture: String,
    replaces: String,
    message: String,
}

fn cases() -> Vec<Case> {
    let text = fs::read_to_string("tests/fixtures/bad/expected.json").unwrap();
    serde_json::from_str(&text).expect("tests/fixtures/bad/expected.json")
}

/// The good story with one file replaced by a bad fixture.
fn with_bad(case: &Case) -> BTreeMap<String, String> {
    let mut files = folder("tests/fixtures/good");
    assert!(
        files.contains_key(&case.replaces),
        "{}: replaces {:?}, which the good story does not have",
        case.fixture,
        case.replaces
    );
    let text = fs::read_to_string(format!("tests/fixtures/bad/{}", case.fixture)).unwrap();
    files.insert(case.replaces.clone(), text);
    files
}

/// The fixture names in the first column of the README's table.
fn readme_rows() -> BTreeSet<String> {
    fs::read_to_string("tests/fixtures/README.md")
        .unwrap()
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split_once('`'))
        .map(|(name, _)| name.to_string())
        .collect()
}

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
fn every_bad_fixture_has_its_row_in_the_table_and_the_readme() {
    let files: BTreeSet<String> = fs::read_dir("tests/fixtures/bad")
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name != "expected.json")
        .collect();
    let rows: Vec<String> = cases().into_iter().map(|c| c.fixture).collect();
    let table: BTreeSet<String> = rows.iter().cloned().collect();
    assert_eq!(
        rows.len(),
        table.len(),
        "a fixture has two rows in expected.json"
    );
    assert_eq!(
        files, table,
        "files in tests/fixtures/bad/ vs rows of expected.json"
    );
    assert_eq!(
        files,
        readme_rows(),
        "files in tests/fixtures/bad/ vs the README's table"
    );
    for case in cases() {
        let want = if case.fixture.ends_with(".story.json") {
            "story.json"
        } else {
            "layer.geojson"
        };
        assert_eq!(case.replaces, want, "{}", case.fixture);
    }
}

#[test]
fn each_bad_fixture_is_reported_with_file_item_and_reason() {
    for case in cases() {
        let problems: Vec<String> = validate(&with_bad(&case))
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert!(
            problems.iter().any(|p| p.starts_with(&case.message)),
            "{}: expected a line starting with\n  {}\ngot\n  {}",
            case.fixture,
            case.message,
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
    let no_sources = cases()
        .into_iter()
        .find(|c| c.fixture == "no-sources.geojson")
        .unwrap();
    for (name, text) in with_bad(&no_sources) {
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
