//! The app's shared state: one set of signals, provided as context.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::date::IsoDate;
use crate::model::Model;
use crate::selection::{Highlight, Selection, UrlState, ViewSpec};
use crate::viewport::Viewport;

/// The name shown beside the pointer or the focused feature, at client coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// Signals shared by the components. Selection is one value; highlights derive from it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The loaded story, once it is there.
    pub model: RwSignal<Option<Arc<Model>>>,
    /// Bumped to load the story again (the reader's "retry").
    pub reload: RwSignal<u32>,
    /// Why the story could not load at all.
    pub fatal: RwSignal<Option<String>>,
    pub selection: RwSignal<Selection>,
    pub viewport: RwSignal<Viewport>,
    /// The language of the interface and of names (`fr`, `en`).
    pub lang: RwSignal<String>,
    /// The date the map shows (`None`: the story has no timeline, show everything).
    pub date: RwSignal<Option<IsoDate>>,
    /// The current view as the URL tells it (`None`: the whole map), updated once the
    /// view settles.
    pub view_spec: RwSignal<Option<ViewSpec>>,
    /// A view the URL asked for, applied by the map once it knows its size.
    pub view_request: RwSignal<Option<ViewSpec>>,
    /// The tooltip, while a feature is hovered or focused.
    pub tip: RwSignal<Option<Tip>>,
    /// Feature kinds the reader switched off in the legend.
    pub hidden_kinds: RwSignal<BTreeSet<String>>,
    /// The selected item and everything linked to it.
    pub highlight: Memo<Highlight>,
    /// The same, one flag per feature and passage: see [`AppState::feature_selected`].
    flags: StoredValue<Flags>,
}

/// One selection flag per feature and per passage that has a mark on the page.
#[derive(Default)]
struct Flags {
    features: BTreeMap<String, ArcRwSignal<bool>>,
    passages: BTreeMap<String, ArcRwSignal<bool>>,
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
        // One effect turns a change of highlight into changes of the few flags whose
        // state changed, so a click re-runs the marks of those items only, not of all.
        let flags = StoredValue::new(Flags::default());
        Effect::new(move |before: Option<Highlight>| {
            let next = highlight.get();
            let before = before.unwrap_or_default();
            let (features, passages) = before.changes(&next);
            flags.with_value(|f| {
                for (id, on) in features {
                    f.features.get(id).inspect(|flag| flag.set(on));
                }
                for (id, on) in passages {
                    f.passages.get(id).inspect(|flag| flag.set(on));
                }
            });
            next
        });
        let state = AppState {
            model,
            reload: RwSignal::new(0),
            fatal: RwSignal::new(None),
            selection,
            viewport: RwSignal::new(Viewport::IDENTITY),
            lang: RwSignal::new("fr".to_string()),
            date: RwSignal::new(None),
            view_spec: RwSignal::new(None),
            view_request: RwSignal::new(None),
            tip: RwSignal::new(None),
            hidden_kinds: RwSignal::new(BTreeSet::new()),
            highlight,
            flags,
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    /// The story's default date and language (the article's), once it is loaded.
    fn defaults(&self) -> (Option<IsoDate>, Option<String>) {
        self.model.with_untracked(|m| match m {
            Some(m) => (
                m.story.timeline.as_ref().and_then(|t| t.default_date()),
                Some(m.story.article.lang.clone()),
            ),
            None => (None, None),
        })
    }

    /// What the URL should say: the selection, and the date and language only where
    /// they differ from the story's defaults.
    pub fn url_state(&self) -> UrlState {
        let (default_date, default_lang) = self.defaults();
        UrlState {
            selection: self.selection.get(),
            date: self.date.get().filter(|d| Some(*d) != default_date),
            lang: Some(self.lang.get()).filter(|l| Some(l) != default_lang.as_ref()),
            view: self.view_spec.get(),
        }
    }

    /// [`AppState::url_state`] without tracking (for event handlers).
    pub fn url_state_untracked(&self) -> UrlState {
        untrack(|| self.url_state())
    }

    /// Takes the state the URL gives, falling back on the story's defaults.
    pub fn apply_url_state(&self, url: UrlState) {
        let (default_date, default_lang) = self.defaults();
        // Only what changes is set: a signal set to its own value still redraws all
        // that reads it (the whole map, for the language).
        set_if_changed(self.selection, url.selection);
        set_if_changed(self.date, url.date.or(default_date));
        if url.view.is_some() && url.view != self.view_spec.get_untracked() {
            self.view_request.set(url.view);
        }
        if let Some(lang) = url.lang.or(default_lang) {
            set_if_changed(self.lang, lang);
        }
    }

    /// Whether feature `id` is highlighted, as a signal of its own: it changes only when
    /// that feature's state does.
    pub fn feature_selected(&self, id: &str) -> ArcRwSignal<bool> {
        let now = self.highlight.with_untracked(|h| h.features.contains(id));
        self.flags
            .try_update_value(|f| flag(&mut f.features, id, now))
            .unwrap_or_else(|| ArcRwSignal::new(now))
    }

    /// [`AppState::feature_selected`] for passage `id`.
    pub fn passage_selected(&self, id: &str) -> ArcRwSignal<bool> {
        let now = self.highlight.with_untracked(|h| h.passages.contains(id));
        self.flags
            .try_update_value(|f| flag(&mut f.passages, id, now))
            .unwrap_or_else(|| ArcRwSignal::new(now))
    }

    /// Selects (or, when already selected, clears) an item.
    pub fn activate(&self, next: Selection) {
        self.selection.update(|s| *s = s.toggled(next));
    }
}

/// The flag of `id` in `flags`, made with state `now` when it is the first asked for.
fn flag(flags: &mut BTreeMap<String, ArcRwSignal<bool>>, id: &str, now: bool) -> ArcRwSignal<bool> {
    flags
        .entry(id.to_string())
        .or_insert_with(|| ArcRwSignal::new(now))
        .clone()
}

/// Sets `signal` to `value` unless it already holds it (no change, no redraw).
fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    signal.maybe_update(|v| {
        let changed = *v != value;
        if changed {
            *v = value;
        }
        changed
    });
}
