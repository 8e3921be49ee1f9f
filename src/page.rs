//! The page as it reads before any code runs: the story's title, summary and credit
//! line, the whole article, a static map of the default view (default date, every
//! layer, place labels, scale bar, locator map), the legend and the attribution, all
//! written at build time (`src/bin/prerender.rs`) into `dist/index.html` by the same
//! core the app draws with ([`Screen`], [`Detail`](crate::svg::path::Detail),
//! [`labels`](crate::labels), [`Locator`], [`i18n`](crate::i18n)).
//!
//! The markup repeats the app's elements and classes (`src/ui/`), so that the app can
//! put its own in their place in one step without moving anything. What differs:
//!
//! - nothing carries the contract's hooks `data-feature-id` or `data-passage-id` (they
//!   stay unique while both exist); each top element carries `data-prerendered`
//!   instead, which the app removes when it takes over;
//! - features and passages are links to the URL hash the app reads at start
//!   (`#feature=ID`, `#passage=ID`), so a click before the app is ready is honoured
//!   once it is; without the app they jump within the page: a passage to itself, a
//!   feature to the first passage that speaks of it (`:target` highlights it), or to
//!   the map when none does;
//! - the controls that need the app (language, zoom, export, list, date, layers) are
//!   there as they will look, but `inert` (no focus, no click, not announced);
//! - the map is drawn twice, for a wide and a narrow box, and the CSS shows the one for
//!   the screen's layout, so that its labels and points have the app's size on both.
//!
//! Every text from the data is escaped; nothing is written as HTML, and no `style`
//! attribute or script is written (the page's strict Content-Security-Policy holds).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

use crate::article::Span;
use crate::date::IsoDate;
use crate::error::Item;
use crate::i18n::{colon, endonym, t};
use crate::labels::{
    area_candidates, candidates, place, ControlsCss, Room, CONTROLS_NARROW, CONTROLS_WIDE,
};
use crate::layer::Feature;
use crate::legend::Swatch;
use crate::locator::Locator;
use crate::model::Model;
use crate::screen::Screen;
use crate::selection::Selection;
use crate::shape::Shape;
use crate::story::Paint;
use crate::svg::num;
use crate::svg::path::{Detail, VERTEX_BUDGET};
use crate::svg::{scale_bar_path, transform};
use crate::timeline::Handover;
use crate::viewport::Viewport;

/// The boxes the static map is drawn in, in SVG units: the map's box on a screen of
/// 1280 x 800 pixels, and on a phone of 360 x 740 (the CSS shows the one for the
/// screen's layout). A `viewBox` scales each to whatever box it gets. When the layout
/// around the map changes, these follow (`tests/e2e/labels.test.mjs` compares them with
/// the box, and the static page's names with the app's).
pub const WIDE: (f64, f64) = (767.0, 520.61);
pub const NARROW: (f64, f64) = (360.0, 298.5);
/// The locator map's box (as the app's).
const INSET_WIDTH: f64 = 150.0;
const INSET_HEIGHT: f64 = 118.0;

/// Where the static page goes in `index.html`, between these two comments (so that
/// writing it again replaces it).
pub const BEGIN: &str = "<!--prerendered-->";
pub const END: &str = "<!--/prerendered-->";

/// Text for HTML or SVG, as text or in a quoted attribute: nothing in it is markup.
///
/// # Examples
/// ```
/// assert_eq!(ceasefire_map::page::escape(r#"<b title="x">&"#), "&lt;b title=&quot;x&quot;&gt;&amp;");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

/// The static page: the elements the app draws, for the story's defaults (the
/// article's language, the timeline's default date, every layer shown, nothing
/// selected), between [`BEGIN`] and [`END`].
pub fn static_page(model: &Model) -> String {
    let lang = model.story.article.lang.as_str();
    let date = model.story.timeline.as_ref().and_then(|t| t.default_date());
    let mut out = String::new();
    out.push_str(BEGIN);
    let _ = write!(
        out,
        r##"<a class="skip-link" href="#article" data-prerendered="true">{}</a>"##,
        escape(t(lang, "skip-to-article"))
    );
    out.push_str(r#"<main class="layout" data-prerendered="true">"#);
    header(&mut out, model, lang);
    let _ = write!(
        out,
        r#"<section class="layout-map" aria-label="{}"><div class="map-area">"#,
        escape(t(lang, "map"))
    );
    map_box(&mut out, model, lang, date);
    let _ = write!(
        out,
        r#"<button type="button" class="feature-list-toggle" aria-expanded="false" inert>{}</button></div>"#,
        escape(t(lang, "feature-list"))
    );
    // Said in the story's language, under the map (shown only when scripts do not run).
    let _ = write!(
        out,
        r#"<noscript><p class="map-noscript">{}</p></noscript>"#,
        escape(t(lang, "noscript"))
    );
    timeline(&mut out, model, lang, date);
    legend(&mut out, model, lang, date);
    let _ = write!(
        out,
        r#"</section><section class="layout-article" id="article" tabindex="-1" aria-label="{}">"#,
        escape(t(lang, "article"))
    );
    article(&mut out, model, lang, date);
    problems(&mut out, model, lang);
    out.push_str("</section></main>");
    out.push_str(END);
    out
}

/// Puts `page` (from [`static_page`]) at the start of the body of `html`, in place of
/// the one written before if there is one.
///
/// # Examples
/// ```
/// use ceasefire_map::page::{into_index, BEGIN, END};
/// let page = format!("{BEGIN}<main></main>{END}");
/// let once = into_index("<html><head></head><body><noscript>x</noscript></body></html>", &page).unwrap();
/// assert_eq!(once, format!("<html><head></head><body>{page}<noscript>x</noscript></body></html>"));
/// assert_eq!(into_index(&once, &page).unwrap(), once);
/// assert!(into_index("<p>no head</p>", &page).is_err());
/// ```
pub fn into_index(html: &str, page: &str) -> Result<String, String> {
    let html = match (html.find(BEGIN), html.find(END)) {
        (Some(begin), Some(end)) if begin < end => {
            format!("{}{}", &html[..begin], &html[end + END.len()..])
        }
        _ => html.to_string(),
    };
    // After `<body ...>`, or after `</head>` when a minifier left the tag out.
    let at = match html.find("<body") {
        Some(body) => html[body..].find('>').map(|end| body + end + 1),
        None => html.find("</head>").map(|head| head + "</head>".len()),
    }
    .ok_or("no <body> or </head> to write the page after")?;
    Ok(format!("{}{page}{}", &html[..at], &html[at..]))
}

fn header(out: &mut String, model: &Model, lang: &str) {
    out.push_str(r#"<header class="page-header">"#);
    let languages: Vec<String> = model
        .languages()
        .into_iter()
        .filter(|code| !endonym(code).is_empty())
        .collect();
    if !languages.is_empty() {
        let _ = write!(
            out,
            r#"<div class="lang-switch" role="group" aria-label="{}">"#,
            escape(t(lang, "language"))
        );
        for code in &languages {
            let _ = write!(
                out,
                r#"<button type="button" class="lang-button" lang="{c}" aria-pressed="{}" inert>{}</button>"#,
                code == lang,
                escape(endonym(code)),
                c = escape(code),
            );
        }
        out.push_str("</div>");
    }
    let _ = write!(
        out,
        r#"<h1 class="page-title">{}</h1><p class="page-summary">{}</p></header>"#,
        escape(model.story.title.get(lang)),
        escape(model.story.summary.get(lang)),
    );
}

/// A shape's paint as SVG attributes (as the app writes them on areas and lines).
fn paint_attributes(paint: &Paint) -> String {
    format!(
        r#" fill="{}"{} stroke="{}" stroke-width="{}""#,
        escape(&paint.fill),
        paint
            .fill_opacity
            .map(|o| format!(r#" fill-opacity="{}""#, num(o, 2)))
            .unwrap_or_default(),
        escape(&paint.stroke),
        num(paint.stroke_width, 2),
    )
}

/// The class of a drawn feature, as the app writes it (`src/ui/map/features.rs`).
fn feature_class(model: &Model, f: &Feature, date: Option<IsoDate>) -> String {
    let mut class = model.class_of(f);
    match f.handover_on(date) {
        Some(Handover::Done) => class.push_str(" map-feature--handed-over"),
        Some(Handover::Pending) => class.push_str(" map-feature--pending"),
        None => {}
    }
    class
}

/// Opens a link to the feature when the reader can select it, with its name; else
/// nothing (the name goes in the mark's own `<title>`).
fn open_link(out: &mut String, model: &Model, f: &Feature, name: &str) -> bool {
    let linked = model.is_selectable(f);
    if linked {
        let href = Selection::Feature(f.id.clone()).to_hash();
        let _ = write!(
            out,
            r#"<a href="{}"><title>{}</title>"#,
            escape(&href),
            escape(name)
        );
    }
    linked
}

fn map_box(out: &mut String, model: &Model, lang: &str, date: Option<IsoDate>) {
    out.push_str(r#"<div class="map-box">"#);
    let Some(extent) = model.extent() else {
        out.push_str("</div>");
        return;
    };
    // The link of a feature no passage speaks of leads to the map (every in-page link
    // has its target).
    for f in model.features().filter(|f| model.is_selectable(f)) {
        if model.passages_of(&f.id).is_empty() {
            let _ = write!(
                out,
                r#"<span class="map-target" id="{}"></span>"#,
                escape(&format!("feature={}", f.id))
            );
        }
    }
    let ranked = model.ranked();
    let wide = Screen::fitted(extent, WIDE.0, WIDE.1);
    for (screen, class, controls) in [
        (wide, "map-static-wide", CONTROLS_WIDE),
        (
            Screen::fitted(extent, NARROW.0, NARROW.1),
            "map-static-narrow",
            CONTROLS_NARROW,
        ),
    ] {
        map_svg(out, model, lang, date, &ranked, (&screen, class, controls));
    }
    inset(out, model, lang, &wide);
    out.push_str(r#"<div class="map-zoom">"#);
    for (key, text, export) in [
        ("zoom-in", "+", false),
        ("zoom-out", "−", false),
        ("zoom-reset", "⤢", false),
        ("export-svg", "SVG", true),
        ("export-png", "PNG", true),
    ] {
        let _ = write!(
            out,
            r#"<button type="button" class="map-zoom-button{}" aria-label="{label}" title="{label}" inert>{text}</button>"#,
            if export { " map-export" } else { "" },
            label = escape(t(lang, key)),
        );
    }
    out.push_str("</div></div>");
}

/// The map of the default view in a box the size of `screen`, as the app draws it
/// (`src/ui/map/`), its features links; `class` says for which layout, whose
/// `controls` the labels keep off.
fn map_svg(
    out: &mut String,
    model: &Model,
    lang: &str,
    date: Option<IsoDate>,
    ranked: &Detail,
    (screen, class, controls): (&Screen, &str, ControlsCss),
) {
    let paths = ranked.paths(screen, VERTEX_BUDGET);
    let scene = model.drawn(&screen.projection);
    let none = BTreeSet::new();
    let found = candidates(
        model,
        &scene,
        &screen.view,
        screen.rect(),
        lang,
        date,
        &none,
    );
    // The app's labels at the take-over: the controls as the stylesheet lays them out.
    let toggle = t(lang, "feature-list").chars().count();
    let room = Room::of(screen, &controls.boxes(screen.width, screen.height, toggle));
    let areas = area_candidates(model, &scene, &screen.view, lang);
    let labels = place(&found, &areas, &[], &room);
    let shown: Vec<&Feature> = model
        .features()
        .filter(|f| f.drawn_on(date, &none))
        .collect();
    let (w, h) = (num(screen.width, 2), num(screen.height, 2));
    let _ = write!(
        out,
        r#"<svg class="map {class}" data-static-map="{w}x{h}" viewBox="0 0 {w} {h}" role="group" data-vertices="{}" aria-label="{}">"#,
        paths.vertices,
        escape(t(lang, "map-label")),
    );
    let _ = write!(
        out,
        r#"<g class="map-world" transform="{}">"#,
        transform(&Viewport::IDENTITY)
    );
    for f in shown
        .iter()
        .filter(|f| !matches!(f.shape, Shape::Points(_)))
    {
        let Some(d) = paths.get(&f.id) else { continue };
        let name = f.name.get(lang);
        let paint = model.story.style(&f.kind).paint(&f.shape);
        let linked = open_link(out, model, f, name);
        let _ = write!(
            out,
            r#"<path class="{}" d="{}"{} vector-effect="non-scaling-stroke">"#,
            feature_class(model, f, date),
            escape(d),
            paint_attributes(&paint),
        );
        if !linked {
            let _ = write!(out, "<title>{}</title>", escape(name));
        }
        out.push_str("</path>");
        if linked {
            out.push_str("</a>");
        }
    }
    out.push_str(r#"</g><g class="map-points">"#);
    for f in &shown {
        let Some(drawn) = scene.get(&f.id) else {
            continue;
        };
        if drawn.points.is_empty() {
            continue;
        }
        let name = f.name.get(lang);
        let style = model.story.style(&f.kind);
        let paint = style.paint(&f.shape);
        let linked = open_link(out, model, f, name);
        let _ = write!(out, r#"<g class="{}">"#, feature_class(model, f, date));
        if !linked {
            let _ = write!(out, "<title>{}</title>", escape(name));
        }
        for p in &drawn.points {
            let _ = write!(
                out,
                r#"<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="{}"></circle>"#,
                num(p.x, 1),
                num(p.y, 1),
                num(paint.radius, 1),
                escape(&paint.fill),
                escape(&paint.stroke),
                num(paint.stroke_width, 1),
            );
        }
        if let Some(at) = labels.get(&f.id).filter(|_| style.label_on_map) {
            let _ = write!(
                out,
                r#"<text class="map-label"{} x="{}" y="{}">{}</text>"#,
                anchor_attribute(at.anchor),
                num(at.at.x, 1),
                num(at.at.y, 1),
                escape(name),
            );
        }
        out.push_str("</g>");
        if linked {
            out.push_str("</a>");
        }
    }
    out.push_str(r#"</g><g class="map-area-labels" aria-hidden="true">"#);
    // As the app: every area of a labelled kind that says where its name goes, inside
    // the map and off its controls.
    for (f, at) in labels
        .0
        .iter()
        .filter(|p| p.side.is_none())
        .filter_map(|p| Some((model.feature(&p.id)?, p.text.at)))
    {
        let _ = write!(
            out,
            r#"<text class="map-area-label" text-anchor="middle" x="{}" y="{}">{}</text>"#,
            num(at.x, 1),
            num(at.y, 1),
            escape(f.name.get(lang)),
        );
    }
    out.push_str("</g>");
    let (km, px) = screen.scale_bar();
    let _ = write!(
        out,
        r#"<g class="map-scale" transform="translate(12,{})"><path d="{}"></path><text x="{}" y="0">{km} km</text></g></svg>"#,
        num(screen.height - 14.0, 1),
        scale_bar_path(px),
        num(px + 6.0, 1),
        km = num(km, 3),
    );
}

/// The `text-anchor` of a place name, as the app writes it (none for the default).
fn anchor_attribute(anchor: &str) -> String {
    if anchor == "start" {
        String::new()
    } else {
        format!(r#" text-anchor="{anchor}""#)
    }
}

/// The locator map, with the main map's view outlined (as `src/ui/map/inset.rs`).
fn inset(out: &mut String, model: &Model, lang: &str, screen: &Screen) {
    let Some(locator) = Locator::of(model, INSET_WIDTH, INSET_HEIGHT) else {
        return;
    };
    let _ = write!(
        out,
        r#"<svg class="map-inset" data-inset="true" viewBox="0 0 {w} {h}" width="{w}" height="{h}" aria-hidden="true">"#,
        w = num(INSET_WIDTH, 0),
        h = num(INSET_HEIGHT, 0),
    );
    for (paint, d) in &locator.shapes {
        let _ = write!(
            out,
            r#"<path d="{}"{}></path>"#,
            escape(d),
            paint_attributes(paint),
        );
    }
    let r = screen.outline_in(&locator.projection);
    let (l, t, r, b) = (
        num(r.left, 1),
        num(r.top, 1),
        num(r.right, 1),
        num(r.bottom, 1),
    );
    let _ = write!(
        out,
        r#"<path class="inset-view" d="M{l},{t}H{r}V{b}H{l}Z"></path>"#
    );
    for place in &locator.places {
        let Some(f) = model.feature(&place.id) else {
            continue;
        };
        let (at, (dx, anchor)) = (
            place.at,
            if place.name_left {
                (-4.0, "end")
            } else {
                (4.0, "start")
            },
        );
        let _ = write!(
            out,
            r#"<circle class="inset-place" cx="{}" cy="{}" r="2.2"></circle><text class="inset-label" text-anchor="{anchor}" x="{}" y="{}">{}</text>"#,
            num(at.x, 1),
            num(at.y, 1),
            num(at.x + dx, 1),
            num(at.y + 3.5, 1),
            escape(f.name.get(lang)),
        );
    }
    out.push_str("</svg>");
}

/// The row of key dates, the default one checked (as `src/ui/time_control.rs`).
fn timeline(out: &mut String, model: &Model, lang: &str, date: Option<IsoDate>) {
    let Some(timeline) = &model.story.timeline else {
        return;
    };
    let current = date
        .map(|d| {
            let label = timeline
                .moment(d)
                .map(|m| format!(" — {}", m.label.get(lang)))
                .unwrap_or_default();
            format!("{}{label}", d.long(lang))
        })
        .unwrap_or_default();
    let _ = write!(
        out,
        r#"<fieldset class="timeline" data-timeline="true"><legend class="timeline-title"><span class="timeline-word">{}{}</span><strong class="timeline-current" data-timeline-current="true">{}</strong></legend><div class="timeline-moments">"#,
        escape(t(lang, "timeline")),
        escape(colon(lang)),
        escape(&current),
    );
    for m in &timeline.moments {
        let Some(d) = IsoDate::parse(&m.date) else {
            continue;
        };
        let title = format!("{}{}{}", d.long(lang), colon(lang), m.label.get(lang));
        let _ = write!(
            out,
            r#"<label class="timeline-moment" title="{title}"><input class="timeline-input" type="radio" name="timeline-date" value="{d}" aria-label="{title}"{} inert><span class="timeline-dot" aria-hidden="true"></span><span class="timeline-date" aria-hidden="true">{}</span></label>"#,
            if Some(d) == date { " checked" } else { "" },
            escape(&d.short(lang)),
            title = escape(&title),
        );
    }
    out.push_str("</div>");
    if let Some(caption) = date.and_then(|d| Some(model.changes_at(d)?.caption(lang))) {
        let _ = write!(
            out,
            r#"<p class="timeline-caption" data-timeline-caption="true">{}</p>"#,
            escape(&caption)
        );
    }
    out.push_str("</fieldset>");
}

/// The legend and the credit line (as `src/ui/legend.rs`): a disclosure on a small
/// screen, which works without scripts.
fn legend(out: &mut String, model: &Model, lang: &str, date: Option<IsoDate>) {
    let _ = write!(
        out,
        r#"<div class="legend" data-legend="true" role="region" tabindex="0" aria-label="{l}"><h2 class="legend-title">{l}</h2><details class="legend-details"><summary class="legend-summary">{l}</summary><ul class="legend-list">"#,
        l = escape(t(lang, "legend")),
    );
    let (entries, keys) = crate::legend::legend(model, date, lang);
    for e in &entries {
        let (fill, stroke) = (escape(&e.paint.fill), escape(&e.paint.stroke));
        let swatch = match e.swatch {
            Swatch::Point => format!(
                r#"<circle cx="12" cy="8" r="4.5" fill="{fill}" stroke="{stroke}" stroke-width="1.5"></circle>"#
            ),
            Swatch::Line => format!(
                r#"<line x1="1" y1="8" x2="23" y2="8" stroke="{stroke}" stroke-width="{}"></line>"#,
                num(e.paint.stroke_width.clamp(1.0, 6.0), 2)
            ),
            Swatch::Area => format!(
                r#"<rect x="1.5" y="2.5" width="21" height="11" fill="{fill}" fill-opacity="{}" stroke="{stroke}" stroke-width="1.5"></rect>"#,
                num(e.paint.fill_opacity.unwrap_or(1.0), 2)
            ),
        };
        let _ = write!(
            out,
            r#"<li class="legend-item" data-legend-kind="{}"><label class="legend-toggle"><input class="legend-checkbox" type="checkbox" checked inert><svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true">{swatch}</svg><span>{}</span></label></li>"#,
            escape(e.kind),
            escape(&e.label),
        );
    }
    for (_, class, key, paint) in crate::legend::handover_keys(model, date) {
        let _ = write!(
            out,
            r#"<li class="legend-item legend-item--handover"><svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true"><rect class="{class}" x="1.5" y="2.5" width="21" height="11" fill="{}" stroke="{}" stroke-width="1.5"></rect></svg><span>{}</span></li>"#,
            escape(&paint.fill),
            escape(&paint.stroke),
            escape(t(lang, key)),
        );
    }
    for (_, key, dasharray) in keys {
        let _ = write!(
            out,
            r#"<li class="legend-item legend-item--accuracy"><svg class="legend-swatch" viewBox="0 0 24 16" width="24" height="16" aria-hidden="true"><line x1="1" y1="8" x2="23" y2="8" stroke="currentColor" stroke-width="2" stroke-dasharray="{dasharray}"></line></svg><span>{}</span></li>"#,
            escape(t(lang, key)),
        );
    }
    let _ = write!(
        out,
        r#"</ul></details><p class="legend-attribution" data-attribution="true">{}</p></div>"#,
        escape(model.story.attribution.get(lang)),
    );
}

/// The article (as `src/ui/article_view.rs`): each passage that leads somewhere is a
/// link to itself; before the first passage that speaks of a feature, an empty target
/// for the feature's link on the map.
fn article(out: &mut String, model: &Model, lang: &str, date: Option<IsoDate>) {
    let a = &model.story.article;
    let published = IsoDate::parse(&a.date)
        .map(|d| d.long(lang))
        .unwrap_or_default();
    let credit = a.credit.get(lang);
    let _ = write!(
        out,
        r#"<article class="article" lang="{l}" data-article-lang="{l}"><p class="article-meta">{} {}{}</p><p class="article-hint">{}</p>"#,
        escape(t(lang, "published")),
        escape(&published),
        if credit.is_empty() {
            String::new()
        } else {
            format!(" · {}", escape(credit))
        },
        escape(t(lang, "hint")),
        l = escape(lang),
    );
    // The first passage of each feature, in article order, for the feature's link.
    let mut targets: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for f in model.features().filter(|f| model.is_selectable(f)) {
        if let Some(first) = model.passages_of(&f.id).first() {
            targets
                .entry(first.as_str())
                .or_default()
                .push(f.id.as_str());
        }
    }
    // As the app: which passages speak of the date shown, when it is a key date.
    let moment: Option<BTreeSet<&str>> = date
        .and_then(|d| model.story.timeline.as_ref()?.moment(d))
        .map(|m| m.passages.iter().map(String::as_str).collect());
    for block in &model.article_in(lang).blocks {
        out.push_str(if block.heading {
            r#"<h2 class="article-heading">"#
        } else {
            r#"<p class="article-paragraph">"#
        });
        for span in &block.spans {
            match span {
                Span::Passage { id, text } if model.passage_leads_somewhere(id) => {
                    for feature in targets.get(id.as_str()).into_iter().flatten() {
                        let _ = write!(
                            out,
                            r#"<span class="article-target" id="{}"></span>"#,
                            escape(&format!("feature={feature}")),
                        );
                    }
                    let _ = write!(
                        out,
                        r#"<a class="article-passage" href="{}" id="{}"{}>{}</a>"#,
                        escape(&Selection::Passage(id.clone()).to_hash()),
                        escape(&format!("passage={id}")),
                        moment
                            .as_ref()
                            .map(|m| format!(r#" data-moment="{}""#, m.contains(id.as_str())))
                            .unwrap_or_default(),
                        escape(text),
                    );
                }
                Span::Passage { text, .. } | Span::Text(text) => out.push_str(&escape(text)),
            }
        }
        out.push_str(if block.heading { "</h2>" } else { "</p>" });
    }
    out.push_str("</article>");
}

/// The problems met while loading, when there are any (as `src/ui/problems.rs`).
fn problems(out: &mut String, model: &Model, lang: &str) {
    if model.problems.is_empty() {
        return;
    }
    let n = model.problems.len();
    let _ = write!(
        out,
        r#"<details class="problems" open role="status" data-problems="{n}"><summary>{} ({n})</summary><ul class="problems-list">"#,
        escape(t(lang, "problems")),
    );
    for p in &model.problems {
        let item = p
            .item
            .as_ref()
            .map(|i| match i {
                Item::Feature(id) | Item::Passage(id) => {
                    format!(r#" data-problem-item="{}""#, escape(id))
                }
            })
            .unwrap_or_default();
        let _ = write!(
            out,
            r#"<li data-problem-file="{}"{item}>{}</li>"#,
            escape(&p.file),
            escape(&p.to_string())
        );
    }
    out.push_str("</ul></details>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Texts;
    use crate::story::Story;
    use crate::validate::{load, read_folder};

    fn shipped() -> Model {
        load(&read_folder(std::path::Path::new("geodata")).unwrap()).unwrap()
    }

    /// The tags of `html` nest properly (void elements aside): each closes what it opened.
    fn assert_balanced(html: &str) {
        const VOID: [&str; 2] = ["input", "br"];
        let mut open: Vec<&str> = Vec::new();
        let mut rest = html;
        while let Some(at) = rest.find('<') {
            rest = &rest[at + 1..];
            let end = rest.find('>').expect("a tag ends");
            let tag = &rest[..end];
            rest = &rest[end + 1..];
            if tag.starts_with('!') {
                continue;
            }
            let name = tag
                .trim_start_matches('/')
                .split([' ', '>'])
                .next()
                .unwrap();
            if let Some(closing) = tag.strip_prefix('/') {
                assert_eq!(
                    open.pop(),
                    Some(closing),
                    "</{closing}> closes the wrong tag"
                );
            } else if !VOID.contains(&name) {
                open.push(name);
            }
        }
        assert!(open.is_empty(), "left open: {open:?}");
    }

    #[test]
    fn the_shipped_story_reads_whole_with_links_and_no_hooks_of_the_app() {
        let model = shipped();
        let page = static_page(&model);
        assert_balanced(&page);
        assert!(page.starts_with(BEGIN) && page.ends_with(END));
        // The contract's hooks are the app's alone; no style attribute, no script.
        for absent in ["data-feature-id", "data-passage-id", " style=", "<script"] {
            assert!(!page.contains(absent), "{absent}");
        }
        // Every passage that leads somewhere is a link to itself.
        let ids: Vec<&str> = model.article.passage_ids().collect();
        assert!(ids.len() > 10);
        for id in ids {
            assert!(
                page.contains(&format!(r##"href="#passage={id}" id="passage={id}""##)),
                "{id}"
            );
        }
        // Every selectable feature drawn on the default date is a link, and leads to
        // the first passage that speaks of it.
        let date = model.story.timeline.as_ref().unwrap().default_date();
        let none = BTreeSet::new();
        for f in model.features().filter(|f| f.drawn_on(date, &none)) {
            let link = format!(r##"<a href="#feature={}">"##, f.id);
            assert_eq!(page.contains(&link), model.is_selectable(f), "{}", f.id);
            let target = format!(r#"id="feature={}""#, f.id);
            let targets = page.matches(&target).count();
            assert_eq!(targets, usize::from(model.is_selectable(f)), "{}", f.id);
            if let (true, Some(first)) = (model.is_selectable(f), model.passages_of(&f.id).first())
            {
                let after = &page[page.find(&target).unwrap()..];
                let next = &after[after.find("<a ").unwrap()..];
                let link = format!(r##"<a class="article-passage" href="#passage={first}""##);
                assert!(next.starts_with(&link), "{}: {}", f.id, &next[..80]);
            }
        }
        // What is not drawn on the default date is left out.
        let later = model.features().find(|f| !f.drawn_on(date, &none)).unwrap();
        assert!(!page.contains(&format!(r##""#feature={}""##, later.id)));
        // The legend, the credit line, place names and the scale bar.
        for needed in [
            r#"data-legend="true""#,
            "Natural Earth",
            r#"class="map-label""#,
            r#"class="map-area-label""#,
            "km</text>",
            r#"data-static-map="767x520.61""#,
            r#"data-static-map="360x298.5""#,
            r#"data-inset="true""#,
            "Stepanakert",
            "19 novembre 2020",
        ] {
            assert!(page.contains(needed), "{needed}");
        }
        // Written again, it is the same page (no map, clock or order of its own).
        assert_eq!(static_page(&shipped()), page);
    }

    #[test]
    fn text_from_the_data_is_never_markup() {
        let story = Story::parse(
            "story.json",
            r#"{"title": {"fr": "<script>alert(1)</script>"},
            "summary": {"fr": "a \"quoted\" & <b>bold</b> summary"},
            "article": {"file": "a.txt", "lang": "fr", "date": "2020-11-19",
                        "credit": {"fr": "<img src=x onerror=alert(1)>"}},
            "layers": [{"file": "l.geojson"}],
            "kinds": {"k\"><x": {"label": {"fr": "<i>kind</i>"}, "label_on_map": true}},
            "attribution": {"fr": "</p><p>credit"},
            "passages": [{"id": "p\"1", "phrase": "<la>", "features": ["a<b"]}]}"#,
        )
        .unwrap();
        let mut texts = Texts::new();
        texts.insert("a.txt".into(), Ok("Voici <la> & \"ça\".".into()));
        texts.insert(
            "l.geojson".into(),
            Ok(
                r#"{"type": "FeatureCollection", "features": [{"type": "Feature", "id": "a<b",
              "geometry": {"type": "Point", "coordinates": [46.5, 39.5]},
              "properties": {"kind": "k\"><x", "name": {"fr": "<svg onload=x>", "en": "e"},
                "sources": [{"title": "s"}], "accuracy": "exact"}}]}"#
                    .into(),
            ),
        );
        let model = Model::load(story, "", &texts);
        let page = static_page(&model);
        assert_balanced(&page);
        for markup in [
            "<script",
            "<b>",
            "<img",
            "<i>",
            "<la>",
            "<svg onload",
            "<x",
            "</p><p>credit",
        ] {
            assert!(!page.contains(markup), "{markup} is written as markup");
        }
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(page.contains("a &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt; summary"));
        assert!(page.contains(r##"href="#passage=p%221" id="passage=p&quot;1""##));
        assert!(page.contains(r##"<a href="#feature=a%3Cb"><title>&lt;svg onload=x&gt;</title>"##));
        assert!(page.contains(
            r#"class="map-feature map-kind-k---x map-accuracy-exact map-shape-point map-feature--interactive""#
        ));
    }

    #[test]
    fn a_story_without_extent_timeline_or_article_still_writes_a_page() {
        let story = Story::parse(
            "story.json",
            r#"{"title": {"en": "T"},
            "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
            "layers": [{"file": "l.geojson"}]}"#,
        )
        .unwrap();
        let model = Model::load(story, "", &Texts::new());
        let page = static_page(&model);
        assert_balanced(&page);
        assert!(page.contains(r#"<div class="map-box"></div>"#));
        assert!(!page.contains("data-timeline"));
        // The problems are listed as the app lists them.
        assert!(page.contains(r#"data-problems="2""#), "{page}");
        assert!(page.contains(r#"<li data-problem-file="l.geojson">l.geojson: could not be loaded (no such file)</li>"#));
    }
}
