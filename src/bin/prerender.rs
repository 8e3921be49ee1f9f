//! Writes the static page (`ceasefire_map::page`) into a built `index.html`: the story's
//! article, map, legend and credits, readable before any code runs (and without it).
//! Trunk runs it after each build (`Trunk.toml`), for `make dist` and `make serve`.
//!
//!     cargo run --bin prerender -- geodata/ dist/index.html
//!
//! Exit code 0 when the page is written (problems in the story are printed, and shown
//! on the page as the app shows them), 1 when the story's manifest or the page cannot
//! be read or written.

use std::path::Path;
use std::process::ExitCode;

use ceasefire_map::page::{into_index, static_page};
use ceasefire_map::validate::{load, read_folder};

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(index)) = (args.next(), args.next()) else {
        eprintln!("usage: prerender STORY-FOLDER INDEX.HTML");
        return ExitCode::from(1);
    };
    let written = read_folder(Path::new(&dir))
        .map_err(|e| format!("{dir}: cannot read the folder: {e}"))
        .and_then(|files| load(&files).map_err(|e| format!("{dir}/{e}")))
        .and_then(|model| {
            for p in &model.problems {
                eprintln!("{dir}/{p}");
            }
            let html = std::fs::read_to_string(&index)
                .map_err(|e| format!("{index}: cannot be read: {e}"))?;
            let page = static_page(&model);
            let html = into_index(&html, &page).map_err(|e| format!("{index}: {e}"))?;
            std::fs::write(&index, html).map_err(|e| format!("{index}: cannot be written: {e}"))?;
            Ok(page.len())
        });
    match written {
        Ok(bytes) => {
            println!("{index}: static page written ({bytes} bytes)");
            ExitCode::SUCCESS
        }
        Err(why) => {
            eprintln!("{why}");
            ExitCode::from(1)
        }
    }
}
