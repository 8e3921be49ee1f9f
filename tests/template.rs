//! The story template (`templates/story/`, copied by `make new-story`): it passes the
//! validator, holds what it promises (a point, a line and an area, each linked from the
//! article, a two-moment timeline, a style for every kind), speaks of nothing of the
//! shipped story, and `make new-story` copies it without ever overwriting a folder.

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

use ceasefire_map::layer::Shape;
use ceasefire_map::validate::{load, read_folder, validate};

const TEMPLATE: &str = "templates/story";

#[test]
fn the_template_is_a_sound_story() {
    let files = read_folder(Path::new(TEMPLATE)).unwrap();
    let problems: Vec<String> = validate(&files).iter().map(|p| p.to_string()).collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_template_has_a_point_a_line_and_an_area_each_linked_and_styled() {
    let model = load(&read_folder(Path::new(TEMPLATE)).unwrap()).unwrap();
    let shapes: BTreeSet<&str> = model
        .features()
        .map(|f| match f.shape {
            Shape::Points(_) => "point",
            Shape::Lines(_) => "line",
            Shape::Areas(_) => "area",
        })
        .collect();
    assert_eq!(shapes, BTreeSet::from(["area", "line", "point"]));
    for f in model.features() {
        assert!(
            !model.passages_of(&f.id).is_empty(),
            "{} has no passage",
            f.id
        );
        let style = model.story.kinds.get(&f.kind);
        assert!(
            style.is_some_and(|s| s.label.has("en") && s.stroke.is_some()),
            "kind {} has no style or legend label",
            f.kind
        );
        assert!(!f.sources.is_empty() && (f.as_of.is_some() || f.valid_from.is_some()));
    }
    let timeline = model.story.timeline.as_ref().unwrap();
    assert_eq!(timeline.moments.len(), 2);
    assert!(timeline.moments.iter().all(|m| !m.passages.is_empty()));
    assert_eq!(model.languages(), ["en"]);
}

#[test]
fn the_template_speaks_of_nothing_of_the_shipped_story() {
    for (name, text) in read_folder(Path::new(TEMPLATE)).unwrap() {
        let lower = text.to_lowercase();
        for word in ["karabakh", "armenia", "azerbaijan", "ceasefire", "lachin"] {
            assert!(!lower.contains(word), "{name} mentions {word}");
        }
    }
}

fn new_story(name: &Path) -> std::process::Output {
    Command::new("make")
        .arg("--no-print-directory")
        .arg("new-story")
        .arg(format!("NAME={}", name.display()))
        .output()
        .expect("make runs")
}

#[test]
fn make_new_story_copies_the_template_and_never_overwrites() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("new-story");
    let _ = std::fs::remove_dir_all(&root);
    let dir = root.join("stories/my-story");
    let made = new_story(&dir);
    assert!(made.status.success(), "{made:?}");
    assert_eq!(
        read_folder(&dir).unwrap(),
        read_folder(Path::new(TEMPLATE)).unwrap()
    );

    std::fs::write(dir.join("article.txt"), "The editor's own text.").unwrap();
    let again = new_story(&dir);
    assert!(!again.status.success(), "{again:?}");
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let kept = std::fs::read_to_string(dir.join("article.txt")).unwrap();
    assert_eq!(kept, "The editor's own text.");

    let nameless = Command::new("make").arg("new-story").output().unwrap();
    assert!(!nameless.status.success());
    assert!(String::from_utf8_lossy(&nameless.stderr).contains("usage: make new-story NAME="));
}
