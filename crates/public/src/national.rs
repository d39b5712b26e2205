//! Headline national figures for calibrating synthetic data (`national_calibration_figures.csv`).

use std::sync::OnceLock;

use serde::Deserialize;

use crate::error::PublicError;

pub(crate) const FILE_NAME: &str = "national_calibration_figures.csv";
const SOURCE: &str = include_str!("../data/national_calibration_figures.csv");

/// One national figure, computed from the public files or quoted from a release.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[non_exhaustive]
pub struct NationalFigure {
    /// What is measured, in snake case: `cla_at_31_march`, `childrens_homes_mainstream`.
    pub measure: String,
    /// When: a year ending 31 March (`2025`), a date (`2025-03-31`) or a date range
    /// (`2022-04-01/2023-03-31`).
    pub period: String,
    /// The value: a count, a percentage or a mean, as `unit` says.
    pub value: f64,
    /// The unit: `count`, `children`, `percent`, `places per home`…
    pub unit: String,
    /// The publication it comes from.
    pub source: String,
    /// The file in `shared/data/public` it was computed from.
    #[serde(rename = "derived_from_file")]
    pub file: String,
}

/// Every national figure, in file order.
///
/// # Panics
/// Only if the embedded file is corrupt, which the crate's tests rule out.
pub fn national_figures() -> &'static [NationalFigure] {
    static ALL: OnceLock<Vec<NationalFigure>> = OnceLock::new();
    ALL.get_or_init(|| {
        parse(SOURCE).expect("embedded national figures are valid (checked by tests)")
    })
}

/// The value of `measure` for `period`, e.g. `national_figure("cla_at_31_march", "2025")`.
///
/// ```
/// let homes = carelens_public::national_figure("childrens_homes_mainstream", "2025-03-31");
/// assert_eq!(homes, Some(3946.0));
/// ```
pub fn national_figure(measure: &str, period: &str) -> Option<f64> {
    national_figures().iter().find(|f| f.measure == measure && f.period == period).map(|f| f.value)
}

fn parse(text: &str) -> Result<Vec<NationalFigure>, PublicError> {
    csv::Reader::from_reader(text.as_bytes())
        .deserialize()
        .collect::<Result<_, _>>()
        .map_err(|e| PublicError::csv(FILE_NAME, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_figure_parses_and_measure_period_pairs_are_unique() {
        let all = national_figures();
        assert_eq!(all.len(), 60);
        let mut keys: Vec<_> = all.iter().map(|f| (&f.measure, &f.period)).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), all.len());
        assert_eq!(national_figure("cla_at_31_march", "2025"), Some(81_770.0));
        assert_eq!(national_figure("cla_at_31_march", "1066"), None);
    }
}
