//! What sits on the map besides its features: the zoom and export buttons, the scale
//! bar, the tooltip.

use leptos::prelude::*;

use crate::figure::figure;
use crate::i18n::t;
use crate::screen::{Screen, ZOOM_STEP};
use crate::svg::{num, scale_bar_path};
use crate::ui::AppState;
use crate::viewport::Viewport;

/// The zoom buttons and the export buttons.
#[component]
pub fn MapButtons(
    /// The map as it is now.
    screen: Memo<Option<Screen>>,
) -> impl IntoView {
    let state = AppState::get();
    let zoom_by = move |factor: f64| {
        if let Some(s) = screen.get_untracked() {
            state.set_viewport(s.zoomed(factor));
        }
    };
    // The exported figure of a map of a given size: the map, then its caption, legend
    // and credit under it (see `crate::figure`). Read when a button is pressed.
    let compose = move |width: f64, map_height: f64| {
        let l = state.lang_untracked();
        let date = state.date_untracked();
        let hidden = untrack(|| state.with_hidden_kinds(Clone::clone));
        state.with_model_untracked(|m| {
            let m = m.as_ref()?;
            Some(figure(m, date, &l, &hidden, width, map_height))
        })
    };
    let label = move |key: &'static str| move || t(&state.lang(), key);
    view! {
        <div class="map-zoom">
            <button type="button" class="map-zoom-button" data-zoom="in"
                aria-label=label("zoom-in") title=label("zoom-in")
                on:click=move |_| zoom_by(ZOOM_STEP)>"+"</button>
            <button type="button" class="map-zoom-button" data-zoom="out"
                aria-label=label("zoom-out") title=label("zoom-out")
                on:click=move |_| zoom_by(1.0 / ZOOM_STEP)>"−"</button>
            <button type="button" class="map-zoom-button" data-zoom="reset"
                aria-label=label("zoom-reset") title=label("zoom-reset")
                on:click=move |_| state.set_viewport(Viewport::IDENTITY)>"⤢"</button>
            <button type="button" class="map-zoom-button map-export" data-export="svg"
                aria-label=label("export-svg") title=label("export-svg")
                on:click=move |_| crate::ui::export::export_svg(compose)>"SVG"</button>
            <button type="button" class="map-zoom-button map-export" data-export="png"
                aria-label=label("export-png") title=label("export-png")
                on:click=move |_| crate::ui::export::export_png(compose)>"PNG"</button>
        </div>
    }
}

/// The scale bar, for the latitude at the centre of the view, in the map's SVG.
#[component]
pub fn ScaleBar(
    /// The map as it is now.
    screen: Memo<Option<Screen>>,
) -> impl IntoView {
    move || {
        let s = screen.get()?;
        let (km, px) = s.scale_bar();
        let label = format!("{} km", num(km, 3));
        Some(view! {
            <g class="map-scale" data-scale-km=num(km, 3)
                transform=format!("translate(12,{})", num(s.height - 14.0, 1))>
                <path d=scale_bar_path(px) />
                <text x=num(px + 6.0, 1) y="0">{label}</text>
            </g>
        })
    }
}

/// The name of the hovered or focused feature.
#[component]
pub fn Tooltip() -> impl IntoView {
    let state = AppState::get();
    let el = NodeRef::<leptos::html::Div>::new();
    // One element for the page's life: a hover writes its text and moves it (a
    // transform, which needs no layout); it is never built again.
    Effect::new(move |_| {
        let Some(el) = el.get() else { return };
        let tip = state.tip();
        let shown = tip.is_some();
        el.set_hidden(!shown);
        for (name, value) in [("role", "tooltip"), ("data-tooltip", "true")] {
            let _ = if shown {
                el.set_attribute(name, value)
            } else {
                el.remove_attribute(name)
            };
        }
        if let Some(tip) = tip {
            el.set_text_content(Some(&tip.text));
            let at = format!(
                "translate({}px,{}px) translate(-50%,calc(-100% - 10px))",
                num(tip.x, 0),
                num(tip.y, 0)
            );
            let _ = web_sys::HtmlElement::style(&el).set_property("transform", &at);
        }
    });
    view! { <div class="map-tooltip" hidden node_ref=el></div> }
}
