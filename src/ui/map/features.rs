//! What every feature drawn on the map carries, whatever its shape: the contract's
//! hooks, its selection state, its tooltip, its click and keys when it can be selected,
//! and whether it shows at the date (see [`super::layers`] for the marks themselves).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::gesture::Gesture;
use crate::keynav::{step, Stops};
use crate::layer::Feature;
use crate::model::Model;
use crate::selection::Selection;
use crate::timeline::Handover;
use crate::ui::state::Tip;
use crate::ui::AppState;

/// The keyboard among the features (see [`crate::keynav`]): the features in view with
/// the one that holds the map's Tab stop, and the one last focused.
#[derive(Clone, Copy)]
pub struct KeyNav {
    pub stops: Memo<Stops>,
    pub focused: RwSignal<Option<String>>,
}

/// What every drawn feature shares: its hooks, whether it can be selected, its name.
pub struct Hooks {
    pub id: String,
    pub class: String,
    pub interactive: bool,
    pub name: String,
}

pub fn hooks(model: &Model, f: &Feature, lang: &str) -> Hooks {
    let interactive = model.is_selectable(f);
    Hooks {
        id: f.id.clone(),
        class: model.class_of(f),
        interactive,
        name: f.name.get(lang).to_string(),
    }
}

/// What a drawn feature carries whatever its shape: the contract's hooks, its selection
/// state, and (when it is selectable) its role, name, tooltip, click and keys.
pub fn feature_attrs(h: &Hooks, gesture: StoredValue<Gesture>) -> impl leptos::attr::Attribute {
    let state = AppState::get();
    let nav = expect_context::<KeyNav>();
    let interactive = h.interactive;
    let flag = state.feature_selected(&h.id);
    let selected = move || flag.get().to_string();
    let (id_click, id_key, id_tab) = (h.id.clone(), h.id.clone(), h.id.clone());
    let name_hover = h.name.clone();
    // One Tab stop for the whole map: the feature the roving tab stop is on.
    let tabindex = move || {
        interactive.then(|| {
            let here = nav
                .stops
                .with(|s| s.tab.as_deref() == Some(id_tab.as_str()));
            if here {
                "0"
            } else {
                "-1"
            }
        })
    };
    view! {
        <{..}
            data-feature-id=h.id.clone()
            data-selected=selected.clone()
            tabindex=tabindex
            role=interactive.then_some("button")
            aria-label=interactive.then(|| h.name.clone())
            aria-pressed=move || interactive.then(&selected)
            on:pointerenter=move |ev: web_sys::PointerEvent| tip_at_pointer(&name_hover, &ev)
            on:pointerleave=move |_| state.set_tip(None)
            on:click=move |_| {
                // A click that ended a drag selects nothing.
                if interactive && !gesture.with_value(Gesture::dragged) {
                    state.toggle(Selection::Feature(id_click.clone()));
                    // The details now name it: the tip would only cover them.
                    state.set_tip(None);
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if !interactive {
                    return;
                }
                if crate::ui::is_activation(&ev) {
                    ev.prevent_default();
                    state.toggle(Selection::Feature(id_key.clone()));
                    return;
                }
                // Arrows go from feature to feature (Shift + arrows pan the map, below).
                let modified = ev.shift_key() || ev.ctrl_key() || ev.alt_key() || ev.meta_key();
                let key = ev.key();
                if modified || !matches!(key.as_str(), "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End") {
                    return;
                }
                ev.prevent_default();
                ev.stop_propagation();
                let next = nav.stops.with_untracked(|s| step(&s.all, &id_key, &key).map(String::from));
                if let Some(next) = next {
                    focus_feature(&next);
                }
            }
        />
    }
}

/// Moves the focus to the feature `id` on the map, without scrolling the map's box.
fn focus_feature(id: &str) {
    let selector = format!("[data-feature-id=\"{}\"]", crate::ui::css_string(id));
    if let Ok(Some(el)) = document().query_selector(&selector) {
        crate::ui::focus_without_scroll(&el);
    }
}

/// `display` for a feature: hidden when it does not hold at the date shown or when the
/// reader switched its kind off (hidden features leave the tab order too).
pub fn display_of(f: &Feature) -> impl Fn() -> &'static str + Send + Sync + Clone + 'static {
    let state = AppState::get();
    let f = Feature {
        shape: crate::shape::Shape::Points(Vec::new()),
        ..f.clone()
    };
    move || {
        let drawn = state.with_hidden_kinds(|hidden| f.drawn_on(state.date(), hidden));
        if drawn {
            "inline"
        } else {
            "none"
        }
    }
}

/// The class of a feature, with its handover state at the date shown.
pub fn class_of(base: String, f: &Feature) -> impl Fn() -> String + Send + Sync + 'static {
    let state = AppState::get();
    let f = Feature {
        shape: crate::shape::Shape::Points(Vec::new()),
        ..f.clone()
    };
    move || match f.handover_on(state.date()) {
        Some(Handover::Done) => format!("{base} map-feature--handed-over"),
        Some(Handover::Pending) => format!("{base} map-feature--pending"),
        None => base.clone(),
    }
}

/// Shows a feature's name beside the pointer.
fn tip_at_pointer(name: &str, ev: &web_sys::PointerEvent) {
    AppState::get().set_tip(Some(Tip {
        text: name.to_string(),
        x: f64::from(ev.client_x()),
        y: f64::from(ev.client_y()),
    }));
}

/// A feature took the focus (`focusin` on the map: a focus listener on each feature
/// would make every shape focusable in Chromium, the inert ones too): it holds the Tab
/// stop from now on, and, when the keyboard moved it, its name shows above it.
pub fn focused_in(ev: &web_sys::FocusEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let (Some(id), Some(name)) = (
        el.get_attribute("data-feature-id"),
        el.get_attribute("aria-label"),
    ) else {
        return;
    };
    expect_context::<KeyNav>().focused.set(Some(id));
    // A pointer's focus keeps the tip the hover showed, and reads no box: only the
    // keyboard's focus (which the browser shows) puts the name above the feature.
    if !el.matches(":focus-visible").unwrap_or(true) {
        return;
    }
    let r = el.get_bounding_client_rect();
    AppState::get().set_tip(Some(Tip {
        text: name,
        x: r.left() + r.width() / 2.0,
        y: r.top(),
    }));
}
