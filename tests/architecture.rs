//! The shape of the code, checked: the core's modules import one another without a
//! circle, the core never imports the web shell, and no file of the shell (`src/ui/`)
//! computes geometry or looks up links itself: it calls the core.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The top-level module a file of `src/` belongs to (`src/layer/rules.rs` -> `layer`).
fn module_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix("src").ok()?;
    let first = rel.components().next()?.as_os_str().to_string_lossy();
    let name = first.trim_end_matches(".rs").to_string();
    (!matches!(name.as_str(), "lib" | "main" | "bin")).then_some(name)
}

/// The code of a file without its tests (a test may use anything) and its comments
/// (a doc link is no import).
fn code(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap();
    let text = match text.find("#[cfg(test)]") {
        Some(at) => &text[..at],
        None => &text,
    };
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules that `text` names as `crate::NAME`.
fn imports(text: &str) -> BTreeSet<String> {
    text.match_indices("crate::")
        .map(|(at, _)| {
            text[at + 7..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect::<String>()
        })
        .filter(|name| !name.is_empty())
        .collect()
}

/// Module -> the modules it imports (itself left out).
fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for path in rust_files(Path::new("src")) {
        let Some(module) = module_of(&path) else {
            continue;
        };
        let mut uses = imports(&code(&path));
        uses.remove(&module);
        graph.entry(module).or_default().extend(uses);
    }
    graph
}

/// A circle through `start`, if there is one.
fn circle_from(graph: &BTreeMap<String, BTreeSet<String>>, start: &str) -> Option<Vec<String>> {
    fn walk(
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        seen: &mut BTreeSet<String>,
        start: &str,
    ) -> bool {
        let last = path.last().unwrap().clone();
        for next in graph.get(&last).into_iter().flatten() {
            if next == start {
                path.push(next.clone());
                return true;
            }
            if seen.insert(next.clone()) {
                path.push(next.clone());
                if walk(graph, path, seen, start) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut path = vec![start.to_string()];
    walk(graph, &mut path, &mut BTreeSet::new(), start).then_some(path)
}

#[test]
fn the_modules_import_one_another_without_a_circle() {
    let graph = graph();
    assert!(graph.len() > 15, "{graph:?}");
    for module in graph.keys() {
        if let Some(circle) = circle_from(&graph, module) {
            panic!("import circle: {}", circle.join(" -> "));
        }
    }
}

#[test]
fn the_core_never_imports_the_shell() {
    for (module, uses) in graph() {
        if module != "ui" {
            assert!(!uses.contains("ui"), "{module} imports the web shell");
        }
    }
}

#[test]
fn the_shell_computes_no_geometry_and_looks_up_no_links() {
    // What only the core may do: project, invert, fit, rank, and read the link index.
    let forbidden = [
        ".project(",
        ".invert(",
        "Projection::fit",
        "Viewport::fitting",
        "Detail::new",
        ".index.",
        "zip(",
        "enumerate(",
    ];
    let mut found = Vec::new();
    for path in rust_files(Path::new("src/ui")) {
        let text = code(&path);
        for line in text.lines() {
            for word in forbidden {
                if line.contains(word) {
                    found.push(format!("{}: {word}: {}", path.display(), line.trim()));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    graph.insert("a".into(), ["b".to_string()].into());
    graph.insert("b".into(), ["c".to_string()].into());
    graph.insert("c".into(), ["a".to_string()].into());
    assert_eq!(circle_from(&graph, "a").unwrap(), ["a", "b", "c", "a"]);
    graph.insert("c".into(), BTreeSet::new());
    assert_eq!(circle_from(&graph, "a"), None);
    assert_eq!(
        imports("use crate::svg::num; crate::layer::X"),
        ["layer".to_string(), "svg".to_string()].into()
    );
}

/// The words of the shipped story: its kinds, its feature ids and names (of four letters
/// or more), from `geodata/`.
fn story_words() -> BTreeSet<String> {
    let json = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap()
    };
    let story = json(Path::new("geodata/story.json"));
    let mut words: BTreeSet<String> = story["kinds"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    for entry in fs::read_dir("geodata").unwrap().flatten() {
        if entry.path().extension().is_some_and(|e| e == "geojson") {
            for f in json(&entry.path())["features"].as_array().unwrap() {
                words.insert(f["id"].as_str().unwrap().to_string());
                for name in f["properties"]["name"]
                    .as_object()
                    .into_iter()
                    .flat_map(|n| n.values())
                {
                    words.insert(name.as_str().unwrap().to_string());
                }
            }
        }
    }
    words.retain(|w| w.chars().count() >= 4);
    words
}

/// Whether `word` is in `text` as a word of its own or the end of a class name
/// (`map-kind-town`), not inside another (`Georgian`, `town-hall`).
fn has_word(text: &str, word: &str) -> bool {
    let letter = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(word).any(|(at, _)| {
        !text[..at].chars().next_back().is_some_and(letter)
            && !text[at + word.len()..]
                .chars()
                .next()
                .is_some_and(|c| letter(c) || c == '-')
    })
}

#[test]
fn the_engine_names_nothing_of_the_shipped_story() {
    // Another story must look and read the same: no kind, feature or place of the
    // Karabakh story in the code, the stylesheet or the page shell. (A serif font named
    // Georgia is no country.)
    let words = story_words();
    assert!(
        words.contains("contact-line") && words.contains("Stepanakert"),
        "{words:?}"
    );
    let mut files: Vec<(PathBuf, String)> = rust_files(Path::new("src"))
        .into_iter()
        .map(|p| (p.clone(), code(&p)))
        .collect();
    for shell in ["style/main.css", "index.html", "embed/embed.js"] {
        // Comments may give the shipped story as an example; code may not.
        let text = fs::read_to_string(shell).unwrap().replace("Georgia, ", "");
        let text: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        files.push((PathBuf::from(shell), text));
    }
    let mut found = Vec::new();
    for (path, text) in &files {
        for word in &words {
            if has_word(text, word) {
                found.push(format!("{}: {word}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
    // The check itself finds a word, and only a whole one.
    assert!(has_word(".map-kind-contact-line .x", "contact-line"));
    assert!(!has_word("Georgian", "Georgia"));
    assert!(!has_word("\"town-hall\"", "town"));
}
