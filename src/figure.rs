//! The exported view as a figure: the map, then under it, never over it, the caption
//! (the story's title, then the date shown), the legend of the kinds shown (swatch and
//! label, in the reader's language) and the whole credit line, each wrapped to the map's
//! width. Positions and sizes only: the shell (`src/ui/export.rs`) draws the marks.

use std::collections::BTreeSet;

use crate::date::IsoDate;
use crate::i18n::t;
use crate::legend::{legend, Swatch};
use crate::model::Model;
use crate::svg::num;

/// The margin around the band under the map, and between legend columns.
const PAD: f64 = 12.0;
/// Font sizes: the caption, the legend, the credit.
const CAPTION_PX: f64 = 14.0;
const LEGEND_PX: f64 = 11.0;
const CREDIT_PX: f64 = 10.0;
/// A line of text is this many times its font size tall.
const LEADING: f64 = 1.35;
/// A character's advance as a share of the font size, generous (a sans-serif's widest
/// names measure 0.6 in regular weight, 0.65 in bold), so that a wrapped line fits.
const CHAR_EM: f64 = 0.62;
const BOLD_CHAR_EM: f64 = 0.68;
/// A legend swatch's box, and the gap before its label.
const SWATCH: (f64, f64) = (24.0, 12.0);
const SWATCH_GAP: f64 = 6.0;
/// The narrowest legend column.
const COLUMN_MIN: f64 = 230.0;
/// The font the marks name (the exported file carries no stylesheet).
pub const FONT: &str = "system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif";
/// The paper under the caption (as under the exported map).
pub const PAPER: &str = "#f7f5f0";
/// The ink of the texts.
const INK: &str = "#1d1d1b";

/// One SVG element to draw: its tag, its attributes and its text.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub tag: &'static str,
    pub attrs: Vec<(&'static str, String)>,
    pub text: Option<String>,
}

/// The figure: its size, the map's height at its top, and the marks of the band under
/// the map, in the figure's pixels (y down).
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    pub width: f64,
    pub height: f64,
    pub map_height: f64,
    pub marks: Vec<Mark>,
}

/// `text` cut into lines of at most `width` pixels in a font of `font_px` whose
/// characters advance `em` of it: at spaces, and inside a word only when the word alone
/// is too long. No character is lost.
///
/// # Examples
/// ```
/// use ceasefire_map::figure::wrap;
/// // 16 characters a line.
/// assert_eq!(wrap("Natural Earth, OpenStreetMap", 100.0, 10.0, 0.6), ["Natural Earth,", "OpenStreetMap"]);
/// assert_eq!(wrap("abcdefghij", 30.0, 10.0, 0.5), ["abcdef", "ghij"]);
/// assert!(wrap("", 100.0, 10.0, 0.6).is_empty());
/// ```
pub fn wrap(text: &str, width: f64, font_px: f64, em: f64) -> Vec<String> {
    let most = ((width / (font_px * em)).floor() as usize).max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let chars: Vec<char> = word.chars().collect();
        let needed = line.chars().count() + usize::from(!line.is_empty()) + chars.len();
        if needed <= most {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        let mut pieces = chars.chunks(most).map(|c| c.iter().collect::<String>());
        let last = pieces.next_back().unwrap_or_default();
        lines.extend(pieces);
        line = last;
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// A text mark of one line, its baseline at `y`.
fn text(x: f64, y: f64, font_px: f64, bold: bool, line: String) -> Mark {
    Mark {
        tag: "text",
        attrs: vec![
            ("x", num(x, 1)),
            ("y", num(y, 1)),
            ("font-family", FONT.to_string()),
            ("font-size", num(font_px, 1)),
            ("font-weight", if bold { "700" } else { "400" }.to_string()),
            ("fill", INK.to_string()),
        ],
        text: Some(line),
    }
}

/// Lines of text from `top`, left at `x`; returns the marks and the height they take.
fn paragraph(lines: Vec<String>, x: f64, top: f64, font_px: f64, bold: bool) -> (Vec<Mark>, f64) {
    let step = font_px * LEADING;
    let marks = lines
        .into_iter()
        .scan(top, |y, line| {
            *y += step;
            Some(text(x, *y - step * 0.3, font_px, bold, line))
        })
        .collect::<Vec<_>>();
    let height = marks.len() as f64 * step;
    (marks, height)
}

/// What a legend line shows: a kind's swatch, or an accuracy key's dash.
enum Sample<'a> {
    Kind(Swatch, &'a crate::story::Paint),
    Dash(&'static str),
}

/// The swatch mark of `sample` in the box whose top left is (`x`, `y`).
fn swatch(sample: &Sample, x: f64, y: f64) -> Mark {
    let (w, h) = SWATCH;
    let (mid_x, mid_y) = (num(x + w / 2.0, 1), num(y + h / 2.0, 1));
    let line = |stroke: &str, width: f64, dash: Option<&str>| {
        let mut attrs = vec![
            ("x1", num(x + 1.0, 1)),
            ("y1", mid_y.clone()),
            ("x2", num(x + w - 1.0, 1)),
            ("y2", mid_y.clone()),
            ("stroke", stroke.to_string()),
            ("stroke-width", num(width.clamp(1.0, 6.0), 2)),
        ];
        attrs.extend(dash.map(|d| ("stroke-dasharray", d.to_string())));
        Mark {
            tag: "line",
            attrs,
            text: None,
        }
    };
    match sample {
        Sample::Dash(dash) => line(INK, 1.5, Some(dash)),
        Sample::Kind(Swatch::Line, paint) => line(&paint.stroke, paint.stroke_width, None),
        Sample::Kind(Swatch::Point, paint) => Mark {
            tag: "circle",
            attrs: vec![
                ("cx", mid_x),
                ("cy", mid_y),
                ("r", "4.5".to_string()),
                ("fill", paint.fill.clone()),
                ("stroke", paint.stroke.clone()),
                ("stroke-width", "1.5".to_string()),
            ],
            text: None,
        },
        Sample::Kind(Swatch::Area, paint) => Mark {
            tag: "rect",
            attrs: vec![
                ("x", num(x + 1.0, 1)),
                ("y", num(y, 1)),
                ("width", num(w - 2.0, 1)),
                ("height", num(h, 1)),
                ("fill", paint.fill.clone()),
                ("fill-opacity", num(paint.fill_opacity.unwrap_or(1.0), 2)),
                ("stroke", paint.stroke.clone()),
                ("stroke-width", "1.5".to_string()),
            ],
            text: None,
        },
    }
}

/// The figure of a map of `width` x `map_height` showing `model` on `date` in `lang`,
/// the kinds in `hidden_kinds` switched off (left out of its legend).
pub fn figure(
    model: &Model,
    date: Option<IsoDate>,
    lang: &str,
    hidden_kinds: &BTreeSet<String>,
    width: f64,
    map_height: f64,
) -> Figure {
    let inner = (width - 2.0 * PAD).max(COLUMN_MIN.min(width));
    // The band's paper hides the map's shapes that run on below its box.
    let band = Mark {
        tag: "rect",
        attrs: vec![
            ("x", "0".to_string()),
            ("y", num(map_height, 1)),
            ("width", num(width, 1)),
            ("height", "100%".to_string()),
            ("fill", PAPER.to_string()),
        ],
        text: None,
    };
    let mut marks = vec![
        band,
        Mark {
            tag: "line",
            attrs: vec![
                ("x1", "0".to_string()),
                ("y1", num(map_height, 1)),
                ("x2", num(width, 1)),
                ("y2", num(map_height, 1)),
                ("stroke", "#8a8478".to_string()),
                ("stroke-width", "1".to_string()),
            ],
            text: None,
        },
    ];
    let mut y = map_height + PAD / 2.0;
    // The caption: what is shown, the title then the date.
    let lines = wrap(model.story.title.get(lang), inner, CAPTION_PX, BOLD_CHAR_EM);
    let (caption, height) = paragraph(lines, PAD, y, CAPTION_PX, true);
    marks.extend(caption);
    y += height;
    if let Some(date) = date {
        let lines = wrap(&date.long(lang), inner, LEGEND_PX, CHAR_EM);
        let (date, height) = paragraph(lines, PAD, y, LEGEND_PX + 1.0, false);
        marks.extend(date);
        y += height;
    }
    y += PAD / 2.0;
    // The legend, in columns, row by row.
    let (entries, keys) = legend(model, date, lang);
    let samples: Vec<(Sample, String)> = entries
        .iter()
        .filter(|e| !hidden_kinds.contains(e.kind))
        .map(|e| (Sample::Kind(e.swatch, &e.paint), e.label.clone()))
        .chain(
            keys.iter()
                .map(|&(_, key, dash)| (Sample::Dash(dash), t(lang, key).to_string())),
        )
        .collect();
    let columns = (((inner + PAD) / (COLUMN_MIN + PAD)).floor() as usize).max(1);
    let column = (inner - (columns - 1) as f64 * PAD) / columns as f64;
    for row in samples.chunks(columns) {
        let mut tallest = SWATCH.1;
        for (i, (sample, label)) in row.iter().enumerate() {
            let x = PAD + i as f64 * (column + PAD);
            marks.push(swatch(sample, x, y + 1.0));
            let label_x = x + SWATCH.0 + SWATCH_GAP;
            let lines = wrap(label, column - SWATCH.0 - SWATCH_GAP, LEGEND_PX, CHAR_EM);
            let (label, height) = paragraph(lines, label_x, y, LEGEND_PX, false);
            marks.extend(label);
            tallest = tallest.max(height);
        }
        y += tallest + 4.0;
    }
    // The whole credit line.
    y += PAD / 2.0;
    let credit = wrap(model.story.attribution.get(lang), inner, CREDIT_PX, CHAR_EM);
    let (credit, height) = paragraph(credit, PAD, y, CREDIT_PX, false);
    marks.extend(credit);
    y += height + PAD;
    Figure {
        width,
        height: y.ceil(),
        map_height,
        marks,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Texts;
    use crate::story::Story;

    fn model() -> Model {
        let story = Story::parse(
            "story.json",
            r##"{"title": {"en": "The ceasefire of 10 November 2020"},
            "attribution": {"en": "Borders: Natural Earth (public domain). Roads and towns: © OpenStreetMap contributors, ODbL. Lines of control: drawn from reports of the BBC, Reuters and the Russian Ministry of Defence"},
            "article": {"file": "a.txt", "lang": "en", "date": "2020-11-19"},
            "layers": [{"file": "l.geojson"}],
            "kinds": {"road": {"label": {"en": "Road built after the war, as the agreement says"}, "stroke": "#444444"},
                      "zone": {"label": {"en": "Zone"}, "fill": "#e69f00"},
                      "town": {"label": {"en": "Town"}}}}"##,
        )
        .unwrap();
        let feature = |id: &str, kind: &str, geometry: &str| {
            format!(
                r#"{{"type": "Feature", "id": "{id}", "geometry": {geometry}, "properties": {{"kind": "{kind}",
                "name": {{"en": "{id}"}}, "sources": [{{"title": "S"}}], "accuracy": "schematic"}}}}"#
            )
        };
        let layer = format!(
            r#"{{"type": "FeatureCollection", "features": [{}, {}, {}]}}"#,
            feature(
                "r",
                "road",
                r#"{"type": "LineString", "coordinates": [[46.3, 39.5], [46.7, 39.8]]}"#
            ),
            feature(
                "z",
                "zone",
                r#"{"type": "Polygon", "coordinates": [[[46, 39], [47, 39], [47, 40], [46, 39]]]}"#
            ),
            feature(
                "t",
                "town",
                r#"{"type": "Point", "coordinates": [46.5, 39.5]}"#
            ),
        );
        let mut texts = Texts::new();
        texts.insert("l.geojson".into(), Ok(layer));
        texts.insert("a.txt".into(), Ok("Text.".into()));
        Model::load(story, "", &texts)
    }

    /// The texts of the figure, in order, and the widest estimated right edge of them.
    fn texts(f: &Figure) -> Vec<String> {
        f.marks.iter().filter_map(|m| m.text.clone()).collect()
    }

    fn attr(m: &Mark, name: &str) -> f64 {
        m.attrs
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap()
            .1
            .parse()
            .unwrap()
    }

    #[test]
    fn wrapping_loses_nothing_and_keeps_within_the_width() {
        let text = "Frontières : Natural Earth (domaine public). Routes : © contributeurs d’OpenStreetMap, ODbL. Unmotbeaucouptroplongpourtenirsurunelignedelacarte";
        for width in [60.0, 150.0, 320.0, 1000.0] {
            let lines = wrap(text, width, 10.0, 0.6);
            assert_eq!(
                lines.join("").replace(' ', ""),
                text.replace(' ', ""),
                "at {width}"
            );
            assert!(
                lines
                    .iter()
                    .all(|l| l.chars().count() as f64 * 6.0 <= width),
                "{lines:?}"
            );
        }
    }

    #[test]
    fn the_band_is_under_the_map_and_holds_caption_legend_and_whole_credit() {
        let model = model();
        let date = IsoDate::parse("2020-11-19");
        for width in [320.0, 360.0, 767.0, 1280.0] {
            let f = figure(&model, date, "en", &BTreeSet::new(), width, 300.0);
            let all = texts(&f);
            // The caption first, with the date; every legend label; the whole credit.
            assert!(all[0].starts_with("The ceasefire"), "{all:?}");
            assert!(
                all.contains(&"19 November 2020".to_string()),
                "the date on a line of its own: {all:?}"
            );
            let joined = all.join(" ");
            assert!(joined.contains("19 November 2020"), "{joined}");
            for label in [
                "Road built after the war,",
                "Zone",
                "Town",
                "Dotted: schematic",
            ] {
                assert!(joined.contains(label), "{label} at {width}: {joined}");
            }
            let credit = model.story.attribution.get("en");
            assert!(joined.contains(credit) || width < 1280.0, "{joined}");
            let credit_words: Vec<&str> = credit.split_whitespace().collect();
            let all_words: Vec<&str> = joined.split_whitespace().collect();
            assert!(
                all_words.ends_with(&credit_words),
                "the credit is whole at {width}: {joined}"
            );
            // The band's paper first, over whatever of the map runs on below its box.
            assert_eq!((f.marks[0].tag, attr(&f.marks[0], "y")), ("rect", 300.0));
            // Nothing over the map, nothing past the figure's edges.
            for m in &f.marks {
                let top = ["y", "y1", "cy"]
                    .iter()
                    .find_map(|n| m.attrs.iter().find(|(a, _)| a == n))
                    .unwrap()
                    .1
                    .parse::<f64>()
                    .unwrap();
                assert!(
                    top >= 300.0 && top <= f.height,
                    "{m:?} in a figure {} tall",
                    f.height
                );
                if let Some(text) = &m.text {
                    let right =
                        attr(m, "x") + text.chars().count() as f64 * attr(m, "font-size") * 0.6;
                    assert!(right <= width, "{text} ends at {right} of {width}");
                }
            }
            // Tall enough for it: three lines at least, more when narrow.
            assert!(f.height >= 300.0 + 60.0, "{} at {width}", f.height);
        }
        let narrow = figure(&model, date, "en", &BTreeSet::new(), 320.0, 300.0);
        let wide = figure(&model, date, "en", &BTreeSet::new(), 1280.0, 300.0);
        assert!(
            narrow.height > wide.height,
            "{} vs {}",
            narrow.height,
            wide.height
        );
    }

    #[test]
    fn a_kind_switched_off_leaves_the_legend() {
        let hidden: BTreeSet<String> = ["zone".to_string()].into();
        let f = figure(
            &model(),
            IsoDate::parse("2020-11-19"),
            "en",
            &hidden,
            767.0,
            300.0,
        );
        let all = texts(&f);
        assert!(
            !all.contains(&"Zone".to_string()) && all.contains(&"Town".to_string()),
            "{all:?}"
        );
        // The band's paper, and no area swatch.
        assert_eq!(f.marks.iter().filter(|m| m.tag == "rect").count(), 1);
        assert_eq!(f.marks.iter().filter(|m| m.tag == "circle").count(), 1);
    }
}
