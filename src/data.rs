//! Fetching the story's files. Nothing else happens here: parsing is in the pure core.

use std::time::Duration;

use futures::future::join_all;
use gloo_net::http::Request;

use crate::error::{DataError, Reason};
use crate::model::Model;
use crate::story::{Story, MANIFEST};

/// Where the story's files are, relative to the page (so the bundle works from any
/// sub-path).
pub const DATA_DIR: &str = "geodata/";

/// The path of a data file as errors name it.
pub fn data_path(file: &str) -> String {
    format!("{DATA_DIR}{file}")
}

/// How long a file may take before its loading is abandoned (the rest still shows).
pub const FETCH_TIMEOUT: Duration = Duration::from_secs(20);

/// Fetches a text file, turning network failures, HTTP errors and time-outs into a
/// [`DataError`] naming the file.
pub async fn fetch_text(file: &str) -> Result<String, DataError> {
    let path = data_path(file);
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

/// Loads the whole story: the manifest first, then every layer and the article at once.
/// Only a missing or unreadable manifest is fatal; anything else becomes a problem in
/// the model and the rest still shows.
pub async fn load_story() -> Result<Model, DataError> {
    let manifest = fetch_text(MANIFEST).await?;
    let mut story = Story::parse(&data_path(MANIFEST), &manifest)?;
    // Errors name files as the reader's browser sees them.
    for layer in &mut story.layers {
        layer.file = data_path(&layer.file);
    }
    let layer_files: Vec<String> = story
        .layers
        .iter()
        .map(|l| l.file.trim_start_matches(DATA_DIR).to_string())
        .collect();
    let translations: Vec<(String, String)> = story
        .article
        .translations
        .iter()
        .map(|(lang, file)| (lang.clone(), file.clone()))
        .collect();
    let layers = join_all(layer_files.iter().map(|f| fetch_text(f)));
    let article = fetch_text(&story.article.file);
    let translated = join_all(
        translations
            .iter()
            .map(|(lang, file)| async move { (lang.clone(), fetch_text(file).await) }),
    );
    let inset_file = story.inset.as_ref().map(|i| i.file.clone());
    let inset = async move {
        match inset_file {
            Some(file) => fetch_text(&file).await,
            None => Ok(String::new()),
        }
    };
    let (layer_texts, article_text, translation_texts, inset_text) =
        futures::join!(layers, article, translated, inset);
    Ok(Model::assemble(story, layer_texts, article_text)
        .with_translations(translation_texts)
        .with_inset(inset_text))
}
