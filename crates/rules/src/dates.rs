//! Calendar arithmetic as the reference's pandas does it, shared by every rule.

use carelens_model::{Coercion, Date, Field};
use jiff::Span;

/// A date as `pd.to_datetime(col, dayfirst=True, errors="coerce")` reads it (383, 234 from
/// 2025/26, SW09STG2 from 2025/26, SW13STG1 from 2024/25, SW17STG2, SW18STG2): any form dateutil
/// understands, so also `yyyy-mm-dd`, two-digit years, other separators and a time of day.
/// Excel serial numbers are not dates to dateutil.
pub(crate) fn lenient(f: &Field<Date>) -> Option<Date> {
    f.get().filter(|_| f.note() != Some(Coercion::ExcelSerial))
}

/// `date` plus `years` calendar years, as pandas' `DateOffset(years=n)` computes it: 29 February
/// becomes 28 February in a year that has none. `None` outside jiff's range.
pub(crate) fn plus_years(date: Date, years: i16) -> Option<Date> {
    date.checked_add(Span::new().years(years)).ok()
}

/// `date` plus a number of days (negative: minus). `None` outside jiff's range.
pub(crate) fn plus_days(date: Date, days: i32) -> Option<Date> {
    date.checked_add(Span::new().days(days)).ok()
}

/// Whole days from `from` to `to`, negative when `to` is earlier (pandas' `(to - from).days`).
pub(crate) fn days_between(from: Date, to: Date) -> i32 {
    from.until(to).map_or(0, |s| s.get_days())
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn leap_day_birthdays_fall_on_28_february() {
        assert_eq!(plus_years(date(2020, 2, 29), 4), Some(date(2024, 2, 29)));
        assert_eq!(plus_years(date(2020, 2, 29), 17), Some(date(2037, 2, 28)));
        assert_eq!(plus_years(date(2008, 3, 31), 17), Some(date(2025, 3, 31)));
    }

    #[test]
    fn days_between_counts_whole_days() {
        assert_eq!(days_between(date(2024, 3, 1), date(2024, 4, 1)), 31);
        assert_eq!(days_between(date(2024, 4, 1), date(2024, 3, 1)), -31);
        assert_eq!(days_between(date(2024, 4, 1), date(2024, 7, 1)), 91);
        assert_eq!(plus_days(date(2024, 2, 28), 2), Some(date(2024, 3, 1)));
    }
}
