//! "Export this view": the map as it is on screen, as a standalone SVG file (styles
//! inlined) with its caption, legend and credit under it (a [`Figure`] the core lays
//! out), or as a PNG drawn from it.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use leptos::prelude::*;

use crate::figure::Figure;
use crate::i18n::t;
use crate::svg::num;
use crate::ui::state::AppState;

/// The style properties that make the map look as it does, copied onto each element.
const STYLE: [&str; 16] = [
    "fill",
    "fill-opacity",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "stroke-linejoin",
    "opacity",
    "display",
    "visibility",
    "paint-order",
    "font-family",
    "font-size",
    "font-weight",
    "letter-spacing",
    "text-anchor",
];

const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The name of feature `id` in the reader's language.
fn name_of(id: &str) -> Option<String> {
    let state = AppState::get();
    let lang = state.lang_untracked();
    state.with_model_untracked(|m| Some(m.as_ref()?.feature(id)?.name.get(&lang).to_string()))
}

/// The map on screen as standalone SVG text, composed by `compose` (given the map's
/// width and height) with what goes under it; and the figure's size.
pub fn map_svg(compose: impl Fn(f64, f64) -> Option<Figure>) -> Option<(String, f64, f64)> {
    let doc = document();
    let svg = doc.query_selector("[data-map]").ok()??;
    let rect = svg.get_bounding_client_rect();
    let (w, h) = (rect.width().round(), rect.height().round());
    let clone: web_sys::Element = svg.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    let (originals, copies) = (
        svg.query_selector_all("*").ok()?,
        clone.query_selector_all("*").ok()?,
    );
    for i in 0..originals.length() {
        let (Some(original), Some(copy)) = (originals.item(i), copies.item(i)) else {
            continue;
        };
        let (Ok(original), Ok(copy)) = (
            original.dyn_into::<web_sys::Element>(),
            copy.dyn_into::<web_sys::Element>(),
        ) else {
            continue;
        };
        if let Ok(Some(style)) = window().get_computed_style(&original) {
            for property in STYLE {
                let value = style.get_property_value(property).unwrap_or_default();
                if !value.is_empty() {
                    let _ = copy.set_attribute(property, &value);
                }
            }
            // Not an SVG attribute: apply it to the text itself (the browser's own casing).
            if style.get_property_value("text-transform").as_deref() == Ok("uppercase") {
                let text = js_sys::JsString::from(copy.text_content().unwrap_or_default());
                copy.set_text_content(Some(&String::from(text.to_upper_case())));
            }
        }
        for attribute in ["tabindex", "role", "aria-pressed", "aria-label", "class"] {
            let _ = copy.remove_attribute(attribute);
        }
        // Each feature is named in the file (on the page, the map's own tooltip names it).
        if let Some(name) = copy
            .get_attribute("data-feature-id")
            .and_then(|id| name_of(&id))
        {
            if let Ok(title) = doc.create_element_ns(Some(SVG_NS), "title") {
                title.set_text_content(Some(&name));
                let _ = copy.insert_before(&title, copy.first_child().as_ref());
            }
        }
    }
    // The map's size on the page (its `style`) is not the figure's.
    let _ = clone.remove_attribute("style");
    let figure = compose(w, h)?;
    let total = figure.height;
    for (name, value) in [
        ("xmlns", SVG_NS.to_string()),
        ("width", num(w, 2)),
        ("height", num(total, 2)),
        ("viewBox", format!("0 0 {} {}", num(w, 2), num(total, 2))),
    ] {
        let _ = clone.set_attribute(name, &value);
    }
    let ns = Some(SVG_NS);
    let paper = doc.create_element_ns(ns, "rect").ok()?;
    for (name, value) in [
        ("width", "100%"),
        ("height", "100%"),
        ("fill", crate::figure::PAPER),
    ] {
        let _ = paper.set_attribute(name, value);
    }
    let _ = clone.insert_before(&paper, clone.first_child().as_ref());
    for mark in figure.marks {
        let element = doc.create_element_ns(ns, mark.tag).ok()?;
        for (name, value) in &mark.attrs {
            let _ = element.set_attribute(name, value);
        }
        element.set_text_content(mark.text.as_deref());
        let _ = clone.append_child(&element);
    }
    let serializer = web_sys::XmlSerializer::new().ok()?;
    Some((serializer.serialize_to_string(&clone).ok()?, w, total))
}

/// The name of an exported file in the reader's language ("carte.svg", "map.png"). Read
/// when the button is pressed: a PNG is offered later, outside the app's reactive scope.
fn file_name(extension: &str) -> String {
    format!("{}.{extension}", t(&AppState::get().lang(), "export-file"))
}

/// Offers `blob` as a download named `name`.
fn download(blob: &web_sys::Blob, name: &str) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document()
        .create_element("a")
        .map(|a| a.unchecked_into::<web_sys::HtmlAnchorElement>())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Downloads the view as an SVG file.
pub fn export_svg(compose: impl Fn(f64, f64) -> Option<Figure>) {
    let Some((svg, _, _)) = map_svg(compose) else {
        return;
    };
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("image/svg+xml");
    let parts = js_sys::Array::of1(&JsValue::from_str(&svg));
    if let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) {
        download(&blob, &file_name("svg"));
    }
}

/// Downloads the view as a PNG file at twice the screen's size.
pub fn export_png(compose: impl Fn(f64, f64) -> Option<Figure>) {
    let Some((svg, w, h)) = map_svg(compose) else {
        return;
    };
    let name = file_name("png");
    let Ok(image) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let onload = {
        let image = image.clone();
        Closure::once_into_js(move || {
            let Some(canvas) = document()
                .create_element("canvas")
                .ok()
                .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
            else {
                return;
            };
            canvas.set_width((w * 2.0) as u32);
            canvas.set_height((h * 2.0) as u32);
            let Some(context) = canvas
                .get_context("2d")
                .ok()
                .flatten()
                .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
            else {
                return;
            };
            let _ = context.scale(2.0, 2.0);
            let _ = context.draw_image_with_html_image_element(&image, 0.0, 0.0);
            let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
                if let Some(blob) = blob {
                    download(&blob, &name);
                }
            });
            let _ = canvas.to_blob(done.unchecked_ref());
        })
    };
    image.set_onload(Some(onload.unchecked_ref()));
    // A data: URL: the page's Content-Security-Policy allows images from data: only.
    let encoded = js_sys::encode_uri_component(&svg);
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}
