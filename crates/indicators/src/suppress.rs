//! What a report shows: the values as computed (an LA's own use), or suppressed and rounded the
//! DfE's way for publication (`--publish`).
//!
//! ## The publication rule
//! Taken from the DfE's *Children looked after in England* releases, checked against the
//! figures shipped in `carelens-public` (LA counts of 1 to 5 are `c` there):
//!
//! 1. **LA level.** A count (numerator or denominator) from 1 to 5 is shown as `c`. A
//!    percentage or mean whose numerator or denominator is `c` is `c`. Zero is shown as 0.
//!    Percentages are whole numbers, means one decimal place; counts are not rounded.
//! 2. **Secondary suppression.** Within a breakdown (e.g. placement type) for one LA and year,
//!    when exactly one category is `c` and the cohort total is shown, the smallest other
//!    category that is not 0 is suppressed too, so that the first cannot be worked out by
//!    subtracting the others from the total.
//! 3. **Regions and England.** Counts are rounded to the nearest 10 (a count from 1 to 4, which
//!    would round to 0, is `low`); percentages are computed from the unrounded counts and shown
//!    as whole numbers (`k` for one under 0.5 that is not 0); means to one decimal place.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::area::{Area, Level};
use crate::catalogue::{Unit, indicator};
use crate::value::IndicatorValue;

/// The largest count suppressed at LA level.
pub const LARGEST_SUPPRESSED: u64 = 5;

/// One cell of a report.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    /// A number.
    Number(f64),
    /// A DfE symbol printed instead (`c`, `low`, `k`).
    Symbol(&'static str),
    /// Nothing: not applicable or not computable.
    Empty,
}

impl Cell {
    /// The cell as text: the number (whole numbers without decimals), the symbol, or "".
    pub fn text(self) -> String {
        match self {
            Self::Number(x) if x.fract() == 0.0 && x.abs() < 1e15 => format!("{x:.0}"),
            Self::Number(x) => format!("{x}"),
            Self::Symbol(s) => s.to_owned(),
            Self::Empty => String::new(),
        }
    }

    /// The number, if the cell holds one.
    pub fn number(self) -> Option<f64> {
        match self {
            Self::Number(x) => Some(x),
            _ => None,
        }
    }
}

impl Serialize for Cell {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Number(x) if x.fract() == 0.0 && x.abs() < 9.0e15 => s.serialize_i64(*x as i64),
            Self::Number(x) => s.serialize_f64(*x),
            Self::Symbol(sym) => s.serialize_str(sym),
            Self::Empty => s.serialize_none(),
        }
    }
}

/// A value as a report shows it. Serialises in the same shape as [`IndicatorValue`], with `c`,
/// `low` or `k` (strings) in place of suppressed numbers.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shown {
    /// The indicator.
    pub id: &'static str,
    /// The area.
    pub area: Area,
    /// The collection year, as `2024/25`.
    pub year: String,
    /// The numerator.
    pub numerator: Cell,
    /// The denominator.
    pub denominator: Cell,
    /// The value.
    pub value: Cell,
}

fn count(n: Option<u64>) -> Cell {
    n.map_or(Cell::Empty, |n| Cell::Number(n as f64))
}

fn value(v: Option<f64>) -> Cell {
    v.map_or(Cell::Empty, Cell::Number)
}

/// The values as computed, for an LA's own use.
pub fn as_computed(values: &[IndicatorValue]) -> Vec<Shown> {
    values
        .iter()
        .map(|v| Shown {
            id: v.id,
            area: v.area,
            year: v.year.to_string(),
            numerator: count(v.numerator),
            denominator: count(v.denominator),
            value: value(v.value),
        })
        .collect()
}

/// The values suppressed and rounded for publication (the rule in the module docs).
pub fn for_publication(values: &[IndicatorValue]) -> Vec<Shown> {
    let mut out: Vec<Shown> = values.iter().map(publish_one).collect();
    secondary(values, &mut out);
    out
}

fn is_small(n: Option<u64>) -> bool {
    n.is_some_and(|n| (1..=LARGEST_SUPPRESSED).contains(&n))
}

fn publish_one(v: &IndicatorValue) -> Shown {
    let unit = indicator(v.id).map_or(Unit::Count, |i| i.unit);
    let year = v.year.to_string();
    let rounded_value = |x: Option<f64>| match (unit, x) {
        (_, None) => Cell::Empty,
        (Unit::Percent, Some(p)) if p > 0.0 && p < 0.5 => Cell::Symbol("k"),
        (Unit::Percent, Some(p)) => Cell::Number(p.round()),
        (Unit::Mean, Some(m)) => Cell::Number(m),
        (Unit::Count, Some(c)) => Cell::Number(c),
    };
    // The value unrounded to one decimal: percentages are re-derived from the counts.
    let exact = match (unit, v.numerator, v.denominator) {
        (Unit::Percent, Some(n), Some(d)) if d > 0 => Some(100.0 * n as f64 / d as f64),
        _ => v.value,
    };
    match v.area.level() {
        Level::La => {
            let num_c = is_small(v.numerator);
            let den_c = is_small(v.denominator);
            let numerator = if num_c { Cell::Symbol("c") } else { count(v.numerator) };
            let denominator = if den_c { Cell::Symbol("c") } else { count(v.denominator) };
            let value = match unit {
                Unit::Count if num_c => Cell::Symbol("c"),
                Unit::Count => count(v.numerator),
                _ if num_c || den_c => Cell::Symbol("c"),
                _ => rounded_value(exact),
            };
            Shown { id: v.id, area: v.area, year, numerator, denominator, value }
        }
        Level::Region | Level::England => {
            let round10 = |n: Option<u64>| match n {
                None => Cell::Empty,
                Some(0) => Cell::Number(0.0),
                Some(n) if n < 5 => Cell::Symbol("low"),
                Some(n) => Cell::Number(((n + 5) / 10 * 10) as f64),
            };
            let value = match unit {
                Unit::Count => round10(v.numerator),
                _ => rounded_value(exact),
            };
            Shown {
                id: v.id,
                area: v.area,
                year,
                numerator: round10(v.numerator),
                denominator: round10(v.denominator),
                value,
            }
        }
    }
}

/// Rule 2: a lone suppressed category in a breakdown takes the next smallest with it.
fn secondary(values: &[IndicatorValue], shown: &mut [Shown]) {
    // (area, year, family) → indices of its categories.
    let mut groups: BTreeMap<(Area, String, &'static str), Vec<usize>> = BTreeMap::new();
    for (i, v) in values.iter().enumerate() {
        if v.area.level() != Level::La {
            continue;
        }
        if let Some(family) = indicator(v.id).and_then(|ind| ind.family) {
            groups.entry((v.area, v.year.to_string(), family)).or_default().push(i);
        }
    }
    for members in groups.into_values() {
        let suppressed: Vec<usize> =
            members.iter().copied().filter(|&i| shown[i].numerator == Cell::Symbol("c")).collect();
        let total_shown =
            members.first().is_some_and(|&i| matches!(shown[i].denominator, Cell::Number(_)));
        if suppressed.len() != 1 || !total_shown {
            continue;
        }
        let next = members
            .iter()
            .copied()
            .filter(|&i| !suppressed.contains(&i))
            .filter(|&i| values[i].numerator.is_some_and(|n| n > 0))
            .min_by_key(|&i| (values[i].numerator, i));
        if let Some(i) = next {
            shown[i].numerator = Cell::Symbol("c");
            shown[i].value = Cell::Symbol("c");
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::{CollectionYear, LaCode};

    use super::*;

    fn v(id: &'static str, area: Area, num: u64, den: Option<u64>) -> IndicatorValue {
        let value = match den {
            Some(d) if d > 0 => Some(crate::compute::round1(100.0 * num as f64 / d as f64)),
            Some(_) => None,
            None => Some(num as f64),
        };
        IndicatorValue {
            id,
            area,
            year: CollectionYear::Y2024_25,
            numerator: Some(num),
            denominator: den,
            value,
        }
    }

    #[test]
    fn small_la_counts_are_suppressed_with_their_percentages() {
        let la = Area::La(LaCode::new(316).unwrap());
        let shown = for_publication(&[
            v("cla_at_31_march", la, 404, None),
            v("placements_3plus", la, 5, Some(404)),
            v("placements_3plus_two_years", la, 6, Some(300)),
            v("under16_in_unregulated_or_supported", la, 3, None),
            v("long_term_stability", la, 0, Some(4)),
        ]);
        assert_eq!(shown[0].value, Cell::Number(404.0));
        assert_eq!((shown[1].numerator, shown[1].value), (Cell::Symbol("c"), Cell::Symbol("c")));
        assert_eq!(shown[2].value, Cell::Number(2.0));
        assert_eq!(shown[3].value, Cell::Symbol("c"));
        assert_eq!(shown[4].numerator, Cell::Number(0.0));
        assert_eq!((shown[4].denominator, shown[4].value), (Cell::Symbol("c"), Cell::Symbol("c")));
    }

    #[test]
    fn a_lone_suppressed_category_takes_the_next_smallest_with_it() {
        let la = Area::La(LaCode::new(316).unwrap());
        let values = [
            v("cla_uasc", la, 3, Some(100)),
            v("cla_not_uasc", la, 97, Some(100)),
            v("placed_within_20_miles", la, 80, Some(100)),
            v("placed_over_20_miles", la, 12, Some(100)),
            v("distance_not_known", la, 8, Some(100)),
        ];
        let shown = for_publication(&values);
        assert_eq!(shown[0].numerator, Cell::Symbol("c"));
        assert_eq!(shown[1].numerator, Cell::Symbol("c"), "97 = 100 - 3 would give it away");
        assert!(shown[2..].iter().all(|s| matches!(s.numerator, Cell::Number(_))));
    }

    #[test]
    fn national_counts_round_to_ten() {
        let shown = for_publication(&[
            v("cla_at_31_march", Area::England, 81_766, None),
            v("placements_3plus", Area::England, 8_504, Some(81_766)),
            v("under16_in_unregulated_or_supported", Area::England, 3, None),
            v("oc2_convicted", Area::England, 2, Some(81_766)),
        ]);
        assert_eq!(shown[0].value, Cell::Number(81_770.0));
        assert_eq!(shown[1].numerator, Cell::Number(8_500.0));
        assert_eq!(shown[1].value, Cell::Number(10.0));
        assert_eq!(shown[2].value, Cell::Symbol("low"));
        assert_eq!(shown[3].value, Cell::Symbol("k"));
        assert_eq!(serde_json::to_string(&shown[2].value).unwrap(), "\"low\"");
    }
}
