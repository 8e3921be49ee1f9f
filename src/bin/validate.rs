//! Checks a story folder and prints one line per problem (file, feature or passage,
//! what is wrong). Exit code 0 when the story is sound, 1 when anything is wrong,
//! 2 when the folder cannot be read.
//!
//!     cargo run --bin validate -- geodata/

use std::collections::BTreeMap;
use std::path::Path;
use std::process::ExitCode;

use ceasefire_map::validate::validate;

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "geodata".into());
    let entries = match std::fs::read_dir(&dir) {
        Ok(entries) => entries,
        Err(e) => {
            eprintln!("{dir}: cannot read the folder: {e}");
            return ExitCode::from(2);
        }
    };
    let mut files = BTreeMap::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if !path.is_file() {
            continue;
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        // Non-UTF-8 text is read lossily, so the parser reports where it breaks.
        match std::fs::read(&path) {
            Ok(bytes) => {
                files.insert(name, String::from_utf8_lossy(&bytes).into_owned());
            }
            Err(e) => eprintln!(
                "{}: cannot read: {e}",
                Path::new(&dir).join(&name).display()
            ),
        }
    }
    let problems = validate(&files);
    for p in &problems {
        println!("{}{p}", prefix(&dir));
    }
    if problems.is_empty() {
        println!("{dir}: the story is sound ({} files)", files.len());
        ExitCode::SUCCESS
    } else {
        eprintln!("{dir}: {} problem(s)", problems.len());
        ExitCode::from(1)
    }
}

/// The folder as a prefix of file names, so each line names the file as on disk.
fn prefix(dir: &str) -> String {
    if dir.ends_with('/') {
        dir.to_string()
    } else {
        format!("{dir}/")
    }
}
