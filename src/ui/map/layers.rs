//! The map's marks: lines and areas as paths (their data per settled view), points as
//! markers with their labels, and the names of areas, in three groups of the SVG.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;

use crate::gesture::Gesture;
use crate::layer::Feature;
use crate::model::{Drawn, Model, Scene};
use crate::projection::Point;
use crate::shape::Shape;
use crate::svg::num;
use crate::svg::path::Paths;
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
    shown_labels: Memo<BTreeSet<String>>,
) -> impl IntoView {
    let state = AppState::get();
    move || {
        let drawn = scene.get()?;
        let model = state.model()?;
        state.track_lang();
        Some(
            model
                .features()
                .filter_map(|f| Some((f, drawn.get(&f.id)?)))
                .filter(|(_, d)| !d.points.is_empty())
                .map(|(f, d)| points_view(&model, f, d, gesture, shown_labels))
                .collect_view(),
        )
    }
}

/// The names of areas whose kind is labelled on the map.
pub fn area_labels(scene: Memo<Option<Arc<Scene>>>) -> impl IntoView {
    let state = AppState::get();
    move || {
        let drawn = scene.get()?;
        let model = state.model()?;
        let l = state.lang();
        Some(
            model
                .features()
                .filter(|f| model.story.style(&f.kind).label_on_map)
                .filter_map(|f| {
                    let at = drawn.get(&f.id)?.label_at?;
                    Some((at, f.name.get(&l).to_string()))
                })
                .map(|(at, text)| area_label_view(at, text))
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
        >
            <title>{h.name.clone()}</title>
        </path>
    }
    .into_any()
}

/// A point feature: its markers (which keep their size at every zoom) and its label.
fn points_view(
    model: &Model,
    f: &Feature,
    d: &Drawn,
    gesture: StoredValue<Gesture>,
    shown_labels: Memo<BTreeSet<String>>,
) -> AnyView {
    let state = AppState::get();
    let h = hooks(model, f, &state.lang_untracked());
    let style = model.story.style(&f.kind);
    let paint = style.paint(&f.shape);
    let radius = paint.radius;
    let label = style.label_on_map.then(|| h.name.clone());
    let label_id = h.id.clone();
    let label_visibility = move || {
        if shown_labels.with(|s| s.contains(&label_id)) {
            "visible"
        } else {
            "hidden"
        }
    };
    let at = move |p: Point| state.viewport().apply(p);
    let marks = d
        .points
        .iter()
        .map(|&p| {
            view! {
                <circle
                    cx=move || num(at(p).x, 1)
                    cy=move || num(at(p).y, 1)
                    r=num(radius, 1)
                    fill=paint.fill.clone()
                    stroke=paint.stroke.clone()
                    stroke-width=num(paint.stroke_width, 1)
                />
            }
        })
        .collect_view();
    let first = d.points[0];
    let display = display_of(f);
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

/// The name of an area, written where the data says (it keeps its size at every zoom).
fn area_label_view(at: Point, text: String) -> AnyView {
    let state = AppState::get();
    let place = move || state.viewport().apply(at);
    view! {
        <text class="map-area-label" text-anchor="middle"
            x=move || num(place().x, 1) y=move || num(place().y, 1)>
            {text}
        </text>
    }
    .into_any()
}
