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
    let good = folder("tests/fixtures/good");
    for case in cases() {
        assert!(
            good.contains_key(&case.replaces),
            "{}: replaces {:?}, which the good story does not have",
            case.fixture,
            case.replaces
        );
        assert_eq!(
            case.fixture.ends_with(".story.json"),
            case.replaces == "story.json",
            "{}: only *.story.json fixtures replace story.json",
            case.fixture
        );
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

/// The ids of the features in one file of the good story.
fn good_ids(file: &str) -> BTreeSet<String> {
    let Ok(text) = fs::read_to_string(format!("tests/fixtures/good/{file}")) else {
        return BTreeSet::new();
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
        return BTreeSet::new();
    };
    value["features"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["id"].as_str().map(str::to_string))
        .collect()
}

/// The feature of `line` when it is a passage's link to a feature that no layer has.
fn broken_link(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("story.json: passage \"")?;
    let (_, rest) = rest.split_once("\": links to feature \"")?;
    rest.strip_suffix("\", which no layer has")
}

#[test]
fn each_bad_fixture_breaks_exactly_one_rule() {
    for case in cases() {
        let lines: Vec<String> = validate(&with_bad(&case))
            .iter()
            .map(|p| p.to_string())
            .collect();
        // A file that cannot be read at all takes its features with it: the passages
        // that link to them are reported too. That is the only follow-on allowed.
        let lost = good_ids(&case.replaces);
        let (follow_on, own): (Vec<&String>, Vec<&String>) = lines
            .iter()
            .partition(|l| broken_link(l).is_some_and(|id| lost.contains(id)));
        assert_eq!(
            own.len(),
            1,
            "{}: expected one problem, got\n  {}",
            case.fixture,
            lines.join("\n  ")
        );
        assert!(
            own[0].starts_with(&case.message),
            "{}: {}",
            case.fixture,
            own[0]
        );
        if !follow_on.is_empty() {
            let whole_file = own[0]
                .strip_prefix(&format!("{}: ", case.replaces))
                .is_some_and(|rest| !rest.starts_with("feature \""));
            assert!(
                whole_file,
                "{}: only a whole-file problem may lose linked features: {}\n  {}",
                case.fixture,
                own[0],
                lines.join("\n  ")
            );
        }
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
    let truncated = cases()
        .into_iter()
        .find(|c| c.fixture == "truncated.geojson")
        .unwrap();
    let files = with_bad(&truncated);
    for (name, text) in &files {
        fs::write(dir.join(name), text).unwrap();
    }
    let bad = Command::new(bin).arg(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&bad.stdout);
    assert_eq!(bad.status.code(), Some(1));
    // The layer cannot be read, so the three passages that link to its features are
    // reported too: one line per problem, each naming the file inside the folder.
    let want: Vec<String> = validate(&files)
        .iter()
        .map(|p| format!("{}/{p}", dir.display()))
        .collect();
    assert_eq!(want.len(), 4, "{want:?}");
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines, want, "{stdout}");
    fs::remove_dir_all(&dir).unwrap();

    let missing = Command::new(bin).arg("no/such/folder").output().unwrap();
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn no_line_carries_the_parsers_words() {
    // Words of serde and of Rust types that once reached editors: a message says what is
    // wrong in the data's own terms instead.
    let parser_words = [
        "invalid type",
        "expected struct",
        "missing field",
        "unknown variant",
        "expected f64",
        "Helper",
        "RawCollection",
    ];
    for case in cases() {
        for line in validate(&with_bad(&case)) {
            let line = line.to_string();
            assert!(
                !parser_words.iter().any(|w| line.contains(w)),
                "{}: {line}",
                case.fixture
            );
        }
    }
}
