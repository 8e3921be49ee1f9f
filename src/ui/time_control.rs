//! The date control: the story's key moments as a row of radio buttons (arrow keys move
//! between them), redrawing the map for that date.

use leptos::prelude::*;

use crate::date::IsoDate;
use crate::i18n::{colon, t};
use crate::ui::AppState;

/// The row of key dates, when the story has a timeline.
#[component]
pub fn TimeControl() -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        let timeline = model.story.timeline.clone()?;
        let l = state.lang();
        let moments = timeline
            .moments
            .iter()
            .filter_map(|m| Some((IsoDate::parse(&m.date)?, m.label.get(&l).to_string())))
            .map(|(date, label)| {
                let title = format!("{}{}{label}", date.long(&l), colon(&l));
                let aria = title.clone();
                view! {
                    <label class="timeline-moment" data-moment-date=date.to_string() title=title.clone()>
                        <input
                            class="timeline-input"
                            type="radio"
                            name="timeline-date"
                            value=date.to_string()
                            aria-label=aria
                            prop:checked=move || state.date() == Some(date)
                            on:change=move |_| state.set_date(date)
                        />
                        <span class="timeline-dot" aria-hidden="true"></span>
                        <span class="timeline-date" aria-hidden="true">{date.short(&l)}</span>
                    </label>
                }
            })
            .collect_view();
        let current = move || {
            let date = state.date()?;
            let model = state.model()?;
            let l = state.lang();
            let label = model
                .story
                .timeline
                .as_ref()
                .and_then(|t| t.moment(date))
                .map(|m| format!(" — {}", m.label.get(&l)))
                .unwrap_or_default();
            Some(format!("{}{label}", date.long(&l)))
        };
        // What the date changes on the map, said when the reader picks it.
        let caption = move || {
            let date = state.date()?;
            Some(state.model()?.changes_at(date)?.caption(&state.lang()))
        };
        Some(view! {
            <fieldset class="timeline" data-timeline="true">
                <legend class="timeline-title">
                    <span class="timeline-word">{t(&l, "timeline")}{colon(&l)}</span>
                    <strong class="timeline-current" data-timeline-current="true" aria-live="polite">{current}</strong>
                </legend>
                <div class="timeline-moments">{moments}</div>
                <p class="timeline-caption" data-timeline-caption="true" aria-live="polite">{caption}</p>
            </fieldset>
        })
    }
}
