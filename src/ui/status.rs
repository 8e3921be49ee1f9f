//! The status region: one live region, on the page from the start and empty at first,
//! that says in the reader's language what was selected and what it links to, whatever
//! selected it (the map, the text, the list, the URL or a host page).

use leptos::prelude::*;

use crate::i18n::{selected_feature, selected_passage};
use crate::selection::Selection;
use crate::ui::AppState;

/// The status region (`[data-status]`), visually hidden.
#[component]
pub fn Status() -> impl IntoView {
    let state = AppState::get();
    let said = RwSignal::new(String::new());
    Effect::new(move |_| {
        let selection = state.selection();
        let l = state.lang();
        let date = state.date();
        let text = state.with_model(|m| {
            let m = m.as_ref()?;
            match &selection {
                Selection::Feature(id) => {
                    let f = m.feature(id)?;
                    Some(selected_feature(
                        &l,
                        f.name.get(&l),
                        m.passages_of(id).len(),
                    ))
                }
                Selection::Passage(id) => {
                    Some(selected_passage(&l, m.features_of_at(id, date).len()))
                }
                Selection::None => None,
            }
        });
        // Emptied first, then written in the next frame: two selections that read the
        // same (two passages of three places each) are both announced.
        said.set(String::new());
        if let Some(text) = text {
            request_animation_frame(move || said.set(text));
        }
    });
    view! {
        <p class="visually-hidden" role="status" data-status="true">
            {move || said.get()}
        </p>
    }
}
