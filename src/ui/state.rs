//! The app's shared state: one set of signals, provided as context.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;

use crate::date::IsoDate;
use crate::model::Model;
use crate::selection::{Highlight, Selection};
use crate::url::{UrlState, ViewSpec};
use crate::viewport::Viewport;

/// The name shown beside the pointer or the focused feature, at client coordinates.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    pub text: String,
    pub x: f64,
    pub y: f64,
}

/// Signals shared by the components, each behind methods: components read what they
/// show and change state only through the methods below. Selection is one value;
/// highlights derive from it.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The loaded story, once it is there.
    model: RwSignal<Option<Arc<Model>>>,
    /// Bumped to load the story again (the reader's "retry").
    reload: RwSignal<u32>,
    /// Why the story could not load at all.
    fatal: RwSignal<Option<String>>,
    selection: RwSignal<Selection>,
    viewport: RwSignal<Viewport>,
    /// The language of the interface and of names (`fr`, `en`).
    lang: RwSignal<String>,
    /// The date the map shows (`None`: the story has no timeline, show everything).
    date: RwSignal<Option<IsoDate>>,
    /// The current view as the URL tells it (`None`: the whole map), updated once the
    /// view settles.
    view_spec: RwSignal<Option<ViewSpec>>,
    /// A view the URL asked for, applied by the map once it knows its size.
    view_request: RwSignal<Option<ViewSpec>>,
    /// The tooltip, while a feature is hovered or focused.
    tip: RwSignal<Option<Tip>>,
    /// Feature kinds the reader switched off in the legend.
    hidden_kinds: RwSignal<BTreeSet<String>>,
    /// The selected item and everything linked to it.
    highlight: Memo<Highlight>,
    /// The same, one flag per feature and passage: see [`AppState::feature_selected`].
    flags: StoredValue<Flags>,
    /// What had the focus when the details panel opened (the feature on the map, the
    /// list entry, the passage): the focus goes back there when the panel closes.
    opener: StoredValue<Option<web_sys::Element>, LocalStorage>,
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
            opener: StoredValue::new_local(None),
        };
        provide_context(state);
        state
    }

    /// The state provided by [`AppState::provide`].
    pub fn get() -> AppState {
        expect_context::<AppState>()
    }

    // Readers return values (tracked: a component that reads one redraws when it
    // changes), not signals: one signal type keeps the reactive code in the wasm single.

    /// The loaded story (`None` until it is there).
    pub fn model(&self) -> Option<Arc<Model>> {
        self.model.get()
    }

    /// Reads the loaded story without copying it.
    pub fn with_model<R>(&self, f: impl FnOnce(&Option<Arc<Model>>) -> R) -> R {
        self.model.with(f)
    }

    /// [`AppState::with_model`], untracked (for event handlers).
    pub fn with_model_untracked<R>(&self, f: impl FnOnce(&Option<Arc<Model>>) -> R) -> R {
        self.model.with_untracked(f)
    }

    /// Shows a loaded story.
    pub fn set_model(&self, model: Model) {
        self.fatal.set(None);
        self.model.set(Some(Arc::new(model)));
    }

    /// Why the story could not load at all, if it could not.
    pub fn fatal(&self) -> Option<String> {
        self.fatal.get()
    }

    /// Records that the story could not load at all.
    pub fn set_fatal(&self, why: String) {
        self.fatal.set(Some(why));
    }

    /// How many times the reader asked to load the story again.
    pub fn reloads(&self) -> u32 {
        self.reload.get()
    }

    /// Loads the story again (the reader's "retry").
    pub fn retry(&self) {
        self.reload.update(|n| *n += 1);
    }

    /// The selected item.
    pub fn selection(&self) -> Selection {
        self.selection.get()
    }

    /// Reads the selection without tracking it (for event handlers).
    pub fn with_selection_untracked<R>(&self, f: impl FnOnce(&Selection) -> R) -> R {
        self.selection.with_untracked(f)
    }

    /// The selected item and everything linked to it.
    pub fn highlight(&self) -> Memo<Highlight> {
        self.highlight
    }

    /// Selects `next` (the reader chose it, or a host page or a link asked for it) and
    /// brings what it speaks of into view: the one way to select.
    pub fn select(&self, next: Selection) {
        if matches!(next, Selection::Feature(_)) && self.selection.with_untracked(|s| *s != next) {
            let focused = document()
                .active_element()
                .filter(|el| el.closest(".details").ok().flatten().is_none());
            self.opener.set_value(focused);
        }
        set_if_changed(self.selection, next.clone());
        if next != Selection::None {
            self.reveal(&next);
        }
    }

    /// Selects what the host page's text asked for (see [`super::embed_bridge`]), without
    /// scrolling the article: the map's frame is as tall as its content, so a scroll in
    /// it would scroll the host page past the map (the host's script brings the map into
    /// view instead).
    pub fn select_from_host(&self, next: Selection) {
        set_if_changed(self.selection, next);
    }

    /// Closes the details panel (Escape, or its close button) and gives the focus back
    /// to what opened it, or else to the feature on the map.
    pub fn close_details(&self) {
        let Selection::Feature(id) = self.selection.get_untracked() else {
            return;
        };
        self.select(Selection::None);
        let selector = format!("[data-feature-id=\"{}\"]", super::css_string(&id));
        let target = self
            .opener
            .try_update_value(Option::take)
            .flatten()
            .filter(|el| el.is_connected() && el.tag_name() != "BODY")
            .or_else(|| document().query_selector(&selector).ok().flatten());
        if let Some(el) = target {
            super::focus_without_scroll(&el);
        }
    }

    /// What the reader's click or key on an item does: selects it, or clears the
    /// selection when it is already selected.
    pub fn toggle(&self, item: Selection) {
        let next = self.selection.with_untracked(|s| s.toggled(item));
        self.select(next);
    }

    /// Scrolls the article to the passage of a selection (in the next frame: the
    /// highlight is drawn first, and a click handler does not wait for the layout).
    fn reveal(&self, selection: &Selection) {
        let passage = self.model.with_untracked(|m| {
            m.as_ref()
                .and_then(|m| m.passage_to_reveal(selection).map(str::to_string))
        });
        if let Some(id) = passage {
            let selector = format!("[data-passage-id=\"{}\"]", super::css_string(&id));
            request_animation_frame(move || super::scroll_into_view(&selector));
        }
    }

    /// The reader's pan and zoom.
    pub fn viewport(&self) -> Viewport {
        self.viewport.get()
    }

    /// [`AppState::viewport`], untracked.
    pub fn viewport_untracked(&self) -> Viewport {
        self.viewport.get_untracked()
    }

    /// Moves the map (the caller keeps the view within the map's box).
    pub fn set_viewport(&self, view: Viewport) {
        self.viewport.set(view);
    }

    /// The language of the interface and of names.
    pub fn lang(&self) -> String {
        self.lang.get()
    }

    /// [`AppState::lang`], untracked.
    pub fn lang_untracked(&self) -> String {
        self.lang.get_untracked()
    }

    /// Redraws the caller when the language changes, without reading it.
    pub fn track_lang(&self) {
        self.lang.track();
    }

    /// Reads the page in another language.
    pub fn set_lang(&self, lang: String) {
        set_if_changed(self.lang, lang);
    }

    /// The date the map shows.
    pub fn date(&self) -> Option<IsoDate> {
        self.date.get()
    }

    /// [`AppState::date`], untracked.
    pub fn date_untracked(&self) -> Option<IsoDate> {
        self.date.get_untracked()
    }

    /// Shows the map at another date.
    pub fn set_date(&self, date: IsoDate) {
        set_if_changed(self.date, Some(date));
    }

    /// Records the settled view for the URL (`None`: the whole map).
    pub fn set_view_spec(&self, spec: Option<ViewSpec>) {
        set_if_changed(self.view_spec, spec);
    }

    /// A view the URL asked for and the map has not applied yet.
    pub fn view_request(&self) -> Option<ViewSpec> {
        self.view_request.get()
    }

    /// Marks the URL's view as applied.
    pub fn view_request_done(&self) {
        self.view_request.set(None);
    }

    /// The tooltip, while a feature is hovered or focused.
    pub fn tip(&self) -> Option<Tip> {
        self.tip.get()
    }

    /// Shows a feature's name at a point of the page (`None` hides it).
    pub fn set_tip(&self, tip: Option<Tip>) {
        self.tip.set(tip);
    }

    /// The kinds the reader switched off in the legend.
    pub fn with_hidden_kinds<R>(&self, f: impl FnOnce(&BTreeSet<String>) -> R) -> R {
        self.hidden_kinds.with(f)
    }

    /// Shows or hides the features of a kind.
    pub fn toggle_kind(&self, kind: &str) {
        self.hidden_kinds.update(|h| {
            if !h.remove(kind) {
                h.insert(kind.to_string());
            }
        });
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

    /// Takes the state the URL gives, falling back on the story's defaults, and brings
    /// its selection into view.
    pub fn apply_url_state(&self, url: UrlState) {
        let (default_date, default_lang) = self.defaults();
        // Only what changes is set: a signal set to its own value still redraws all
        // that reads it (the whole map, for the language).
        set_if_changed(self.date, url.date.or(default_date));
        if url.view.is_some() && url.view != self.view_spec.get_untracked() {
            self.view_request.set(url.view);
        }
        if let Some(lang) = url.lang.or(default_lang) {
            set_if_changed(self.lang, lang);
        }
        self.select(url.selection);
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
