//! The details of the selected feature: its names, what it is, its dates, how accurate
//! it is and where it comes from, and the passages that speak of it.

use leptos::prelude::*;

use crate::date::IsoDate;
use crate::i18n::{colon, language_name, t, UI_LANGS};
use crate::selection::Selection;
use crate::ui::AppState;

/// The panel shown while a feature is selected.
#[component]
pub fn Details() -> impl IntoView {
    let state = AppState::get();
    // Escape closes the panel, wherever the focus is (the panel lives as long as the page).
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape"
            && !ev.default_prevented()
            && state.with_selection_untracked(|s| matches!(s, Selection::Feature(_)))
        {
            ev.prevent_default();
            state.close_details();
        }
    });
    move || {
        let Selection::Feature(id) = state.selection() else {
            return None;
        };
        let model = state.model()?;
        let f = model.feature(&id)?.clone();
        let l = state.lang();
        let kind_label = model.story.style(&f.kind).label.get(&l).to_string();
        // Other names matter where a place has local names (Armenian, Azerbaijani...):
        // a feature named only in the interface's languages has no "other" name.
        let local_names = f
            .name
            .others("")
            .iter()
            .any(|(code, _)| !UI_LANGS.contains(code));
        // Each other name carries its language, so a screen reader speaks it as such.
        let other_names: Vec<(&str, &str)> = if local_names {
            f.name.others(&l)
        } else {
            Vec::new()
        };
        // A separator before every name but the first (codes are unique).
        let first = other_names.first().map(|(code, _)| *code);
        let others = other_names
            .into_iter()
            .map(|(code, name)| {
                let language = language_name(&l, code);
                view! {
                    {(Some(code) != first).then_some(" · ")}
                    <span lang=code.to_string()>{name.to_string()}</span>
                    {(!language.is_empty()).then(|| format!(" ({language})"))}
                }
            })
            .collect::<Vec<_>>();
        let name_lang = shown_lang(&f.name, &l);
        let date_row = |key: &'static str, date: Option<IsoDate>| {
            date.map(|d| {
                view! {
                    <dt>{t(&l, key)}</dt>
                    <dd>
                        <time datetime=d.to_string()>{d.long(&l)}</time>
                    </dd>
                }
            })
        };
        let sources = f
            .sources
            .iter()
            .map(|s| match s.link() {
                Some(url) => view! {
                    <li>
                        <a href=url.to_string() target="_blank" rel="noopener noreferrer">
                            {s.title.clone()}
                        </a>
                    </li>
                }
                .into_any(),
                None => view! { <li>{s.title.clone()}</li> }.into_any(),
            })
            .collect_view();
        let passages = model.passages_of(&f.id).to_vec();
        let excerpts = passages
            .iter()
            .map(|pid| {
                let text = model.passage_text(&l, pid).unwrap_or_default().to_string();
                let pid = pid.clone();
                view! {
                    <li>
                        <button
                            type="button"
                            class="details-passage"
                            data-details-passage=pid.clone()
                            on:click=move |_| state.select(Selection::Passage(pid.clone()))
                        >
                            {t(&l, "quote-open")}
                            {text}
                            {t(&l, "quote-close")}
                        </button>
                    </li>
                }
            })
            .collect_view();
        let note = f.note.get(&l).to_string();
        let accuracy = f.accuracy.as_str();
        Some(view! {
            <aside class="details" data-details=f.id.clone()>
                <button
                    type="button"
                    class="details-close"
                    aria-label=t(&l, "close")
                    on:click=move |_| state.close_details()
                >
                    "×"
                </button>
                <p class="details-kind">{kind_label}</p>
                <h2 class="details-name" lang=name_lang>{f.name.get(&l).to_string()}</h2>
                {(!others.is_empty())
                    .then(|| {
                        view! {
                            <p class="details-others">
                                {t(&l, "other-names")}
                                {colon(&l)}
                                {others}
                            </p>
                        }
                    })}
                <dl class="details-facts">
                    <dt>{t(&l, "accuracy")}</dt>
                    <dd class="details-accuracy" data-accuracy=accuracy>{t(&l, accuracy)}</dd>
                    {date_row("as-of", f.as_of)}
                    {date_row("valid-from", f.valid_from)}
                    {date_row("valid-until", f.valid_until)}
                    {date_row("handover", f.handover_date)}
                    {f
                        .facts
                        .iter()
                        .map(|fact| {
                            view! {
                                <dt>{fact.label.get(&l).to_string()}</dt>
                                <dd>{fact.value.get(&l).to_string()}</dd>
                            }
                        })
                        .collect_view()}
                </dl>
                {(!note.is_empty()).then(|| view! { <p class="details-note">{note}</p> })}
                <h3 class="details-subtitle">{t(&l, "sources")}</h3>
                <ul class="details-sources">{sources}</ul>
                <h3 class="details-subtitle">{t(&l, "in-article")}</h3>
                {if passages.is_empty() {
                    view! { <p class="details-none">{t(&l, "not-in-article")}</p> }.into_any()
                } else {
                    view! { <ul class="details-passages">{excerpts}</ul> }.into_any()
                }}
            </aside>
        })
    }
}

/// The language of the name shown for `lang` when the data has none in `lang` itself
/// (`None`: it is in `lang`, the page's language).
pub(crate) fn shown_lang(names: &crate::names::Names, lang: &str) -> Option<String> {
    if names.has(lang) {
        return None;
    }
    ["fr", "en"]
        .into_iter()
        .find(|l| names.has(l))
        .map(str::to_string)
}
