//! The article, verbatim, with its linked passages.

use leptos::prelude::*;

use crate::article::Span;
use crate::date::IsoDate;
use crate::i18n::t;
use crate::selection::Selection;
use crate::ui::AppState;

/// The article text; each linked passage selects its features when activated.
#[component]
pub fn ArticleView() -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        let article = &model.story.article;
        let shown_lang = if model.translations.contains_key(&state.lang()) {
            state.lang()
        } else {
            article.lang.clone()
        };
        let date = IsoDate::parse(&article.date).map(|d| d.long(&state.lang()));
        let credit = article.credit.get(&state.lang()).to_string();
        let blocks = model
            .article_in(&shown_lang)
            .blocks
            .iter()
            .map(|block| {
                let spans = block
                    .spans
                    .iter()
                    .map(|span| match span {
                        // A passage whose every link is broken leads nowhere: plain text.
                        Span::Passage { id, text } if !model.passage_leads_somewhere(id) => {
                            text.clone().into_any()
                        }
                        span => span_view(span),
                    })
                    .collect_view();
                if block.heading {
                    view! { <h2 class="article-heading">{spans}</h2> }.into_any()
                } else {
                    view! { <p class="article-paragraph">{spans}</p> }.into_any()
                }
            })
            .collect_view();
        Some(view! {
            <article class="article" lang=shown_lang.clone() data-article-lang=shown_lang.clone()>
                <p class="article-meta">
                    {move || t(&state.lang(), "published")}
                    " "
                    {date}
                    {(!credit.is_empty()).then(|| format!(" · {credit}"))}
                </p>
                <p class="article-hint">{move || t(&state.lang(), "hint")}</p>
                {blocks}
            </article>
        })
    }
}

fn span_view(span: &Span) -> AnyView {
    match span {
        Span::Text(text) => text.clone().into_any(),
        Span::Passage { id, text } => {
            let state = AppState::get();
            let selected = {
                let flag = state.passage_selected(id);
                Signal::derive(move || flag.get())
            };
            let moment = {
                let id = id.clone();
                move || {
                    let at = state.date()?;
                    state.with_model(|m| {
                        let t = m.as_ref()?.story.timeline.as_ref()?;
                        Some(t.moment(at)?.passages.contains(&id).to_string())
                    })
                }
            };
            let activate = {
                let id = id.clone();
                move || state.toggle(Selection::Passage(id.clone()))
            };
            let on_key = {
                let activate = activate.clone();
                move |ev: web_sys::KeyboardEvent| {
                    if super::is_activation(&ev) {
                        ev.prevent_default();
                        activate();
                    }
                }
            };
            view! {
                <span
                    class="article-passage"
                    data-passage-id=id.clone()
                    data-selected=move || selected.get().to_string()
                    data-moment=moment
                    role="button"
                    tabindex="0"
                    aria-pressed=move || selected.get().to_string()
                    on:click=move |_| activate()
                    on:keydown=on_key
                >
                    {text.clone()}
                </span>
            }
            .into_any()
        }
    }
}
