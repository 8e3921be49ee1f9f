//! Checks a story folder and prints one line per problem (file, feature or passage,
//! what is wrong). Exit code 0 when the story is sound, 1 when anything is wrong,
//! 2 when the folder cannot be read.
//!
//!     cargo run --bin validate -- geodata/

use std::path::Path;
use std::process::ExitCode;

use ceasefire_map::validate::{read_folder, validate};

fn main() -> ExitCode {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "geodata".into());
    let files = match read_folder(Path::new(&dir)) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("{dir}: cannot read the folder: {e}");
            return ExitCode::from(2);
        }
    };
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
