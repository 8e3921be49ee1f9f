//! The legend (every symbol the map uses, with how accurate it is) and the credit line.

use leptos::prelude::*;

use crate::i18n::t;
use crate::layer::{Accuracy, Shape};
use crate::svg::num;
use crate::ui::AppState;

/// The legend under the map.
#[component]
pub fn Legend() -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        let l = state.lang();
        let date = state.date();
        let shown = |f: &&crate::layer::Feature| f.shown_on(date);
        // One entry per kind the story labels and the date shows, in drawing order.
        let mut seen: Vec<&str> = Vec::new();
        let mut entries = Vec::new();
        for f in model.features().filter(shown) {
            if seen.contains(&f.kind.as_str()) {
                continue;
            }
            seen.push(&f.kind);
            let style = model.story.style(&f.kind);
            if !style.label.has(&l) && style.label.is_empty() {
                continue;
            }
            // The same paint as on the map.
            let paint = style.paint(&f.shape);
            let (fill, stroke) = (paint.fill.clone(), paint.stroke.clone());
            let opacity = num(paint.fill_opacity.unwrap_or(1.0), 2);
            let swatch = match f.shape {
                Shape::Points(_) => view! {
                    <circle cx="12" cy="8" r="4.5" fill=fill stroke=stroke stroke-width="1.5" />
                }
                .into_any(),
                Shape::Lines(_) => view! {
                    <line x1="1" y1="8" x2="23" y2="8" stroke=stroke
                        stroke-width=num(paint.stroke_width.clamp(1.0, 6.0), 2) />
                }
                .into_any(),
                Shape::Areas(_) => view! {
                    <rect x="1.5" y="2.5" width="21" height="11" fill=fill fill-opacity=opacity
                        stroke=stroke stroke-width="1.5" />
                }
                .into_any(),
            };
            let kind = f.kind.clone();
            let kind_for_toggle = f.kind.clone();
            let visible = move || state.with_hidden_kinds(|h| !h.contains(&kind));
            entries.push(view! {
                <li class="legend-item" data-legend-kind=f.kind.clone()>
                    <label class="legend-toggle">
                        <input
                            class="legend-checkbox"
                            type="checkbox"
                            data-layer-toggle=f.kind.clone()
                            prop:checked=visible
                            on:change=move |_| state.toggle_kind(&kind_for_toggle)
                        />
                        <svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">
                            {swatch}
                        </svg>
                        <span>{style.label.get(&l).to_string()}</span>
                    </label>
                </li>
            });
        }
        let uses = |a: Accuracy| model.features().filter(shown).any(|f| f.accuracy == a);
        let dash = |a: Accuracy, key: &'static str, dasharray: &'static str| {
            uses(a).then(|| {
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
        };
        Some(view! {
            <div class="legend" data-legend="true" role="region" tabindex="0"
                aria-label=t(&l, "legend")>
                <h2 class="legend-title">{t(&l, "legend")}</h2>
                <ul class="legend-list">
                    {entries}
                    {dash(Accuracy::Approximate, "legend-approximate", "6 3")}
                    {dash(Accuracy::Schematic, "legend-schematic", "1.5 3")}
                </ul>
                <p class="legend-attribution" data-attribution="true">
                    {model.story.attribution.get(&l).to_string()}
                </p>
            </div>
        })
    }
}
