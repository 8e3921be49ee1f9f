//! Problems met while loading: shown to the reader, each naming its file and item.

use leptos::prelude::*;

use crate::error::{Item, Reason};
use crate::i18n::{more_problems, t};
use crate::ui::AppState;

/// The list of problems in the data, when there are any.
#[component]
pub fn Problems() -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        if model.problems.is_empty() {
            return None;
        }
        let (listed, more) = model.problems_listed();
        let items = listed
            .iter()
            .map(|p| {
                let item = p.item.as_ref().map(|i| match i {
                    Item::Feature(id) | Item::Passage(id) => id.clone(),
                });
                view! {
                    <li data-problem-file=p.file.clone() data-problem-item=item>
                        {p.to_string()}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <details class="problems" open=true role="status" data-problems=model.problems.len().to_string()>
                <summary>{t(&state.lang(), "problems")} " (" {model.problems.len()} ")"</summary>
                <ul class="problems-list">
                    {items}
                    {(more > 0).then(|| view! {
                        <li data-problems-more=more.to_string()>{more_problems(&state.lang(), more)}</li>
                    })}
                </ul>
                {model
                    .problems
                    .iter()
                    .any(|p| matches!(p.reason, Reason::Fetch(_)))
                    .then(|| view! { <super::RetryButton /> })}
            </details>
        })
    }
}
