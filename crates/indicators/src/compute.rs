//! Computing every indicator for many LAs' returns at once, in parallel, and adding them up to
//! regions and England.
//!
//! Each LA and year is measured on its own (one rayon task each): child records are built,
//! then each indicator's numerator and denominator are summed over them. Regions and England
//! add up the LAs' numerators and denominators (never their percentages).

use std::collections::BTreeMap;

use carelens_model::{CollectionYear, LaCode, Return903, Returns};
use rayon::prelude::*;

use crate::area::{Area, Level};
use crate::catalogue::{Indicator, Rule, Unit, catalogue, families};
use crate::error::IndicatorError;
use crate::outliers::{Outlier, OutlierThresholds, outliers};
use crate::record::{ChildRecord, UnitInput, build};
use crate::stays::PlacementCounting;
use crate::value::IndicatorValue;

/// What to compute.
///
/// ```
/// use carelens_indicators::{Options, PlacementCounting};
/// use carelens_model::CollectionYear;
/// let o = Options::new().year(Some(CollectionYear::Y2024_25));
/// assert_eq!(o.counting, PlacementCounting::default());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// Only this collection year (earlier returns still supply history); all years when `None`.
    pub year: Option<CollectionYear>,
    /// How placements are counted for the "3 or more placements" measures.
    pub counting: PlacementCounting,
}

impl Options {
    /// Every year, default counting.
    pub fn new() -> Self {
        Self::default()
    }

    /// Restricts to one collection year.
    #[must_use]
    pub fn year(mut self, year: Option<CollectionYear>) -> Self {
        self.year = year;
        self
    }

    /// Sets how placements are counted.
    #[must_use]
    pub fn counting(mut self, counting: PlacementCounting) -> Self {
        self.counting = counting;
        self
    }
}

/// A numerator and denominator summed over children (and over LAs when aggregating).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) num: u64,
    pub(crate) den: u64,
}

impl Tally {
    fn add(&mut self, other: Tally) {
        self.num += other.num;
        self.den += other.den;
    }
}

/// One LA's measured year.
#[derive(Debug)]
struct Measured {
    la: LaCode,
    year: CollectionYear,
    /// Per indicator, in catalogue order; `None` when the return lacks a table it needs.
    tallies: Vec<Option<Tally>>,
    children: Vec<ChildRecord>,
}

/// Every indicator for every LA and year given, with the child records behind them.
#[derive(Debug)]
pub struct Computation {
    measured: Vec<Measured>,
    options: Options,
}

/// Computes every indicator for `returns` (one entry per LA, as `carelens_ingest` groups them:
/// the latest year and earlier ones). Each year of each LA is measured, with the earlier years
/// as history; LAs run in parallel.
///
/// # Errors
/// [`IndicatorError::UnknownLa`] or [`IndicatorError::UnknownYear`] for a return with data whose
/// LA or year is not known.
pub fn compute(returns: &[Returns], options: &Options) -> Result<Computation, IndicatorError> {
    let mut jobs: Vec<(LaCode, CollectionYear, &Return903, &[Return903])> = Vec::new();
    for set in returns {
        let years = std::iter::once(&set.current).chain(set.previous.iter());
        for (i, ret) in years.enumerate() {
            if !has_data(ret) {
                continue;
            }
            let first_file = || ret.sources.first().map_or_else(String::new, |s| s.path.clone());
            let la = ret
                .la
                .or(set.current.la)
                .ok_or_else(|| IndicatorError::UnknownLa { source_file: first_file() })?;
            let year = ret
                .year
                .ok_or_else(|| IndicatorError::UnknownYear { source_file: first_file() })?;
            if options.year.is_some_and(|y| y != year) {
                continue;
            }
            let earlier: &[Return903] = set.previous.get(i..).unwrap_or(&[]);
            jobs.push((la, year, ret, earlier));
        }
    }
    let mut measured: Vec<Measured> = jobs
        .into_par_iter()
        .map(|(la, year, current, earlier)| {
            let input = UnitInput { la: Some(la), year, current, earlier };
            let children = build(&input, options.counting);
            let tallies = tally(&children, current);
            Measured { la, year, tallies, children }
        })
        .collect();
    measured.sort_by_key(|m| (m.la, m.year));
    Ok(Computation { measured, options: options.clone() })
}

/// Every indicator for every LA and year in `returns`, with region and England totals: the
/// simple entry point for storing values (`compute(returns, &Options::new())` and
/// [`Computation::values`] over all three levels).
///
/// # Errors
/// As [`compute`].
pub fn compute_all(returns: &[Returns]) -> Result<Vec<IndicatorValue>, IndicatorError> {
    Ok(compute(returns, &Options::new())?.values(&[Level::La, Level::Region, Level::England]))
}

fn has_data(ret: &Return903) -> bool {
    !ret.sources.is_empty() || carelens_model::TableKind::ALL.iter().any(|k| ret.tables.len(*k) > 0)
}

/// Sums each indicator over one LA-year's children, in one pass over the records (each record
/// is read once, with every indicator evaluated on it while it is in cache).
pub(crate) fn tally(children: &[ChildRecord], ret: &Return903) -> Vec<Option<Tally>> {
    let fams = families();
    let cat = catalogue();
    let available: Vec<bool> =
        cat.iter().map(|i| i.needs.is_none_or(|t| ret.tables.is_supplied(t))).collect();
    type NumFn = fn(&ChildRecord) -> u32;
    let sums: Vec<(usize, NumFn, Option<NumFn>)> = cat
        .iter()
        .enumerate()
        .filter(|(i, _)| available[*i])
        .filter_map(|(i, ind)| match ind.rule {
            Rule::Sum { num, den } => Some((i, num, den)),
            Rule::Category { .. } => None,
        })
        .collect();
    let mut totals = vec![Tally::default(); cat.len()];
    let mut cohorts = vec![0u64; fams.len()];
    let mut counts: Vec<Vec<u64>> = fams.iter().map(|f| vec![0u64; f.members.len()]).collect();
    for c in children {
        for &(i, num, den) in &sums {
            let t = &mut totals[i];
            t.num += u64::from(num(c));
            if let Some(den) = den {
                t.den += u64::from(den(c));
            }
        }
        for (i, f) in fams.iter().enumerate() {
            if (f.cohort)(c) {
                cohorts[i] += 1;
                if let Some(n) = counts[i].get_mut((f.classify)(c)) {
                    *n += 1;
                }
            }
        }
    }
    cat.iter()
        .enumerate()
        .map(|(i, ind)| {
            if !available[i] {
                return None;
            }
            Some(match ind.rule {
                Rule::Sum { .. } => totals[i],
                Rule::Category { family, index } => Tally {
                    num: counts[family].get(index).copied().unwrap_or(0),
                    den: cohorts[family],
                },
            })
        })
        .collect()
}

impl Computation {
    /// The options used.
    pub fn options(&self) -> &Options {
        &self.options
    }

    /// The LAs measured, in code order.
    pub fn las(&self) -> Vec<LaCode> {
        let mut v: Vec<LaCode> = self.measured.iter().map(|m| m.la).collect();
        v.dedup();
        v
    }

    /// The collection years measured, in order.
    pub fn years(&self) -> Vec<CollectionYear> {
        let mut v: Vec<CollectionYear> = self.measured.iter().map(|m| m.year).collect();
        v.sort_unstable();
        v.dedup();
        v
    }

    /// Every child record, by LA then year.
    pub fn children(&self) -> impl Iterator<Item = &ChildRecord> {
        self.measured.iter().flat_map(|m| m.children.iter())
    }

    /// The children the LA should look at: many placements, placed far away, repeatedly
    /// missing, or under 16 in a setting barred for them.
    pub fn outliers(&self, thresholds: &OutlierThresholds) -> Vec<Outlier> {
        outliers(self.children(), thresholds)
    }

    /// Every indicator's value at the levels asked for, sorted by area (England, regions, LAs),
    /// year and catalogue order. Region and England values add up the numerators and
    /// denominators of the LAs given; an LA whose return lacks a table an indicator needs
    /// (SWEpisodes before 2023/24, say) is left out of that indicator's totals.
    pub fn values(&self, levels: &[Level]) -> Vec<IndicatorValue> {
        let mut sums: BTreeMap<(Area, CollectionYear), Vec<Option<Tally>>> = BTreeMap::new();
        for m in &self.measured {
            let mut areas = Vec::new();
            if levels.contains(&Level::La) {
                areas.push(Area::La(m.la));
            }
            if levels.contains(&Level::Region)
                && let Some(region) = Area::La(m.la).region()
            {
                areas.push(Area::Region(region));
            }
            if levels.contains(&Level::England) {
                areas.push(Area::England);
            }
            for area in areas {
                let acc = sums.entry((area, m.year)).or_insert_with(|| vec![None; m.tallies.len()]);
                for (a, t) in acc.iter_mut().zip(&m.tallies) {
                    if let Some(t) = t {
                        a.get_or_insert_with(Tally::default).add(*t);
                    }
                }
            }
        }
        let cat = catalogue();
        let mut out = Vec::with_capacity(sums.len() * cat.len());
        for ((area, year), tallies) in sums {
            for (ind, t) in cat.iter().zip(tallies) {
                if let Some(t) = t {
                    out.push(value_of(ind, area, year, t));
                }
            }
        }
        out
    }
}

/// Rounds to one decimal place, halves away from zero.
pub(crate) fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

pub(crate) fn value_of(
    ind: &'static Indicator,
    area: Area,
    year: CollectionYear,
    t: Tally,
) -> IndicatorValue {
    let (denominator, value) = match ind.unit {
        Unit::Count => (None, Some(t.num as f64)),
        Unit::Percent => {
            (Some(t.den), (t.den > 0).then(|| round1(100.0 * t.num as f64 / t.den as f64)))
        }
        Unit::Mean => (Some(t.den), (t.den > 0).then(|| round1(t.num as f64 / t.den as f64))),
    };
    IndicatorValue { id: ind.id, area, year, numerator: Some(t.num), denominator, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_to_one_decimal() {
        assert_eq!(round1(100.0 * 12.0 / 340.0), 3.5);
        assert_eq!(round1(0.05), 0.1);
        assert_eq!(round1(66.66666), 66.7);
    }
}
