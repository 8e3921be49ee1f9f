//! The features as a list: a text alternative to the map that links like the map does.

use leptos::prelude::*;

use crate::i18n::t;
use crate::selection::Selection;
use crate::ui::AppState;

/// A button that shows or hides the list, and the list itself, grouped by layer.
#[component]
pub fn FeatureList() -> impl IntoView {
    let state = AppState::get();
    let open = RwSignal::new(false);
    let list = move || {
        if !open.get() {
            return None;
        }
        let model = state.model()?;
        let l = state.lang();
        let date = state.date();
        // Each loaded layer carries its own title: a layer that failed to load leaves
        // no gap and lends no title to the next.
        let groups = model
            .layers
            .iter()
            .map(|layer| {
                let items = layer
                    .features
                    .iter()
                    .filter(|f| model.is_selectable(f) && f.shown_on(date))
                    .map(|f| {
                        let id = f.id.clone();
                        let selected = {
                            let flag = state.feature_selected(&id);
                            move || flag.get().to_string()
                        };
                        let kind = model.story.style(&f.kind).label.get(&l).to_string();
                        let choose = id.clone();
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="feature-list-item"
                                    data-list-feature-id=id.clone()
                                    data-selected=selected.clone()
                                    aria-pressed=selected
                                    on:click=move |_| state.toggle(Selection::Feature(choose.clone()))
                                >
                                    <span class="feature-list-name">{f.name.get(&l).to_string()}</span>
                                    {(!kind.is_empty()).then(|| view! { <span class="feature-list-kind">{kind}</span> })}
                                </button>
                            </li>
                        }
                    })
                    .collect::<Vec<_>>();
                (!items.is_empty()).then(|| {
                    view! {
                        <h2 class="feature-list-group">{layer.title.get(&l).to_string()}</h2>
                        <ul class="feature-list-items">{items}</ul>
                    }
                })
            })
            .collect_view();
        Some(view! {
            <nav class="feature-list" data-feature-list="true" aria-label=t(&l, "feature-list")>
                {groups}
            </nav>
        })
    };
    view! {
        <button
            type="button"
            class="feature-list-toggle"
            data-list-toggle="true"
            aria-expanded=move || open.get().to_string()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            {move || if open.get() { t(&state.lang(), "show-map") } else { t(&state.lang(), "feature-list") }}
        </button>
        {list}
    }
}
