//! UK postcodes, normalised once so that every lookup and comparison sees the same text.

use std::fmt;

use compact_str::CompactString;

/// How much of a postcode is known.
///
/// Pseudonymised extracts cut postcodes to the sector (`E15 4`) or the district (`E15`);
/// distances from those use sector or district centroids and are flagged as less precise.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PostcodePrecision {
    /// A whole unit postcode, `E15 4NJ`.
    Unit,
    /// Outward code plus the sector digit, `E15 4`.
    Sector,
    /// Outward code only, `E15`.
    District,
}

/// A UK postcode in normal form: upper case, one space before the inward code (`E15 4NJ`),
/// or a sector (`E15 4`) or district (`E15`) when that is all that was given.
///
/// ```
/// use carelens_model::{Postcode, PostcodePrecision};
/// let p = Postcode::parse(" e154nj ").unwrap();
/// assert_eq!(p.as_str(), "E15 4NJ");
/// assert_eq!(p.precision(), PostcodePrecision::Unit);
/// assert_eq!(p.outward(), "E15");
/// assert_eq!(Postcode::parse("E15 4").unwrap().precision(), PostcodePrecision::Sector);
/// assert!(Postcode::parse("not a postcode").is_err());
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Postcode {
    text: CompactString,
    precision: PostcodePrecision,
}

/// Why a text is not a postcode.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a UK postcode (expected a form like `E15 4NJ`, `E15 4` or `E15`)")]
pub struct PostcodeError;

impl Postcode {
    /// Parses and normalises a postcode: case and spaces are ignored.
    ///
    /// # Errors
    /// [`PostcodeError`] when the text does not have the shape of a UK postcode, its sector
    /// or its district.
    pub fn parse(text: &str) -> Result<Self, PostcodeError> {
        let compact: CompactString =
            text.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
        let bytes = compact.as_bytes();
        if !(2..=7).contains(&bytes.len()) || !bytes.iter().all(u8::is_ascii_alphanumeric) {
            return Err(PostcodeError);
        }
        // The whole text as an outward code (district): A9, A99, AA9, AA99, A9A, AA9A.
        if is_outward(bytes) {
            // "E154" reads as sector E15 4 only when it had a space; without one it is ambiguous
            // with district E154 (which does not exist). Treat a spaced form as a sector below.
            let had_space = text.trim().contains(char::is_whitespace);
            if !(had_space && bytes.len() >= 3 && is_outward(&bytes[..bytes.len() - 1])) {
                return Ok(Self { text: compact, precision: PostcodePrecision::District });
            }
        }
        let n = bytes.len();
        // Unit: outward + digit + two letters.
        if n >= 5
            && bytes[n - 3].is_ascii_digit()
            && bytes[n - 2].is_ascii_alphabetic()
            && bytes[n - 1].is_ascii_alphabetic()
            && is_outward(&bytes[..n - 3])
        {
            let text = format_args_compact(&compact[..n - 3], &compact[n - 3..]);
            return Ok(Self { text, precision: PostcodePrecision::Unit });
        }
        // Sector: outward + digit.
        if n >= 3 && bytes[n - 1].is_ascii_digit() && is_outward(&bytes[..n - 1]) {
            let text = format_args_compact(&compact[..n - 1], &compact[n - 1..]);
            return Ok(Self { text, precision: PostcodePrecision::Sector });
        }
        Err(PostcodeError)
    }

    /// The normalised text, e.g. `E15 4NJ`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// How much of the postcode is known.
    pub fn precision(&self) -> PostcodePrecision {
        self.precision
    }

    /// The outward code (district), e.g. `E15`.
    pub fn outward(&self) -> &str {
        self.text.split(' ').next().unwrap_or(&self.text)
    }

    /// The sector, e.g. `E15 4`, when the postcode has one.
    pub fn sector(&self) -> Option<&str> {
        match self.precision {
            PostcodePrecision::District => None,
            PostcodePrecision::Sector => Some(&self.text),
            PostcodePrecision::Unit => Some(&self.text[..self.text.len() - 2]),
        }
    }
}

fn format_args_compact(outward: &str, inward: &str) -> CompactString {
    let mut s = CompactString::with_capacity(outward.len() + 1 + inward.len());
    s.push_str(outward);
    s.push(' ');
    s.push_str(inward);
    s
}

/// Outward code shapes: A9, A99, AA9, AA99, A9A, AA9A (letters then a digit, then an optional
/// digit or letter).
fn is_outward(b: &[u8]) -> bool {
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if !(1..=2).contains(&letters) {
        return false;
    }
    let rest = &b[letters..];
    match rest {
        [d] => d.is_ascii_digit(),
        [d, x] => d.is_ascii_digit() && x.is_ascii_alphanumeric(),
        _ => false,
    }
}

impl fmt::Display for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// Redacting: a postcode locates a child, so it never appears in debug output or logs.
impl fmt::Debug for Postcode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Postcode({} …, {:?})", self.outward(), self.precision)
    }
}

impl crate::field::CellValue for Postcode {
    const EXPECTED: &'static str = "a UK postcode such as E15 4NJ";

    fn parse_text(text: &str) -> Option<(Self, Option<crate::field::Coercion>)> {
        Self::parse(text).ok().map(|p| (p, None))
    }

    fn write_text(&self, out: &mut CompactString) {
        out.push_str(self.as_str());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_spacing() {
        for raw in ["E154NJ", "e15 4nj", "  E15   4NJ ", "E1 54NJ"] {
            assert_eq!(Postcode::parse(raw).unwrap().as_str(), "E15 4NJ", "{raw}");
        }
        assert_eq!(Postcode::parse("SW1A1AA").unwrap().as_str(), "SW1A 1AA");
        assert_eq!(Postcode::parse("m11ae").unwrap().as_str(), "M1 1AE");
    }

    #[test]
    fn recognises_sectors_and_districts() {
        let s = Postcode::parse("sw1a 1").unwrap();
        assert_eq!((s.as_str(), s.precision()), ("SW1A 1", PostcodePrecision::Sector));
        let d = Postcode::parse("E15").unwrap();
        assert_eq!((d.as_str(), d.precision()), ("E15", PostcodePrecision::District));
        assert_eq!(Postcode::parse("E15 4NJ").unwrap().sector(), Some("E15 4"));
    }

    #[test]
    fn rejects_malformed() {
        for raw in ["", "12345", "E15 4N", "EEE1 4NJ", "E15-4NJ", "ZZZZZZZZZ"] {
            assert!(Postcode::parse(raw).is_err(), "{raw}");
        }
    }

    #[test]
    fn debug_does_not_reveal_the_postcode() {
        let p = Postcode::parse("E15 4NJ").unwrap();
        assert!(!format!("{p:?}").contains("4NJ"));
    }
}
