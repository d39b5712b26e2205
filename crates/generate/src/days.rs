//! Calendar arithmetic on day numbers.
//!
//! The simulation moves hundreds of thousands of dates around; it keeps them as whole days since
//! 1 January 1970 (`Day`), which cannot fail to add or compare, and turns them into DfE text
//! (`dd/mm/yyyy`) only when a return is written.

/// Days since 1 January 1970.
pub(crate) type Day = i32;

/// The day number of a civil date (proleptic Gregorian; H. Hinnant's `days_from_civil`).
pub(crate) fn from_ymd(y: i32, m: u32, d: u32) -> Day {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number.
pub(crate) fn ymd(day: Day) -> (i32, u32, u32) {
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The same day `n` months later (or earlier), the day clamped to the month's length.
pub(crate) fn add_months(day: Day, n: i32) -> Day {
    let (y, m, d) = ymd(day);
    let total = y * 12 + (m as i32 - 1) + n;
    let (ny, nm) = (total.div_euclid(12), (total.rem_euclid(12) + 1) as u32);
    from_ymd(ny, nm, d.min(days_in_month(ny, nm)))
}

/// The same day `n` years later: a birthday. 29 February becomes 28 February in other years,
/// as pandas' `DateOffset(years=n)` (the reference validator) does.
pub(crate) fn add_years(day: Day, n: i32) -> Day {
    add_months(day, n * 12)
}

/// Age in completed years on `on`.
pub(crate) fn age_at(dob: Day, on: Day) -> i32 {
    let (by, bm, bd) = ymd(dob);
    let (y, m, d) = ymd(on);
    let mut age = y - by;
    if (m, d) < (bm, bd) {
        age -= 1;
    }
    // A 29 February birthday is reached on 28 February in other years (see `add_years`).
    if (bm, bd) == (2, 29) && (m, d) == (2, 28) && days_in_month(y, 2) == 28 {
        age += 1;
    }
    age
}

/// The date as the DfE writes it, `dd/mm/yyyy`.
pub(crate) fn format(day: Day) -> String {
    let (y, m, d) = ymd(day);
    format!("{d:02}/{m:02}/{y:04}")
}

/// 1 April starting the collection year that ends in `end_year`.
pub(crate) fn year_start(end_year: i16) -> Day {
    from_ymd(i32::from(end_year) - 1, 4, 1)
}

/// 31 March ending the collection year that ends in `end_year`.
pub(crate) fn year_end(end_year: i16) -> Day {
    from_ymd(i32::from(end_year), 3, 31)
}

/// The end year of the collection year a day falls in.
pub(crate) fn collection_year_of(day: Day) -> i16 {
    let (y, m, _) = ymd(day);
    let end = if m >= 4 { y + 1 } else { y };
    i16::try_from(end).unwrap_or(i16::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_known_days() {
        assert_eq!(from_ymd(1970, 1, 1), 0);
        assert_eq!(ymd(from_ymd(2024, 2, 29)), (2024, 2, 29));
        for d in -30_000..30_000 {
            let (y, m, dd) = ymd(d);
            assert_eq!(from_ymd(y, m, dd), d);
        }
        assert_eq!(format(from_ymd(2025, 3, 31)), "31/03/2025");
    }

    #[test]
    fn birthdays_and_ages() {
        let dob = from_ymd(2008, 2, 29);
        assert_eq!(ymd(add_years(dob, 18)), (2026, 2, 28));
        assert_eq!(age_at(dob, from_ymd(2026, 2, 27)), 17);
        assert_eq!(age_at(dob, from_ymd(2026, 2, 28)), 18);
        assert_eq!(age_at(from_ymd(2010, 6, 15), from_ymd(2025, 6, 14)), 14);
        assert_eq!(age_at(from_ymd(2010, 6, 15), from_ymd(2025, 6, 15)), 15);
        assert_eq!(ymd(add_months(from_ymd(2024, 1, 31), 1)), (2024, 2, 29));
        assert_eq!(collection_year_of(from_ymd(2024, 4, 1)), 2025);
        assert_eq!(collection_year_of(from_ymd(2025, 3, 31)), 2025);
    }
}
