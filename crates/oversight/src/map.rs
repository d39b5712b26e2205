//! The layout of the map of England: one circle per LA, near its postcode centroid, pushed
//! apart so that none overlap (a Dorling-style cartogram: every LA gets the same area, so
//! the 33 London boroughs are as visible as Devon).
//!
//! There are no LA boundary files in carelens. Each LA's point is the mean grid position of
//! its unit postcodes (live and terminated, from the ONS Postcode Directory shipped in
//! `carelens-geo`), a proxy for a population-weighted centroid, since postcodes follow
//! addresses. The 153 centroids are cached in `data/la_centroids.csv`, so that drawing a map
//! does not scan 2.7 million postcodes; a test recomputes them and fails if the file is stale.

use std::sync::OnceLock;

use carelens_model::LaCode;

const CENTROIDS: &str = include_str!("../data/la_centroids.csv");

/// A placed LA: its circle's centre in SVG units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Placed {
    pub(crate) la: LaCode,
    pub(crate) x: f64,
    pub(crate) y: f64,
}

/// Width and height of the map's drawing area, and the circle radius, in SVG units.
pub(crate) const WIDTH: f64 = 640.0;
pub(crate) const HEIGHT: f64 = 760.0;
pub(crate) const RADIUS: f64 = 9.5;

/// Grid bounds of England used for scaling (metres): west, south, east, north.
const BOUNDS: (f64, f64, f64, f64) = (80_000.0, 0.0, 660_000.0, 665_000.0);

/// The 153 LAs' centroids (easting, northing), by code.
fn centroids() -> Vec<(LaCode, f64, f64)> {
    CENTROIDS
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.split(',');
            let code = LaCode::parse(f.next()?).ok()?;
            let e: f64 = f.next()?.parse().ok()?;
            let n: f64 = f.next()?.parse().ok()?;
            Some((code, e, n))
        })
        .collect()
}

/// The placed circles, computed once.
pub(crate) fn layout() -> &'static [Placed] {
    static LAYOUT: OnceLock<Vec<Placed>> = OnceLock::new();
    LAYOUT.get_or_init(|| {
        let (w, s, e, n) = BOUNDS;
        let scale = (WIDTH / (e - w)).min(HEIGHT / (n - s));
        let targets: Vec<Placed> = centroids()
            .into_iter()
            .map(|(la, east, north)| Placed {
                la,
                x: (east - w) * scale,
                y: HEIGHT - (north - s) * scale,
            })
            .collect();
        relax(&targets)
    })
}

/// Pushes overlapping circles apart while pulling each back towards its true position.
/// Deterministic: fixed iteration count, pairs visited in order, coincident points split
/// by index.
fn relax(targets: &[Placed]) -> Vec<Placed> {
    let mut pos: Vec<Placed> = targets.to_vec();
    let min = 2.0 * RADIUS + 1.0;
    // 400 rounds of push-then-pull, then 100 of push only so that the pull leaves no overlap.
    for round in 0..500 {
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let (dx, dy) = (pos[j].x - pos[i].x, pos[j].y - pos[i].y);
                let d = (dx * dx + dy * dy).sqrt();
                if d >= min {
                    continue;
                }
                let (ux, uy) = if d > 1e-9 {
                    (dx / d, dy / d)
                } else {
                    let a = (i * 7 + j) as f64;
                    (a.cos(), a.sin())
                };
                let push = (min - d) / 2.0;
                pos[i].x -= ux * push;
                pos[i].y -= uy * push;
                pos[j].x += ux * push;
                pos[j].y += uy * push;
            }
        }
        if round >= 400 {
            continue;
        }
        for (p, t) in pos.iter_mut().zip(targets) {
            p.x += (t.x - p.x) * 0.04;
            p.y += (t.y - p.y) * 0.04;
        }
    }
    pos
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;

    #[test]
    fn every_la_is_placed_without_overlap() {
        let placed = layout();
        assert_eq!(placed.len(), 153);
        for la in carelens_geo::las() {
            assert!(placed.iter().any(|p| p.la == la.code), "{} missing", la.name);
        }
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                let d = ((a.x - b.x).powi(2) + (a.y - b.y).powi(2)).sqrt();
                assert!(d > 2.0 * RADIUS - 1.0, "{} and {} overlap ({d:.1})", a.la, b.la);
            }
        }
    }

    /// The cached centroids are the mean grid point of each LA's unit postcodes, rounded to
    /// the metre. Set `CARELENS_UPDATE_CENTROIDS=1` to rewrite the file.
    #[test]
    fn cached_centroids_are_up_to_date() {
        let mut text = String::from("la,easting,northing\n");
        let mut rows = BTreeMap::new();
        for la in carelens_geo::las() {
            let (mut e, mut n, mut k) = (0f64, 0f64, 0f64);
            for &i in carelens_geo::postcodes_in(la.code) {
                if let Some((_, located)) = carelens_geo::postcode_at(i) {
                    e += f64::from(located.point.easting);
                    n += f64::from(located.point.northing);
                    k += 1.0;
                }
            }
            assert!(k > 0.0, "{} has no postcodes", la.name);
            rows.insert(la.code, ((e / k).round(), (n / k).round()));
        }
        for (code, (e, n)) in rows {
            text.push_str(&format!("{code},{e},{n}\n"));
        }
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/la_centroids.csv");
        if std::env::var_os("CARELENS_UPDATE_CENTROIDS").is_some() {
            std::fs::write(&path, &text).unwrap();
            return;
        }
        assert_eq!(CENTROIDS, text, "data/la_centroids.csv is stale: CARELENS_UPDATE_CENTROIDS=1");
    }
}
