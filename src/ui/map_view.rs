//! The map: an SVG fitted to its box. Pan and zoom move one `transform`; path data is
//! written again only once a gesture settles, with the detail that zoom needs (see
//! [`crate::lod`]). Points and labels keep their screen size.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::gesture::{Change, Gesture};
use crate::i18n::t;
use crate::labels::{place, Candidate};
use crate::layer::{Feature, Shape};
use crate::lod::{Detail, Frame, Paths, VERTEX_BUDGET};
use crate::model::{Drawn, Model};
use crate::projection::{scale_bar, Point, Projection};
use crate::render::num;
use crate::selection::Selection;
use crate::state::{AppState, Tip};
use crate::story::safe_colour;
use crate::viewport::Viewport;

/// Padding, in pixels, between the map's extent and the edge of its box.
const PADDING: f64 = 8.0;
/// The box assumed until the map's frame has a size (hidden, or not laid out yet).
const FALLBACK_SIZE: (f64, f64) = (640.0, 480.0);
/// How long the view must stay still before the URL records it, in milliseconds.
const VIEW_SETTLE_MS: u64 = 400;
/// Quiet time, in milliseconds, before paths are written for a new view.
const DETAIL_SETTLE_MS: u64 = 120;
/// The longest a scale bar may be, in pixels.
const SCALE_BAR_MAX_PX: f64 = 110.0;
/// How far an arrow key pans, in pixels.
const KEY_PAN_PX: f64 = 60.0;
/// How much a zoom button or key zooms.
const ZOOM_STEP: f64 = 1.6;
/// Room left around the features a passage flies to, in pixels.
const FLY_PADDING: f64 = 48.0;
/// The closest a fly-to zooms, so that a single place keeps its surroundings.
const FLY_MAX_ZOOM: f64 = 4.0;
/// How long a fly-to lasts, in milliseconds.
const FLY_MS: f64 = 650.0;
/// The size of place labels, for collision tests (matches `.map-label` in the CSS).
const LABEL_FONT_PX: f64 = 12.0;

/// The interactive map.
#[component]
pub fn MapView() -> impl IntoView {
    let state = AppState::get();
    let frame = NodeRef::<leptos::html::Div>::new();
    let size = RwSignal::new(FALLBACK_SIZE);
    let measure = move || {
        if let Some(el) = frame.get_untracked() {
            let next = match (f64::from(el.client_width()), f64::from(el.client_height())) {
                (w, h) if w >= 1.0 && h >= 1.0 => (w, h),
                _ => FALLBACK_SIZE,
            };
            let before = size.get_untracked();
            if next != before {
                // Keep the place and zoom the reader was looking at.
                let fit = |(w, h): (f64, f64)| {
                    let extent = state.model.with_untracked(|m| m.as_ref()?.extent())?;
                    Some(Projection::fit(extent, w, h, PADDING))
                };
                let spec = fit(before).and_then(|p| {
                    state
                        .viewport
                        .get_untracked()
                        .to_spec(&p, before.0, before.1)
                });
                size.set(next);
                let view = match (spec, fit(next)) {
                    (Some(spec), Some(p)) => Viewport::from_spec(spec, &p, next.0, next.1),
                    _ => Viewport::IDENTITY,
                };
                state.viewport.set(view);
            }
        }
    };
    // The frame changes size with the window and with what loads around it (the
    // legend): the viewBox must follow, so that SVG units stay CSS pixels.
    Effect::new(move |_| {
        let Some(el) = frame.get() else { return };
        measure();
        let on_resize = Closure::<dyn Fn()>::new(measure);
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        // The map lives as long as the page.
        on_resize.forget();
    });

    // Recomputed when the story or the box changes, never while panning.
    let projection = Memo::new(move |_| {
        let (w, h) = size.get();
        let extent = state.model.with(|m| m.as_ref()?.extent())?;
        Some(Projection::fit(extent, w, h, PADDING))
    });
    let scene = Memo::new(move |_| {
        let projection = projection.get()?;
        let model = state.model.get()?;
        Some(Arc::new(model.drawn(&projection)))
    });
    // Every vertex ranked once per story; path data written per settled view.
    let detail = Memo::new(move |_| {
        state.model.with(|m| {
            m.as_ref()
                .map(|m| Ranked(Arc::new(Detail::new(m.features().map(|f| &f.shape)))))
        })
    });
    let settled = RwSignal::new(Viewport::IDENTITY);
    when_quiet(state.viewport, DETAIL_SETTLE_MS, move |view| {
        settled.set(view)
    });
    // Fly-to flights under way: tests and hosts wait on `data-settled`, not on a time.
    let flights = RwSignal::new(0_u32);
    let paths = Memo::new(move |_| {
        let projection = projection.get()?;
        let (width, height) = size.get();
        let frame = Frame {
            projection,
            view: settled.get(),
            width,
            height,
        };
        Some(Arc::new(detail.get()?.0.paths(&frame, VERTEX_BUDGET)))
    });

    // A scale bar for the latitude at the centre of the view.
    let scale = Memo::new(move |_| {
        let p = projection.get()?;
        let (w, h) = size.get();
        let view = state.viewport.get();
        let centre = p.invert(view.invert(Point {
            x: w / 2.0,
            y: h / 2.0,
        }));
        let (km, px) = scale_bar(p.px_per_km(centre.lat) * view.k, SCALE_BAR_MAX_PX);
        Some((km, px))
    });

    // Which place labels fit in view at this zoom.
    let shown_labels = Memo::new(move |_| {
        let (Some(drawn), Some(model)) = (scene.get(), state.model.get()) else {
            return BTreeSet::new();
        };
        let (view, l, (w, h)) = (state.viewport.get(), state.lang.get(), size.get());
        let candidates: Vec<Candidate> = drawn
            .iter()
            .zip(model.features())
            .filter_map(|(d, f)| {
                let style = model.story.style(&f.kind);
                let p = d.points.first().filter(|_| style.label_on_map)?;
                let at = view.apply(*p);
                let inside = (0.0..w).contains(&at.x) && (0.0..h).contains(&at.y);
                let shown_then = f.shown_on(state.date.get())
                    && state.hidden_kinds.with(|h| !h.contains(&f.kind));
                (inside && shown_then).then(|| Candidate {
                    id: f.id.clone(),
                    at,
                    chars: f.name.get(&l).chars().count(),
                    priority: style.label_priority,
                })
            })
            .collect();
        let always: Vec<String> = state
            .highlight
            .with(|h| h.features.iter().cloned().collect());
        let always: Vec<&str> = always.iter().map(String::as_str).collect();
        place(&candidates, LABEL_FONT_PX, &always)
    });

    // A view the URL asks for wins; otherwise selecting a passage flies the map to what
    // it speaks of.
    Effect::new(move |_| {
        let selection = state.selection.get();
        if let (Some(spec), Some(p)) = (state.view_request.get(), projection.get()) {
            let (w, h) = size.get();
            state.viewport.set(Viewport::from_spec(spec, &p, w, h));
            state.view_request.set(None);
            return;
        }
        let Selection::Passage(passage) = selection else {
            return;
        };
        // Tracks the story and the box too: a deep link flies once both are known, and a
        // resized map (whose view resets) flies back to the passage.
        let Some(model) = state.model.get() else {
            return;
        };
        let (w, h) = size.get();
        let Some(projection) = projection.get() else {
            return;
        };
        let date = state.date.get_untracked();
        let ids = model.features_of_at(&passage, date);
        if let Some(bbox) = model.bbox_of(&ids, &projection) {
            let target = Viewport::fitting(bbox, w, h, FLY_PADDING, FLY_MAX_ZOOM);
            fly_to(state.viewport, flights, target);
        }
    });

    // The URL follows the view once it settles (not on every frame of a pan).
    when_quiet(state.viewport, VIEW_SETTLE_MS, move |view| {
        let (w, h) = size.get_untracked();
        let spec = projection
            .get_untracked()
            .and_then(|p| view.to_spec(&p, w, h));
        if spec != state.view_spec.get_untracked() {
            state.view_spec.set(spec);
        }
    });

    let gesture = StoredValue::new(Gesture::default());
    // Pointer positions in the map's box (its viewBox is its size in CSS pixels).
    let local = move |ev: &web_sys::MouseEvent| {
        let (left, top) = frame
            .get_untracked()
            .map(|f| {
                let r = f.get_bounding_client_rect();
                (r.left(), r.top())
            })
            .unwrap_or_default();
        Point {
            x: f64::from(ev.client_x()) - left,
            y: f64::from(ev.client_y()) - top,
        }
    };
    let zoom_by = move |factor: f64| {
        let (w, h) = size.get_untracked();
        state.viewport.update(|v| {
            *v = v
                .zoomed_at(
                    Point {
                        x: w / 2.0,
                        y: h / 2.0,
                    },
                    factor,
                )
                .clamped(w, h)
        });
    };

    let lang = state.lang;
    // The title, the date shown and the credit line, written under an exported map.
    let caption = move || {
        let l = lang.get_untracked();
        state.model.with_untracked(|m| {
            m.as_ref().map_or_else(Vec::new, |m| {
                let date = state
                    .date
                    .get_untracked()
                    .map(|d| d.long(&l))
                    .unwrap_or_default();
                vec![
                    format!("{} — {date}", m.story.title.get(&l)),
                    m.story.attribution.get(&l).to_string(),
                ]
            })
        })
    };
    view! {
        <div
            class="map-frame"
            node_ref=frame
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                let (w, h) = size.get_untracked();
                let step = KEY_PAN_PX;
                let next = |v: Viewport| match ev.key().as_str() {
                    "ArrowLeft" => Some(v.panned(step, 0.0)),
                    "ArrowRight" => Some(v.panned(-step, 0.0)),
                    "ArrowUp" => Some(v.panned(0.0, step)),
                    "ArrowDown" => Some(v.panned(0.0, -step)),
                    "+" | "=" => Some(v.zoomed_at(Point { x: w / 2.0, y: h / 2.0 }, ZOOM_STEP)),
                    "-" | "_" => Some(v.zoomed_at(Point { x: w / 2.0, y: h / 2.0 }, 1.0 / ZOOM_STEP)),
                    "0" => Some(Viewport::IDENTITY),
                    _ => None,
                };
                if let Some(v) = next(state.viewport.get_untracked()) {
                    ev.prevent_default();
                    state.viewport.set(v.clamped(w, h));
                }
            }
        >
            <svg
                class="map"
                data-map="true"
                viewBox=move || {
                    let (w, h) = size.get();
                    format!("0 0 {} {}", num(w, 2), num(h, 2))
                }
                role="group"
                tabindex="0"
                data-vertices=move || paths.with(|p| p.as_ref().map(|p| p.vertices.to_string()))
                data-settled=move || {
                    let still = flights.get() == 0 && settled.get() == state.viewport.get();
                    if still && paths.with(Option::is_some) { "true" } else { "false" }
                }
                aria-label=move || t(&lang.get(), "map-label")
                aria-describedby="map-keys"
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if ev.button() == 0 {
                        let p = local(&ev);
                        gesture.update_value(|g| g.down(ev.pointer_id(), p));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    let p = local(&ev);
                    let mut change = Change::None;
                    gesture.update_value(|g| change = g.moved(ev.pointer_id(), p));
                    let (w, h) = size.get_untracked();
                    match change {
                        Change::None => {}
                        Change::Pan { dx, dy } => {
                            state.viewport.update(|v| *v = v.panned(dx, dy).clamped(w, h));
                        }
                        Change::Pinch { dx, dy, anchor, factor } => {
                            state.viewport.update(|v| {
                                *v = v.panned(dx, dy).zoomed_at(anchor, factor).clamped(w, h)
                            });
                        }
                    }
                }
                on:pointerup=move |ev: web_sys::PointerEvent| gesture.update_value(|g| g.up(ev.pointer_id()))
                on:pointercancel=move |ev: web_sys::PointerEvent| gesture.update_value(|g| g.up(ev.pointer_id()))
                on:pointerleave=move |ev: web_sys::PointerEvent| gesture.update_value(|g| g.up(ev.pointer_id()))
                on:wheel=move |ev: web_sys::WheelEvent| {
                    // Embedded in a news page, the wheel scrolls the page unless Ctrl (or
                    // a trackpad pinch, which arrives as Ctrl+wheel) asks for a zoom.
                    let embedded = document()
                        .document_element()
                        .is_some_and(|r| r.has_attribute("data-embed"));
                    if embedded && !ev.ctrl_key() && !ev.meta_key() {
                        return;
                    }
                    ev.prevent_default();
                    let (w, h) = size.get_untracked();
                    let anchor = local(&ev);
                    let factor = (-ev.delta_y() * 0.002).clamp(-0.5, 0.5).exp();
                    state.viewport.update(|v| *v = v.zoomed_at(anchor, factor).clamped(w, h));
                }
            >
                <g class="map-world" transform=move || state.viewport.get().to_svg_transform()>
                    {move || {
                        // Built once per story and language; a new size or zoom only
                        // writes the path data (see `paths`).
                        let model = state.model.get()?;
                        // Names are in the reader's language: a new one redraws.
                        state.lang.track();
                        Some(
                            model
                                .features()
                                .enumerate()
                                .filter(|(_, f)| !matches!(f.shape, Shape::Points(_)))
                                .map(|(i, f)| shape_view(&model, f, i, paths, gesture))
                                .collect_view(),
                        )
                    }}
                </g>
                <g class="map-points">
                    {move || {
                        let drawn = scene.get()?;
                        let model = state.model.get()?;
                        state.lang.track();
                        Some(
                            drawn
                                .iter()
                                .zip(model.features())
                                .filter(|(d, _)| !d.points.is_empty())
                                .map(|(d, f)| points_view(&model, f, d, gesture, shown_labels))
                                .collect_view(),
                        )
                    }}
                </g>
                <g class="map-area-labels" aria-hidden="true">
                    {move || {
                        let drawn = scene.get()?;
                        let model = state.model.get()?;
                        let l = lang.get();
                        Some(
                            drawn
                                .iter()
                                .zip(model.features())
                                .filter(|(_, f)| model.story.style(&f.kind).label_on_map)
                                .filter_map(|(d, f)| Some((d.label_at?, f.name.get(&l).to_string())))
                                .map(|(p, text)| {
                                    let at = move || state.viewport.with(|v| v.apply(p));
                                    view! {
                                        <text class="map-area-label" text-anchor="middle"
                                            x=move || num(at().x, 1) y=move || num(at().y, 1)>
                                            {text}
                                        </text>
                                    }
                                })
                                .collect_view(),
                        )
                    }}
                </g>
                {move || {
                    let (km, px) = scale.get()?;
                    let (_, h) = size.get();
                    let label = format!("{} km", num(km, 3));
                    Some(view! {
                        <g class="map-scale" data-scale-km=num(km, 3)
                            transform=format!("translate(12,{})", num(h - 14.0, 1))>
                            <path d=format!("M0,-5V0H{}V-5", num(px, 1)) />
                            <text x=num(px + 6.0, 1) y="0">{label}</text>
                        </g>
                    })
                }}
            </svg>
            <super::Inset projection=projection size=size />
            {move || {
                state.tip.get().map(|tip| {
                    view! {
                        <div class="map-tooltip" role="tooltip" data-tooltip="true"
                            style:left=format!("{}px", num(tip.x, 0))
                            style:top=format!("{}px", num(tip.y, 0))>
                            {tip.text}
                        </div>
                    }
                })
            }}
            <p class="visually-hidden" id="map-keys">{move || t(&lang.get(), "map-keys")}</p>
            <div class="map-zoom">
                <button type="button" class="map-zoom-button" data-zoom="in"
                    aria-label=move || t(&lang.get(), "zoom-in")
                    title=move || t(&lang.get(), "zoom-in")
                    on:click=move |_| zoom_by(ZOOM_STEP)>"+"</button>
                <button type="button" class="map-zoom-button" data-zoom="out"
                    aria-label=move || t(&lang.get(), "zoom-out")
                    title=move || t(&lang.get(), "zoom-out")
                    on:click=move |_| zoom_by(1.0 / ZOOM_STEP)>"−"</button>
                <button type="button" class="map-zoom-button" data-zoom="reset"
                    aria-label=move || t(&lang.get(), "zoom-reset")
                    title=move || t(&lang.get(), "zoom-reset")
                    on:click=move |_| state.viewport.set(Viewport::IDENTITY)>"⤢"</button>
                <button type="button" class="map-zoom-button map-export" data-export="svg"
                    aria-label=move || t(&lang.get(), "export-svg")
                    title=move || t(&lang.get(), "export-svg")
                    on:click=move |_| super::export::export_svg(&caption())>"SVG"</button>
                <button type="button" class="map-zoom-button map-export" data-export="png"
                    aria-label=move || t(&lang.get(), "export-png")
                    title=move || t(&lang.get(), "export-png")
                    on:click=move |_| super::export::export_png(&caption())>"PNG"</button>
            </div>
        </div>
    }
}

/// Moves the view to `target`: an eased flight, or a jump when the reader asked for
/// reduced motion. A newer flight or a pan simply overrides an older one's frames.
/// `flights` counts the flights under way.
fn fly_to(viewport: RwSignal<Viewport>, flights: RwSignal<u32>, target: Viewport) {
    let reduced = super::prefers_reduced_motion();
    let Some(performance) = window().performance() else {
        viewport.set(target);
        return;
    };
    if reduced {
        viewport.set(target);
        return;
    }
    let from = viewport.get_untracked();
    let start = performance.now();
    fn frame(
        viewport: RwSignal<Viewport>,
        flights: RwSignal<u32>,
        from: Viewport,
        target: Viewport,
        start: f64,
    ) {
        request_animation_frame(move || {
            let now = window().performance().map_or(start + FLY_MS, |p| p.now());
            let t = ((now - start) / FLY_MS).min(1.0);
            viewport.set(from.eased_towards(&target, t));
            if t < 1.0 {
                frame(viewport, flights, from, target, start);
            } else {
                flights.update(|n| *n = n.saturating_sub(1));
            }
        });
    }
    flights.update(|n| *n += 1);
    frame(viewport, flights, from, target, start);
}

/// What every drawn feature shares: its hooks, its selection state, its events.
struct Hooks {
    id: String,
    class: String,
    interactive: bool,
    name: String,
}

fn hooks(model: &Model, f: &Feature, lang: &str) -> Hooks {
    let interactive = model.is_selectable(f);
    let kind: String = f
        .kind
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    Hooks {
        id: f.id.clone(),
        class: format!(
            "map-feature map-kind-{kind} map-accuracy-{}{}",
            f.accuracy.as_str(),
            if interactive {
                " map-feature--interactive"
            } else {
                ""
            }
        ),
        interactive,
        name: f.name.get(lang).to_string(),
    }
}

/// What a drawn feature carries whatever its shape: the contract's hooks, its selection
/// state, and (when it is selectable) its role, name, tooltip, click and keys.
fn feature_attrs(h: &Hooks, gesture: StoredValue<Gesture>) -> impl leptos::attr::Attribute {
    let state = AppState::get();
    let interactive = h.interactive;
    let flag = state.feature_selected(&h.id);
    let selected = move || flag.get().to_string();
    let (id_click, id_key) = (h.id.clone(), h.id.clone());
    let (name_hover, name_focus) = (h.name.clone(), h.name.clone());
    view! {
        <{..}
            data-feature-id=h.id.clone()
            data-selected=selected.clone()
            tabindex=interactive.then_some("0")
            role=interactive.then_some("button")
            aria-label=interactive.then(|| h.name.clone())
            aria-pressed=move || interactive.then(&selected)
            on:pointerenter=move |ev: web_sys::PointerEvent| tip_at_pointer(&name_hover, &ev)
            on:pointerleave=move |_| state.tip.set(None)
            on:focus=move |ev: web_sys::FocusEvent| tip_at_target(&name_focus, &ev)
            on:blur=move |_| state.tip.set(None)
            on:click=move |_| {
                if interactive {
                    activate(&id_click, Some(gesture))
                }
            }
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if interactive && super::is_activation(&ev) {
                    ev.prevent_default();
                    activate(&id_key, None);
                }
            }
        />
    }
}

/// `display` for a feature: hidden when it does not hold at the date shown or when the
/// reader switched its kind off (hidden features leave the tab order too).
fn display_at(f: &Feature) -> impl Fn() -> &'static str + Send + Sync + Clone + 'static {
    let state = AppState::get();
    let f = Feature {
        shape: Shape::Points(Vec::new()),
        ..f.clone()
    };
    move || {
        let hidden_kind = state.hidden_kinds.with(|h| h.contains(&f.kind));
        let out_of_date = !f.shown_on(state.date.get());
        if hidden_kind || out_of_date {
            "none"
        } else {
            "inline"
        }
    }
}

/// The class of a feature, with its handover state at the date shown.
fn class_at(base: String, f: &Feature) -> impl Fn() -> String + Send + Sync + 'static {
    let state = AppState::get();
    let handover = f.handover_date;
    move || match (state.date.get(), handover) {
        (Some(date), Some(h)) if h <= date => format!("{base} map-feature--handed-over"),
        (_, Some(_)) => format!("{base} map-feature--pending"),
        _ => base.clone(),
    }
}

/// Shows a feature's name beside the pointer.
fn tip_at_pointer(name: &str, ev: &web_sys::PointerEvent) {
    AppState::get().tip.set(Some(Tip {
        text: name.to_string(),
        x: f64::from(ev.client_x()),
        y: f64::from(ev.client_y()),
    }));
}

/// Shows a feature's name above the element that took the focus.
fn tip_at_target(name: &str, ev: &web_sys::FocusEvent) {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let r = el.get_bounding_client_rect();
    AppState::get().tip.set(Some(Tip {
        text: name.to_string(),
        x: r.left() + r.width() / 2.0,
        y: r.top(),
    }));
}

/// Selects a feature; a click that ended a drag (`gesture`) selects nothing.
fn activate(id: &str, gesture: Option<StoredValue<Gesture>>) {
    if gesture.is_some_and(|g| g.with_value(Gesture::dragged)) {
        return;
    }
    let state = AppState::get();
    state.activate(Selection::Feature(id.to_string()));
    let now = state.selection.get_untracked();
    if now != Selection::None {
        super::reveal_linked(&state, &now);
    }
}

/// Calls `then` with the view once it has stayed still for `ms` milliseconds (not on
/// every frame of a pan or a flight).
fn when_quiet(viewport: RwSignal<Viewport>, ms: u64, then: impl Fn(Viewport) + Clone + 'static) {
    let generation = StoredValue::new(0_u64);
    Effect::new(move |_| {
        let view = viewport.get();
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

/// The ranked geometry, compared by identity (a story's is computed once).
#[derive(Clone)]
struct Ranked(Arc<Detail>);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A line or area; its path data is the `index`th of `paths`.
fn shape_view(
    model: &Model,
    f: &Feature,
    index: usize,
    paths: Memo<Option<Arc<Paths>>>,
    gesture: StoredValue<Gesture>,
) -> AnyView {
    let state = AppState::get();
    // Read tracked by the caller: a new language redraws the names.
    let h = hooks(model, f, &state.lang.get_untracked());
    let style = model.story.style(&f.kind);
    let is_line = matches!(f.shape, Shape::Lines(_));
    let fill = if is_line {
        "none".to_string()
    } else {
        safe_colour(style.fill.as_deref())
            .unwrap_or("#dddddd")
            .to_string()
    };
    let stroke = safe_colour(style.stroke.as_deref())
        .unwrap_or("#555555")
        .to_string();
    let display = display_at(f);
    let class = class_at(h.class.clone(), f);
    view! {
        <path
            {..feature_attrs(&h, gesture)}
            class=class
            display=display
            d=move || paths.with(|p| p.as_ref().and_then(|p| p.d.get(index).cloned()))
            fill=fill
            fill-opacity=style.fill_opacity.map(|o| num(o.clamp(0.0, 1.0), 2))
            stroke=stroke
            stroke-width=num(style.stroke_width.unwrap_or(1.0).clamp(0.0, 12.0), 2)
            vector-effect="non-scaling-stroke"
        >
            <title>{h.name.clone()}</title>
        </path>
    }
    .into_any()
}

fn points_view(
    model: &Model,
    f: &Feature,
    d: &Drawn,
    gesture: StoredValue<Gesture>,
    shown_labels: Memo<BTreeSet<String>>,
) -> AnyView {
    let state = AppState::get();
    let lang = state.lang;
    let h = hooks(model, f, &lang.get_untracked());
    let style = model.story.style(&f.kind);
    let fill = safe_colour(style.fill.as_deref())
        .unwrap_or("#222222")
        .to_string();
    let stroke = safe_colour(style.stroke.as_deref())
        .unwrap_or("#ffffff")
        .to_string();
    let radius = style.stroke_width.unwrap_or(4.0).clamp(2.0, 10.0);
    let label = style.label_on_map.then(|| h.name.clone());
    let label_id = h.id.clone();
    let label_visibility = move || {
        if shown_labels.with(|s| s.contains(&label_id)) {
            "visible"
        } else {
            "hidden"
        }
    };
    let points = d.points.clone();
    let at = move |p: Point| state.viewport.with(|v| v.apply(p));
    let marks = points
        .iter()
        .map(|&p| {
            view! {
                <circle
                    cx=move || num(at(p).x, 1)
                    cy=move || num(at(p).y, 1)
                    r=num(radius, 1)
                    fill=fill.clone()
                    stroke=stroke.clone()
                    stroke-width="1.5"
                />
            }
        })
        .collect_view();
    let first = points[0];
    let display = display_at(f);
    view! {
        <g
            {..feature_attrs(&h, gesture)}
            class=h.class.clone()
            display=display
        >
            <title>{h.name.clone()}</title>
            {marks}
            {label.map(|text| {
                view! {
                    <text
                        class="map-label"
                        visibility=label_visibility
                        x=move || num(at(first).x + radius + 3.0, 1)
                        y=move || num(at(first).y + 4.0, 1)
                    >
                        {text}
                    </text>
                }
            })}
        </g>
    }
    .into_any()
}
