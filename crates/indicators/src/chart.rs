//! Charts of the headline measures as SVG, written by hand: one file per area, a small panel per
//! indicator with a pair of bars per year (the area, and England for comparison).
//!
//! SVG needs no plotting library and opens in any browser, Word and PowerPoint. The England bar
//! is England as computed in the same run when the run covers England, else the DfE's published
//! figure for that year.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use carelens_model::CollectionYear;

use crate::area::Area;
use crate::catalogue::{Unit, catalogue};
use crate::value::IndicatorValue;

/// One series of a panel: a value per category (year).
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// Its legend label.
    pub label: String,
    /// One value per category; `None` draws no bar.
    pub values: Vec<Option<f64>>,
}

/// One small chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Panel {
    /// Its title (the indicator).
    pub title: String,
    /// How to label values.
    pub unit: Unit,
    /// The categories along the x axis (years).
    pub categories: Vec<String>,
    /// The series, drawn side by side in each category.
    pub series: Vec<Series>,
}

const COLOURS: [&str; 3] = ["#1f4e79", "#a6a6a6", "#c55a11"];
const PANEL_W: f64 = 300.0;
const PANEL_H: f64 = 200.0;
const COLUMNS: usize = 3;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn label(unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => format!("{v:.1}%"),
        Unit::Mean => format!("{v:.1}"),
        Unit::Count => crate::docs::thousands(v.round()),
    }
}

/// Splits a title into at most two lines of about `width` characters.
fn wrap(title: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for word in title.split_whitespace() {
        let cur = lines.last_mut().map_or(0, |l| l.chars().count());
        if cur > 0 && cur + 1 + word.chars().count() > width {
            if lines.len() == 2 {
                if let Some(l) = lines.last_mut() {
                    l.push('…');
                }
                return lines;
            }
            lines.push(String::new());
        }
        if let Some(l) = lines.last_mut() {
            if !l.is_empty() {
                l.push(' ');
            }
            l.push_str(word);
        }
    }
    lines
}

/// A page of panels as an SVG document.
pub fn panels_svg(title: &str, panels: &[Panel]) -> String {
    let rows = panels.len().div_ceil(COLUMNS).max(1);
    let width = PANEL_W * COLUMNS as f64;
    let height = 70.0 + PANEL_H * rows as f64;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Arial, Helvetica, sans-serif">"#
    );
    let _ = writeln!(s, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let _ = writeln!(
        s,
        r#"<text x="12" y="26" font-size="17" font-weight="bold">{}</text>"#,
        escape(title)
    );
    // Legend from the panel with the most series.
    if let Some(p) = panels.iter().max_by_key(|p| p.series.len()) {
        let mut x = 12.0;
        for (i, series) in p.series.iter().enumerate() {
            let colour = COLOURS[i % COLOURS.len()];
            let _ = writeln!(
                s,
                r#"<rect x="{x}" y="40" width="12" height="12" fill="{colour}"/><text x="{}" y="50" font-size="12">{}</text>"#,
                x + 16.0,
                escape(&series.label)
            );
            x += 30.0 + 7.0 * series.label.chars().count() as f64;
        }
    }
    for (i, p) in panels.iter().enumerate() {
        let ox = PANEL_W * (i % COLUMNS) as f64;
        let oy = 70.0 + PANEL_H * (i / COLUMNS) as f64;
        panel(&mut s, p, ox, oy);
    }
    s.push_str("</svg>\n");
    s
}

fn panel(s: &mut String, p: &Panel, ox: f64, oy: f64) {
    let _ = writeln!(s, r#"<g transform="translate({ox},{oy})">"#);
    for (i, line) in wrap(&p.title, 44).iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="12" y="{}" font-size="12" font-weight="bold">{}</text>"#,
            16.0 + 14.0 * i as f64,
            escape(line)
        );
    }
    let (left, right, top, bottom) = (14.0, PANEL_W - 14.0, 52.0, PANEL_H - 26.0);
    let max =
        p.series.iter().flat_map(|se| se.values.iter().flatten()).fold(0.0f64, |a, b| a.max(*b));
    let scale = if max > 0.0 { (bottom - top) / (max * 1.12) } else { 0.0 };
    let _ = writeln!(
        s,
        r##"<line x1="{left}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="#595959" stroke-width="1"/>"##
    );
    let n_cat = p.categories.len().max(1);
    let group_w = (right - left) / n_cat as f64;
    let n_series = p.series.len().max(1);
    let bar_w = ((group_w - 16.0) / n_series as f64).min(40.0);
    for (c, cat) in p.categories.iter().enumerate() {
        let gx = left + group_w * c as f64;
        let bars_w = bar_w * n_series as f64;
        let start = gx + (group_w - bars_w) / 2.0;
        for (k, series) in p.series.iter().enumerate() {
            let Some(Some(v)) = series.values.get(c) else { continue };
            let h = v * scale;
            let x = start + bar_w * k as f64;
            let colour = COLOURS[k % COLOURS.len()];
            let _ = writeln!(
                s,
                r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{h:.1}" fill="{colour}"><title>{}: {}</title></rect>"#,
                bottom - h,
                bar_w - 2.0,
                escape(&series.label),
                label(p.unit, *v)
            );
            let _ = writeln!(
                s,
                r#"<text x="{:.1}" y="{:.1}" font-size="9" text-anchor="middle">{}</text>"#,
                x + (bar_w - 2.0) / 2.0,
                bottom - h - 3.0,
                label(p.unit, *v)
            );
        }
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="11" text-anchor="middle">{}</text>"#,
            gx + group_w / 2.0,
            bottom + 15.0,
            escape(cat)
        );
    }
    s.push_str("</g>\n");
}

/// The headline panels of `area`: its value each year beside England's (for percentages and
/// means; a count stands alone). England is taken from `values` when they include it, else from
/// the DfE's published figure.
pub fn headline_panels(values: &[IndicatorValue], area: Area) -> Vec<Panel> {
    let mut years: Vec<CollectionYear> =
        values.iter().filter(|v| v.area == area).map(|v| v.year).collect();
    years.sort_unstable();
    years.dedup();
    let lookup: BTreeMap<(&str, Area, CollectionYear), Option<f64>> =
        values.iter().map(|v| ((v.id, v.area, v.year), v.value)).collect();
    let mut out = Vec::new();
    for ind in catalogue().iter().filter(|i| i.headline) {
        let ours: Vec<Option<f64>> =
            years.iter().map(|y| lookup.get(&(ind.id, area, *y)).copied().flatten()).collect();
        if ours.iter().all(Option::is_none) {
            continue;
        }
        let mut series = vec![Series { label: area.name(), values: ours }];
        // A count is not comparable with England's: England is drawn for shares and means.
        if area != Area::England && ind.unit != Unit::Count {
            let england: Vec<Option<f64>> = years
                .iter()
                .map(|y| match lookup.get(&(ind.id, Area::England, *y)) {
                    Some(v) => *v,
                    None => ind.published_value(Area::England, *y).and_then(|p| p.value),
                })
                .collect();
            series.push(Series { label: "England".to_owned(), values: england });
        }
        out.push(Panel {
            title: ind.title.to_owned(),
            unit: ind.unit,
            categories: years.iter().map(ToString::to_string).collect(),
            series,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_of_panels_is_well_formed_svg() {
        let p = Panel {
            title: "Children with 3 or more placements during the year & more".to_owned(),
            unit: Unit::Percent,
            categories: vec!["2023/24".into(), "2024/25".into()],
            series: vec![
                Series { label: "Newham".into(), values: vec![Some(10.9), Some(11.2)] },
                Series { label: "England".into(), values: vec![Some(10.6), None] },
            ],
        };
        let svg = panels_svg("Newham <316>", &[p.clone(), p]);
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
        assert_eq!(svg.matches("<rect x=").count(), 2 + 3 * 2, "legend + 3 bars per panel");
        assert!(svg.contains("Newham &lt;316&gt;") && svg.contains("&amp; more"));
        assert!(svg.contains(">11.2%<"));
        assert_eq!(wrap("a b c", 3), ["a b", "c"]);
    }
}
