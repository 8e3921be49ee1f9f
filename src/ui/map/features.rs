//! What every feature drawn on the map carries, whatever its shape: the contract's
//! hooks, its selection state, its tooltip, its click and keys when it can be selected,
//! and whether it shows at the date (see [`super::layers`] for the marks themselves).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::gesture::Gesture;
use crate::layer::Feature;
use crate::model::Model;
use crate::selection::Selection;
use crate::timeline::Handover;
use crate::ui::state::Tip;
use crate::ui::AppState;

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
    let interactive = h.interactive;
    let flag = state.feature_selected(&h.id);
    let selected = move || flag.get().to_string();
    let (id_click, id_key) = (h.id.clone(), h.id.clone());
    let (name_hover, name_focus) = (h.name.clone(), h.name.clone());
    view! {
        <{..}
            data-feature-id=h.id.clone()
            data-selected=selected.clone()
            tabindex=interactive.then_some("0")
            role=interactive.then_some("button")
            aria-label=interactive.then(|| h.name.clone())
            aria-pressed=move || interactive.then(&selected)
            on:pointerenter=move |ev: web_sys::PointerEvent| tip_at_pointer(&name_hover, &ev)
            on:pointerleave=move |_| state.set_tip(None)
            on:focus=move |ev: web_sys::FocusEvent| tip_at_target(&name_focus, &ev)
            on:blur=move |_| state.set_tip(None)
            on:click=move |_| {
                // A click that ended a drag selects nothing.
                if interactive && !gesture.with_value(Gesture::dragged) {
                    state.toggle(Selection::Feature(id_click.clone()));
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if interactive && crate::ui::is_activation(&ev) {
                    ev.prevent_default();
                    state.toggle(Selection::Feature(id_key.clone()));
                }
            }
        />
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

/// Shows a feature's name above the element that took the focus.
fn tip_at_target(name: &str, ev: &web_sys::FocusEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let r = el.get_bounding_client_rect();
    AppState::get().set_tip(Some(Tip {
        text: name.to_string(),
        x: r.left() + r.width() / 2.0,
        y: r.top(),
    }));
}
