//! The map's features: lines and areas as paths (their data per settled view), points
//! as markers with their labels, area names; each with the contract's hooks, its
//! selection state, its tooltip, and its click and keys when it can be selected.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::gesture::Gesture;
use crate::layer::Feature;
use crate::model::{Drawn, Model};
use crate::projection::Point;
use crate::selection::Selection;
use crate::svg::num;
use crate::svg::path::Paths;
use crate::timeline::Handover;
use crate::ui::state::Tip;
use crate::ui::AppState;

/// What every drawn feature shares: its hooks, whether it can be selected, its name.
struct Hooks {
    id: String,
    class: String,
    interactive: bool,
    name: String,
}

fn hooks(model: &Model, f: &Feature, lang: &str) -> Hooks {
    let interactive = model.is_selectable(f);
    let kind: String = f
        .kind
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    Hooks {
        id: f.id.clone(),
        class: format!(
            "map-feature map-kind-{kind} map-accuracy-{}{}",
            f.accuracy.as_str(),
            if interactive {
                " map-feature--interactive"
            } else {
                ""
            }
        ),
        interactive,
        name: f.name.get(lang).to_string(),
    }
}

/// What a drawn feature carries whatever its shape: the contract's hooks, its selection
/// state, and (when it is selectable) its role, name, tooltip, click and keys.
fn feature_attrs(h: &Hooks, gesture: StoredValue<Gesture>) -> impl leptos::attr::Attribute {
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
fn display_of(f: &Feature) -> impl Fn() -> &'static str + Send + Sync + Clone + 'static {
    let state = AppState::get();
    let f = Feature {
        shape: crate::shape::Shape::Points(Vec::new()),
        ..f.clone()
    };
    move || {
        let drawn = state
            .hidden_kinds()
            .with(|hidden| f.drawn_on(state.date().get(), hidden));
        if drawn {
            "inline"
        } else {
            "none"
        }
    }
}

/// The class of a feature, with its handover state at the date shown.
fn class_of(base: String, f: &Feature) -> impl Fn() -> String + Send + Sync + 'static {
    let state = AppState::get();
    let f = Feature {
        shape: crate::shape::Shape::Points(Vec::new()),
        ..f.clone()
    };
    move || match f.handover_on(state.date().get()) {
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

/// A line or area; its path data is its own entry of `paths`, by id.
pub fn shape_view(
    model: &Model,
    f: &Feature,
    paths: Memo<Option<Arc<Paths>>>,
    gesture: StoredValue<Gesture>,
) -> AnyView {
    let state = AppState::get();
    // Read tracked by the caller: a new language redraws the names.
    let h = hooks(model, f, &state.lang().get_untracked());
    let paint = model.story.style(&f.kind).paint(&f.shape);
    let display = display_of(f);
    let class = class_of(h.class.clone(), f);
    let id = f.id.clone();
    view! {
        <path
            {..feature_attrs(&h, gesture)}
            class=class
            display=display
            d=move || paths.with(|p| p.as_ref().and_then(|p| p.get(&id).map(str::to_string)))
            fill=paint.fill
            fill-opacity=paint.fill_opacity.map(|o| num(o, 2))
            stroke=paint.stroke
            stroke-width=num(paint.stroke_width, 2)
            vector-effect="non-scaling-stroke"
        >
            <title>{h.name.clone()}</title>
        </path>
    }
    .into_any()
}

/// A point feature: its markers (which keep their size at every zoom) and its label.
pub fn points_view(
    model: &Model,
    f: &Feature,
    d: &Drawn,
    gesture: StoredValue<Gesture>,
    shown_labels: Memo<BTreeSet<String>>,
) -> AnyView {
    let state = AppState::get();
    let h = hooks(model, f, &state.lang().get_untracked());
    let style = model.story.style(&f.kind);
    let paint = style.paint(&f.shape);
    let radius = paint.radius;
    let label = style.label_on_map.then(|| h.name.clone());
    let label_id = h.id.clone();
    let label_visibility = move || {
        if shown_labels.with(|s| s.contains(&label_id)) {
            "visible"
        } else {
            "hidden"
        }
    };
    let at = move |p: Point| state.viewport().with(|v| v.apply(p));
    let marks = d
        .points
        .iter()
        .map(|&p| {
            view! {
                <circle
                    cx=move || num(at(p).x, 1)
                    cy=move || num(at(p).y, 1)
                    r=num(radius, 1)
                    fill=paint.fill.clone()
                    stroke=paint.stroke.clone()
                    stroke-width=num(paint.stroke_width, 1)
                />
            }
        })
        .collect_view();
    let first = d.points[0];
    let display = display_of(f);
    view! {
        <g
            {..feature_attrs(&h, gesture)}
            class=h.class.clone()
            display=display
        >
            <title>{h.name.clone()}</title>
            {marks}
            {label.map(|text| {
                view! {
                    <text
                        class="map-label"
                        visibility=label_visibility
                        x=move || num(at(first).x + radius + 3.0, 1)
                        y=move || num(at(first).y + 4.0, 1)
                    >
                        {text}
                    </text>
                }
            })}
        </g>
    }
    .into_any()
}

/// The name of an area, written where the data says (it keeps its size at every zoom).
pub fn area_label_view(at: Point, text: String) -> AnyView {
    let state = AppState::get();
    let place = move || state.viewport().with(|v| v.apply(at));
    view! {
        <text class="map-area-label" text-anchor="middle"
            x=move || num(place().x, 1) y=move || num(place().y, 1)>
            {text}
        </text>
    }
    .into_any()
}
