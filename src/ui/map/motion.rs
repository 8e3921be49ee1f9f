//! The map in time: flights to what a passage speaks of, and waiting for the view to be
//! still before the expensive work (path data, the URL).

use leptos::prelude::*;

use crate::ui::AppState;
use crate::viewport::Viewport;

/// How long a flight lasts, in milliseconds.
const FLY_MS: f64 = 650.0;

/// Moves the view to `target`: an eased flight, or a jump when the reader asked for
/// reduced motion. A newer flight or a pan simply overrides an older one's frames.
/// `flights` counts the flights under way (the map is not settled during one).
pub fn fly_to(state: AppState, flights: RwSignal<u32>, target: Viewport) {
    if window().performance().is_none() || crate::ui::prefers_reduced_motion() {
        state.set_viewport(target);
        return;
    }
    let from = state.viewport_untracked();
    // The flight's clock starts at its first frame, which moves nothing: the frame that
    // shows what was just chosen (a click's answer) does not also draw a step.
    fn frame(
        state: AppState,
        flights: RwSignal<u32>,
        from: Viewport,
        target: Viewport,
        start: Option<f64>,
    ) {
        request_animation_frame(move || {
            let now = window().performance().map(|p| p.now());
            let start = start.or(now).unwrap_or_default();
            // Without a clock the flight ends at once.
            let t = now.map_or(1.0, |now| ((now - start) / FLY_MS).min(1.0));
            if t > 0.0 {
                state.set_viewport(from.eased_towards(&target, t));
            }
            if t < 1.0 {
                frame(state, flights, from, target, Some(start));
            } else {
                flights.update(|n| *n = n.saturating_sub(1));
            }
        });
    }
    flights.update(|n| *n += 1);
    frame(state, flights, from, target, None);
}

/// Calls `then` with the view once it has stayed still for `ms` milliseconds (not on
/// every frame of a pan or a flight).
pub fn when_quiet(state: AppState, ms: u64, then: impl Fn(Viewport) + Clone + 'static) {
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let view = state.viewport();
        let current = generation.get_value() + 1;
        generation.set_value(current);
        let then = then.clone();
        set_timeout(
            move || {
                if generation.get_value() == current {
                    then(view);
                }
            },
            std::time::Duration::from_millis(ms),
        );
    });
}
