//! From a return read by `carelens-ingest` to what the store keeps: derived placement
//! geography, validation findings (`carelens-rules`, resolved as `carelens-report` resolves
//! them) and indicator values (`carelens-indicators`). The calls into the indicators crate are
//! kept in [`indicator_values`] alone, because that crate's API is being reworked.

use carelens_model::{ChildId, CollectionYear, LaCode, Return903, Returns};
use carelens_rules::{ValidateOptions, validate};

use crate::types::{Area, FindingRecord, IndicatorValue};

/// One LA-year ready to store: the return (with placement geography derived), its findings
/// and its indicator values.
#[derive(Debug)]
pub struct LoadData<'a> {
    /// The LA.
    pub la: LaCode,
    /// The collection year.
    pub year: CollectionYear,
    /// The return itself.
    pub ret: &'a Return903,
    /// Validation findings.
    pub findings: Vec<FindingRecord>,
    /// Rules run.
    pub rules_run: u32,
    /// Indicator values (area [`Area::La`] of `la`).
    pub indicators: Vec<IndicatorValue>,
    /// When it was loaded.
    pub loaded_at: jiff::Timestamp,
}

/// Derives placement geography, validates `returns.current` against `year`'s rules (with
/// `returns.previous` as last year) and computes its indicators.
pub fn prepare(
    returns: &mut Returns,
    la: LaCode,
    year: CollectionYear,
    loaded_at: jiff::Timestamp,
) -> LoadData<'_> {
    returns.current.la.get_or_insert(la);
    returns.current.year.get_or_insert(year);
    for ret in std::iter::once(&mut returns.current).chain(returns.previous.iter_mut()) {
        ret.la.get_or_insert(la);
        carelens_geo::derive_placement_geo(ret, Some(la), true);
    }
    let validation = validate(returns, &ValidateOptions::new(year).la(Some(la)));
    let findings = carelens_report::details(&validation, returns)
        .into_iter()
        .map(|d| FindingRecord {
            rule: d.rule.code.to_owned(),
            table: d.table,
            last_year: d.last_year,
            row: d.row,
            line: d.line,
            child: d.child.as_deref().map(ChildId::new),
            fields: d.values.iter().map(|(f, _)| (*f).to_owned()).collect(),
            values: d.values.into_iter().map(|(_, v)| v).collect(),
            message: d.rule.message.to_owned(),
        })
        .collect();
    let rules_run = u32::try_from(validation.rules_run.len()).unwrap_or(u32::MAX);
    let indicators = indicator_values(returns, la, year);
    LoadData { la, year, ret: &returns.current, findings, rules_run, indicators, loaded_at }
}

/// The indicator values of one LA-year (LA level only: the store aggregates regions and England
/// itself, over every LA stored, in [`crate::Store::refresh_aggregates`]). Earlier years in
/// `returns.previous` are the children's history.
///
/// If the indicators crate cannot measure the return with its history (an earlier return whose
/// year is unknown), it is measured without the history rather than not at all.
pub(crate) fn indicator_values(
    returns: &Returns,
    la: LaCode,
    year: CollectionYear,
) -> Vec<IndicatorValue> {
    use carelens_indicators::{Level, Options, compute};
    let options = Options::new().year(Some(year));
    let computed = compute(std::slice::from_ref(returns), &options).or_else(|_| {
        let alone = Returns { current: returns.current.clone(), previous: Vec::new() };
        compute(std::slice::from_ref(&alone), &options)
    });
    let Ok(computed) = computed else { return Vec::new() };
    computed
        .values(&[Level::La])
        .into_iter()
        .filter(|v| v.area == carelens_indicators::Area::La(la) && v.year == year)
        .map(|v| IndicatorValue {
            id: v.id.to_owned(),
            area: Area::La(la),
            year,
            numerator: v.numerator.map(to_f64),
            denominator: v.denominator.map(to_f64),
            value: v.value,
            las: None,
        })
        .collect()
}

#[expect(clippy::cast_precision_loss, reason = "counts of children are far below 2^53")]
fn to_f64(n: u64) -> f64 {
    n as f64
}

/// Rounds to one decimal place, as `carelens-indicators` rounds its values.
fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// Aggregates LA values of one indicator and year into one value for a wider area: numerators
/// and denominators are summed, never values averaged. The value is rebuilt from the sums in
/// the indicator's unit (`carelens-indicators`' catalogue: a percentage, a mean or a count,
/// rounded to one decimal as there); for an id the catalogue does not know, with the scale the
/// LA rows use (`value / (numerator / denominator)`). A value with no denominator is a count
/// and is summed.
pub(crate) fn aggregate(
    id: &str,
    area: Area,
    year: CollectionYear,
    las: &[IndicatorValue],
) -> IndicatorValue {
    let mut num = 0.0;
    let mut den = 0.0;
    let mut has_den = false;
    let mut scale = None;
    let mut n = 0u32;
    for v in las {
        let Some(x) = v.numerator else { continue };
        n += 1;
        num += x;
        if let Some(d) = v.denominator {
            has_den = true;
            den += d;
            if scale.is_none()
                && let Some(val) = v.value
                && x > 0.0
                && d > 0.0
            {
                scale = Some(val / (x / d));
            }
        }
    }
    let unit = carelens_indicators::indicator(id).map(|i| i.unit);
    let value = if n == 0 {
        None
    } else if let Some(unit) = unit {
        use carelens_indicators::Unit;
        match unit {
            Unit::Count => Some(num),
            Unit::Percent => (den > 0.0).then(|| round1(100.0 * num / den)),
            Unit::Mean => (den > 0.0).then(|| round1(num / den)),
        }
    } else if has_den {
        (den > 0.0).then(|| scale.unwrap_or(1.0) * num / den)
    } else {
        Some(num)
    };
    IndicatorValue {
        id: id.to_owned(),
        area,
        year,
        numerator: (n > 0).then_some(num),
        denominator: (n > 0 && has_den).then_some(den),
        value,
        las: Some(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(num: f64, den: Option<f64>, value: f64) -> IndicatorValue {
        IndicatorValue {
            id: "x".into(),
            area: Area::England,
            year: CollectionYear::Y2024_25,
            numerator: Some(num),
            denominator: den,
            value: Some(value),
            las: None,
        }
    }

    #[test]
    fn ratios_aggregate_from_sums_with_the_las_scale() {
        // 10/40 = 25 % and 30/60 = 50 %: England is 40/100 = 40 %, not the mean 37.5 %.
        let a = aggregate(
            "x",
            Area::England,
            CollectionYear::Y2024_25,
            &[v(10.0, Some(40.0), 25.0), v(30.0, Some(60.0), 50.0)],
        );
        assert_eq!((a.numerator, a.denominator, a.las), (Some(40.0), Some(100.0), Some(2)));
        assert!((a.value.unwrap() - 40.0).abs() < 1e-9);
    }

    #[test]
    fn counts_are_summed() {
        let a = aggregate(
            "x",
            Area::England,
            CollectionYear::Y2024_25,
            &[v(3.0, None, 3.0), v(4.0, None, 4.0)],
        );
        assert_eq!((a.value, a.denominator), (Some(7.0), None));
    }
}
