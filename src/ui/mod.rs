//! The DOM shell: components that wire signals to views and events to the pure core.
//! Compiled for wasm32 only; nothing here computes geometry or looks up links.
//!
//! - [`state`]: the one [`AppState`] of signals, behind methods; [`data`]: fetching the
//!   story's files.
//! - [`start`] mounts the [`App`]; when the page came with its static view (written at
//!   build time by [`crate::page`]), the app is built off the page and takes the static
//!   view's place in one step once the story is loaded ([`take_over`]).
//! - [`Page`] lays out the components: [`MapView`] (a folder: the map, its features, its
//!   controls, its motion, the locator map), [`FeatureList`], [`Details`],
//!   [`TimeControl`], [`Legend`], [`ArticleView`], [`Problems`]; `export` writes the
//!   view as SVG or PNG; `embed_bridge` talks to a host page.

mod article_view;
pub mod data;
mod details;
mod embed_bridge;
mod export;
mod feature_list;
mod legend;
mod map;
mod problems;
pub mod state;
mod status;
mod time_control;

use std::cell::RefCell;

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::{endonym, t};
use crate::names::Names;
use crate::selection::Selection;
use crate::story::Story;
use crate::url::{theme_from_query, UrlState};
use data::load_story;
pub use state::AppState;

pub use article_view::ArticleView;
pub use details::Details;
pub use feature_list::FeatureList;
pub use legend::Legend;
pub use map::MapView;
pub use problems::Problems;
pub use status::Status;
pub use time_control::TimeControl;

thread_local! {
    /// The element the app is built in while the static view is shown (off the page).
    static OFF_PAGE: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

/// Whether the app is on the page (it has taken over, or the page came without a
/// static view).
fn on_page() -> bool {
    OFF_PAGE.with(|o| o.borrow().is_none())
}

/// The static view's elements: the body's children that carry `data-prerendered`.
const STATIC_VIEW: &str = "body > [data-prerendered]";

/// The size of the static view's map box, when the page came with one: the app's map
/// will have the same box, so it is drawn once, at its size, off the page.
pub(crate) fn static_map_size() -> Option<(f64, f64)> {
    let el = document()
        .query_selector(&format!("{STATIC_VIEW} .map-box"))
        .ok()??;
    let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
    (w >= 1.0 && h >= 1.0).then_some((w, h))
}

/// Starts the app: into the body, or, when the page came with its static view, off the
/// page until the story is loaded (see [`take_over`]).
pub fn start() {
    let off_page = document()
        .query_selector(STATIC_VIEW)
        .ok()
        .flatten()
        .and_then(|_| document().create_element("div").ok());
    match off_page {
        Some(element) => {
            OFF_PAGE.with(|o| *o.borrow_mut() = Some(element.clone()));
            leptos::mount::mount_to(element.unchecked_into(), App).forget();
        }
        None => leptos::mount::mount_to_body(App),
    }
}

/// Puts the app in the static view's place, in one step: the app's elements go where
/// the static ones were and those leave in the same task, so no frame shows neither,
/// and the contract's hooks (which only the app carries) are never on the page twice.
/// The scroll position is kept, and the focus goes to the app's element for the static
/// one that had it, and `<html lang>` and the document's title become the app's
/// language. Then `data-ready="true"` on `<html>` says the app is in charge.
async fn take_over(state: AppState) {
    if !on_page() {
        // Every effect of the new story runs in microtasks: after one macrotask the
        // app's view is drawn (the static view stays on screen meanwhile, and the app
        // stays off the page for its effects: see `LanguageSwitch`).
        next_task(false).await;
        let Some(off_page) = OFF_PAGE.with(|o| o.borrow_mut().take()) else {
            return;
        };
        swap(&off_page);
        untrack(|| write_document(&state.lang(), story_text(state, |s| &s.title)));
        // The map measures its box in the first frame on the page (before it paints):
        // ready once that frame is done.
        next_task(true).await;
    }
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-ready", "true");
    }
}

/// Writes the page's language on `<html>`, and the story's title as the document's.
fn write_document(lang: &str, title: Option<String>) {
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("lang", lang);
    }
    if let Some(title) = title {
        document().set_title(&title);
    }
}

/// Resolves in the next task, or in the first task after the next frame.
async fn next_task(after_frame: bool) {
    let (done, later) = futures::channel::oneshot::channel::<()>();
    let queue = move || {
        set_timeout(
            move || {
                let _ = done.send(());
            },
            std::time::Duration::ZERO,
        )
    };
    if after_frame {
        request_animation_frame(queue);
    } else {
        queue();
    }
    let _ = later.await;
}

/// Replaces the static view with the children of `off_page`.
fn swap(off_page: &web_sys::Element) {
    let document = document();
    let Ok(statics) = document.query_selector_all(STATIC_VIEW) else {
        return;
    };
    let statics: Vec<web_sys::Element> = (0..statics.length())
        .filter_map(|i| statics.item(i)?.dyn_into().ok())
        .collect();
    let (Some(first), Some(body)) = (statics.first(), document.body()) else {
        return;
    };
    let focus = document
        .active_element()
        .filter(|a| statics.iter().any(|s| s.contains(Some(a))))
        .and_then(|a| same_in_app(&a));
    let window = window();
    let (x, y) = (window.scroll_x().ok(), window.scroll_y().ok());
    while let Some(child) = off_page.first_child() {
        let _ = body.insert_before(&child, Some(first));
    }
    for s in &statics {
        s.remove();
    }
    if let Some(el) = focus
        .and_then(|selector| document.query_selector(&selector).ok().flatten())
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
    if let (Some(x), Some(y)) = (x, y) {
        window.scroll_to_with_x_and_y(x, y);
    }
}

/// The selector of the app's element that stands for `element` of the static view:
/// a feature or passage link is the app's mark of it, the skip link the app's, an
/// element with an id the one with that id, the legend the legend.
fn same_in_app(element: &web_sys::Element) -> Option<String> {
    if let Some(href) = element.get_attribute("href") {
        return match Selection::from_hash(&href) {
            Selection::Feature(id) => Some(format!("[data-feature-id=\"{}\"]", css_string(&id))),
            Selection::Passage(id) => Some(format!("[data-passage-id=\"{}\"]", css_string(&id))),
            Selection::None => Some("[data-skip-link]".into()),
        };
    }
    if element.has_attribute("data-legend") {
        return Some("[data-legend]".into());
    }
    let id = element.id();
    (!id.is_empty()).then(|| format!("[id=\"{}\"]", css_string(&id)))
}

/// The app: loads the story into a fresh state and shows the [`Page`].
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::provide();
    // A host page may force the colour theme: ?theme=light or ?theme=dark.
    let search = window().location().search().unwrap_or_default();
    if let (Some(theme), Some(root)) = (theme_from_query(&search), document().document_element()) {
        let _ = root.set_attribute("data-theme", theme);
    }
    state.select(Selection::from_hash(&location_hash()));
    // Loads the story, and again whenever the reader asks for a retry.
    Effect::new(move |_| {
        let first = state.reloads() == 0;
        spawn_local(async move {
            match load_story().await {
                Ok(model) => {
                    state.set_model(model);
                    if first {
                        // A deep link (or a click on the static view): its selection is
                        // brought into view once drawn.
                        state.apply_url_state(UrlState::from_hash(&location_hash()));
                    }
                }
                Err(e) => state.set_fatal(e.to_string()),
            }
            take_over(state).await;
        });
    });
    sync_url(state);
    embed_bridge::start(state);
    view! { <Page /> }
}

/// The whole page for the state in context: title, map with details and legend,
/// article, problems.
#[component]
pub fn Page() -> impl IntoView {
    let state = AppState::get();
    let title = move || story_text(state, |s| &s.title);
    let summary = move || story_text(state, |s| &s.summary);
    view! {
        <button type="button" class="skip-link" data-skip-link="true" on:click=move |_| focus_article()>
            {move || t(&state.lang(), "skip-to-article")}
        </button>
        <main class="layout">
            <header class="page-header">
                <LanguageSwitch />
                <h1 class="page-title">{title}</h1>
                <p class="page-summary">{summary}</p>
                {move || {
                    state.fatal()
                        .map(|why| {
                            view! {
                                <div class="page-fatal" role="alert" data-fatal="true">
                                    <strong>{move || t(&state.lang(), "fatal")}</strong>
                                    " "
                                    <span>{why}</span>
                                    " "
                                    <RetryButton />
                                </div>
                            }
                        })
                }}
            </header>
            <section class="layout-map" aria-label=move || t(&state.lang(), "map")>
                <div class="map-area">
                    <MapView />
                    <FeatureList />
                    <Details />
                </div>
                <Status />
                <TimeControl />
                <Legend />
            </section>
            <section class="layout-article" id="article" tabindex="-1"
                aria-label=move || t(&state.lang(), "article")>
                <ArticleView />
                <Problems />
            </section>
        </main>
    }
}

/// One of the story's texts (its title, its summary) in the reader's language, once
/// the story is loaded.
fn story_text(state: AppState, text: fn(&Story) -> &Names) -> Option<String> {
    state.with_model(|m| {
        m.as_ref()
            .map(|m| text(&m.story).get(&state.lang()).to_string())
    })
}

/// Loads the story again, for files that failed to load.
#[component]
pub fn RetryButton() -> impl IntoView {
    let state = AppState::get();
    view! {
        <button type="button" class="retry-button" data-retry="true"
            on:click=move |_| state.retry()>
            {move || t(&state.lang(), "retry")}
        </button>
    }
}

/// Buttons to read the page in another language the story offers.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let state = AppState::get();
    // The document says which language it is in, for screen readers and hyphenation,
    // and its title is the story's in that language (the tab's, a bookmark's): the
    // app's, once the app is on the page (the static view is in its own language until
    // the take-over, which writes the app's).
    Effect::new(move |_| {
        let (lang, title) = (state.lang(), story_text(state, |s| &s.title));
        if on_page() {
            write_document(&lang, title);
        }
    });
    move || {
        let languages = state.with_model(|m| m.as_ref().map(|m| m.languages()))?;
        let buttons = languages
            .into_iter()
            .filter(|code| !endonym(code).is_empty())
            .map(|code| {
                let pressed = {
                    let code = code.clone();
                    move || (state.lang() == code).to_string()
                };
                let choose = code.clone();
                view! {
                    <button
                        type="button"
                        class="lang-button"
                        lang=code.clone()
                        data-lang-switch=code.clone()
                        aria-pressed=pressed
                        on:click=move |_| state.set_lang(choose.clone())
                    >
                        {endonym(&code)}
                    </button>
                }
            })
            .collect_view();
        Some(view! {
            <div class="lang-switch" role="group" aria-label=move || t(&state.lang(), "language")>
                {buttons}
            </div>
        })
    }
}

/// Moves the keyboard focus past the map to the start of the article.
fn focus_article() {
    if let Some(el) = document()
        .get_element_by_id("article")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

fn location_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Keeps the URL hash and the selection in step: a new selection pushes a history
/// entry; back and forward (or an edited hash) select again.
fn sync_url(state: AppState) {
    // Choosing a passage is navigation, as an in-page link is: a new history entry. All
    // else (a feature chosen on the map, a date, a language, the view) replaces the
    // entry, so leaving the page takes one Back, not one per click.
    // What the URL itself brought (back, forward, an edited hash, an in-page link) already
    // has its entry: writing it back replaces that entry, so forward still leads on.
    let last_selection = StoredValue::new(Selection::None);
    let from_history = StoredValue::new(false);
    Effect::new(move |_| {
        if state.with_model(Option::is_none) {
            return;
        }
        let wanted = state.url_state();
        if UrlState::from_hash(&location_hash()) == wanted {
            last_selection.set_value(wanted.selection);
            return;
        }
        let hash = wanted.to_hash();
        let location = window().location();
        let url = if hash.is_empty() {
            format!(
                "{}{}",
                location.pathname().unwrap_or_default(),
                location.search().unwrap_or_default()
            )
        } else {
            hash
        };
        let new_selection = last_selection.get_value() != wanted.selection
            && matches!(wanted.selection, Selection::Passage(_))
            && !from_history.get_value();
        from_history.set_value(false);
        last_selection.set_value(wanted.selection);
        if let Ok(history) = window().history() {
            let _ = if new_selection {
                history.push_state_with_url(&JsValue::NULL, "", Some(&url))
            } else {
                history.replace_state_with_url(&JsValue::NULL, "", Some(&url))
            };
        }
    });
    let from_url = move || {
        let next = UrlState::from_hash(&location_hash());
        if next != state.url_state_untracked() {
            from_history.set_value(true);
            state.apply_url_state(next);
        }
    };
    let _ = window_event_listener(leptos::ev::popstate, move |_| from_url());
    let _ = window_event_listener(leptos::ev::hashchange, move |_| from_url());
}

/// Escapes text for a CSS string in quotes (ids come from data).
pub(crate) fn css_string(s: &str) -> String {
    s.replace('\\', "\\\\").replace('"', "\\\"")
}

/// Scrolls the first element matching `selector` into view, smoothly unless the reader
/// asked for reduced motion.
pub(crate) fn scroll_into_view(selector: &str) {
    let Ok(Some(el)) = document().query_selector(selector) else {
        return;
    };
    let reduced = prefers_reduced_motion();
    let options = web_sys::ScrollIntoViewOptions::new();
    // Under a map that sticks across the top of the screen (a phone held upright), the
    // passage goes just below it (its `scroll-margin-top`), above the details' sheet;
    // elsewhere the page moves as little as it can.
    let band = document()
        .query_selector(".layout-map")
        .ok()
        .flatten()
        .and_then(|map| {
            let sticky = window()
                .get_computed_style(&map)
                .ok()
                .flatten()?
                .get_property_value("position")
                .ok()?;
            let wide = map.get_bounding_client_rect().width()
                >= f64::from(document().document_element()?.client_width()) - 1.0;
            Some(sticky == "sticky" && wide)
        })
        .unwrap_or(false);
    options.set_block(if band {
        web_sys::ScrollLogicalPosition::Start
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    options.set_behavior(if reduced {
        web_sys::ScrollBehavior::Instant
    } else {
        web_sys::ScrollBehavior::Smooth
    });
    el.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether the reader asked the system for less motion.
pub(crate) fn prefers_reduced_motion() -> bool {
    window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
}

/// Moves the focus to `el` (an HTML or an SVG element) without scrolling to it.
pub(crate) fn focus_without_scroll(el: &web_sys::Element) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"preventScroll".into(), &true.into());
    if let Ok(focus) = js_sys::Reflect::get(el, &"focus".into()) {
        if let Ok(focus) = focus.dyn_into::<js_sys::Function>() {
            let _ = focus.call1(el, &options);
        }
    }
}

/// Enter and Space activate a focused item, like a button.
pub(crate) fn is_activation(ev: &web_sys::KeyboardEvent) -> bool {
    matches!(ev.key().as_str(), "Enter" | " " | "Spacebar")
}
