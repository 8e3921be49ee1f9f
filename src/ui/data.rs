//! Fetching the story's files. Nothing else happens here: the story names its files
//! ([`Story::files`]) and the pure core builds the model from their texts
//! ([`Model::load`]).

use std::time::Duration;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::error::{DataError, Reason};
use crate::model::{Model, Texts};
use crate::story::{Story, MANIFEST};

/// Where the story's files are, relative to the page (so the bundle works from any
/// sub-path).
pub const DATA_DIR: &str = "geodata/";

/// How long a file may take before its loading is abandoned (the rest still shows).
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

/// Fetches a file of the story as text, turning network failures, HTTP errors and
/// time-outs into a [`DataError`] naming the file as the browser sees it.
pub async fn fetch_text(file: &str) -> Result<String, DataError> {
    let path = format!("{DATA_DIR}{file}");
    let fail = |why: String| DataError::file(path.clone(), Reason::Fetch(why));
    let controller = web_sys::AbortController::new().ok();
    let signal = controller.as_ref().map(web_sys::AbortController::signal);
    let timer = controller.clone().and_then(|c| {
        leptos::prelude::set_timeout_with_handle(move || c.abort(), FETCH_TIMEOUT).ok()
    });
    let timed_out = || signal.as_ref().is_some_and(web_sys::AbortSignal::aborted);
    let why = |e: gloo_net::Error| {
        if timed_out() {
            format!("no answer after {} s", FETCH_TIMEOUT.as_secs())
        } else {
            e.to_string()
        }
    };
    let result = async {
        let response = Request::get(&path)
            .abort_signal(signal.as_ref())
            .send()
            .await
            .map_err(|e| fail(why(e)))?;
        if !response.ok() {
            return Err(fail(format!(
                "HTTP {} {}",
                response.status(),
                response.status_text()
            )));
        }
        response.text().await.map_err(|e| fail(why(e)))
    }
    .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    result
}

/// Loads the whole story: the manifest first, then every file it names at once. Only a
/// missing or unreadable manifest is fatal; anything else becomes a problem in the
/// model and the rest still shows.
pub async fn load_story() -> Result<Model, DataError> {
    let manifest = fetch_text(MANIFEST).await?;
    let story = Story::parse(&format!("{DATA_DIR}{MANIFEST}"), &manifest)?;
    let fetched = join_all(
        story
            .files()
            .into_iter()
            .map(|file| async move { (file.to_string(), fetch_text(file).await) }),
    )
    .await;
    // Inserted one by one: collecting into a map would sort (wasm size).
    let mut texts = Texts::new();
    for (file, text) in fetched {
        texts.insert(file, text);
    }
    Ok(Model::load(story, DATA_DIR, &texts))
}
