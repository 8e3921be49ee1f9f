//! The app's shared state: one set of signals, provided as context.

use std::sync::Arc;

use leptos::prelude::*;

use crate::model::Model;
use crate::selection::{Highlight, Selection};
use crate::viewport::Viewport;

/// Signals shared by the components. Selection is one value; highlights derive from it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The loaded story, once it is there.
    pub model: RwSignal<Option<Arc<Model>>>,
    /// Why the story could not load at all.
    pub fatal: RwSignal<Option<String>>,
    pub selection: RwSignal<Selection>,
    pub viewport: RwSignal<Viewport>,
    /// The language of the interface and of names (`fr`, `en`).
    pub lang: RwSignal<String>,
    /// The selected item and everything linked to it.
    pub highlight: Memo<Highlight>,
}

impl AppState {
    /// Creates the state and provides it to every component below.
    pub fn provide() -> AppState {
        let model = RwSignal::new(None::<Arc<Model>>);
        let selection = RwSignal::new(Selection::None);
        let highlight = Memo::new(move |_| {
            model.with(|m| match m {
                Some(m) => selection.with(|s| s.highlight(&m.index)),
                None => Highlight::default(),
            })
        });
        let state = AppState {
            model,
            fatal: RwSignal::new(None),
            selection,
            viewport: RwSignal::new(Viewport::IDENTITY),
            lang: RwSignal::new("fr".to_string()),
            highlight,
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// Selects (or, when already selected, clears) an item.
    pub fn activate(&self, next: Selection) {
        self.selection.update(|s| *s = s.toggled(next));
    }
}
