//! Components in headless Chromium (wasm-bindgen-test): the page mounted on a small
//! story, clicked and typed at as a reader would.
#![cfg(target_arch = "wasm32")]

use ceasefire_map::model::{Model, Texts};
use ceasefire_map::story::Story;
use ceasefire_map::ui::AppState;
use ceasefire_map::ui::Page;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const STORY: &str = r##"{
  "title": {"fr": "Petite histoire", "en": "Small story"},
  "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19"},
  "layers": [{"file": "one.geojson"}],
  "kinds": {"line": {"label": {"fr": "Ligne", "en": "Line"}, "stroke": "#d55e00"}},
  "passages": [
    {"id": "p-ligne", "phrase": "la ligne", "features": ["line"]},
    {"id": "p-point", "phrase": "le point", "features": ["point", "line"]},
    {"id": "p-broken", "phrase": "nulle part", "features": ["nowhere"]}
  ]
}"##;

const LAYER: &str = r#"{"type":"FeatureCollection","features":[
  {"type":"Feature","id":"line","geometry":{"type":"LineString","coordinates":[[46,40],[47,39]]},
   "properties":{"kind":"line","name":{"fr":"La ligne","en":"The line"},"sources":[{"title":"s"}],
   "accuracy":"approximate","valid_from":"2020-11-10"}},
  {"type":"Feature","id":"point","geometry":{"type":"Point","coordinates":[46.5,39.5]},
   "properties":{"kind":"place","name":{"fr":"<img src=x onerror=alert(1)>","en":"P"},
   "sources":[{"title":"s","url":"javascript:alert(1)"}],"accuracy":"exact"}}
]}"#;

const ARTICLE: &str = "Voici la ligne et le point.\n\nEt nulle part ailleurs.";

fn model() -> Model {
    let story = Story::parse("story.json", STORY).unwrap();
    let mut texts = Texts::new();
    texts.insert("one.geojson".into(), Ok(LAYER.to_string()));
    texts.insert("a.txt".into(), Ok(ARTICLE.to_string()));
    Model::load(story, "", &texts)
}

/// Mounts the page on a fresh container and returns the container.
async fn mount() -> web_sys::HtmlElement {
    let doc = document();
    let container: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    container
        .set_attribute("style", "width: 800px; height: 600px")
        .unwrap();
    doc.body().unwrap().append_child(&container).unwrap();
    let handle = leptos::mount::mount_to(container.clone(), || {
        let state = AppState::provide();
        state.set_model(model());
        view! { <Page /> }
    });
    handle.forget();
    leptos::task::tick().await;
    container
}

fn find(root: &web_sys::HtmlElement, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn selected(root: &web_sys::HtmlElement, selector: &str) -> Option<String> {
    find(root, selector).get_attribute("data-selected")
}

fn click(el: &web_sys::Element) {
    let init = web_sys::MouseEventInit::new();
    init.set_bubbles(true);
    let ev = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

fn press(el: &web_sys::Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_bubbles(true);
    init.set_key(key);
    let ev = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&ev).unwrap();
}

#[wasm_bindgen_test]
async fn draws_every_feature_and_every_placed_passage() {
    let root = mount().await;
    assert_eq!(
        root.query_selector_all("[data-feature-id]")
            .unwrap()
            .length(),
        2
    );
    assert!(find(&root, "path[data-feature-id='line']")
        .get_attribute("d")
        .unwrap()
        .starts_with('M'));
    assert_eq!(
        root.query_selector_all("[data-passage-id]")
            .unwrap()
            .length(),
        2
    );
    assert_eq!(
        find(&root, "[data-passage-id='p-ligne']")
            .text_content()
            .unwrap(),
        "la ligne"
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn clicking_a_feature_selects_its_passages_and_clicking_again_clears() {
    let root = mount().await;
    let line = find(&root, "[data-feature-id='line']");
    click(&line);
    leptos::task::tick().await;
    assert_eq!(
        selected(&root, "[data-feature-id='line']").as_deref(),
        Some("true")
    );
    assert_eq!(
        selected(&root, "[data-passage-id='p-ligne']").as_deref(),
        Some("true")
    );
    assert_eq!(
        selected(&root, "[data-passage-id='p-point']").as_deref(),
        Some("true")
    );
    assert_eq!(
        selected(&root, "[data-feature-id='point']").as_deref(),
        Some("false")
    );
    // The details panel tells how the feature was drawn.
    let accuracy = find(&root, "[data-accuracy]").get_attribute("data-accuracy");
    assert_eq!(accuracy.as_deref(), Some("approximate"));
    click(&line);
    leptos::task::tick().await;
    assert_eq!(
        selected(&root, "[data-passage-id='p-ligne']").as_deref(),
        Some("false")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_passage_selected_by_keyboard_selects_its_features() {
    let root = mount().await;
    let passage = find(&root, "[data-passage-id='p-point']");
    assert_eq!(passage.get_attribute("tabindex").as_deref(), Some("0"));
    press(&passage, "Enter");
    leptos::task::tick().await;
    assert_eq!(
        selected(&root, "[data-feature-id='point']").as_deref(),
        Some("true")
    );
    assert_eq!(
        selected(&root, "[data-feature-id='line']").as_deref(),
        Some("true")
    );
    assert_eq!(
        selected(&root, "[data-passage-id='p-ligne']").as_deref(),
        Some("false")
    );
    press(&find(&root, "[data-passage-id='p-ligne']"), " ");
    leptos::task::tick().await;
    assert_eq!(
        selected(&root, "[data-feature-id='point']").as_deref(),
        Some("false")
    );
    root.remove();
}

#[wasm_bindgen_test]
async fn a_broken_link_is_reported_and_text_from_data_stays_text() {
    let root = mount().await;
    let problem = find(&root, "[data-problem-item='p-broken']");
    assert!(problem.text_content().unwrap().contains("nowhere"));
    // The name holds markup: it must arrive as text, never as an element.
    assert!(root.query_selector("img").unwrap().is_none());
    click(&find(&root, "[data-feature-id='point']"));
    leptos::task::tick().await;
    let name = find(&root, ".details-name").text_content().unwrap();
    assert_eq!(name, "<img src=x onerror=alert(1)>");
    assert!(root
        .query_selector("a[href^='javascript']")
        .unwrap()
        .is_none());
    root.remove();
}
