//! The measures the dashboard can show: the DfE's published figures for every LA (public, so
//! open to every user), Ofsted's ILACS judgement, and the indicators computed from loaded
//! returns (read from the store, which decides who may see which LA's values).

use carelens_model::{Date, LaCode};
use carelens_public::{Count, LaFigures};
use serde::Serialize;

/// How a measure's value reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Unit {
    /// A number of children.
    Count,
    /// A percentage, 0–100.
    Percent,
    /// Per 10,000 children under 18.
    Rate,
    /// An Ofsted grade, 1 (Outstanding) to 4 (Inadequate).
    Grade,
    /// A plain number with a decimal.
    Decimal,
}

/// Which way is better, where that is not a matter of opinion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Better {
    /// A higher value is better.
    Higher,
    /// A lower value is better.
    Lower,
}

/// Where a measure comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Source {
    /// DfE *Children looked after in England*, as published.
    Dfe,
    /// Ofsted's published judgements.
    Ofsted,
    /// Computed by carelens from the returns loaded into the store.
    Returns,
}

/// One measure, as the API describes it.
#[derive(Clone, Debug, Serialize)]
pub(crate) struct Measure {
    pub(crate) id: String,
    pub(crate) label: String,
    pub(crate) unit: Unit,
    pub(crate) better: Option<Better>,
    pub(crate) source: Source,
    /// Shown as a headline card on the England and LA pages.
    pub(crate) headline: bool,
    pub(crate) description: String,
}

/// A published DfE measure: how to read it from one area-year's figures.
pub(crate) struct Published {
    pub(crate) id: &'static str,
    pub(crate) label: &'static str,
    pub(crate) unit: Unit,
    pub(crate) better: Option<Better>,
    pub(crate) headline: bool,
    pub(crate) description: &'static str,
    /// The value, where published.
    pub(crate) value: fn(&LaFigures) -> Option<f64>,
    /// For summing LAs into a region: (numerator, denominator) where the measure is a ratio of
    /// counts, so that a region's value is Σ numerators / Σ denominators (× 100 or × 10,000).
    pub(crate) parts: fn(&LaFigures) -> Option<(f64, f64)>,
}

fn n(v: Option<u32>) -> Option<f64> {
    v.map(f64::from)
}
fn pct(c: &Count) -> Option<f64> {
    c.percent.map(f64::from)
}
fn share(c: &Count, total: Option<u32>) -> Option<(f64, f64)> {
    Some((f64::from(c.number?), f64::from(total?)))
}

/// The published measures, in the order the dashboard lists them. A region's value is summed
/// from its LAs' published counts (suppressed cells left out), so it can differ slightly from
/// a figure the DfE would publish for the region.
pub(crate) const PUBLISHED: &[Published] = &[
    Published {
        id: "dfe.cla_rate",
        label: "Children looked after per 10,000",
        unit: Unit::Rate,
        better: None,
        headline: true,
        description: "Children looked after at 31 March per 10,000 children under 18 (ONS mid-year estimates).",
        value: |f| n(f.cla_rate_per_10k),
        parts: |f| Some((f64::from(f.cla_at_31_march?), f64::from(f.population_under_18?))),
    },
    Published {
        id: "dfe.cla",
        label: "Children looked after at 31 March",
        unit: Unit::Count,
        better: None,
        headline: true,
        description: "Children looked after at 31 March (LA counts as published; England rounded to the nearest 10).",
        value: |f| n(f.cla_at_31_march),
        parts: |f| Some((f64::from(f.cla_at_31_march?), 1.0)),
    },
    Published {
        id: "dfe.started",
        label: "Started to be looked after",
        unit: Unit::Count,
        better: None,
        headline: true,
        description: "Children who started to be looked after during the year.",
        value: |f| n(f.started),
        parts: |f| Some((f64::from(f.started?), 1.0)),
    },
    Published {
        id: "dfe.started_rate",
        label: "Starts per 10,000",
        unit: Unit::Rate,
        better: None,
        headline: false,
        description: "Children who started to be looked after during the year per 10,000 children under 18.",
        value: |f| n(f.started_rate_per_10k),
        parts: |f| Some((f64::from(f.started?), f64::from(f.population_under_18?))),
    },
    Published {
        id: "dfe.placements_3plus",
        label: "3 or more placements in the year",
        unit: Unit::Percent,
        better: Some(Better::Lower),
        headline: true,
        description: "Children looked after at 31 March who had 3 or more placements during the year.",
        value: |f| pct(&f.stability.three_or_more_placements),
        parts: |f| share(&f.stability.three_or_more_placements, f.cla_at_31_march),
    },
    Published {
        id: "dfe.same_carer_2y",
        label: "Long-term: same carer for 2 years",
        unit: Unit::Percent,
        better: Some(Better::Higher),
        headline: false,
        description: "Children under 16 looked after for at least 2.5 years who had lived with the same carer for at least 2 years.",
        value: |f| pct(&f.stability.same_carer_two_years),
        parts: |f| share(&f.stability.same_carer_two_years, f.stability.long_term_under_16),
    },
    Published {
        id: "dfe.outside_la",
        label: "Placed outside the LA",
        unit: Unit::Percent,
        better: Some(Better::Lower),
        headline: false,
        description: "Children looked after at 31 March placed outside their LA's boundary.",
        value: |f| pct(&f.location.outside_la),
        parts: |f| share(&f.location.outside_la, f.cla_at_31_march),
    },
    Published {
        id: "dfe.over_20_miles",
        label: "Placed more than 20 miles from home",
        unit: Unit::Percent,
        better: Some(Better::Lower),
        headline: true,
        description: "Children looked after at 31 March placed more than 20 miles from home.",
        value: |f| pct(&f.location.over_20_miles),
        parts: |f| share(&f.location.over_20_miles, f.cla_at_31_march),
    },
    Published {
        id: "dfe.foster",
        label: "In foster placements",
        unit: Unit::Percent,
        better: None,
        headline: false,
        description: "Children looked after at 31 March in foster placements.",
        value: |f| pct(&f.placement.foster),
        parts: |f| share(&f.placement.foster, f.cla_at_31_march),
    },
    Published {
        id: "dfe.childrens_homes",
        label: "In children's homes or secure homes",
        unit: Unit::Percent,
        better: None,
        headline: false,
        description: "Children looked after at 31 March in secure units, children's homes or semi-independent living.",
        value: |f| pct(&f.placement.secure_and_childrens_homes),
        parts: |f| share(&f.placement.secure_and_childrens_homes, f.cla_at_31_march),
    },
    Published {
        id: "dfe.private",
        label: "In private provision",
        unit: Unit::Percent,
        better: None,
        headline: true,
        description: "Children looked after at 31 March placed with a private provider.",
        value: |f| pct(&f.place_provider.private),
        parts: |f| share(&f.place_provider.private, f.cla_at_31_march),
    },
    Published {
        id: "dfe.missing",
        label: "Went missing in the year",
        unit: Unit::Percent,
        better: Some(Better::Lower),
        headline: true,
        description: "Children looked after during the year who had a missing incident (published to 2024).",
        value: |f| f.missing.children_missing_percent.map(f64::from),
        parts: |f| {
            Some((
                f64::from(f.missing.children_missing?),
                f64::from(f.missing.looked_after_during_year?),
            ))
        },
    },
    Published {
        id: "dfe.uasc",
        label: "Unaccompanied asylum-seeking children",
        unit: Unit::Percent,
        better: None,
        headline: false,
        description: "Children looked after at 31 March who were unaccompanied asylum-seeking children.",
        value: |f| pct(&f.uasc),
        parts: |f| share(&f.uasc, f.cla_at_31_march),
    },
    Published {
        id: "dfe.leavers_eet",
        label: "Care leavers 19–21 in education, employment or training",
        unit: Unit::Percent,
        better: Some(Better::Higher),
        headline: false,
        description: "Care leavers aged 19 to 21 in education, employment or training on their birthday.",
        value: |f| pct(&f.care_leavers_19_21.in_education_employment_or_training),
        parts: |f| {
            share(
                &f.care_leavers_19_21.in_education_employment_or_training,
                f.care_leavers_19_21.total,
            )
        },
    },
    Published {
        id: "dfe.leavers_suitable",
        label: "Care leavers 19–21 in suitable accommodation",
        unit: Unit::Percent,
        better: Some(Better::Higher),
        headline: false,
        description: "Care leavers aged 19 to 21 in accommodation considered suitable.",
        value: |f| pct(&f.care_leavers_19_21.suitable_accommodation),
        parts: |f| {
            share(
                &f.care_leavers_19_21.suitable_accommodation,
                f.care_leavers_19_21.accommodation_total,
            )
        },
    },
    Published {
        id: "dfe.sw_3plus",
        label: "3 or more social workers in the year",
        unit: Unit::Percent,
        better: Some(Better::Lower),
        headline: false,
        description: "Children looked after at 31 March who had 3 or more social workers during the year (published for 2024 only).",
        value: |f| pct(&f.three_or_more_social_workers),
        parts: |f| share(&f.three_or_more_social_workers, f.social_worker_cla),
    },
];

/// The ILACS measure's id.
pub(crate) const ILACS: &str = "ofsted.ilacs";

/// The published measure with this id.
pub(crate) fn published(id: &str) -> Option<&'static Published> {
    PUBLISHED.iter().find(|p| p.id == id)
}

impl Published {
    /// The region value from its LAs' figures: Σ numerators / Σ denominators, scaled to the
    /// measure's unit. `None` when no LA had both parts.
    pub(crate) fn aggregate<'a>(
        &self,
        figures: impl Iterator<Item = &'a LaFigures>,
    ) -> Option<f64> {
        let (mut num, mut den, mut any) = (0.0, 0.0, false);
        for f in figures {
            if let Some((a, b)) = (self.parts)(f) {
                num += a;
                den += b;
                any = true;
            }
        }
        if !any || den <= 0.0 {
            return None;
        }
        Some(match self.unit {
            Unit::Percent => round1(100.0 * num / den),
            Unit::Rate => round1(10_000.0 * num / den),
            // A count's parts are (count, 1): the area's value is the sum, not the mean.
            Unit::Count => num,
            _ => num / den,
        })
    }

    pub(crate) fn measure(&self) -> Measure {
        Measure {
            id: self.id.to_owned(),
            label: self.label.to_owned(),
            unit: self.unit,
            better: self.better,
            source: Source::Dfe,
            headline: self.headline,
            description: self.description.to_owned(),
        }
    }
}

/// The ILACS measure.
pub(crate) fn ilacs_measure() -> Measure {
    Measure {
        id: ILACS.to_owned(),
        label: "ILACS overall effectiveness".to_owned(),
        unit: Unit::Grade,
        better: Some(Better::Lower),
        source: Source::Ofsted,
        headline: false,
        description: "Ofsted's latest ILACS judgement of the LA's children's services as at 31 March (1 Outstanding … 4 Inadequate).".to_owned(),
    }
}

/// (id, metric, label, unit, better, description) of an Ofsted register measure.
pub(crate) type OversightMeasure =
    (&'static str, carelens_oversight::LaMetric, &'static str, Unit, Option<Better>, &'static str);

/// Measures from Ofsted's register of children's homes, per LA, through `carelens-oversight`
/// (latest register year): (id, metric, label, unit, better, description).
pub(crate) const OVERSIGHT: &[OversightMeasure] = &[
    (
        "ofsted.homes_good",
        carelens_oversight::LaMetric::HomesGoodOrOutstanding,
        "Children's homes in the LA good or outstanding",
        Unit::Percent,
        Some(Better::Higher),
        "Share of the graded children's homes located in the LA whose latest full inspection was good or outstanding (Ofsted register, latest 31 March).",
    ),
    (
        "ofsted.net_places",
        carelens_oversight::LaMetric::NetPlaces,
        "Children's home places minus the LA's children in homes",
        Unit::Count,
        None,
        "Registered children's home places located in the LA minus the LA's own children living in children's homes: positive for a net importer, negative for a net exporter.",
    ),
];

/// An Ofsted register measure by id.
pub(crate) fn oversight_measure(id: &str) -> Option<(carelens_oversight::LaMetric, Measure)> {
    OVERSIGHT.iter().find(|m| m.0 == id).map(|&(id, metric, label, unit, better, description)| {
        (
            metric,
            Measure {
                id: id.to_owned(),
                label: label.to_owned(),
                unit,
                better,
                source: Source::Ofsted,
                headline: false,
                description: description.to_owned(),
            },
        )
    })
}

/// The latest ILACS overall grade (1–4) of an LA on or before `date`.
pub(crate) fn ilacs_grade(la: LaCode, date: Date) -> Option<u8> {
    carelens_public::latest_ilacs(la, date).and_then(|i| i.overall).map(|j| j.grade())
}

/// A computed indicator's measure, from its id as the store holds it: title, unit and
/// headline flag from `carelens-indicators`' catalogue (an id it does not know is shown as is).
pub(crate) fn computed_measure(id: &str) -> Measure {
    let better = BETTER.iter().find(|b| b.0 == id).map(|b| b.1);
    match carelens_indicators::indicator(id) {
        Some(ind) => Measure {
            id: id.to_owned(),
            label: ind.title.to_owned(),
            unit: match ind.unit {
                carelens_indicators::Unit::Percent => Unit::Percent,
                carelens_indicators::Unit::Count => Unit::Count,
                carelens_indicators::Unit::Mean => Unit::Decimal,
            },
            better,
            source: Source::Returns,
            headline: ind.headline,
            description: ind.definition.to_owned(),
        },
        None => Measure {
            id: id.to_owned(),
            label: id.replace(['_', '.'], " "),
            unit: guess_unit(id),
            better,
            source: Source::Returns,
            headline: false,
            description: String::new(),
        },
    }
}

/// Which way is better for the computed indicators where that is not a matter of opinion.
const BETTER: &[(&str, Better)] = &[
    ("placements_3plus", Better::Lower),
    ("placements_3plus_two_years", Better::Lower),
    ("long_term_stability", Better::Higher),
    ("moves_1plus", Better::Lower),
    ("moves_2plus", Better::Lower),
    ("sw_changes_2plus", Better::Lower),
    ("social_workers_3plus", Better::Lower),
    ("placed_over_20_miles", Better::Lower),
    ("placed_outside_la", Better::Lower),
    ("under16_in_unregulated_or_supported", Better::Lower),
    ("days_under16_in_unregulated_or_supported", Better::Lower),
];

/// Published measures and the computed indicator that counts the same thing, so the dashboard
/// can put the DfE's figure and the one from loaded returns side by side.
const TWINS: &[(&str, &str)] = &[
    ("dfe.cla", "cla_at_31_march"),
    ("dfe.started", "started_in_year"),
    ("dfe.placements_3plus", "placements_3plus"),
    ("dfe.same_carer_2y", "long_term_stability"),
    ("dfe.outside_la", "placed_outside_la"),
    ("dfe.over_20_miles", "placed_over_20_miles"),
    ("dfe.private", "cla_provider_private"),
    ("dfe.childrens_homes", "in_childrens_homes"),
    ("dfe.foster", "cla_placement_foster"),
    ("dfe.uasc", "cla_uasc"),
    ("dfe.sw_3plus", "social_workers_3plus"),
    ("dfe.missing", "missing_in_year"),
];

/// The computed twin of a published measure, if carelens computes one.
pub(crate) fn computed_twin(published: &str) -> Option<&'static str> {
    TWINS.iter().find(|t| t.0 == published).map(|t| t.1)
}

fn guess_unit(id: &str) -> Unit {
    if id.contains("pct") || id.contains("percent") || id.contains("share") {
        Unit::Percent
    } else if id.contains("rate") {
        Unit::Rate
    } else {
        Unit::Count
    }
}

pub(crate) fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique() {
        let mut ids: Vec<_> = PUBLISHED.iter().map(|p| p.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }

    #[test]
    fn england_2025_rate_reads_as_published() {
        let f = carelens_public::england_figures(2025).unwrap();
        let rate = published("dfe.cla_rate").unwrap();
        assert_eq!((rate.value)(f), f.cla_rate_per_10k.map(f64::from));
        assert!((rate.value)(f).is_some());
    }

    #[test]
    fn region_rate_is_sum_of_counts_over_sum_of_populations() {
        // Two LAs worked by hand: 100 of 20,000 and 300 of 40,000 → 400 / 60,000 × 10,000
        // = 66.7 per 10,000 (not the mean of 50 and 75).
        let mut a = carelens_public::england_figures(2025).unwrap().clone();
        let mut b = a.clone();
        a.cla_at_31_march = Some(100);
        a.population_under_18 = Some(20_000);
        b.cla_at_31_march = Some(300);
        b.population_under_18 = Some(40_000);
        let rate = published("dfe.cla_rate").unwrap();
        assert_eq!(rate.aggregate([&a, &b].into_iter()), Some(66.7));
    }
}
