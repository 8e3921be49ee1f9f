//! Embed mode (`?embed`): the page tells its host how tall it is and what the reader
//! selects, and takes selections from the host page's own text, by `postMessage`,
//! trusting only the host's origin. The protocol itself is in [`crate::embed`].

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::embed::{height_message, host_origin, origin_allowed, selected_message, HostMessage};
use crate::selection::Selection;
use crate::ui::AppState;

/// Starts the bridge when the page is embedded (`?embed`).
pub fn start(state: AppState) {
    let window = window();
    let search = window.location().search().unwrap_or_default();
    if !crate::embed::is_embed(&search) {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-embed", "true");
    }
    let Some(host) = host_origin(&search, &document().referrer()) else {
        return; // no known host: nothing is sent, nothing is trusted
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    let post = {
        let (parent, host) = (parent.clone(), host.clone());
        move |json: String| {
            if let Ok(message) = js_sys::JSON::parse(&json) {
                let _ = parent.post_message(&message, &host);
            }
        }
    };

    // The content's height, whenever it changes.
    let post_height = {
        let post = post.clone();
        Closure::<dyn Fn()>::new(move || {
            if let Some(root) = document().document_element() {
                post(height_message(root.scroll_height()));
            }
        })
    };
    if let (Ok(observer), Some(body)) = (
        web_sys::ResizeObserver::new(post_height.as_ref().unchecked_ref()),
        document().body(),
    ) {
        observer.observe(&body);
    }
    post_height.forget();

    // What the reader selects.
    Effect::new({
        let post = post.clone();
        move |previous: Option<Selection>| {
            let now = state.selection();
            if previous.is_some_and(|p| p != now) {
                post(selected_message(&now));
            }
            now
        }
    });

    // What the host page asks: only from the parent window, and only from its origin.
    let _ = window_event_listener(leptos::ev::message, move |ev: web_sys::MessageEvent| {
        // Compared as JS values: a cross-origin window is no `instanceof Window` here.
        let from_parent = ev
            .source()
            .is_some_and(|s| JsValue::from(s) == JsValue::from(parent.clone()));
        if !from_parent || !origin_allowed(&ev.origin(), Some(&host)) {
            return;
        }
        let Some(json) = js_sys::JSON::stringify(&ev.data())
            .ok()
            .and_then(|s| s.as_string())
        else {
            return;
        };
        let Some(HostMessage::Select(selection)) = HostMessage::parse(&json) else {
            return;
        };
        let known = state.with_model_untracked(|m| m.as_ref().is_some_and(|m| m.has(&selection)));
        if known {
            state.select_from_host(selection);
        }
    });
}
