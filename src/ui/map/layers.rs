//! The map's marks: lines and areas as paths (their data per settled view), points as
//! markers with their labels, and the names of areas, in three groups of the SVG.

use std::sync::Arc;

use leptos::prelude::*;

use crate::gesture::Gesture;
use crate::labels::Labels;
use crate::layer::Feature;
use crate::model::{Drawn, Model, Scene};
use crate::projection::Point;
use crate::shape::Shape;
use crate::svg::path::Paths;
use crate::svg::{num, translate};
use crate::ui::details::shown_lang;
use crate::ui::AppState;

use super::features::{class_of, display_of, feature_attrs, hooks};

/// The lines and areas, built once per story and language; a new size or zoom only
/// writes their path data (`paths`).
pub fn shapes(paths: Memo<Option<Arc<Paths>>>, gesture: StoredValue<Gesture>) -> impl IntoView {
    let state = AppState::get();
    move || {
        let model = state.model()?;
        state.track_lang();
        Some(
            model
                .features()
                .filter(|f| !matches!(f.shape, Shape::Points(_)))
                .map(|f| shape_view(&model, f, paths, gesture))
                .collect_view(),
        )
    }
}

/// The point features, with their labels.
pub fn points(
    scene: Memo<Option<Arc<Scene>>>,
    gesture: StoredValue<Gesture>,
    shown_labels: Memo<Labels>,
) -> impl IntoView {
    let state = AppState::get();
    move || {
        let drawn = scene.get()?;
        let model = state.model()?;
        state.track_lang();
        let points: Vec<(&Feature, &Drawn)> = model
            .features()
            .filter_map(|f| Some((f, drawn.get(&f.id)?)))
            .filter(|(_, d)| !d.points.is_empty())
            .collect();
        let moved = displacements(&model, &points);
        // Drawn from the least to the most important, the ones moved aside last: where
        // two targets overlap, the one on top is the one a reader most likely wants, and
        // a point moved aside is never under the place it was moved from.
        let mut order: Vec<usize> = (0..points.len()).collect();
        order.sort_by_key(|&i| {
            let aside = moved[i].x != 0.0 || moved[i].y != 0.0;
            (aside, model.story.style(&points[i].0.kind).label_priority)
        });
        Some(
            order
                .into_iter()
                .map(|i| {
                    points_view(
                        &model,
                        points[i].0,
                        points[i].1,
                        moved[i],
                        gesture,
                        shown_labels,
                    )
                })
                .collect_view(),
        )
    }
}

/// How far a point feature drawn at the very place of another (the peacekeepers'
/// headquarters in Stepanakert) is moved aside, in screen pixels, per feature that
/// shares the place: far enough that neither hides the other's target.
const ASIDE: Point = Point { x: -16.0, y: -10.0 };
/// The radius of the invisible target drawn with each point marker (24 px across), and
/// of its focus ring (drawn on top of the marker, shown only while it has the focus).
const HIT_RADIUS: f64 = 12.0;

/// The screen offset of each point feature of `points`: zero, except for features whose
/// first point is the same as an earlier one's. Of the features sharing a place, those
/// whose name is written on the map stay, the others move aside (a leader line joins
/// them to the place).
fn displacements(model: &Model, points: &[(&Feature, &Drawn)]) -> Vec<Point> {
    let labelled = |f: &Feature| model.story.style(&f.kind).label_on_map;
    let mut order: Vec<usize> = (0..points.len()).collect();
    order.sort_by_key(|&i| !labelled(points[i].0));
    let mut places: Vec<(Point, f64)> = Vec::new();
    let mut out = vec![Point { x: 0.0, y: 0.0 }; points.len()];
    for i in order {
        let at = points[i].1.points[0];
        let same = |p: &Point| (p.x - at.x).abs() < 1e-9 && (p.y - at.y).abs() < 1e-9;
        match places.iter_mut().find(|(p, _)| same(p)) {
            Some((_, shared)) => {
                *shared += 1.0;
                out[i] = Point {
                    x: ASIDE.x * *shared,
                    y: ASIDE.y * *shared,
                };
            }
            None => places.push((at, 0.0)),
        }
    }
    out
}

/// The names of areas whose kind is labelled on the map, where `shown_labels` puts them.
pub fn area_labels(scene: Memo<Option<Arc<Scene>>>, shown_labels: Memo<Labels>) -> impl IntoView {
    let state = AppState::get();
    move || {
        let drawn = scene.get()?;
        let model = state.model()?;
        let l = state.lang();
        Some(
            model
                .features()
                .filter(|f| model.story.style(&f.kind).label_on_map)
                .filter(|f| drawn.get(&f.id).is_some_and(|d| d.label_at.is_some()))
                .map(|f| {
                    let (text, lang) = (f.name.get(&l).to_string(), shown_lang(&f.name, &l));
                    label_view(f.id.clone(), "map-area-label", text, lang, shown_labels)
                })
                .collect_view(),
        )
    }
}

/// A line or area; its path data is its own entry of `paths`, by id.
fn shape_view(
    model: &Model,
    f: &Feature,
    paths: Memo<Option<Arc<Paths>>>,
    gesture: StoredValue<Gesture>,
) -> AnyView {
    let state = AppState::get();
    // Read tracked by the caller: a new language redraws the names.
    let h = hooks(model, f, &state.lang_untracked());
    let paint = model.story.style(&f.kind).paint(&f.shape);
    let display = display_of(f);
    let class = class_of(h.class.clone(), f);
    let id = f.id.clone();
    view! {
        <path
            {..feature_attrs(&h, gesture)}
            class=class
            display=display
            d=move || paths.with(|p| p.as_ref().and_then(|p| p.get(&id).map(str::to_string)))
            fill=paint.fill
            fill-opacity=paint.fill_opacity.map(|o| num(o, 2))
            stroke=paint.stroke
            stroke-width=num(paint.stroke_width, 2)
            vector-effect="non-scaling-stroke"
        />
    }
    .into_any()
}

/// A point feature: its markers (which keep their size at every zoom) and its label.
fn points_view(
    model: &Model,
    f: &Feature,
    d: &Drawn,
    aside: Point,
    gesture: StoredValue<Gesture>,
    shown_labels: Memo<Labels>,
) -> AnyView {
    let state = AppState::get();
    let h = hooks(model, f, &state.lang_untracked());
    let style = model.story.style(&f.kind);
    let paint = style.paint(&f.shape);
    let radius = paint.radius;
    let label = style.label_on_map.then(|| h.name.clone());
    let label_id = h.id.clone();
    let lang = shown_lang(&f.name, &state.lang_untracked());
    let true_at = move |p: Point| state.viewport().apply(p);
    let at = move |p: Point| {
        let q = true_at(p);
        Point {
            x: q.x + aside.x,
            y: q.y + aside.y,
        }
    };
    let moved = aside.x != 0.0 || aside.y != 0.0;
    let interactive = h.interactive;
    let marks = d
        .points
        .iter()
        .map(|&p| {
            view! {
                {moved.then(|| view! {
                    <line
                        class="map-leader"
                        x1=move || num(true_at(p).x, 1)
                        y1=move || num(true_at(p).y, 1)
                        x2=move || num(at(p).x, 1)
                        y2=move || num(at(p).y, 1)
                        stroke=paint.fill.clone()
                        stroke-width="1.5"
                    />
                })}
                // One transform per mark moves it (a frame of a flight writes one
                // attribute per point, and no shape is built again).
                <g transform=move || translate(at(p))>
                    {interactive.then(|| view! {
                        <rect
                            class="map-hit"
                            x=num(-HIT_RADIUS, 1)
                            y=num(-HIT_RADIUS, 1)
                            width=num(2.0 * HIT_RADIUS, 1)
                            height=num(2.0 * HIT_RADIUS, 1)
                            rx=num(HIT_RADIUS, 1)
                            fill="transparent"
                        />
                        <rect
                            class="map-ring"
                            x=num(-HIT_RADIUS, 1)
                            y=num(-HIT_RADIUS, 1)
                            width=num(2.0 * HIT_RADIUS, 1)
                            height=num(2.0 * HIT_RADIUS, 1)
                            rx=num(HIT_RADIUS, 1)
                            fill="none"
                        />
                    })}
                    <circle
                        r=num(radius, 1)
                        fill=paint.fill.clone()
                        stroke=paint.stroke.clone()
                        stroke-width=num(paint.stroke_width, 1)
                    />
                </g>
            }
        })
        .collect_view();
    let display = display_of(f);
    view! {
        <g
            {..feature_attrs(&h, gesture)}
            class=h.class.clone()
            display=display
            lang=lang
        >
            {marks}
            {label.map(|text| label_view(label_id, "map-label", text, None, shown_labels))}
        </g>
    }
    .into_any()
}

/// A name on the map (a place's or an area's), where `shown_labels` puts it (see
/// [`crate::labels::place`]), hidden when it is not written; it keeps its size at every
/// zoom.
fn label_view(
    id: String,
    class: &'static str,
    text: String,
    lang: Option<String>,
    shown_labels: Memo<Labels>,
) -> AnyView {
    let written = Memo::new(move |_| shown_labels.with(|s| s.get(&id)));
    view! {
        <text class=class lang=lang
            visibility=move || if written.with(Option::is_some) { "visible" } else { "hidden" }
            text-anchor=move || written.get().map(|w| w.anchor).filter(|a| *a != "start")
            transform=move || written.get().map(|w| translate(w.at))>
            {text}
        </text>
    }
    .into_any()
}
