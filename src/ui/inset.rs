//! The locator map: where the region lies, with the main map's view outlined on it.

use leptos::prelude::*;

use crate::layer::Shape;
use crate::lod::{Detail, Frame, VERTEX_BUDGET};
use crate::projection::{Bounds, Point, Projection};
use crate::render::num;
use crate::state::AppState;
use crate::viewport::Viewport;

/// The inset's size, in pixels.
const WIDTH: f64 = 150.0;
const HEIGHT: f64 = 118.0;

/// The locator map, when the story has one.
#[component]
pub fn Inset(
    /// The main map's projection.
    projection: Memo<Option<Projection>>,
    /// The main map's box, in pixels.
    size: RwSignal<(f64, f64)>,
) -> impl IntoView {
    let state = AppState::get();
    // Drawn once per story, simplified like the main map.
    let drawn = Memo::new(move |_| {
        let model = state.model.get()?;
        let inset = model.inset.as_ref()?;
        let extent = Bounds::around(inset.features.iter().flat_map(|f| f.shape.positions()))?;
        let projection = Projection::fit(extent, WIDTH, HEIGHT, 2.0);
        let frame = Frame {
            projection,
            view: Viewport::IDENTITY,
            width: WIDTH,
            height: HEIGHT,
        };
        let paths =
            Detail::new(inset.features.iter().map(|f| &f.shape)).paths(&frame, VERTEX_BUDGET);
        let kinds = inset.features.iter().map(|f| format!("inset-{}", f.kind));
        Some((projection, kinds.zip(paths.d).collect::<Vec<_>>()))
    });
    move || {
        let model = state.model.get()?;
        let (p, shapes) = drawn.get()?;
        let l = state.lang.get();
        let paths = shapes
            .into_iter()
            .map(|(class, d)| view! { <path class=class d=d /> })
            .collect_view();
        let places = model
            .story
            .inset
            .iter()
            .flat_map(|i| &i.places)
            .filter_map(|id| {
                let f = model.feature(id)?;
                let Shape::Points(points) = &f.shape else { return None };
                let at = p.project(*points.first()?);
                // Names right of the middle are written to the left of their point (room to the edge,
                // and two capitals side by side do not collide).
                let (dx, anchor) = if at.x > WIDTH * 0.4 { (-4.0, "end") } else { (4.0, "start") };
                Some(view! {
                    <circle class="inset-place" cx=num(at.x, 1) cy=num(at.y, 1) r="2.2" />
                    <text class="inset-label" text-anchor=anchor x=num(at.x + dx, 1) y=num(at.y + 3.5, 1)>
                        {f.name.get(&l).to_string()}
                    </text>
                })
            })
            .collect_view();
        // The main map's view, outlined.
        let view_box = move || {
            let main = projection.get()?;
            let (w, h) = size.get();
            let v = state.viewport.get();
            let corner = |x, y| p.project(main.invert(v.invert(Point { x, y })));
            let (a, b) = (corner(0.0, 0.0), corner(w, h));
            let (l, t, r, b) = (num(a.x, 1), num(a.y, 1), num(b.x, 1), num(b.y, 1));
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
