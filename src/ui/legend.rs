//! The legend (every symbol the map uses, with how accurate it is) and the credit line.

use leptos::prelude::*;

use crate::i18n::t;
use crate::legend::{handover_keys, legend, Swatch};
use crate::story::Paint;
use crate::svg::num;
use crate::ui::AppState;

/// The legend under the map: on a small screen a disclosure, closed at first (the
/// stylesheet shows it open on a wide one).
#[component]
pub fn Legend() -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        let l = state.lang();
        let (entries, keys) = legend(&model, state.date(), &l);
        let entries = entries
            .into_iter()
            .map(|e| {
                let Paint { fill, stroke, .. } = e.paint.clone();
                let swatch = match e.swatch {
                    Swatch::Point => view! {
                        <circle cx="12" cy="8" r="4.5" fill=fill stroke=stroke stroke-width="1.5" />
                    }
                    .into_any(),
                    Swatch::Line => view! {
                        <line x1="1" y1="8" x2="23" y2="8" stroke=stroke
                            stroke-width=num(e.paint.stroke_width.clamp(1.0, 6.0), 2) />
                    }
                    .into_any(),
                    Swatch::Area => view! {
                        <rect x="1.5" y="2.5" width="21" height="11" fill=fill
                            fill-opacity=num(e.paint.fill_opacity.unwrap_or(1.0), 2)
                            stroke=stroke stroke-width="1.5" />
                    }
                    .into_any(),
                };
                let (kind, kind_for_toggle) = (e.kind.to_string(), e.kind.to_string());
                let visible = move || state.with_hidden_kinds(|h| !h.contains(&kind));
                view! {
                    <li class="legend-item" data-legend-kind=e.kind.to_string()>
                        <label class="legend-toggle">
                            <input
                                class="legend-checkbox"
                                type="checkbox"
                                data-layer-toggle=e.kind.to_string()
                                prop:checked=visible
                                on:change=move |_| state.toggle_kind(&kind_for_toggle)
                            />
                            <svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
                                {swatch}
                            </svg>
                            <span>{e.label.clone()}</span>
                        </label>
                    </li>
                }
            })
            .collect_view();
        let handover = handover_keys(&model, state.date())
            .into_iter()
            .map(|(_, class, key, paint)| {
                view! {
                    <li class="legend-item legend-item--handover">
                        <svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
                            <rect class=class x="1.5" y="2.5" width="21" height="11" fill=paint.fill
                                stroke=paint.stroke stroke-width="1.5" />
                        </svg>
                        <span>{t(&l, key)}</span>
                    </li>
                }
            })
            .collect_view();
        let keys = keys
            .into_iter()
            .map(|(_, key, dasharray)| {
                view! {
                    <li class="legend-item legend-item--accuracy">
                        <svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
                            <line x1="1" y1="8" x2="23" y2="8" stroke="currentColor" stroke-width="2"
                                stroke-dasharray=dasharray />
                        </svg>
                        <span>{t(&l, key)}</span>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="legend" data-legend="true" role="region" tabindex="0"
                aria-label=t(&l, "legend")>
                <h2 class="legend-title">{t(&l, "legend")}</h2>
                <details class="legend-details">
                    <summary class="legend-summary">{t(&l, "legend")}</summary>
                    <ul class="legend-list">{entries} {handover} {keys}</ul>
                </details>
                <p class="legend-attribution" data-attribution="true">
                    {model.story.attribution.get(&l).to_string()}
                </p>
            </div>
        })
    }
}
