//! The locator map: where the region lies, with the main map's view outlined on it.

use leptos::prelude::*;

use crate::locator::Locator;
use crate::screen::Screen;
use crate::svg::num;
use crate::ui::AppState;

/// The inset's size, in pixels.
const WIDTH: f64 = 150.0;
const HEIGHT: f64 = 118.0;

/// The locator map, when the story has one.
#[component]
pub fn Inset(
    /// The main map as it is now.
    screen: Memo<Option<Screen>>,
) -> impl IntoView {
    let state = AppState::get();
    // Drawn once per story, simplified like the main map.
    let locator = Memo::new(move |_| {
        let model = state.model()?;
        Locator::of(&model, WIDTH, HEIGHT)
    });
    move || {
        let model = state.model()?;
        let locator = locator.get()?;
        let l = state.lang();
        let paths = locator
            .shapes
            .into_iter()
            .map(|(paint, d)| {
                view! {
                    <path
                        d=d
                        fill=paint.fill
                        fill-opacity=paint.fill_opacity.map(|o| num(o, 2))
                        stroke=paint.stroke
                        stroke-width=num(paint.stroke_width, 2)
                    />
                }
            })
            .collect_view();
        let places = locator
            .places
            .into_iter()
            .filter_map(|place| {
                let name = model.feature(&place.id)?.name.get(&l).to_string();
                let (at, (dx, anchor)) = (place.at, if place.name_left { (-4.0, "end") } else { (4.0, "start") });
                Some(view! {
                    <circle class="inset-place" cx=num(at.x, 1) cy=num(at.y, 1) r="2.2" />
                    <text class="inset-label" text-anchor=anchor x=num(at.x + dx, 1) y=num(at.y + 3.5, 1)>
                        {name}
                    </text>
                })
            })
            .collect_view();
        // The main map's view, outlined.
        let projection = locator.projection;
        let view_box = move || {
            let r = screen.get()?.outline_in(&projection);
            let (l, t, r, b) = (
                num(r.left, 1),
                num(r.top, 1),
                num(r.right, 1),
                num(r.bottom, 1),
            );
            Some(format!("M{l},{t}H{r}V{b}H{l}Z"))
        };
        Some(view! {
            <svg class="map-inset" data-inset="true" viewBox=format!("0 0 {} {}", num(WIDTH, 0), num(HEIGHT, 0))
                width=num(WIDTH, 0) height=num(HEIGHT, 0) aria-hidden="true">
                {paths}
                <path class="inset-view" d=view_box />
                {places}
            </svg>
        })
    }
}
