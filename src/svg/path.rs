//! Level of detail. Every vertex of every line and ring is ranked once, when the story
//! loads, by its Visvalingam–Whyatt effective area (in Mercator units, so the ranking
//! holds for any map size). Each settled view then keeps the vertices that matter at its
//! zoom, drops rings smaller than a pixel, and, when the result would still pass the
//! vertex budget, cuts the geometry to the neighbourhood of the screen. Path data is
//! written at the end of a gesture, never per frame: the view moves one `transform`.
//!
//! Written here rather than taken from the `geo` crate: `geo` simplifies for one
//! tolerance at a time, and we need one ranking that serves every zoom (as TopoJSON's
//! and mapshaper's "presimplify" do), without a second geometry model in the wasm.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use std::collections::BTreeMap;

use crate::projection::{mercator, Bounds, Point, Projection};
use crate::screen::Screen;
use crate::shape::Shape;
use crate::svg::number::push_num;
use crate::viewport::Viewport;

/// The most path vertices the map draws at once, at any zoom.
pub const VERTEX_BUDGET: usize = 15_000;

/// A vertex whose triangle with its neighbours is smaller than half this many square
/// pixels is invisible, and dropped (ranks are kept as twice the triangle's area).
pub const MIN_AREA_PX2: f64 = 1.0;

/// One line, or one ring without its closing repeat, with each vertex's rank.
#[derive(Debug, Clone, PartialEq)]
struct Part {
    /// Mercator coordinates (radians; y up).
    points: Vec<Point>,
    /// The effective area at which each vertex disappears (ends of lines never do).
    rank: Vec<f64>,
    ring: bool,
}

/// The ranked geometry of a set of shapes, each with the id of its feature (points have
/// no parts).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Detail {
    shapes: Vec<(String, Vec<Part>)>,
}

/// Path data for one view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paths {
    /// SVG path data by feature id: every line and area given to [`Detail::new`] (empty
    /// when nothing of it is in view); points have none.
    pub d: BTreeMap<String, String>,
    /// Path vertices in all of `d`.
    pub vertices: usize,
}

impl Paths {
    /// The path data of feature `id`, if it is a line or an area.
    pub fn get(&self, id: &str) -> Option<&str> {
        self.d.get(id).map(String::as_str)
    }
}

impl Detail {
    /// Ranks every vertex of `shapes`, given with the id of their feature (O(n log n),
    /// once per story).
    pub fn new<'a>(shapes: impl IntoIterator<Item = (&'a str, &'a Shape)>) -> Detail {
        let shapes = shapes
            .into_iter()
            .filter(|(_, shape)| !matches!(shape, Shape::Points(_)))
            .map(|(id, shape)| match shape {
                Shape::Points(_) => (id.to_string(), Vec::new()),
                Shape::Lines(lines) => (
                    id.to_string(),
                    lines
                        .iter()
                        .filter(|l| l.len() >= 2)
                        .map(|l| ranked(l.iter().map(|p| mercator(*p)).collect(), false))
                        .collect(),
                ),
                Shape::Areas(polygons) => (
                    id.to_string(),
                    polygons
                        .iter()
                        .flatten()
                        .filter_map(|ring| {
                            // GeoJSON repeats the first position last: "Z" closes the ring.
                            let open = match ring.split_last() {
                                Some((last, rest)) if rest.first() == Some(last) => rest,
                                _ => ring.as_slice(),
                            };
                            (open.len() >= 3)
                                .then(|| ranked(open.iter().map(|p| mercator(*p)).collect(), true))
                        })
                        .collect(),
                ),
            })
            .collect();
        Detail { shapes }
    }

    /// Vertices before any simplification.
    pub fn total_vertices(&self) -> usize {
        self.shapes
            .iter()
            .flat_map(|(_, parts)| parts)
            .map(|p| p.points.len())
            .sum()
    }

    /// Path data for `screen`, in SVG units before the view's transform, with at most
    /// `budget` vertices: detail below [`MIN_AREA_PX2`] at the view's zoom is dropped;
    /// when that is not enough, what lies more than one screen away is cut; then the
    /// tolerance grows until the budget holds.
    ///
    /// # Examples
    /// ```
    /// use ceasefire_map::projection::{LonLat, Point, Projection};
    /// use ceasefire_map::screen::Screen;
    /// use ceasefire_map::shape::Shape;
    /// use ceasefire_map::svg::path::Detail;
    /// use ceasefire_map::viewport::Viewport;
    /// // A line with a 1e-6 degree kink: invisible, so dropped.
    /// let line = Shape::Lines(vec![vec![
    ///     LonLat { lon: 0.0, lat: 0.0 },
    ///     LonLat { lon: 0.5, lat: 0.000001 },
    ///     LonLat { lon: 1.0, lat: 0.0 },
    /// ]]);
    /// let detail = Detail::new([("kink", &line)]);
    /// let p = Projection { scale: 180.0 / std::f64::consts::PI, translate: Point { x: 0.0, y: 0.0 } };
    /// let screen = Screen { projection: p, view: Viewport::IDENTITY, width: 10.0, height: 10.0 };
    /// let paths = detail.paths(&screen, 100);
    /// assert_eq!(paths.get("kink"), Some("M0,0L1,0"));
    /// assert_eq!(paths.vertices, 2);
    /// ```
    pub fn paths(&self, screen: &Screen, budget: usize) -> Paths {
        let px = screen.projection.scale * screen.view.k; // screen pixels per Mercator unit
        let mut threshold = MIN_AREA_PX2 / (px * px);
        let mut kept = self.kept(threshold, None);
        if count(&kept) > budget {
            let clip = Some(self.window(screen));
            // Line ends always stay: with more of them in view than the budget, no
            // tolerance is enough, so the search stops (after a 4^24 growth, far past
            // any visible detail) and draws what remains.
            for _ in 0..24 {
                kept = self.kept(threshold, clip);
                if count(&kept) <= budget {
                    break;
                }
                threshold *= 4.0;
            }
        }
        // Tenths of a pixel at the zoom the path is seen at.
        let decimals = if screen.view.k <= 2.0 { 1 } else { 2 };
        // Inserted one by one: collecting into a map would sort, and a sort per element
        // type costs about 3 KB of wasm.
        let mut d = BTreeMap::new();
        for ((id, _), runs) in self.shapes.iter().zip(&kept) {
            let mut path = String::new();
            for (run, ring) in runs {
                write_run(&mut path, run, &screen.projection, *ring, decimals);
            }
            d.insert(id.clone(), path);
        }
        Paths {
            d,
            vertices: count(&kept),
        }
    }

    /// What is kept at `threshold`, cut to `clip`: per shape, its runs of vertices and
    /// whether each closes (a ring).
    fn kept(&self, threshold: f64, clip: Option<Window>) -> Vec<Vec<(Vec<Point>, bool)>> {
        self.shapes
            .iter()
            .map(|(_, parts)| {
                parts
                    .iter()
                    .flat_map(|part| {
                        let runs = part.kept(threshold, clip);
                        runs.into_iter().map(move |run| (run, part.ring))
                    })
                    .collect()
            })
            .collect()
    }

    /// The view and one screen around it, in Mercator units.
    fn window(&self, screen: &Screen) -> Window {
        let (w, h) = (screen.width, screen.height);
        let corner = |x: f64, y: f64| {
            let svg = screen.view.invert(Point { x, y });
            let p = &screen.projection;
            Point {
                x: (svg.x - p.translate.x) / p.scale,
                y: (p.translate.y - svg.y) / p.scale,
            }
        };
        let (a, b) = (corner(-w, -h), corner(2.0 * w, 2.0 * h));
        Window {
            west: a.x.min(b.x),
            east: a.x.max(b.x),
            south: a.y.min(b.y),
            north: a.y.max(b.y),
        }
    }
}

/// The whole of `shapes` fitted into a `width` x `height` box with `padding` (a locator
/// map, a thumbnail): the projection used and the path data, within `budget` vertices.
/// `None` when the shapes have no position.
pub fn fitted<'a>(
    shapes: impl IntoIterator<Item = (&'a str, &'a Shape)> + Clone,
    width: f64,
    height: f64,
    padding: f64,
    budget: usize,
) -> Option<(Projection, Paths)> {
    let extent = Bounds::around(shapes.clone().into_iter().flat_map(|(_, s)| s.positions()))?;
    let projection = Projection::fit(extent, width, height, padding);
    let screen = Screen {
        projection,
        view: Viewport::IDENTITY,
        width,
        height,
    };
    Some((projection, Detail::new(shapes).paths(&screen, budget)))
}

/// A box in Mercator units.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Window {
    west: f64,
    east: f64,
    south: f64,
    north: f64,
}

impl Window {
    fn contains(&self, p: Point) -> bool {
        (self.west..=self.east).contains(&p.x) && (self.south..=self.north).contains(&p.y)
    }

    /// Whether the segment's box meets the window (enough to keep the segment).
    fn meets(&self, a: Point, b: Point) -> bool {
        a.x.max(b.x) >= self.west
            && a.x.min(b.x) <= self.east
            && a.y.max(b.y) >= self.south
            && a.y.min(b.y) <= self.north
    }
}

impl Part {
    /// The vertices kept at `threshold`, as runs: one for a ring (or none when it
    /// shrinks below a triangle), one or more for a line cut by the window.
    fn kept(&self, threshold: f64, clip: Option<Window>) -> Vec<Vec<Point>> {
        let simple: Vec<Point> = self
            .points
            .iter()
            .zip(&self.rank)
            .filter(|(_, r)| **r >= threshold)
            .map(|(p, _)| *p)
            .collect();
        let Some(window) = clip else {
            return if self.ring && simple.len() < 3 {
                Vec::new()
            } else {
                vec![simple]
            };
        };
        if self.ring {
            let cut = clip_ring(&simple, &window);
            return if cut.len() < 3 { Vec::new() } else { vec![cut] };
        }
        // A line keeps every segment that meets the window, in runs.
        let mut runs = Vec::new();
        let mut run: Vec<Point> = Vec::new();
        for pair in simple.windows(2) {
            if window.meets(pair[0], pair[1]) {
                if run.is_empty() {
                    run.push(pair[0]);
                }
                run.push(pair[1]);
            } else if !run.is_empty() {
                runs.push(std::mem::take(&mut run));
            }
        }
        if !run.is_empty() {
            runs.push(run);
        }
        runs
    }
}

/// Vertices in all the runs of [`Detail::kept`].
fn count(kept: &[Vec<(Vec<Point>, bool)>]) -> usize {
    kept.iter().flatten().map(|(run, _)| run.len()).sum()
}

/// Sutherland–Hodgman against the window's four sides. The window reaches one screen
/// beyond the view, so the edges it adds along its sides are never seen.
fn clip_ring(ring: &[Point], w: &Window) -> Vec<Point> {
    if ring.iter().all(|p| w.contains(*p)) {
        return ring.to_vec();
    }
    type Side = (
        fn(Point, &Window) -> bool,
        fn(Point, Point, &Window) -> Point,
    );
    let sides: [Side; 4] = [
        (|p, w| p.x >= w.west, |a, b, w| at_x(a, b, w.west)),
        (|p, w| p.x <= w.east, |a, b, w| at_x(a, b, w.east)),
        (|p, w| p.y >= w.south, |a, b, w| at_y(a, b, w.south)),
        (|p, w| p.y <= w.north, |a, b, w| at_y(a, b, w.north)),
    ];
    let mut out = ring.to_vec();
    for (inside, cross) in sides {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &p in &input {
            match (inside(p, w), inside(prev, w)) {
                (true, true) => out.push(p),
                (true, false) => {
                    out.push(cross(prev, p, w));
                    out.push(p);
                }
                (false, true) => out.push(cross(prev, p, w)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

fn at_x(a: Point, b: Point, x: f64) -> Point {
    let t = (x - a.x) / (b.x - a.x);
    Point {
        x,
        y: a.y + t * (b.y - a.y),
    }
}

fn at_y(a: Point, b: Point, y: f64) -> Point {
    let t = (y - a.y) / (b.y - a.y);
    Point {
        x: a.x + t * (b.x - a.x),
        y,
    }
}

/// Twice the area of the triangle `abc`.
fn area2(a: Point, b: Point, c: Point) -> f64 {
    ((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)).abs()
}

/// Visvalingam–Whyatt: repeatedly remove the vertex whose triangle with its neighbours
/// is smallest; a vertex's rank is the area at which it went (never less than that of
/// one removed before it, so thresholds nest). Line ends stay; a ring's last three
/// vertices share the rank of its last triangle, so a ring goes all at once.
fn ranked(points: Vec<Point>, ring: bool) -> Part {
    let n = points.len();
    let mut rank = vec![f64::INFINITY; n];
    let mut prev: Vec<usize> = (0..n).map(|i| if i == 0 { n - 1 } else { i - 1 }).collect();
    let mut next: Vec<usize> = (0..n).map(|i| if i + 1 == n { 0 } else { i + 1 }).collect();
    let mut gone = vec![false; n];
    let removable = |i: usize| ring || (i != 0 && i + 1 != n);
    let mut area = vec![f64::INFINITY; n];
    // Areas are non-negative, so their bits order like the numbers.
    let mut heap = BinaryHeap::new();
    for i in (0..n).filter(|&i| removable(i)) {
        area[i] = area2(points[prev[i]], points[i], points[next[i]]);
        heap.push(Reverse((area[i].to_bits(), i)));
    }
    let mut left = n;
    let floor = if ring { 3 } else { 2 };
    let mut last = 0.0_f64;
    while left > floor {
        let Some(Reverse((bits, i))) = heap.pop() else {
            break;
        };
        if gone[i] || bits != area[i].to_bits() {
            continue; // a stale entry: the vertex's triangle changed since
        }
        last = last.max(area[i]);
        rank[i] = last;
        gone[i] = true;
        left -= 1;
        let (p, q) = (prev[i], next[i]);
        next[p] = q;
        prev[q] = p;
        for j in [p, q] {
            if removable(j) {
                area[j] = area2(points[prev[j]], points[j], points[next[j]]);
                heap.push(Reverse((area[j].to_bits(), j)));
            }
        }
    }
    if ring {
        // The last triangle: the ring's own size.
        let rest: Vec<usize> = (0..n).filter(|&i| !gone[i]).collect();
        if let [a, b, c] = rest[..] {
            let size = last.max(area2(points[a], points[b], points[c]));
            for i in rest {
                rank[i] = size;
            }
        }
    }
    Part { points, rank, ring }
}

fn write_run(d: &mut String, run: &[Point], projection: &Projection, ring: bool, decimals: u32) {
    let mut last: Option<(i64, i64)> = None;
    let scale = 10_f64.powi(decimals as i32);
    for p in run {
        let x = projection.translate.x + p.x * projection.scale;
        let y = projection.translate.y - p.y * projection.scale;
        let key = ((x * scale).round() as i64, (y * scale).round() as i64);
        if last == Some(key) {
            continue; // the same spot at this precision: it draws nothing
        }
        d.push(if last.is_none() { 'M' } else { 'L' });
        push_num(d, x, decimals);
        d.push(',');
        push_num(d, y, decimals);
        last = Some(key);
    }
    if ring && last.is_some() {
        d.push('Z');
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::projection::LonLat;

    fn ll(lon: f64, lat: f64) -> LonLat {
        LonLat { lon, lat }
    }

    fn frame(k: f64) -> Screen {
        Screen {
            projection: Projection::fit(
                crate::projection::Bounds {
                    west: 0.0,
                    south: 0.0,
                    east: 1.0,
                    north: 1.0,
                },
                500.0,
                500.0,
                0.0,
            ),
            view: Viewport { k, x: 0.0, y: 0.0 },
            width: 500.0,
            height: 500.0,
        }
    }

    /// A square ring of side 1 degree with `n` vertices per side, each pushed out by a
    /// small saw-tooth: plenty of detail that only shows when zoomed in.
    fn jagged_square(n: usize) -> Shape {
        let mut ring = Vec::new();
        let corners = [ll(0.0, 0.0), ll(1.0, 0.0), ll(1.0, 1.0), ll(0.0, 1.0)];
        for s in 0..4 {
            let (a, b) = (corners[s], corners[(s + 1) % 4]);
            for i in 0..n {
                let t = i as f64 / n as f64;
                let tooth = if i % 2 == 1 { 0.0005 } else { 0.0 };
                // Outward normal of a counter-clockwise square side.
                let (nx, ny) = (b.lat - a.lat, a.lon - b.lon);
                ring.push(ll(
                    a.lon + t * (b.lon - a.lon) + tooth * nx,
                    a.lat + t * (b.lat - a.lat) + tooth * ny,
                ));
            }
        }
        ring.push(ring[0]);
        Shape::Areas(vec![vec![ring]])
    }

    #[test]
    fn detail_grows_with_zoom_and_stays_in_budget() {
        let shape = jagged_square(5_000); // 20,000 vertices
        let detail = Detail::new([("s", &shape)]);
        assert_eq!(detail.total_vertices(), 20_000);
        let counts: Vec<usize> = [1.0, 4.0, 16.0]
            .iter()
            .map(|&k| {
                let paths = detail.paths(&frame(k), VERTEX_BUDGET);
                assert!(paths.d["s"].starts_with('M') && paths.d["s"].ends_with('Z'));
                paths.vertices
            })
            .collect();
        // More detail as the teeth grow to pixels; at 16x all of it would pass the
        // budget, so what is more than a screen away is cut.
        assert!(counts[0] < counts[1], "{counts:?}");
        assert!(counts[2] <= VERTEX_BUDGET, "{counts:?}");
        // Whole, most teeth (0.0005 degree: a quarter of a pixel) are gone.
        assert!(counts[0] < 1_000, "{counts:?}");
        // A tight budget is kept too.
        assert!(detail.paths(&frame(16.0), 500).vertices <= 500);
    }

    /// Budgets given as numbers, not as the map's constant: raising the constant, or a
    /// search that stops short of the budget, fails here.
    #[test]
    fn every_budget_holds_at_every_zoom_on_dense_data() {
        let shape = jagged_square(5_000); // 20,000 vertices
        let detail = Detail::new([("s", &shape)]);
        for budget in [200, 1_000, 5_000, 15_000] {
            for k in [1.0, 2.0, 4.0, 8.0, 16.0] {
                let mut f = frame(k);
                // The square's lower-left corner in the middle of the screen.
                let corner = f.projection.project(ll(0.0, 0.0));
                f.view.x = 250.0 - corner.x * k;
                f.view.y = 250.0 - corner.y * k;
                let paths = detail.paths(&f, budget);
                assert!(
                    paths.vertices <= budget,
                    "budget {budget} at k={k}: {}",
                    paths.vertices
                );
                // Never emptied for nothing: the square stays drawn.
                assert!(paths.vertices >= 4, "budget {budget} at k={k}");
            }
        }
        // The map's own budget, as a number.
        assert_eq!(VERTEX_BUDGET, 15_000);
    }

    #[test]
    fn zoomed_in_what_is_far_off_screen_is_cut() {
        let shape = jagged_square(5_000);
        let detail = Detail::new([("s", &shape)]);
        let mut f = frame(16.0);
        // The lower-left corner of the square in the middle of the screen.
        let corner = f.projection.project(ll(0.0, 0.0));
        f.view.x = 250.0 - corner.x * 16.0;
        f.view.y = 250.0 - corner.y * 16.0;
        let budget = 2_000;
        let paths = detail.paths(&f, budget);
        assert!(paths.vertices <= budget, "{}", paths.vertices);
        // Every vertex drawn lies within one screen of the view.
        let numbers: Vec<f64> = paths.d["s"]
            .split(['M', 'L', ',', 'Z'])
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        for xy in numbers.chunks(2) {
            let on_screen = f.view.apply(Point { x: xy[0], y: xy[1] });
            assert!((-501.0..=1001.0).contains(&on_screen.x), "{on_screen:?}");
            assert!((-501.0..=1001.0).contains(&on_screen.y), "{on_screen:?}");
        }
    }

    #[test]
    fn lines_keep_their_ends_and_are_cut_into_runs() {
        let line: Vec<LonLat> = (0..=1000).map(|i| ll(i as f64 / 1000.0, 0.5)).collect();
        let shape = Shape::Lines(vec![line]);
        let detail = Detail::new([("s", &shape)]);
        let whole = detail.paths(&frame(1.0), VERTEX_BUDGET);
        assert_eq!(whole.vertices, 2, "{}", whole.d["s"]);
        let part = &detail.shapes[0].1[0];
        let window = Window {
            west: 0.2_f64.to_radians(),
            east: 0.4_f64.to_radians(),
            south: -1.0,
            north: 1.0,
        };
        let runs = part.kept(0.0, Some(window));
        assert_eq!(runs.len(), 1);
        assert!(runs[0].len() > 190 && runs[0].len() < 210);
    }

    #[test]
    fn tiny_rings_vanish_whole_and_points_have_no_path() {
        let speck = Shape::Areas(vec![vec![vec![
            ll(0.5, 0.5),
            ll(0.50001, 0.5),
            ll(0.50001, 0.50001),
            ll(0.5, 0.5),
        ]]]);
        let point = Shape::Points(vec![ll(0.5, 0.5)]);
        let detail = Detail::new([("speck", &speck), ("point", &point)]);
        let at_one = detail.paths(&frame(1.0), VERTEX_BUDGET);
        assert_eq!(at_one.get("speck"), Some(""));
        assert_eq!(at_one.get("point"), None);
        assert_eq!(at_one.vertices, 0);
    }

    #[test]
    fn more_line_ends_than_the_budget_still_ends() {
        // 2,000 short lines in view: 4,000 ends that no tolerance removes.
        let lines: Vec<Vec<LonLat>> = (0..2_000)
            .map(|i| {
                let x = 0.2 + (i % 50) as f64 * 0.01;
                let y = 0.2 + (i / 50) as f64 * 0.01;
                vec![ll(x, y), ll(x + 0.001, y), ll(x + 0.002, y + 0.001)]
            })
            .collect();
        let shape = Shape::Lines(lines);
        let detail = Detail::new([("s", &shape)]);
        let paths = detail.paths(&frame(1.0), 1_000);
        assert_eq!(paths.vertices, 4_000);
    }

    #[test]
    fn ranks_are_effective_areas_that_never_decrease() {
        let pts = [(0.0, 0.0), (1.0, 1.0), (2.0, 0.0), (3.0, 0.1), (4.0, 0.0)];
        let part = ranked(pts.iter().map(|&(x, y)| Point { x, y }).collect(), false);
        // (3, 0.1) goes first (twice its triangle: 0.2); then (1, 1) and (2, 0) at 2.
        assert_eq!(part.rank, [f64::INFINITY, 2.0, 2.0, 0.2, f64::INFINITY]);
        let kept = |t: f64| part.rank.iter().filter(|r| **r >= t).count();
        assert_eq!((kept(0.1), kept(1.0), kept(3.0)), (5, 4, 2));
    }
}
