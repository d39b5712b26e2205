//! The value type other crates store and serve.

use carelens_model::CollectionYear;
use serde::{Serialize, Serializer};

use crate::area::Area;

/// One indicator for one area and year: the stable, public value type.
///
/// Serialised exactly as `{"id":"placements_3plus","area":"316","year":"2024/25",
/// "numerator":12,"denominator":340,"value":3.5}`: `area` is the DfE LA code, a region's name or
/// `england`; `year` the collection year; `value` a percentage, a count or a mean as the
/// indicator's [`Unit`](crate::Unit) says, rounded to one decimal place; `numerator` and
/// `denominator` are `null` where they do not apply (a count has no denominator; a percentage of
/// nobody has no value).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorValue {
    /// The indicator's id ([`Indicator::id`](crate::Indicator::id)).
    pub id: &'static str,
    /// The LA, region or England.
    pub area: Area,
    /// The collection year.
    #[serde(serialize_with = "year_text")]
    pub year: CollectionYear,
    /// The count of children (or incidents) the indicator counts.
    pub numerator: Option<u64>,
    /// The cohort it is a share or mean of.
    pub denominator: Option<u64>,
    /// The value in the indicator's unit.
    pub value: Option<f64>,
}

fn year_text<S: Serializer>(year: &CollectionYear, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(year)
}

#[cfg(test)]
mod tests {
    use carelens_model::LaCode;

    use super::*;

    #[test]
    fn serialises_in_the_fixed_shape() {
        let v = IndicatorValue {
            id: "placements_3plus",
            area: Area::La(LaCode::new(316).unwrap()),
            year: CollectionYear::Y2024_25,
            numerator: Some(12),
            denominator: Some(340),
            value: Some(3.5),
        };
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"id":"placements_3plus","area":"316","year":"2024/25","numerator":12,"denominator":340,"value":3.5}"#
        );
        let count = IndicatorValue { denominator: None, area: Area::England, ..v };
        assert!(
            serde_json::to_string(&count)
                .unwrap()
                .contains(r#""area":"england","year":"2024/25","numerator":12,"denominator":null"#)
        );
    }
}
