//! Self-contained SVG, written by hand: the LA map, an owner's homes on the map, and grades
//! over time by sector. No fonts, scripts or external references; tooltips are `<title>`s.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use carelens_model::LaCode;

use crate::las::{LaMetric, LaRow, sort_worst_first};
use crate::map::{HEIGHT, RADIUS, WIDTH, layout};
use crate::market::{OwnerProfile, ProviderGroup, SectorYear};

/// Ofsted grade colours: outstanding, good, requires improvement, inadequate.
const GRADE_COLOURS: [&str; 4] = ["#1a7f37", "#8fd175", "#f4a340", "#c62828"];
/// Sequential scale, light (best) to dark (worst): ColorBrewer YlOrRd, 5 classes.
const SEQUENTIAL: [&str; 5] = ["#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026"];
/// Sequential blues for counts: ColorBrewer Blues, 5 classes.
const BLUES: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
const NO_DATA: &str = "#d9d9d9";
const LEGEND_X: f64 = WIDTH + 20.0;
const SVG_WIDTH: f64 = WIDTH + 260.0;
const TOP: f64 = 50.0;

/// Escapes text for SVG content and attributes.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

fn header(out: &mut String, width: f64, height: f64, title: &str, subtitle: &str) {
    let _ = write!(
        out,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="Helvetica, Arial, sans-serif" role="img"><title>{t}</title><rect width="100%" height="100%" fill="white"/><text x="16" y="24" font-size="16" font-weight="bold">{t}</text><text x="16" y="42" font-size="11" fill="#555">{s}</text>"##,
        t = esc(title),
        s = esc(subtitle),
    );
}

/// A text label with a white halo, readable over circles.
fn label(out: &mut String, x: f64, y: f64, text: &str, anchor: &str) {
    let _ = write!(
        out,
        r##"<text x="{x:.1}" y="{y:.1}" font-size="10" text-anchor="{anchor}" stroke="white" stroke-width="3" paint-order="stroke" fill="#111">{}</text>"##,
        esc(text)
    );
}

fn legend_box(out: &mut String, y: f64, colour: &str, text: &str) {
    let _ = write!(
        out,
        r##"<rect x="{LEGEND_X}" y="{y:.1}" width="14" height="14" fill="{colour}" stroke="#666" stroke-width="0.5"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"##,
        LEGEND_X + 20.0,
        y + 11.0,
        esc(text)
    );
}

/// Draws every LA circle with the colour and tooltip `style` gives it.
fn circles(out: &mut String, style: &dyn Fn(LaCode) -> (String, String)) {
    for p in layout() {
        let (fill, tip) = style(p.la);
        let _ = write!(
            out,
            r##"<circle cx="{:.1}" cy="{:.1}" r="{RADIUS}" fill="{fill}" stroke="#555" stroke-width="0.6"><title>{}</title></circle>"##,
            p.x,
            p.y + TOP,
            esc(&tip)
        );
    }
}

fn la_name(code: LaCode) -> String {
    carelens_geo::la(code).map_or_else(|| code.to_string(), |l| l.name.clone())
}

fn position(code: LaCode) -> Option<(f64, f64)> {
    layout().iter().find(|p| p.la == code).map(|p| (p.x, p.y + TOP))
}

fn format_value(metric: LaMetric, v: f64) -> String {
    match metric {
        LaMetric::Ilacs => ["Outstanding", "Good", "Requires improvement", "Inadequate"]
            .get((v as usize).saturating_sub(1))
            .map_or_else(|| "-".to_owned(), |s| (*s).to_owned()),
        LaMetric::HomesGoodOrOutstanding => format!("{v:.0}%"),
        LaMetric::ClaRate => format!("{v:.0}"),
        LaMetric::NetPlaces => format!("{v:+.0}"),
        _ => format!("{v:.0}%"),
    }
}

/// The map of England with each of the LAs in `rows` coloured by `metric`: Ofsted's grade
/// colours for ILACS, otherwise five quantile classes from light (best) to dark (worst).
/// The five worst and five best LAs are labelled by name; every circle has a tooltip.
pub fn la_map_svg(rows: &[LaRow], metric: LaMetric) -> String {
    let values: BTreeMap<LaCode, f64> =
        rows.iter().filter_map(|r| metric.value(r).map(|v| (r.code, v))).collect();
    let mut out = String::new();
    let year = rows.first().map_or(0, |r| r.dfe_year);
    header(
        &mut out,
        SVG_WIDTH,
        HEIGHT + TOP + 20.0,
        metric.title(),
        &format!(
            "{} LAs, one circle each, placed near their postcode centroid. DfE figures {year}; Ofsted ILACS latest",
            rows.len()
        ),
    );
    // Quantile class boundaries, oriented so class 4 is always the worst.
    let mut sorted: Vec<f64> = values.values().copied().collect();
    sorted.sort_by(f64::total_cmp);
    let cut = |q: f64| -> f64 {
        if sorted.is_empty() {
            0.0
        } else {
            sorted[((sorted.len() - 1) as f64 * q).round() as usize]
        }
    };
    let bounds = [cut(0.2), cut(0.4), cut(0.6), cut(0.8)];
    let class = |v: f64| -> usize {
        let c = bounds.iter().filter(|b| v > **b).count();
        if metric.higher_is_worse() { c } else { 4 - c }
    };
    let colour = |v: f64| -> &'static str {
        if metric == LaMetric::Ilacs {
            GRADE_COLOURS[(v as usize).clamp(1, 4) - 1]
        } else {
            SEQUENTIAL[class(v)]
        }
    };
    circles(&mut out, &|code| match values.get(&code) {
        Some(v) => {
            (colour(*v).to_owned(), format!("{}: {}", la_name(code), format_value(metric, *v)))
        }
        None => (NO_DATA.to_owned(), format!("{}: no data", la_name(code))),
    });
    // Labels: worst five and best five.
    let mut ranked = rows.to_vec();
    sort_worst_first(&mut ranked, metric);
    ranked.retain(|r| metric.value(r).is_some());
    let n = ranked.len();
    let picks: Vec<&LaRow> = if metric == LaMetric::Ilacs {
        ranked.iter().take(5).collect()
    } else {
        ranked.iter().take(5).chain(ranked.iter().skip(n.saturating_sub(5))).collect()
    };
    for r in picks {
        if let (Some((x, y)), Some(v)) = (position(r.code), metric.value(r)) {
            label(
                &mut out,
                x + RADIUS + 2.0,
                y + 3.5,
                &format!("{} {}", r.name, format_value(metric, v)),
                "start",
            );
        }
    }
    // Legend.
    let mut y = TOP + 10.0;
    let _ = write!(
        out,
        r##"<text x="{LEGEND_X}" y="{y:.1}" font-size="12" font-weight="bold">Legend</text>"##
    );
    y += 12.0;
    if metric == LaMetric::Ilacs {
        for (g, name) in
            ["Outstanding", "Good", "Requires improvement", "Inadequate"].iter().enumerate()
        {
            let count = values.values().filter(|v| **v as usize == g + 1).count();
            legend_box(&mut out, y, GRADE_COLOURS[g], &format!("{name} ({count})"));
            y += 20.0;
        }
    } else {
        let lo = sorted.first().copied().unwrap_or(0.0);
        let hi = sorted.last().copied().unwrap_or(0.0);
        let edges = [lo, bounds[0], bounds[1], bounds[2], bounds[3], hi];
        for k in 0..5 {
            let c = if metric.higher_is_worse() { k } else { 4 - k };
            let text = format!(
                "{} to {}{}",
                format_value(metric, edges[k]),
                format_value(metric, edges[k + 1]),
                if c == 4 {
                    " (worst)"
                } else if c == 0 {
                    " (best)"
                } else {
                    ""
                }
            );
            legend_box(&mut out, y, SEQUENTIAL[c], &text);
            y += 20.0;
        }
    }
    let missing = rows.len() - values.len();
    legend_box(&mut out, y, NO_DATA, &format!("no data ({missing})"));
    y += 30.0;
    let _ = write!(
        out,
        r##"<text x="{LEGEND_X}" y="{y:.1}" font-size="11" font-weight="bold">Labelled: 5 worst{}</text>"##,
        if metric == LaMetric::Ilacs { "" } else { " and 5 best" }
    );
    y += 16.0;
    for line in [
        "Sources: Ofsted (ILACS, provider register);",
        "DfE, Children looked after in England.",
        "Open Government Licence v3.0.",
        "Postcode centroids: ONS Postcode Directory.",
    ] {
        let _ = write!(
            out,
            r##"<text x="{LEGEND_X}" y="{y:.1}" font-size="9" fill="#555">{}</text>"##,
            esc(line)
        );
        y += 12.0;
    }
    out.push_str("</svg>\n");
    out
}

/// The map with each LA coloured by how many of the owner's children's homes it holds, and
/// the five LAs with most labelled.
pub fn owner_map_svg(profile: &OwnerProfile) -> String {
    let counts: BTreeMap<LaCode, u32> = profile.las.iter().copied().collect();
    let max = counts.values().copied().max().unwrap_or(0);
    let mut out = String::new();
    header(
        &mut out,
        SVG_WIDTH,
        HEIGHT + TOP + 20.0,
        &format!("{}: children's homes by LA", profile.summary.name),
        &format!(
            "{} homes, {} places, {:.1}% of homes in England ({} list)",
            profile.summary.homes,
            profile.summary.places,
            profile.summary.share_of_homes_pct,
            profile.over_time.last().map_or(0, |y| y.year)
        ),
    );
    let class = |n: u32| -> usize {
        if max <= 1 { 4 } else { (((n - 1) as f64 / (max - 1) as f64) * 4.0).round() as usize }
    };
    circles(&mut out, &|code| match counts.get(&code) {
        Some(n) => (BLUES[class(*n).min(4)].to_owned(), format!("{}: {n} homes", la_name(code))),
        None => ("#f2f2f2".to_owned(), format!("{}: none", la_name(code))),
    });
    for (code, n) in profile.las.iter().take(5) {
        if let Some((x, y)) = position(*code) {
            label(
                &mut out,
                x + RADIUS + 2.0,
                y + 3.5,
                &format!("{} ({n})", la_name(*code)),
                "start",
            );
        }
    }
    let mut y = TOP + 10.0;
    let _ = write!(
        out,
        r##"<text x="{LEGEND_X}" y="{y:.1}" font-size="12" font-weight="bold">Homes in the LA</text>"##
    );
    y += 12.0;
    legend_box(&mut out, y, "#f2f2f2", "none");
    y += 20.0;
    if max > 0 {
        let mut shown = Vec::new();
        for n in 1..=max {
            let c = class(n).min(4);
            if !shown.contains(&c) {
                shown.push(c);
                let upto = (n..=max).take_while(|m| class(*m).min(4) == c).last().unwrap_or(n);
                let text = if upto == n { format!("{n}") } else { format!("{n} to {upto}") };
                legend_box(&mut out, y, BLUES[c], &text);
                y += 20.0;
            }
        }
    }
    y += 10.0;
    let _ = write!(
        out,
        r##"<text x="{LEGEND_X}" y="{y:.1}" font-size="9" fill="#555">Source: Ofsted provider register (OGL v3.0).</text>"##
    );
    out.push_str("</svg>\n");
    out
}

/// Percentage of graded children's homes rated good or outstanding at each 31 March, one
/// line per sector (local authority, voluntary, private).
pub fn ratings_chart_svg(series: &[SectorYear]) -> String {
    let (w, h) = (720.0, 420.0);
    let (left, right, top, bottom) = (60.0, 180.0, 60.0, 50.0);
    let years: Vec<i16> = {
        let mut y: Vec<i16> = series.iter().map(|s| s.year).collect();
        y.sort_unstable();
        y.dedup();
        y
    };
    let mut out = String::new();
    header(
        &mut out,
        w,
        h,
        "Children's homes rated good or outstanding, by sector",
        "% of graded homes at 31 March (latest full inspection). 2015-2020, 2023, 2024 lists: inspected homes only",
    );
    let (y_min, y_max) = (50.0, 100.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let x_of = |year: i16| -> f64 {
        let (a, b) =
            (years.first().copied().unwrap_or(year), years.last().copied().unwrap_or(year));
        let span = f64::from((b - a).max(1));
        left + f64::from(year - a) / span * plot_w
    };
    let y_of = |v: f64| top + (1.0 - (v.clamp(y_min, y_max) - y_min) / (y_max - y_min)) * plot_h;
    for k in 0..=5 {
        let v = y_min + f64::from(k) * 10.0;
        let y = y_of(v);
        let _ = write!(
            out,
            r##"<line x1="{left}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#ddd"/><text x="{:.1}" y="{:.1}" font-size="10" text-anchor="end">{v:.0}%</text>"##,
            left + plot_w,
            left - 6.0,
            y + 3.0
        );
    }
    for &year in &years {
        let _ = write!(
            out,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" text-anchor="middle">{year}</text>"##,
            x_of(year),
            top + plot_h + 16.0
        );
    }
    let groups = [
        (ProviderGroup::LocalAuthority, "#1f77b4"),
        (ProviderGroup::Voluntary, "#2ca02c"),
        (ProviderGroup::AllPrivate, "#d62728"),
    ];
    for (i, (group, colour)) in groups.iter().enumerate() {
        let points: Vec<(f64, f64, f64)> = series
            .iter()
            .filter(|s| s.group == *group)
            .filter_map(|s| s.ratings.good_or_outstanding_pct().map(|v| (x_of(s.year), y_of(v), v)))
            .collect();
        let path: Vec<String> = points.iter().map(|(x, y, _)| format!("{x:.1},{y:.1}")).collect();
        let _ = write!(
            out,
            r##"<polyline points="{}" fill="none" stroke="{colour}" stroke-width="2.5"/>"##,
            path.join(" ")
        );
        for (x, y, v) in &points {
            let _ = write!(
                out,
                r##"<circle cx="{x:.1}" cy="{y:.1}" r="3" fill="{colour}"><title>{}: {v:.1}%</title></circle>"##,
                esc(&group.label())
            );
        }
        let ly = top + 10.0 + i as f64 * 20.0;
        let lx = left + plot_w + 16.0;
        let _ = write!(
            out,
            r##"<line x1="{lx}" y1="{ly}" x2="{:.1}" y2="{ly}" stroke="{colour}" stroke-width="2.5"/><text x="{:.1}" y="{:.1}" font-size="11">{}</text>"##,
            lx + 20.0,
            lx + 26.0,
            ly + 4.0,
            esc(&group.label())
        );
    }
    let _ = write!(
        out,
        r##"<text x="{left}" y="{:.1}" font-size="9" fill="#555">Source: Ofsted, Children's social care data in England 2015-2025 (OGL v3.0).</text>"##,
        h - 10.0
    );
    out.push_str("</svg>\n");
    out
}
