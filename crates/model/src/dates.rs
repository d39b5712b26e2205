//! Dates as LA systems write them.
//!
//! The DfE format is `dd/mm/yyyy`. Exports also contain `yyyy-mm-dd`, `dd/mm/yy`, a time of
//! day, other separators and Excel serial numbers; each is read, with a [`Coercion`] note.

use std::fmt::{self, Write};

use compact_str::CompactString;
use jiff::civil::Date;

use crate::field::{CellValue, Coercion};

/// Two-digit years up to this value are 20xx, above it 19xx. Children in care were born after
/// 1990 and care leavers after 1990, so 41–99 can only mean 1941–1999 for parents' records.
const TWO_DIGIT_PIVOT: i16 = 40;

/// Excel's day 1 is 1900-01-01 but it counts a 29 February 1900 that never was, so serial n is
/// 1899-12-30 + n days for every date after February 1900.
const EXCEL_EPOCH: Date = jiff::civil::date(1899, 12, 30);

fn ymd(y: i16, m: i8, d: i8) -> Option<Date> {
    Date::new(y, m, d).ok()
}

fn num<T: std::str::FromStr>(s: &str, max_len: usize) -> Option<T> {
    (!s.is_empty() && s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Parses a date in any form LA systems emit.
pub(crate) fn parse_date(text: &str) -> Option<(Date, Option<Coercion>)> {
    // Fast path for the DfE's own form, `dd/mm/yyyy`, which nearly every cell uses.
    if let &[d1, d2, b'/', m1, m2, b'/', y1, y2, y3, y4] = text.as_bytes() {
        let digits = [d1, d2, m1, m2, y1, y2, y3, y4];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |i: usize| i16::from(digits[i] - b'0');
            let day = i8::try_from(n(0) * 10 + n(1)).ok()?;
            let month = i8::try_from(n(2) * 10 + n(3)).ok()?;
            let year = n(4) * 1000 + n(5) * 100 + n(6) * 10 + n(7);
            return ymd(year, month, day).map(|d| (d, None));
        }
    }
    // A time of day after the date ("01/04/2024 00:00:00", "2024-04-01T00:00:00").
    let (date_part, timed) = match text.split_once([' ', 'T']) {
        Some((d, t)) if t.trim().starts_with(|c: char| c.is_ascii_digit()) => (d, true),
        Some(_) => return None,
        None => (text, false),
    };
    let (date, note) = parse_date_only(date_part)?;
    let note = if timed { Some(Coercion::DateTime) } else { note };
    Some((date, note))
}

fn parse_date_only(t: &str) -> Option<(Date, Option<Coercion>)> {
    let sep = t.bytes().find(|b| matches!(b, b'/' | b'-' | b'.'));
    let Some(sep) = sep else {
        // Excel serial day numbers for years 1954–2119 (20000–80000).
        let n: i32 = num(t, 5)?;
        if !(20_000..=80_000).contains(&n) {
            return None;
        }
        let d = EXCEL_EPOCH.checked_add(jiff::Span::new().days(i64::from(n))).ok()?;
        return Some((d, Some(Coercion::ExcelSerial)));
    };
    let mut parts = t.split(sep as char);
    let (Some(a), Some(b), Some(c), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return None;
    };
    if a.len() == 4 {
        // yyyy-mm-dd (or yyyy/mm/dd)
        let d = ymd(num(a, 4)?, num(b, 2)?, num(c, 2)?)?;
        return Some((d, Some(Coercion::IsoDate)));
    }
    let (day, month): (i8, i8) = (num(a, 2)?, num(b, 2)?);
    let (year, note) = match c.len() {
        4 => (num(c, 4)?, None),
        2 => {
            let yy: i16 = num(c, 2)?;
            (
                if yy <= TWO_DIGIT_PIVOT { 2000 + yy } else { 1900 + yy },
                Some(Coercion::TwoDigitYear),
            )
        }
        _ => return None,
    };
    let note = match (sep, note) {
        (_, Some(n)) => Some(n),
        (b'/', None) => None,
        _ => Some(Coercion::OtherDateSeparator),
    };
    Some((ymd(year, month, day)?, note))
}

pub(crate) fn write_date(d: Date, out: &mut CompactString) {
    let _ = write!(out, "{:02}/{:02}/{:04}", d.day(), d.month(), d.year());
}

impl CellValue for Date {
    const EXPECTED: &'static str = "a date (dd/mm/yyyy)";

    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
        parse_date(text)
    }

    fn write_text(&self, out: &mut CompactString) {
        write_date(*self, out);
    }
}

/// A date whose day, month or year may be unknown, written `ZZ` (PrevPerm `DATE_PERM`:
/// `ZZ/05/2021`, `ZZ/ZZ/1993`, `ZZ/ZZ/ZZZZ`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    /// Year, if known.
    pub year: Option<i16>,
    /// Month 1–12, if known.
    pub month: Option<i8>,
    /// Day of month, if known.
    pub day: Option<i8>,
}

impl PartialDate {
    /// The full date, when every part is known.
    pub fn to_date(self) -> Option<Date> {
        ymd(self.year?, self.month?, self.day?)
    }
}

impl CellValue for PartialDate {
    const EXPECTED: &'static str = "a date (dd/mm/yyyy, with ZZ for unknown parts)";

    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
        let upper = text.trim().to_ascii_uppercase();
        if !upper.contains('Z') {
            let (d, note) = parse_date(text)?;
            let pd = Self { year: Some(d.year()), month: Some(d.month()), day: Some(d.day()) };
            return Some((pd, note));
        }
        let parts: Vec<&str> = upper.split('/').collect();
        let [d, m, y] = parts.as_slice() else { return None };
        let part =
            |s: &str, len: usize, range: std::ops::RangeInclusive<i16>| -> Option<Option<i16>> {
                if s.len() == len && s.bytes().all(|b| b == b'Z') {
                    Some(None)
                } else {
                    let v: i16 = num(s, len)?;
                    range.contains(&v).then_some(Some(v))
                }
            };
        let day = part(d, 2, 1..=31)?;
        let month = part(m, 2, 1..=12)?;
        let year = part(y, 4, 1900..=2100)?;
        let to_i8 = |v: Option<i16>| v.and_then(|v| i8::try_from(v).ok());
        let pd = Self { year, month: to_i8(month), day: to_i8(day) };
        if let (Some(y), Some(m), Some(d)) = (pd.year, pd.month, pd.day) {
            ymd(y, m, d)?;
        }
        Some((pd, None))
    }

    fn write_text(&self, out: &mut CompactString) {
        let _ = match self.day {
            Some(d) => write!(out, "{d:02}/"),
            None => write!(out, "ZZ/"),
        };
        let _ = match self.month {
            Some(m) => write!(out, "{m:02}/"),
            None => write!(out, "ZZ/"),
        };
        let _ = match self.year {
            Some(y) => write!(out, "{y:04}"),
            None => write!(out, "ZZZZ"),
        };
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut s = CompactString::default();
        self.write_text(&mut s);
        f.write_str(&s)
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::Field;

    fn read(raw: &str) -> (Option<Date>, Option<Coercion>) {
        let f = Field::<Date>::parse(raw);
        (f.get(), f.note())
    }

    #[test]
    fn reads_every_form_with_the_right_note() {
        let d = Some(date(2024, 4, 1));
        assert_eq!(read("01/04/2024"), (d, None));
        assert_eq!(read("1/4/2024"), (d, None));
        assert_eq!(read("2024-04-01"), (d, Some(Coercion::IsoDate)));
        assert_eq!(read("01/04/24"), (d, Some(Coercion::TwoDigitYear)));
        assert_eq!(read("01/04/2024 00:00:00"), (d, Some(Coercion::DateTime)));
        assert_eq!(read("2024-04-01T00:00:00"), (d, Some(Coercion::DateTime)));
        assert_eq!(read("01-04-2024"), (d, Some(Coercion::OtherDateSeparator)));
        assert_eq!(read("01.04.2024"), (d, Some(Coercion::OtherDateSeparator)));
        assert_eq!(read("45383"), (d, Some(Coercion::ExcelSerial)));
        assert_eq!(read("01/04/85"), (Some(date(1985, 4, 1)), Some(Coercion::TwoDigitYear)));
    }

    #[test]
    fn impossible_dates_are_invalid() {
        for raw in [
            "31/02/2024",
            "38/04/2019",
            "2024-13-01",
            "01/04",
            "12345",
            "yesterday",
            "01/04/2024 noon",
        ] {
            assert!(Field::<Date>::parse(raw).is_invalid(), "{raw}");
        }
    }

    #[test]
    fn partial_dates() {
        let f = Field::<PartialDate>::parse("ZZ/05/2021");
        assert_eq!(f.get(), Some(PartialDate { year: Some(2021), month: Some(5), day: None }));
        assert_eq!(f.to_string(), "ZZ/05/2021");
        assert_eq!(Field::<PartialDate>::parse("zz/zz/zzzz").to_string(), "ZZ/ZZ/ZZZZ");
        assert_eq!(
            Field::<PartialDate>::parse("03/05/2021").get().and_then(PartialDate::to_date),
            Some(date(2021, 5, 3))
        );
        assert!(Field::<PartialDate>::parse("ZZ/13/2021").is_invalid());
        assert!(Field::<PartialDate>::parse("30/02/2021").is_invalid());
    }

    #[test]
    fn written_in_dfe_form() {
        assert_eq!(Field::new(date(2024, 4, 1)).raw(), "01/04/2024");
    }
}
