//! The map: an SVG fitted to its box. Pan and zoom move one `transform`; path data is
//! written again only once a gesture settles, with the detail that zoom needs (see
//! [`crate::svg::path`]). Points and labels keep their screen size. Every computation
//! is the core's ([`Screen`], [`Detail`], [`labels`](crate::labels)): this module wires
//! signals and events to it.
//!
//! - [`layers`]: the marks of the features, in three groups; [`features`]: what each
//!   carries (hooks, selection state, events);
//! - [`controls`]: zoom and export buttons, scale bar, tooltip;
//! - [`motion`]: flights and waiting for a still view;
//! - [`inset`]: the locator map.

mod controls;
mod features;
mod inset;
mod layers;
mod motion;

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::date::IsoDate;
use crate::gesture::Gesture;
use crate::i18n::t;
use crate::labels::{area_candidates, candidates, place, Labels, Room};
use crate::projection::{Point, Rect};
use crate::screen::Screen;
use crate::selection::Selection;
use crate::svg::path::{Detail, VERTEX_BUDGET};
use crate::svg::{num, transform};
use crate::ui::AppState;
use crate::viewport::Viewport;

use crate::keynav::Stops;
use controls::{MapButtons, ScaleBar, Tooltip};
use features::KeyNav;
use inset::Inset;
use motion::{fly_to, when_quiet};

/// The box assumed until the map's box has a size (hidden, or not laid out yet).
const FALLBACK_SIZE: (f64, f64) = (640.0, 480.0);
/// How long the view must stay still before the URL records it, in milliseconds.
const VIEW_SETTLE_MS: u64 = 400;
/// Quiet time, in milliseconds, before paths are written for a new view.
const DETAIL_SETTLE_MS: u64 = 120;
/// What sits over the map and hides what is under it: labels keep off them.
const CONTROLS: &str = ".map-zoom, .feature-list-toggle, .map-inset";
/// Half the touch target of a point (24 px across, see `layers`).
const HIT_RADIUS_PX: f64 = 12.0;

/// The ranked geometry, compared by identity (a story's is computed once).
#[derive(Clone)]
struct Ranked(Arc<Detail>);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The interactive map.
#[component]
pub fn MapView() -> impl IntoView {
    let state = AppState::get();
    let map_box = NodeRef::<leptos::html::Div>::new();
    // The static view's box until the map measures its own (its paths are written once).
    let size = RwSignal::new(crate::ui::static_map_size().unwrap_or(FALLBACK_SIZE));

    // The map fitted to its box, once per story and size, never while panning.
    let fitted = Memo::new(move |_| {
        let (w, h) = size.get();
        let extent = state.with_model(|m| m.as_ref()?.extent())?;
        Some(Screen::fitted(extent, w, h))
    });
    // The same with the reader's pan and zoom.
    let screen = Memo::new(move |_| Some(fitted.get()?.with_view(state.viewport())));

    let measure = move || {
        let Some(el) = map_box.get_untracked() else {
            return;
        };
        let (w, h) = (f64::from(el.client_width()), f64::from(el.client_height()));
        let measured = w >= 1.0 && h >= 1.0;
        // The map's size in pixels, not a percentage: its marks are then laid out again
        // only when the box changes size, not whenever something near them changes (the
        // tooltip, the details).
        if let Some(svg) = el
            .first_element_child()
            .and_then(|e| e.dyn_into::<web_sys::SvgElement>().ok())
        {
            let style = svg.style();
            for (name, value) in [("width", w), ("height", h)] {
                let _ = if measured {
                    style.set_property(name, &format!("{}px", num(value, 0)))
                } else {
                    style.remove_property(name).map(drop)
                };
            }
        }
        // A box with no size (off the page, hidden) keeps the size the map has.
        if !measured {
            return;
        }
        if (w, h) == size.get_untracked() {
            return;
        }
        // Keep the place and zoom the reader was looking at.
        let extent = state.with_model_untracked(|m| m.as_ref()?.extent());
        let view = match (screen.get_untracked(), extent) {
            (Some(before), Some(extent)) => before.resized(extent, w, h).view,
            _ => Viewport::IDENTITY,
        };
        size.set((w, h));
        state.set_viewport(view);
    };
    // The controls' boxes in the map's box, for the labels to keep off them.
    let controls = RwSignal::new(Vec::<Rect>::new());
    let measure_controls = move || {
        let Some(el) = map_box.get_untracked() else {
            return;
        };
        let found = controls_in(&el);
        if found != controls.get_untracked() {
            controls.set(found);
        }
    };
    // The box changes size with the window and with what loads around it (the
    // legend): the viewBox must follow, so that SVG units stay CSS pixels.
    Effect::new(move |_| {
        let Some(el) = map_box.get() else { return };
        measure();
        let on_resize = Closure::<dyn Fn()>::new(move || {
            measure();
            measure_controls();
        });
        if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&el);
            if let Ok(Some(buttons)) = el.query_selector(".map-zoom") {
                observer.observe(&buttons);
            }
        }
        // The map lives as long as the page.
        on_resize.forget();
    });

    // Where points and labels go, by feature id.
    let scene = Memo::new(move |_| {
        let projection = fitted.get()?.projection;
        Some(Arc::new(state.model()?.drawn(&projection)))
    });
    // Every vertex ranked once per story; path data written per settled view.
    let detail =
        Memo::new(move |_| state.with_model(|m| m.as_ref().map(|m| Ranked(Arc::new(m.ranked())))));
    let settled = RwSignal::new(Viewport::IDENTITY);
    when_quiet(state, DETAIL_SETTLE_MS, move |view| settled.set(view));
    // Flights under way: tests and hosts wait on `data-settled`, not on a time.
    let flights = RwSignal::new(0_u32);
    let paths = Memo::new(move |_| {
        let screen = fitted.get()?.with_view(settled.get());
        Some(Arc::new(detail.get()?.0.paths(&screen, VERTEX_BUDGET)))
    });

    // The locator map comes with the story, the list toggle's width with the language:
    // measured again once they are laid out.
    Effect::new(move |_| {
        fitted.track();
        state.track_lang();
        request_animation_frame(measure_controls);
    });

    // Which names fit in view at this zoom, off the controls; the selected ones always
    // do where they can.
    let shown_labels = Memo::new(move |_| {
        let (Some(drawn), Some(model), Some(s)) = (scene.get(), state.model(), screen.get()) else {
            return Labels::default();
        };
        let found = state.with_hidden_kinds(|hidden| {
            candidates(
                &model,
                &drawn,
                &s.view,
                s.rect(),
                &state.lang(),
                state.date(),
                hidden,
            )
        });
        let always: Vec<String> = state
            .highlight()
            .with(|h| h.features.iter().cloned().collect());
        let always: Vec<&str> = always.iter().map(String::as_str).collect();
        let areas = area_candidates(&model, &drawn, &s.view, &state.lang());
        controls.with(|c| place(&found, &areas, &always, &Room::of(&s, c)))
    });

    // The keyboard among the features in view: one Tab stop for the map, held by the
    // feature last focused, else the selected one, else the first in reading order.
    let focused = RwSignal::new(None::<String>);
    let stops = Memo::new(move |_| {
        let (Some(model), Some(s)) = (state.model(), fitted.get()) else {
            return Stops::default();
        };
        let selected = match state.selection() {
            Selection::Feature(id) => Some(id),
            _ => None,
        };
        let last = focused.get();
        let preferred: Vec<&str> = [last.as_deref(), selected.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        let s = s.with_view(settled.get());
        state.with_hidden_kinds(|hidden| Stops::new(&model, &s, state.date(), hidden, &preferred))
    });
    provide_context(KeyNav { stops, focused });

    // A view the URL asks for wins; otherwise selecting a passage flies the map to what
    // it speaks of.
    Effect::new(move |_| {
        let selection = state.selection();
        let Some(fitted) = fitted.get() else {
            return;
        };
        if let Some(spec) = state.view_request() {
            state.set_viewport(fitted.showing(spec));
            state.view_request_done();
            return;
        }
        let Selection::Passage(passage) = selection else {
            return;
        };
        // Tracks the story and the box too: a deep link flies once both are known, and a
        // resized map (whose view resets) flies back to the passage.
        let Some(model) = state.model() else {
            return;
        };
        let ids = model.features_of_at(&passage, state.date_untracked());
        if let Some(bbox) = model.bbox_of(&ids, &fitted.projection) {
            fly_to(state, flights, fitted.flight_to(bbox));
        }
    });

    // A feature chosen under where its details open (at the side on a short screen,
    // over a corner on a wide one): the map moves it into the part left uncovered, once
    // the panel is drawn.
    Effect::new(move |_| {
        let Selection::Feature(id) = state.selection() else {
            return;
        };
        request_animation_frame(move || {
            let (Some(el), Some(s)) = (map_box.get_untracked(), screen.get_untracked()) else {
                return;
            };
            let Ok(Some(details)) = document().query_selector("[data-details]") else {
                return;
            };
            let cover = box_in(
                &el.get_bounding_client_rect(),
                &details.get_bounding_client_rect(),
            );
            // The feature's marks with its touch target around them (its name is placed
            // again wherever it fits).
            let bbox = state.with_model_untracked(|model| {
                model
                    .as_ref()?
                    .bbox_of(std::slice::from_ref(&id), &s.projection)
            });
            let Some(drawn) = bbox.map(|b| s.on_screen(b, HIT_RADIUS_PX)) else {
                return;
            };
            if let Some(view) = s.revealing(drawn, cover) {
                fly_to(state, flights, view);
            }
        });
    });

    // A date the reader picks moves the map to what that date changes (not the date the
    // map opens on: the first date shown).
    Effect::new(move |before: Option<Option<IsoDate>>| {
        let date = state.date();
        let picked = matches!(before, Some(Some(b)) if Some(b) != date);
        if let (true, Some(d), Some(fitted)) = (picked, date, fitted.get_untracked()) {
            let bbox = state.with_model_untracked(|m| {
                let m = m.as_ref()?;
                let ids: Vec<String> = m.changes_at(d)?.features().map(|f| f.id.clone()).collect();
                m.bbox_of(&ids, &fitted.projection)
            });
            if let Some(bbox) = bbox {
                fly_to(state, flights, fitted.flight_to(bbox));
            }
        }
        date
    });

    // The URL follows the view once it settles (not on every frame of a pan).
    when_quiet(state, VIEW_SETTLE_MS, move |view| {
        let spec = fitted
            .get_untracked()
            .and_then(|s| s.with_view(view).spec());
        state.set_view_spec(spec);
    });

    let gesture = StoredValue::new(Gesture::default());
    // Pointer positions in the map's box (its viewBox is its size in CSS pixels).
    let local = move |ev: &web_sys::MouseEvent| {
        let (left, top) = map_box
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
    let move_to = move |next: &dyn Fn(&Screen) -> Option<Viewport>| {
        if let Some(view) = screen.get_untracked().as_ref().and_then(next) {
            state.set_viewport(view);
            true
        } else {
            false
        }
    };

    view! {
        <div
            class="map-box"
            node_ref=map_box
            on:keydown=move |ev: web_sys::KeyboardEvent| {
                if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                if move_to(&|s| s.after_key(&ev.key())) {
                    ev.prevent_default();
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
                // The map's Tab stop is a feature in view; with none in view, the map.
                tabindex=move || if stops.with(|s| s.tab.is_some()) { "-1" } else { "0" }
                data-vertices=move || paths.with(|p| p.as_ref().map(|p| p.vertices.to_string()))
                data-settled=move || {
                    let still = flights.get() == 0 && settled.get() == state.viewport();
                    if still && paths.with(Option::is_some) { "true" } else { "false" }
                }
                aria-label=move || t(&state.lang(), "map-label")
                aria-describedby="map-keys"
                on:focusin=move |ev: web_sys::FocusEvent| features::focused_in(&ev)
                on:focusout=move |_| state.set_tip(None)
                on:pointerdown=move |ev: web_sys::PointerEvent| {
                    if ev.button() == 0 {
                        let p = local(&ev);
                        gesture.update_value(|g| g.down(ev.pointer_id(), p));
                    }
                }
                on:pointermove=move |ev: web_sys::PointerEvent| {
                    // A hover reads no box (that would force a layout on every move).
                    if !gesture.with_value(|g| g.holds(ev.pointer_id())) {
                        return;
                    }
                    let p = local(&ev);
                    let mut change = crate::gesture::Change::None;
                    gesture.update_value(|g| change = g.moved(ev.pointer_id(), p));
                    if change != crate::gesture::Change::None {
                        move_to(&|s| Some(s.moved(change)));
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
                    let anchor = local(&ev);
                    move_to(&|s| Some(s.wheeled(anchor, ev.delta_y())));
                }
            >
                <g class="map-world" transform=move || transform(&state.viewport())>
                    {layers::shapes(paths, gesture)}
                </g>
                <g class="map-points">{layers::points(scene, gesture, shown_labels)}</g>
                <g class="map-area-labels" aria-hidden="true">{layers::area_labels(scene, shown_labels)}</g>
                <ScaleBar screen=screen />
            </svg>
            <Inset screen=screen />
            <Tooltip />
            <p class="visually-hidden" id="map-keys">{move || t(&state.lang(), "map-keys")}</p>
            <MapButtons screen=screen />
        </div>
    }
}

/// The boxes of the controls over the map (buttons, list toggle, locator map), in the
/// map's CSS pixels from its top left; none for a control not shown.
fn controls_in(map_box: &web_sys::HtmlDivElement) -> Vec<Rect> {
    let origin = map_box.get_bounding_client_rect();
    let Some(Ok(found)) = map_box
        .parent_element()
        .map(|a| a.query_selector_all(CONTROLS))
    else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .map(|e| e.get_bounding_client_rect())
        .filter(|r| r.width() > 0.0 && r.height() > 0.0)
        .map(|r| box_in(&origin, &r))
        .collect()
}

/// `r`, a box on the page, in the pixels of the box at `origin` from its top left.
fn box_in(origin: &web_sys::DomRect, r: &web_sys::DomRect) -> Rect {
    Rect {
        left: r.left() - origin.left(),
        top: r.top() - origin.top(),
        right: r.right() - origin.left(),
        bottom: r.bottom() - origin.top(),
    }
}
