//! The catalogue as a Markdown page: `docs/indicators.md` is this function's output, and a test
//! fails when the checked-in page is stale (`CARELENS_UPDATE_DOCS=1` rewrites it).

use std::fmt::Write as _;

use carelens_model::CollectionYear;

use crate::area::Area;
use crate::catalogue::{Indicator, Topic, Unit, catalogue, families};
use crate::stays::PlacementCounting;
use crate::suppress::LARGEST_SUPPRESSED;

/// Years whose published England figures the page lists.
const YEARS: [CollectionYear; 2] = [CollectionYear::Y2023_24, CollectionYear::Y2024_25];

/// The page listing every indicator: definition, denominator, source fields and the published
/// national value.
pub fn catalogue_markdown() -> String {
    let mut s = String::new();
    let w = &mut s;
    let _ = writeln!(w, "# Indicators");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "<!-- Generated from the declarations in crates/indicators/src/defs by `carelens indicators --catalogue markdown`. Do not edit by hand: `CARELENS_UPDATE_DOCS=1 cargo test -p carelens-indicators --test docs` rewrites it. -->"
    );
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "`carelens indicators PATH… [--la CODE] [--year Y] [--by la|region|england] [--format text|json|csv|xlsx] [--charts DIR] [--publish]` computes {} indicators from any set of SSDA903 returns, for each LA, region and England. Definitions follow the DfE's *Children looked after in England including adoptions* statistics and the Children's Commissioner's Stability Index (`shared/spec/indicators.md`).",
        catalogue().len()
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "## Conventions");
    let _ = writeln!(w);
    for line in [
        "Episodes with legal status V3 or V4 (short breaks) are left out of every indicator, as in DfE statistics.",
        "The year is the collection year, 1 April to 31 March. A child is *looked after on a day* when an episode began on or before it and had not ended by then (`DEC` blank or later): on the day an episode ends the child is in the next one, or out of care.",
        "Ages are completed years on 31 March (on `MIS_START` for missing incidents), from Header `DOB` (else the child's `DOB` in another table).",
        "Episodes chain into periods of care and placements as in `shared/spec/ssda903.md` §7. Earlier years' returns of the same LA, when given, supply history: the episodes that ended on or before a child's first episode in the later return. A period of care whose first episode is in none of the returns given is taken to begin at the first episode seen, which matters for the 2-year and 2½-year cohorts: give last year's return too.",
        "`PL_DISTANCE`, `PL_LA` and `PL_LOCATION` are derived from `HOME_POST` and `PL_POST` (OS grid points of the ONS Postcode Directory; placement postcode → district → upper-tier authority). Postcodes are read forgivingly (`e154nj` is `E15 4NJ`); sector and district postcodes from pseudonymised extracts are located at their centroids and counted (`distance_from_centroids` says how many).",
        "A value that does not parse is left out of what it would have fed (a child with an invalid `PLACE` is in \"placement type not known\").",
        "Regions and England add up the numerators and denominators of the LAs given (all 153 for England), never their percentages. An LA whose return lacks a table an indicator needs (SWEpisodes before 2023/24) is left out of that indicator.",
        "Values: percentages are 100 × numerator / denominator, means numerator / denominator, both rounded to one decimal place; counts have no denominator.",
    ] {
        let _ = writeln!(w, "* {line}");
    }
    let _ = writeln!(
        w,
        "* Placements for the \"3 or more placements\" measures are counted with these defaults (`PlacementCounting`): {}.",
        PlacementCounting::default().describe()
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "## Publication (`--publish`)");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "Off by default (an LA's own use). With `--publish`: at LA level a count from 1 to {LARGEST_SUPPRESSED} is `c`, and so is a percentage or mean built on one; within a breakdown, a lone suppressed category takes the smallest other non-zero category with it (secondary suppression); percentages are whole numbers. Regions and England: counts rounded to the nearest 10 (`low` for 1–4), percentages whole numbers from unrounded counts (`k` under 0.5%). Child-level lists (outliers, per-child records) are never written with `--publish`."
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "## Contents");
    let _ = writeln!(w);
    for topic in Topic::ALL {
        let _ = writeln!(w, "* [{}](#{})", topic.title(), anchor(topic.title()));
    }
    for topic in Topic::ALL {
        let _ = writeln!(w);
        let _ = writeln!(w, "## {}", topic.title());
        for ind in catalogue().iter().filter(|i| i.topic == topic) {
            write_indicator(w, ind);
        }
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "## Breakdowns");
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "The categories of each breakdown divide its cohort: their numerators add up to the total's."
    );
    let _ = writeln!(w);
    let _ = writeln!(w, "| breakdown | total | categories |");
    let _ = writeln!(w, "|---|---|---|");
    for f in families() {
        let members: Vec<String> = f.members.iter().map(|m| format!("`{m}`")).collect();
        let _ = writeln!(w, "| {} | `{}` | {} |", f.title, f.total, members.join(", "));
    }
    s
}

fn anchor(title: &str) -> String {
    title
        .chars()
        .filter_map(|c| match c {
            'a'..='z' | '0'..='9' | '-' | '_' => Some(c),
            'A'..='Z' => Some(c.to_ascii_lowercase()),
            ' ' => Some('-'),
            _ => None,
        })
        .collect()
}

fn write_indicator(w: &mut String, ind: &Indicator) {
    let _ = writeln!(w);
    let _ = writeln!(w, "### `{}`: {}", ind.id, ind.title);
    let _ = writeln!(w);
    let unit = match ind.unit {
        Unit::Percent => "percentage",
        Unit::Count => "count",
        Unit::Mean => "mean",
    };
    let mut facts = vec![format!("**Unit:** {unit}")];
    if ind.headline {
        facts.push("**headline**".to_owned());
    }
    if let Some(f) = ind.family {
        facts.push(format!("**breakdown:** `{f}`"));
    }
    if let Some(t) = ind.needs {
        facts.push(format!("**needs:** {t}"));
    }
    let _ = writeln!(w, "{}", facts.join(" · "));
    let _ = writeln!(w);
    let _ = writeln!(w, "* **Definition:** {}", ind.definition);
    if let Some(d) = ind.denominator {
        let _ = writeln!(w, "* **Denominator:** {d}");
    }
    let sources: Vec<String> = ind.sources.iter().map(|s| format!("`{s}`")).collect();
    let _ = writeln!(w, "* **Source fields:** {}", sources.join(", "));
    let published: Vec<String> = YEARS
        .iter()
        .filter_map(|y| {
            ind.published_value(Area::England, *y).map(|p| format!("{y}: {}", describe(ind, &p)))
        })
        .collect();
    match (ind.published_source(), published.is_empty()) {
        (None, _) => {
            let _ = writeln!(w, "* **Published national value:** none");
        }
        (Some(src), true) => {
            let _ =
                writeln!(w, "* **Published national value:** none for {} ({src})", years_text());
        }
        (Some(src), false) => {
            let _ = writeln!(w, "* **Published national value:** {} ({src})", published.join("; "));
        }
    }
}

fn years_text() -> String {
    YEARS.iter().map(ToString::to_string).collect::<Vec<_>>().join(" and ")
}

fn describe(ind: &Indicator, p: &crate::catalogue::PublishedValue) -> String {
    let n = |x: f64| thousands(x);
    match (ind.unit, p.numerator, p.denominator, p.value) {
        (Unit::Count, _, _, Some(v)) => n(v),
        (Unit::Percent, Some(a), Some(b), Some(v)) => format!("{} of {} = {v:.1}%", n(a), n(b)),
        (Unit::Percent, _, _, Some(v)) => format!("{v:.1}%"),
        (Unit::Mean, _, _, Some(v)) => format!("{v:.1}"),
        (_, Some(a), _, None) => n(a),
        _ => "–".to_owned(),
    }
}

/// `81770` as `81,770`.
pub(crate) fn thousands(x: f64) -> String {
    if x.fract() != 0.0 {
        return format!("{x:.1}");
    }
    let digits = format!("{:.0}", x.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if x < 0.0 { format!("-{out}") } else { out }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_lists_every_indicator_once() {
        let page = catalogue_markdown();
        for ind in catalogue() {
            let heading = format!("### `{}`:", ind.id);
            assert_eq!(page.matches(&heading).count(), 1, "{}", ind.id);
        }
        assert!(page.contains("8,500 of 81,770 = 10.4%"));
        assert_eq!(thousands(81_770.0), "81,770");
        assert_eq!(thousands(404.0), "404");
    }
}
