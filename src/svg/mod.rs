//! The SVG writer: numbers with fixed rounding ([`number`]), path data per view with its
//! level of detail ([`path`]), and the small strings the map writes (the view's
//! `transform`, a mark's `translate`, the scale bar).

pub mod number;
pub mod path;

pub use number::{num, parse_num, push_num};

use crate::projection::Point;
use crate::viewport::Viewport;

/// The SVG `transform` attribute for a view.
///
/// # Examples
/// ```
/// use ceasefire_map::svg::transform;
/// use ceasefire_map::viewport::Viewport;
/// assert_eq!(transform(&Viewport { k: 2.0, x: -10.25, y: 3.0 }), "translate(-10.3,3) scale(2)");
/// ```
pub fn transform(view: &Viewport) -> String {
    let (x, y, k) = (num(view.x, 1), num(view.y, 1), num(view.k, 5));
    format!("translate({x},{y}) scale({k})")
}

/// The SVG `transform` that moves a mark or a name to `p`, in the map's pixels (one
/// attribute, which moves it without laying its shape or text out again).
///
/// # Examples
/// ```
/// use ceasefire_map::projection::Point;
/// assert_eq!(ceasefire_map::svg::translate(Point { x: 12.04, y: -3.0 }), "translate(12,-3)");
/// ```
pub fn translate(p: Point) -> String {
    format!("translate({},{})", num(p.x, 1), num(p.y, 1))
}

/// The scale bar's path: a bar `px` long with two ticks 5 px high, drawn from its
/// bottom-left corner.
///
/// # Examples
/// ```
/// assert_eq!(ceasefire_map::svg::scale_bar_path(80.04), "M0,-5V0H80V-5");
/// ```
pub fn scale_bar_path(px: f64) -> String {
    format!("M0,-5V0H{}V-5", num(px, 1))
}
