//! Collection years: "2024/25" is 1 April 2024 to 31 March 2025.

use std::fmt;
use std::str::FromStr;

use jiff::civil::{Date, date};

/// An SSDA903 collection year, stored as its END year (2025 for "2024/25"), as the DfE and the
/// reference validator key it (spec §1: `collectionYear = "2025"`).
///
/// ```
/// use carelens_model::CollectionYear;
/// let y: CollectionYear = "2024/25".parse().unwrap();
/// assert_eq!(y, CollectionYear::Y2024_25);
/// assert_eq!(y.to_string(), "2024/25");
/// assert_eq!(y.start().to_string(), "2024-04-01");
/// assert_eq!(y.end().to_string(), "2025-03-31");
/// assert_eq!(y.previous(), CollectionYear::Y2023_24);
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct CollectionYear(i16);

/// Why a text is not a collection year.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a collection year (expected a form like 2024/25, 2024-25 or 2025)")]
pub struct YearError(pub String);

impl CollectionYear {
    /// 1 April 2022 to 31 March 2023.
    pub const Y2022_23: Self = Self(2023);
    /// 1 April 2023 to 31 March 2024.
    pub const Y2023_24: Self = Self(2024);
    /// 1 April 2024 to 31 March 2025.
    pub const Y2024_25: Self = Self(2025);
    /// 1 April 2025 to 31 March 2026.
    pub const Y2025_26: Self = Self(2026);
    /// 1 April 2026 to 31 March 2027.
    pub const Y2026_27: Self = Self(2027);
    /// The years whose rulebook carelens implements.
    pub const SUPPORTED: [Self; 5] =
        [Self::Y2022_23, Self::Y2023_24, Self::Y2024_25, Self::Y2025_26, Self::Y2026_27];

    /// The year ending 31 March `end_year`.
    ///
    /// # Errors
    /// [`YearError`] outside 1992–2100 (the return was first collected in 1992).
    pub fn from_end_year(end_year: i16) -> Result<Self, YearError> {
        if (1992..=2100).contains(&end_year) {
            Ok(Self(end_year))
        } else {
            Err(YearError(end_year.to_string()))
        }
    }

    /// The calendar year in which the collection year ends.
    pub const fn end_year(self) -> i16 {
        self.0
    }

    /// 1 April at the start of the year.
    pub fn start(self) -> Date {
        date(self.0 - 1, 4, 1)
    }

    /// 31 March at the end of the year (the census date for "looked after at 31 March").
    pub fn end(self) -> Date {
        date(self.0, 3, 31)
    }

    /// The year before.
    pub const fn previous(self) -> Self {
        Self(self.0 - 1)
    }

    /// The year after.
    pub const fn next(self) -> Self {
        Self(self.0 + 1)
    }

    /// Whether `d` falls inside the year (both ends included).
    pub fn contains(self, d: Date) -> bool {
        self.start() <= d && d <= self.end()
    }

    /// The collection year a date falls in.
    pub fn containing(d: Date) -> Self {
        if d.month() >= 4 { Self(d.year() + 1) } else { Self(d.year()) }
    }
}

impl fmt::Display for CollectionYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{:02}", self.0 - 1, self.0.rem_euclid(100))
    }
}

impl FromStr for CollectionYear {
    type Err = YearError;

    /// Reads `2024/25`, `2024-25`, `2024/2025`, `202425` and the end year alone, `2025`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let err = || YearError(s.to_owned());
        let t = s.trim();
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        let has_sep = t.contains(['/', '-']);
        let (start, end) = match (digits.len(), has_sep) {
            (4, false) => return Self::from_end_year(digits.parse().map_err(|_| err())?),
            (6, _) => (&digits[..4], &digits[4..]),
            (8, _) => (&digits[..4], &digits[6..]),
            _ => return Err(err()),
        };
        let start: i16 = start.parse().map_err(|_| err())?;
        let end: i16 = end.parse().map_err(|_| err())?;
        if (start + 1).rem_euclid(100) != end {
            return Err(err());
        }
        Self::from_end_year(start + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_usual_spellings() {
        for s in ["2024/25", "2024-25", "2024/2025", "202425", "2025", " 2024/25 "] {
            assert_eq!(s.parse::<CollectionYear>().unwrap(), CollectionYear::Y2024_25, "{s}");
        }
        assert_eq!("1999/00".parse::<CollectionYear>().unwrap().end_year(), 2000);
        for s in ["2024/26", "24/25", "", "abcd", "1900"] {
            assert!(s.parse::<CollectionYear>().is_err(), "{s}");
        }
    }

    #[test]
    fn dates_fall_in_the_right_year() {
        assert_eq!(CollectionYear::containing(date(2024, 4, 1)), CollectionYear::Y2024_25);
        assert_eq!(CollectionYear::containing(date(2025, 3, 31)), CollectionYear::Y2024_25);
        assert!(!CollectionYear::Y2024_25.contains(date(2024, 3, 31)));
    }
}
