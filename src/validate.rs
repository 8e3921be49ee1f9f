//! The validator for editors: a story folder checked as the map loads it ([`Model::load`],
//! so the map and the validator report the same problems), plus what only a folder can
//! show: GeoJSON files the story does not list still obey the rules, and their ids still
//! count for uniqueness.

use std::collections::{BTreeMap, BTreeSet};

use crate::error::{DataError, Reason};
use crate::layer::{checked_layer, Expect};
use crate::model::{Model, Texts};
use crate::story::{Story, MANIFEST};

/// Checks a story folder given as file name -> text (names relative to the folder).
/// Returns every problem, in the order met; empty means the story is sound.
///
/// # Examples
/// ```
/// use std::collections::BTreeMap;
/// use ceasefire_map::validate::validate;
/// let problems = validate(&BTreeMap::new());
/// assert_eq!(problems[0].to_string(), "story.json: could not be loaded (no such file)");
/// ```
pub fn validate(files: &BTreeMap<String, String>) -> Vec<DataError> {
    let model = match load(files) {
        Ok(model) => model,
        Err(e) => return vec![e],
    };
    let mut problems = model.problems.clone();
    let mut ids = model.ids.clone();
    let kinds: Vec<String> = model.story.kinds.keys().cloned().collect();
    let expect = Expect {
        kinds: Some(&kinds),
    };
    let listed: BTreeSet<&str> = model.story.files().into_iter().collect();
    for (file, text) in files.iter().filter(|(f, _)| f.ends_with(".geojson")) {
        if !listed.contains(file.as_str()) {
            match checked_layer(file, text, &mut ids, &expect) {
                Ok((_, bad)) => problems.extend(bad),
                Err(e) => problems.push(e),
            }
        }
    }
    problems
}

/// Loads the story of a folder given as file name -> text, as the map would: only a
/// manifest that is missing or unreadable is an error.
pub fn load(files: &BTreeMap<String, String>) -> Result<Model, DataError> {
    let manifest = files
        .get(MANIFEST)
        .ok_or_else(|| DataError::file(MANIFEST, Reason::Fetch("no such file".into())))?;
    let story = Story::parse(MANIFEST, manifest)?;
    let texts: Texts = story
        .files()
        .into_iter()
        .filter_map(|f| Some((f.to_string(), Ok(files.get(f)?.clone()))))
        .collect();
    Ok(Model::load(story, "", &texts))
}

/// Reads every file of a folder (not its subfolders) as text, by name. Text that is not
/// UTF-8 is read lossily, so the parser reports where it breaks.
pub fn read_folder(dir: &std::path::Path) -> std::io::Result<BTreeMap<String, String>> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if !path.is_file() {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = std::fs::read(&path)?;
        files.insert(name, String::from_utf8_lossy(&bytes).into_owned());
    }
    Ok(files)
}
