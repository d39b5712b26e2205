//! How close generated returns are to the published figures they were calibrated to.

use std::collections::{BTreeMap, BTreeSet};

use carelens_geo::{PlLocation, placement_location};
use carelens_model::codes::{PlacementProvider, ReasonEpisodeCeased, ReasonNewEpisode};
use carelens_model::{CollectionYear, LaCode, Return903, care_histories};

use crate::GeneratedLa;
use crate::places::Group;
use crate::targets::Targets;

/// One measure for one LA (or `None` for England): the generated value and the published one.
///
/// Shares are fractions (0.44, not 44%); counts are children.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct CalibrationRow {
    /// The LA; `None` for the total over all LAs in the report.
    pub la: Option<LaCode>,
    /// The measure, in snake case (`cla_at_31_march`, `share_outside_la`…).
    pub measure: &'static str,
    /// The value in the generated current-year return.
    pub generated: f64,
    /// The published value for the LA in that year (or the latest published year); `None`
    /// when the DfE publishes none.
    pub published: Option<f64>,
}

impl CalibrationRow {
    /// `generated / published - 1`, when a published value exists and is not 0.
    pub fn relative_error(&self) -> Option<f64> {
        self.published.filter(|p| *p != 0.0).map(|p| self.generated / p - 1.0)
    }
}

/// Measures of one return.
#[derive(Default)]
struct Measured {
    values: BTreeMap<&'static str, (f64, f64)>, // measure → (numerator, denominator)
}

impl Measured {
    fn count(&mut self, m: &'static str, n: usize) {
        self.values.insert(m, (n as f64, 1.0));
    }
    fn share(&mut self, m: &'static str, num: usize, den: usize) {
        self.values.insert(m, (num as f64, den as f64));
    }
}

/// Of the children in `cla`, those with 3 or more placements during the year (temporary
/// placements not counted), as the model chains episodes into placements.
fn three_or_more(ret: &Return903, cla: &BTreeSet<&str>) -> usize {
    let Some(year) = ret.year else { return 0 };
    care_histories(&ret.tables.episodes.rows, true)
        .iter()
        .filter(|h| cla.contains(h.child.as_str()))
        .filter(|h| h.placements_in(year, true).count() >= 3)
        .count()
}

fn measure(ret: &Return903, la: LaCode) -> Measured {
    let mut out = Measured::default();
    let Some(year) = ret.year else { return out };
    let (ys, ye) = (year.start(), year.end());
    let eps = &ret.tables.episodes.rows;
    let open_at_end: Vec<_> = eps
        .iter()
        .filter(|e| {
            e.decom.get().is_some_and(|d| d <= ye)
                && e.dec.get().is_none_or(|d| d > ye)
                && !e.ls.get().is_some_and(|l| l.is_short_break())
        })
        .collect();
    let cla: BTreeSet<&str> =
        open_at_end.iter().filter_map(|e| e.child.value()).map(|c| c.as_str()).collect();
    let n = cla.len();
    out.count("cla_at_31_march", n);
    let started: BTreeSet<&str> = eps
        .iter()
        .filter(|e| {
            e.rne.get() == Some(ReasonNewEpisode::S)
                && e.decom.get().is_some_and(|d| year.contains(d))
        })
        .filter_map(|e| e.child.value().map(|c| c.as_str()))
        .collect();
    out.count("started", started.len());
    let ceased: BTreeSet<&str> = eps
        .iter()
        .filter(|e| {
            e.rec.get().is_some_and(ReasonEpisodeCeased::leaves_care)
                && e.dec.get().is_some_and(|d| year.contains(d))
        })
        .filter_map(|e| e.child.value().map(|c| c.as_str()))
        .collect();
    out.count("ceased", ceased.len());

    let mut groups = [0usize; 8];
    let (mut own, mut private, mut outside, mut far, mut unknown) = (0, 0, 0, 0, 0);
    for e in &open_at_end {
        if let Some(g) = e.place.get().and_then(Group::of) {
            groups[g as usize] += 1;
        }
        match e.place_provider.get() {
            Some(PlacementProvider::Pr1) => own += 1,
            Some(PlacementProvider::Pr4) => private += 1,
            _ => {}
        }
        let geo = placement_location(la, e.home_post.value(), e.pl_post.value());
        if geo.pl_location == PlLocation::Out {
            outside += 1;
        }
        match geo.pl_distance {
            Some(d) if d > 20.0 => far += 1,
            Some(_) => {}
            None => unknown += 1,
        }
    }
    const GROUP_MEASURES: [&str; 8] = [
        "share_foster",
        "share_placed_for_adoption",
        "share_with_parents",
        "share_childrens_homes",
        "share_supported_accommodation",
        "share_residential_schools",
        "share_other_residential",
        "share_other_placements",
    ];
    for (m, g) in GROUP_MEASURES.iter().zip(groups) {
        out.share(m, g, n);
    }
    out.share("share_own_provision", own, n);
    out.share("share_private_provision", private, n);
    out.share("share_outside_la", outside, n);
    out.share("share_over_20_miles", far, n);
    out.share("share_distance_not_known", unknown, n);

    let uasc: BTreeSet<&str> =
        ret.tables.uasc.iter().filter_map(|u| u.child.value()).map(|c| c.as_str()).collect();
    out.count("uasc_at_31_march", cla.iter().filter(|c| uasc.contains(*c)).count());

    out.share("share_3_or_more_placements", three_or_more(ret, &cla), n);

    let in_year: BTreeSet<&str> = eps
        .iter()
        .filter(|e| !e.ls.get().is_some_and(|l| l.is_short_break()))
        .filter(|e| e.decom.get().is_some_and(|d| d <= ye) && e.dec.get().is_none_or(|d| d >= ys))
        .filter_map(|e| e.child.value().map(|c| c.as_str()))
        .collect();
    let missing_rows: Vec<_> = ret
        .tables
        .missing
        .iter()
        .filter(|m| m.missing.raw() == "M" && m.mis_start.get().is_some_and(|d| year.contains(d)))
        .collect();
    let missing_children: BTreeSet<&str> =
        missing_rows.iter().filter_map(|m| m.child.value().map(|c| c.as_str())).collect();
    out.share("share_missing", missing_children.len(), in_year.len());
    out.share("missing_incidents_per_child", missing_rows.len(), missing_children.len());

    let (mut eet, mut suitable, mut leavers) = (0, 0, 0);
    for o in ret.tables.oc3.iter() {
        let age = o.dob.get().map(|d| age_on(d, ye));
        if !age.is_some_and(|a| (19..=21).contains(&a)) {
            continue;
        }
        leavers += 1;
        if o.activ.get().is_some_and(|a| a.is_eet()) {
            eet += 1;
        }
        if o.accom.get().and_then(|a| a.is_suitable()) == Some(true) {
            suitable += 1;
        }
    }
    out.count("care_leavers_19_21", leavers);
    out.share("care_leavers_19_21_eet", eet, leavers);
    out.share("care_leavers_19_21_suitable_accommodation", suitable, leavers);

    let mut workers: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for s in ret.tables.sw_episodes.iter() {
        let (Some(c), Some(id)) = (s.child.value(), s.sw_id.value()) else { continue };
        let in_yr =
            s.sw_decom.get().is_some_and(|d| d <= ye) && s.sw_dec.get().is_none_or(|d| d >= ys);
        if in_yr && cla.contains(c.as_str()) {
            workers.entry(c.as_str()).or_default().insert(id.as_str());
        }
    }
    if ret.tables.sw_episodes.supplied {
        out.share(
            "share_3_or_more_social_workers",
            workers.values().filter(|w| w.len() >= 3).count(),
            n,
        );
    }
    out.count("adopted", ret.tables.ad1.len());
    out
}

fn age_on(dob: jiff::civil::Date, on: jiff::civil::Date) -> i32 {
    let mut age = i32::from(on.year() - dob.year());
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        age -= 1;
    }
    age
}

fn published(t: &Targets, measure: &str) -> Option<f64> {
    Some(match measure {
        "cla_at_31_march" => t.cla,
        "started" => t.started,
        "ceased" => t.ceased,
        "share_foster" => t.placement[0],
        "share_placed_for_adoption" => t.placement[1],
        "share_with_parents" => t.placement[2],
        "share_childrens_homes" => t.placement[3],
        "share_supported_accommodation" => t.placement[4],
        "share_residential_schools" => t.placement[5],
        "share_other_residential" => t.placement[6],
        "share_other_placements" => t.placement[7],
        "share_own_provision" => t.provider[0],
        "share_private_provision" => t.provider[2],
        "share_outside_la" => {
            t.location[1] + t.location[3] + t.location[4] * t.outside_when_unknown
        }
        "share_over_20_miles" => t.location[2] + t.location[3],
        "share_distance_not_known" => t.location[4],
        "uasc_at_31_march" => t.uasc,
        "share_3_or_more_placements" => t.three_plus,
        "share_missing" => t.missing_share,
        "missing_incidents_per_child" => t.missing_incidents,
        "care_leavers_19_21" => t.leavers_19_21,
        "care_leavers_19_21_eet" => t.eet_19_21,
        "care_leavers_19_21_suitable_accommodation" => t.suitable_19_21,
        "share_3_or_more_social_workers" => t.three_plus_social_workers,
        _ => return None,
    })
}

/// Compares each LA's generated current-year return with the DfE's published figures for that
/// LA and year (the latest published year for later years), measure by measure, and adds an
/// England row per measure (`la: None`): counts summed, shares pooled.
///
/// Measures: children looked after at 31 March, starts, ceases, UASC, placement group shares,
/// own-LA and private provision, placed outside the LA, more than 20 miles away, distance not
/// known, 3 or more placements, missing (share and incidents per child), care leavers aged
/// 19–21 (count, EET, suitable accommodation), 3 or more social workers, and adoptions.
pub fn calibration_report(generated: &[GeneratedLa]) -> Vec<CalibrationRow> {
    let mut rows = Vec::new();
    // measure → (generated numerator, denominator, published numerator, denominator, is a
    // count, has a published value)
    let mut totals: BTreeMap<&'static str, (f64, f64, f64, f64, bool, bool)> = BTreeMap::new();
    for g in generated {
        let year = g.current.year.unwrap_or(CollectionYear::Y2024_25);
        let t = Some(Targets::for_la(g.la, year.end_year())).filter(|t| !t.estimated);
        let m = measure(&g.current, g.la);
        for (&measure, &(num, den)) in &m.values {
            let is_count = den == 1.0
                && !measure.starts_with("share")
                && !measure.contains("_eet")
                && !measure.contains("suitable")
                && measure != "missing_incidents_per_child";
            let value = if is_count {
                num
            } else if den > 0.0 {
                num / den
            } else {
                0.0
            };
            let published = t.as_ref().and_then(|t| published(t, measure));
            rows.push(CalibrationRow { la: Some(g.la), measure, generated: value, published });
            let e = totals.entry(measure).or_insert((0.0, 0.0, 0.0, 0.0, is_count, false));
            e.0 += num;
            e.1 += if is_count { 0.0 } else { den };
            if let Some(p) = published {
                e.5 = true;
                // Pool published shares with the generated denominator as weight.
                e.2 += if is_count { p } else { p * den };
                e.3 += if is_count { 0.0 } else { den };
            }
        }
    }
    for (measure, (num, den, pnum, pden, is_count, any)) in totals {
        let (generated, published) = if is_count {
            (num, any.then_some(pnum))
        } else {
            (if den > 0.0 { num / den } else { 0.0 }, (pden > 0.0).then(|| pnum / pden))
        };
        rows.push(CalibrationRow { la: None, measure, generated, published });
    }
    rows
}
