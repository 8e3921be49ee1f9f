//! Proposes passages for a story folder: every mention of a feature's names in the
//! article and its translations that `story.json` does not link yet, printed as a
//! `passages` fragment to review and copy into `story.json` (which is never written).
//! Exit code 0 with proposals or none, 2 when the folder or its manifest cannot be read.
//!
//!     cargo run --bin propose -- geodata/

/// The core's `propose` module is left out of wasm builds (`src/lib.rs`): this tool runs
/// on an editor's machine only.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    use std::path::Path;
    use std::process::ExitCode;

    use ceasefire_map::propose::propose_for_folder;
    use ceasefire_map::validate::read_folder;

    let dir = std::env::args().nth(1).unwrap_or_else(|| "geodata".into());
    let proposal = match read_folder(Path::new(&dir)).map(|files| propose_for_folder(&files)) {
        Ok(Ok(proposal)) => proposal,
        Ok(Err(e)) => {
            eprintln!("{dir}: {e}");
            return ExitCode::from(2);
        }
        Err(e) => {
            eprintln!("{dir}: cannot read the folder: {e}");
            return ExitCode::from(2);
        }
    };
    let lines: Vec<String> = proposal
        .passages
        .iter()
        .filter_map(|p| serde_json::to_string(p).ok())
        .map(|json| format!("    {json}"))
        .collect();
    println!("{{\n  \"passages\": [\n{}\n  ]\n}}", lines.join(",\n"));
    eprintln!(
        "{dir}: {} passage(s) proposed; {} mention(s) already linked",
        proposal.passages.len(),
        proposal.already_linked
    );
    if !proposal.incomplete.is_empty() {
        eprintln!(
            "{dir}: no counterpart in every language for {}: complete their phrase or drop them",
            proposal.incomplete.join(", ")
        );
    }
    ExitCode::SUCCESS
}
