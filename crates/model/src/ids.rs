//! Identifiers: children, local authorities, Ofsted settings, pupils, social workers.

use std::fmt;

use compact_str::CompactString;

/// The LA's own identifier for a child (`CHILD`). Opaque text: never parsed as a number, because
/// LAs use leading zeros and letters and the same child must match across years.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct ChildId(CompactString);

impl ChildId {
    /// Wraps an identifier, trimming surrounding spaces.
    pub fn new(text: &str) -> Self {
        Self(text.trim().into())
    }

    /// The identifier as sent.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ChildId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ChildId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ChildId({})", self.0)
    }
}

/// A local authority's 3-digit DfE code, as used in SSDA903 and DfE statistics (316 = Newham).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct LaCode(u16);

/// Why a text is not a DfE LA code.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a DfE local authority code (expected three digits, e.g. 316)")]
pub struct LaCodeError;

impl LaCode {
    /// Makes a code from its number.
    ///
    /// # Errors
    /// [`LaCodeError`] unless `code` has three digits (100–999).
    pub const fn new(code: u16) -> Result<Self, LaCodeError> {
        if code >= 100 && code <= 999 { Ok(Self(code)) } else { Err(LaCodeError) }
    }

    /// Parses `"316"` (surrounding spaces and an Excel `.0` are tolerated).
    ///
    /// # Errors
    /// [`LaCodeError`] when the text is not three digits.
    pub fn parse(text: &str) -> Result<Self, LaCodeError> {
        let t = text.trim();
        let t = t.strip_suffix(".0").unwrap_or(t);
        if t.len() != 3 || !t.bytes().all(|b| b.is_ascii_digit()) {
            return Err(LaCodeError);
        }
        t.parse::<u16>().map_err(|_| LaCodeError).and_then(Self::new)
    }

    /// The number, e.g. 316.
    pub const fn get(self) -> u16 {
        self.0
    }
}

impl fmt::Display for LaCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:03}", self.0)
    }
}

/// An Ofsted unique reference number (`URN`) for a setting or agency.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Urn {
    /// An Ofsted registration: `SC` + 6 digits, or 7 digits.
    Ofsted(CompactString),
    /// `XXXXXXX`: the provider is not Ofsted-inspected (CQC or ISI), or is a regional adoption
    /// agency.
    NotOfsted,
}

impl Urn {
    /// The URN as the DfE writes it.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ofsted(s) => s,
            Self::NotOfsted => "XXXXXXX",
        }
    }

    /// Parses a URN, upper-casing it. Accepts `SC` + 6 digits, 6 or 7 digits, and `XXXXXXX`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut buf = [0u8; 24];
        let t = crate::field::upper_small(text.trim(), &mut buf)?;
        let t = t.strip_suffix(".0").unwrap_or(t);
        if t == "XXXXXXX" {
            return Some(Self::NotOfsted);
        }
        let digits = t.strip_prefix("SC").unwrap_or(t);
        let ok = match t.starts_with("SC") {
            true => digits.len() == 6 || digits.len() == 7,
            false => digits.len() == 6 || digits.len() == 7,
        } && digits.bytes().all(|b| b.is_ascii_digit());
        ok.then(|| Self::Ofsted(t.into()))
    }
}

impl fmt::Display for Urn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A unique pupil number (`UPN`), or the reason it is unknown.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Upn {
    /// A letter (not I, O or S) and 12 digits, or a letter, 11 digits and a letter.
    Known(CompactString),
    /// `UN1`–`UN5`: why no UPN is known (1 not of school age … 5 source discrepancies).
    Unknown(u8),
}

impl Upn {
    /// Parses a UPN in the DfE format (rule 168); anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        let mut buf = [0u8; 24];
        let t = crate::field::upper_small(text.trim(), &mut buf)?;
        if let Some(n) = t.strip_prefix("UN") {
            return match n.as_bytes() {
                [d @ b'1'..=b'5'] => Some(Self::Unknown(d - b'0')),
                _ => None,
            };
        }
        let b = t.as_bytes();
        let first_ok = b.first().is_some_and(|c| c.is_ascii_uppercase() && !b"IOS".contains(c));
        let body_ok = b.len() == 13
            && (b[1..13].iter().all(u8::is_ascii_digit)
                || (b[1..12].iter().all(u8::is_ascii_digit) && b[12].is_ascii_uppercase()));
        (first_ok && body_ok).then(|| Self::Known(t.into()))
    }

    /// The UPN as the DfE writes it.
    pub fn to_text(&self) -> CompactString {
        match self {
            Self::Known(s) => s.clone(),
            Self::Unknown(n) => compact_str::format_compact!("UN{n}"),
        }
    }
}

/// A social worker identifier (`SW_ID`): a Social Work England registration number such as
/// `SW123456`, or a local `XX…` placeholder.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct SwId(CompactString);

impl SwId {
    /// Wraps an identifier, trimming and upper-casing it.
    pub fn new(text: &str) -> Self {
        let mut s = CompactString::from(text.trim());
        s.make_ascii_uppercase();
        Self(s)
    }

    /// The identifier.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn la_codes_are_three_digits() {
        assert_eq!(LaCode::parse("316").unwrap().get(), 316);
        assert_eq!(LaCode::parse(" 316.0 ").unwrap().to_string(), "316");
        assert!(LaCode::parse("31").is_err());
        assert!(LaCode::parse("E09000025").is_err());
    }

    #[test]
    fn urn_forms() {
        assert_eq!(Urn::parse("sc123456"), Some(Urn::Ofsted("SC123456".into())));
        assert_eq!(Urn::parse("1234567"), Some(Urn::Ofsted("1234567".into())));
        assert_eq!(Urn::parse("xxxxxxx"), Some(Urn::NotOfsted));
        assert_eq!(Urn::parse("SC12"), None);
    }

    #[test]
    fn upn_forms() {
        assert_eq!(Upn::parse("A123456789012"), Some(Upn::Known("A123456789012".into())));
        assert_eq!(Upn::parse("A12345678901B"), Some(Upn::Known("A12345678901B".into())));
        assert_eq!(Upn::parse("un3"), Some(Upn::Unknown(3)));
        assert_eq!(Upn::parse("I123456789012"), None);
        assert_eq!(Upn::parse("UN6"), None);
        assert_eq!(Upn::parse("A1234"), None);
    }
}

mod cells {
    use compact_str::CompactString;

    use super::{ChildId, SwId, Upn, Urn};
    use crate::field::{CellValue, Coercion};

    impl CellValue for ChildId {
        const EXPECTED: &'static str = "a child identifier";

        fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
            Some((Self::new(text), None))
        }

        fn write_text(&self, out: &mut CompactString) {
            out.push_str(self.as_str());
        }
    }

    impl CellValue for Urn {
        const EXPECTED: &'static str = "an Ofsted URN (SC + 6 digits, 7 digits, or XXXXXXX)";

        fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
            Self::parse(text).map(|u| (u, None))
        }

        fn write_text(&self, out: &mut CompactString) {
            out.push_str(self.as_str());
        }
    }

    impl CellValue for Upn {
        const EXPECTED: &'static str = "a UPN (letter + 12 characters) or UN1 to UN5";

        fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
            Self::parse(text).map(|u| (u, None))
        }

        fn write_text(&self, out: &mut CompactString) {
            out.push_str(&self.to_text());
        }
    }

    impl CellValue for SwId {
        const EXPECTED: &'static str = "a social worker identifier";

        fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
            Some((Self::new(text), None))
        }

        fn write_text(&self, out: &mut CompactString) {
            out.push_str(self.as_str());
        }
    }
}
