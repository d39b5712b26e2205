//! A map of England's 153 children's services authorities, drawn from the postcode grid
//! coordinates that ship in `carelens-geo` (no boundary files ship, and nothing is fetched).
//!
//! England is cut into square cells; each cell goes to the authority with the most unit
//! postcodes in it, and each authority's cells are traced into outline polygons. Postcodes are
//! dense where people live, so the shapes follow the real boundaries closely at this scale.
//! London's 33 authorities are small, so they are drawn a second time, larger and on a finer
//! grid, in an inset over the Irish Sea. An authority that wins no cell at the coarse scale (the
//! City of London) still gets the cell where it has most postcodes, so every one is on the map.
//!
//! Built once, on first use (a pass over England's postcodes: well under a second in a release
//! build), and served as JSON: `{width, height, areas: [{code, name, d}], insets: […]}`, with
//! SVG path data in map units (1 unit = 1 km on the main map).

use std::collections::BTreeMap;
use std::sync::OnceLock;

use carelens_model::LaCode;
use serde::Serialize;

/// The map, as served by `/api/map`.
#[derive(Debug, Serialize)]
pub(crate) struct Map {
    pub(crate) width: u32,
    pub(crate) height: u32,
    pub(crate) areas: Vec<MapArea>,
    pub(crate) insets: Vec<Inset>,
}

/// One authority's outline (main map or inset).
#[derive(Debug, Serialize)]
pub(crate) struct MapArea {
    #[serde(serialize_with = "display")]
    pub(crate) code: LaCode,
    pub(crate) name: String,
    /// SVG path data.
    pub(crate) d: String,
}

/// A framed inset.
#[derive(Debug, Serialize)]
pub(crate) struct Inset {
    pub(crate) x: u32,
    pub(crate) y: u32,
    pub(crate) w: u32,
    pub(crate) h: u32,
    pub(crate) label: &'static str,
}

fn display<S: serde::Serializer>(v: &LaCode, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(v)
}

/// Grid extent of the main map (metres): Scilly to Berwick, Land's End to Lowestoft.
const E0: u32 = 80_000;
const E1: u32 = 660_000;
const N0: u32 = 0;
const N1: u32 = 660_000;
/// Main map cell size (metres).
const CELL: u32 = 4_000;
/// London's extent and the inset's cell size.
const LON_E0: u32 = 502_000;
const LON_E1: u32 = 563_000;
const LON_N0: u32 = 154_000;
const LON_N1: u32 = 202_000;
const LON_CELL: u32 = 1_000;
/// The inset's frame in map units (km on the main map), over the Irish Sea.
const INSET_X: f64 = 4.0;
const INSET_Y: f64 = 36.0;
const INSET_SCALE: f64 = 3.5; // map units per London km

/// The map, built on first use.
pub(crate) fn map() -> &'static Map {
    static MAP: OnceLock<Map> = OnceLock::new();
    MAP.get_or_init(build)
}

fn build() -> Map {
    let las = carelens_geo::las();
    let london: Vec<LaCode> =
        las.iter().filter(|l| l.region == carelens_geo::Region::London).map(|l| l.code).collect();
    let main_grid = Grid::new(E0, N0, E1, N1, CELL);
    let lon_grid = Grid::new(LON_E0, LON_N0, LON_E1, LON_N1, LON_CELL);
    let main_cells = main_grid.assign(las.iter().map(|l| l.code), true);
    let lon_cells = lon_grid.assign(london.iter().copied(), false);

    let mut areas = Vec::new();
    let to_main = |x: f64, y: f64| (x * f64::from(CELL) / 1000.0, y * f64::from(CELL) / 1000.0);
    for la in las {
        let d = path(&main_grid, &main_cells, la.code, &to_main);
        if !d.is_empty() {
            areas.push(MapArea { code: la.code, name: la.name.clone(), d });
        }
    }
    let to_inset = |x: f64, y: f64| {
        let k = INSET_SCALE * f64::from(LON_CELL) / 1000.0;
        (INSET_X + x * k, INSET_Y + 18.0 + y * k)
    };
    for code in &london {
        let d = path(&lon_grid, &lon_cells, *code, &to_inset);
        if !d.is_empty() {
            let name = carelens_geo::la(*code).map(|l| l.name.clone()).unwrap_or_default();
            areas.push(MapArea { code: *code, name, d });
        }
    }
    let lon_w = f64::from(LON_E1 - LON_E0) / 1000.0 * INSET_SCALE;
    let lon_h = f64::from(LON_N1 - LON_N0) / 1000.0 * INSET_SCALE;
    Map {
        width: (E1 - E0) / 1000,
        height: (N1 - N0) / 1000,
        areas,
        insets: vec![Inset {
            x: INSET_X as u32,
            y: INSET_Y as u32,
            w: lon_w.ceil() as u32,
            h: (lon_h + 20.0).ceil() as u32,
            label: "London",
        }],
    }
}

/// A square grid over a rectangle of the national grid; cell (0, 0) is the north-west corner.
struct Grid {
    e0: u32,
    n1: u32,
    cell: u32,
    cols: u32,
    rows: u32,
}

impl Grid {
    fn new(e0: u32, n0: u32, e1: u32, n1: u32, cell: u32) -> Self {
        Self { e0, n1, cell, cols: (e1 - e0).div_ceil(cell), rows: (n1 - n0).div_ceil(cell) }
    }

    fn cell_of(&self, p: carelens_geo::GridPoint) -> Option<(u32, u32)> {
        if p.easting < self.e0 || p.northing > self.n1 {
            return None;
        }
        let x = (p.easting - self.e0) / self.cell;
        let y = (self.n1 - p.northing) / self.cell;
        (x < self.cols && y < self.rows).then_some((x, y))
    }

    /// Which authority owns each cell: the one with most postcodes there. With
    /// `every_la_once`, an authority that owns no cell takes its busiest one.
    fn assign(
        &self,
        codes: impl Iterator<Item = LaCode>,
        every_la_once: bool,
    ) -> BTreeMap<(u32, u32), LaCode> {
        let mut counts: BTreeMap<(u32, u32), BTreeMap<LaCode, u32>> = BTreeMap::new();
        let mut busiest: BTreeMap<LaCode, ((u32, u32), u32)> = BTreeMap::new();
        for code in codes {
            let mut mine: BTreeMap<(u32, u32), u32> = BTreeMap::new();
            for &i in carelens_geo::postcodes_in(code) {
                let Some((_, located)) = carelens_geo::postcode_at(i) else { continue };
                if let Some(c) = self.cell_of(located.point) {
                    *mine.entry(c).or_default() += 1;
                }
            }
            let mut cells: Vec<((u32, u32), u32)> = mine.into_iter().collect();
            cells.sort_unstable();
            if let Some(best) = cells.iter().max_by_key(|(c, n)| (*n, std::cmp::Reverse(*c))) {
                busiest.insert(code, *best);
            }
            for (c, n) in cells {
                counts.entry(c).or_default().insert(code, n);
            }
        }
        let mut owner: BTreeMap<(u32, u32), LaCode> = counts
            .into_iter()
            .filter_map(|(c, by_la)| {
                // Most postcodes wins; a tie goes to the lower code, so the map is deterministic.
                by_la
                    .into_iter()
                    .max_by_key(|(code, n)| (*n, std::cmp::Reverse(*code)))
                    .map(|(code, _)| (c, code))
            })
            .collect();
        if every_la_once {
            fill_holes(&mut owner, self.cols, self.rows);
            let mut owned: Vec<LaCode> = owner.values().copied().collect();
            owned.sort_unstable();
            owned.dedup();
            for (code, (cell, _)) in busiest {
                if owned.binary_search(&code).is_err() {
                    owner.insert(cell, code);
                }
            }
        }
        owner
    }
}

/// Gives an empty cell (moorland, forest: no postcodes) to the authority that owns at least
/// three of its four neighbours, twice over, so that outlines have no pinholes.
fn fill_holes(owner: &mut BTreeMap<(u32, u32), LaCode>, cols: u32, rows: u32) {
    for _ in 0..2 {
        let mut add = Vec::new();
        for y in 0..rows {
            for x in 0..cols {
                if owner.contains_key(&(x, y)) {
                    continue;
                }
                let around = [
                    x.checked_sub(1).map(|x| (x, y)),
                    Some((x + 1, y)),
                    y.checked_sub(1).map(|y| (x, y)),
                    Some((x, y + 1)),
                ];
                let mut seen: Vec<LaCode> =
                    around.iter().flatten().filter_map(|c| owner.get(c)).copied().collect();
                seen.sort_unstable();
                if let Some(code) =
                    seen.iter().find(|c| seen.iter().filter(|d| d == c).count() >= 3)
                {
                    add.push(((x, y), *code));
                }
            }
        }
        owner.extend(add);
    }
}

/// The outline of `code`'s cells as SVG path data, through `to` (cell corner → map units).
///
/// Every cell side with a different owner across it is a boundary edge, directed so that the
/// authority lies on its right (clockwise in screen coordinates); edges are then chained into
/// closed rings, and collinear corners dropped.
fn path(
    grid: &Grid,
    owner: &BTreeMap<(u32, u32), LaCode>,
    code: LaCode,
    to: &dyn Fn(f64, f64) -> (f64, f64),
) -> String {
    let mine = |x: i64, y: i64| -> bool {
        x >= 0
            && y >= 0
            && u32::try_from(x).ok().zip(u32::try_from(y).ok()).and_then(|c| owner.get(&c))
                == Some(&code)
    };
    // Directed edges keyed by start corner.
    let mut edges: BTreeMap<(i64, i64), Vec<(i64, i64)>> = BTreeMap::new();
    let mut n_edges = 0usize;
    for y in 0..i64::from(grid.rows) {
        for x in 0..i64::from(grid.cols) {
            if !mine(x, y) {
                continue;
            }
            // Screen coordinates: y grows downwards. Clockwise: top edge left→right, right
            // edge top→bottom, bottom edge right→left, left edge bottom→top.
            let sides = [
                (!mine(x, y - 1), (x, y), (x + 1, y)),
                (!mine(x + 1, y), (x + 1, y), (x + 1, y + 1)),
                (!mine(x, y + 1), (x + 1, y + 1), (x, y + 1)),
                (!mine(x - 1, y), (x, y + 1), (x, y)),
            ];
            for (boundary, a, b) in sides {
                if boundary {
                    edges.entry(a).or_default().push(b);
                    n_edges += 1;
                }
            }
        }
    }
    let mut d = String::new();
    let mut used = 0usize;
    while used < n_edges {
        let Some((&start, _)) = edges.iter().find(|(_, v)| !v.is_empty()) else { break };
        let mut ring = vec![start];
        let mut at = start;
        while let Some(next) = edges.get_mut(&at).and_then(Vec::pop) {
            used += 1;
            if next == start {
                break;
            }
            ring.push(next);
            at = next;
        }
        write_ring(&mut d, &simplify(&ring), to);
    }
    d
}

/// Drops corners that lie on a straight line between their neighbours.
fn simplify(ring: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let n = ring.len();
    if n < 4 {
        return ring.to_vec();
    }
    (0..n)
        .filter(|&i| {
            let (p, c, q) = (ring[(i + n - 1) % n], ring[i], ring[(i + 1) % n]);
            (c.0 - p.0) * (q.1 - c.1) != (c.1 - p.1) * (q.0 - c.0)
        })
        .map(|i| ring[i])
        .collect()
}

fn write_ring(d: &mut String, ring: &[(i64, i64)], to: &dyn Fn(f64, f64) -> (f64, f64)) {
    use std::fmt::Write;
    for (i, &(x, y)) in ring.iter().enumerate() {
        let (mx, my) = to(x as f64, y as f64);
        let _ = write!(d, "{}{},{}", if i == 0 { 'M' } else { 'L' }, trim(mx), trim(my));
    }
    if !ring.is_empty() {
        d.push('Z');
    }
}

/// A coordinate with at most one decimal, without a trailing `.0`.
fn trim(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if r.fract() == 0.0 { format!("{}", r as i64) } else { format!("{r:.1}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_single_cell_is_a_square() {
        let grid = Grid { e0: 0, n1: 10, cell: 1, cols: 3, rows: 3 };
        let la = LaCode::new(316).unwrap();
        let owner: BTreeMap<_, _> = [((1, 1), la)].into_iter().collect();
        let d = path(&grid, &owner, la, &|x, y| (x, y));
        assert_eq!(d, "M1,1L2,1L2,2L1,2Z");
    }

    #[test]
    fn an_l_shape_keeps_only_its_six_corners() {
        // Cells (0,0), (0,1), (1,1): an L of three cells, six corners.
        let grid = Grid { e0: 0, n1: 10, cell: 1, cols: 3, rows: 3 };
        let la = LaCode::new(316).unwrap();
        let owner: BTreeMap<_, _> =
            [((0, 0), la), ((0, 1), la), ((1, 1), la)].into_iter().collect();
        let d = path(&grid, &owner, la, &|x, y| (x, y));
        assert_eq!(d.matches('L').count() + 1, 6, "{d}");
        assert!(d.ends_with('Z'));
    }
}
