//! One cell of a return: the raw text the LA sent and what it means.

use std::fmt;

use compact_str::CompactString;

/// How a cell was read when it was not in the DfE's own format but its meaning was clear.
///
/// carelens reads these values (an analyst's export should not fail on `10.0`), but keeps the
/// note so that the ingest report can warn and validation can still see that the LA did not send
/// the DfE format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Coercion {
    /// An integer or code written as a decimal by a spreadsheet: `10.0`, `1.0`.
    DecimalInteger,
    /// A code followed by its label: `U4 - Foster placement…`, `C2: Full care order`.
    CodeWithLabel,
    /// The label alone, matched to its code: `Male`, `Full care order`.
    LabelOnly,
    /// A date as `yyyy-mm-dd`.
    IsoDate,
    /// A date as `dd/mm/yy`; the century was inferred (00–40 → 20xx, 41–99 → 19xx).
    TwoDigitYear,
    /// A date with a time of day, `dd/mm/yyyy 00:00:00`.
    DateTime,
    /// A date with `-` or `.` between its parts, `dd-mm-yyyy`.
    OtherDateSeparator,
    /// A date as an Excel serial day number, `45383`.
    ExcelSerial,
}

impl Coercion {
    /// A short description for diagnostics.
    pub const fn describe(self) -> &'static str {
        match self {
            Self::DecimalInteger => "number written as a decimal",
            Self::CodeWithLabel => "code given with its label",
            Self::LabelOnly => "label given instead of the code",
            Self::IsoDate => "date in yyyy-mm-dd form",
            Self::TwoDigitYear => "date with a two-digit year",
            Self::DateTime => "date with a time of day",
            Self::OtherDateSeparator => "date with - or . separators",
            Self::ExcelSerial => "date as an Excel serial number",
        }
    }

    /// Whether this is a date written in another form than the DfE's `dd/mm/yyyy`.
    pub const fn is_date_form(self) -> bool {
        matches!(
            self,
            Self::IsoDate
                | Self::TwoDigitYear
                | Self::DateTime
                | Self::OtherDateSeparator
                | Self::ExcelSerial
        )
    }
}

/// A value type that can be read from a cell and written back in the DfE's format.
pub trait CellValue: Sized {
    /// What a valid value looks like, for diagnostics: "a date (dd/mm/yyyy)".
    const EXPECTED: &'static str;

    /// Reads trimmed, non-blank text. `None` when the text is not a valid value.
    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)>;

    /// Writes the value in the DfE's format.
    fn write_text(&self, out: &mut CompactString);
}

/// The state of a cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Parsed<T> {
    /// Empty, whitespace, or one of the blank spellings (`NULL`, `NaN`, `N/A`…).
    Blank,
    /// A value.
    Valid(T),
    /// Text that is not a value of this field's type: kept as raw text, never "fixed".
    Invalid,
}

/// A cell: the raw text exactly as sent, the value it parsed to, and how it was read.
#[derive(Clone, PartialEq)]
pub struct Field<T> {
    raw: CompactString,
    value: Parsed<T>,
    note: Option<Coercion>,
}

/// The spellings of "no value" that spreadsheet and database exports produce (the same list
/// pandas treats as missing, so that carelens and the reference validator agree on blanks).
const BLANKS: &[&str] = &[
    "NULL", "null", "NaN", "nan", "-NaN", "-nan", "N/A", "n/a", "NA", "#N/A", "#N/A N/A", "#NA",
    "None", "<NA>", "-1.#IND", "-1.#QNAN", "1.#IND", "1.#QNAN",
];

/// `text.trim()`, without decoding characters in the common case where the text starts and
/// ends with a visible ASCII character.
#[inline]
pub(crate) fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}

/// Whether a cell's text means "no value".
pub fn is_blank_text(text: &str) -> bool {
    let t = trim(text);
    // Every blank spelling is 2–8 characters and starts with one of these bytes; most cells
    // are neither, so the list is rarely scanned.
    t.is_empty()
        || (t.len() <= 8
            && matches!(t.as_bytes()[0], b'N' | b'n' | b'-' | b'#' | b'<' | b'1')
            && BLANKS.contains(&t))
}

/// `text` in upper case without allocating, when it is short enough (codes, URNs, UPNs);
/// `None` when it is longer than the buffer.
pub(crate) fn upper_small<'b>(text: &str, buf: &'b mut [u8; 24]) -> Option<&'b str> {
    let bytes = text.as_bytes();
    let out = buf.get_mut(..bytes.len())?;
    out.copy_from_slice(bytes);
    out.make_ascii_uppercase();
    std::str::from_utf8(out).ok()
}

impl<T: CellValue> Field<T> {
    /// Reads a cell.
    pub fn parse(raw: &str) -> Self {
        let raw_text = CompactString::from(raw);
        if is_blank_text(raw) {
            return Self { raw: raw_text, value: Parsed::Blank, note: None };
        }
        match T::parse_text(trim(raw)) {
            Some((v, note)) => Self { raw: raw_text, value: Parsed::Valid(v), note },
            None => Self { raw: raw_text, value: Parsed::Invalid, note: None },
        }
    }

    /// A cell holding `value`, written in the DfE's format (what a clean return contains).
    pub fn new(value: T) -> Self {
        let mut raw = CompactString::default();
        value.write_text(&mut raw);
        Self { raw, value: Parsed::Valid(value), note: None }
    }

    /// `Some(v)` → [`Field::new`], `None` → blank.
    pub fn from_option(value: Option<T>) -> Self {
        value.map_or_else(Self::blank, Self::new)
    }

    /// What a valid value looks like.
    pub fn expected(&self) -> &'static str {
        T::EXPECTED
    }
}

impl<T> Field<T> {
    /// An empty cell.
    pub fn blank() -> Self {
        Self { raw: CompactString::default(), value: Parsed::Blank, note: None }
    }

    /// The text exactly as sent.
    pub fn raw(&self) -> &str {
        &self.raw
    }

    /// The value, if the cell held a valid one.
    pub fn value(&self) -> Option<&T> {
        match &self.value {
            Parsed::Valid(v) => Some(v),
            _ => None,
        }
    }

    /// The parsed state.
    pub fn parsed(&self) -> &Parsed<T> {
        &self.value
    }

    /// Whether the cell is blank.
    pub fn is_blank(&self) -> bool {
        matches!(self.value, Parsed::Blank)
    }

    /// Whether the cell holds text that is not a valid value.
    pub fn is_invalid(&self) -> bool {
        matches!(self.value, Parsed::Invalid)
    }

    /// Whether the cell is not blank (valid or not).
    pub fn is_present(&self) -> bool {
        !self.is_blank()
    }

    /// How the value was read, when it was not in the DfE's format.
    pub fn note(&self) -> Option<Coercion> {
        self.note
    }

    /// Whether the cell holds a valid value written exactly in the DfE's format (no coercion).
    pub fn is_strictly_valid(&self) -> bool {
        matches!(self.value, Parsed::Valid(_)) && self.note.is_none()
    }
}

impl<T: Copy> Field<T> {
    /// The value, if valid.
    pub fn get(&self) -> Option<T> {
        self.value().copied()
    }

    /// The value, if valid AND written in the DfE's own format (no [`Coercion`]): what the DfE's
    /// systems and the reference validator accept. Validation rules use this; a `10.0` or a
    /// `yyyy-mm-dd` date counts as not valid there, exactly as the LA would be told.
    pub fn strict(&self) -> Option<T> {
        self.strict_ref().copied()
    }
}

impl<T> Field<T> {
    /// [`Field::strict`] by reference.
    pub fn strict_ref(&self) -> Option<&T> {
        if self.note.is_some() { None } else { self.value() }
    }
}

impl<T> Default for Field<T> {
    fn default() -> Self {
        Self::blank()
    }
}

/// Shows the value, or `invalid: <raw>` when the text did not parse (never a "fixed" value).
impl<T: CellValue> fmt::Display for Field<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Parsed::Blank => Ok(()),
            Parsed::Invalid => write!(f, "invalid: {}", self.raw),
            Parsed::Valid(v) => {
                let mut s = CompactString::default();
                v.write_text(&mut s);
                f.write_str(&s)
            }
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for Field<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.value {
            Parsed::Blank => f.write_str("Blank"),
            Parsed::Invalid => write!(f, "Invalid({:?})", self.raw),
            Parsed::Valid(v) => match self.note {
                Some(n) => write!(f, "{v:?} [{n:?}]"),
                None => write!(f, "{v:?}"),
            },
        }
    }
}

/// Strips an Excel `.0` from an integer written as a decimal.
pub(crate) fn strip_decimal_zero(text: &str) -> (&str, bool) {
    match text.strip_suffix(".0").or_else(|| text.strip_suffix(".00")) {
        Some(head) if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()) => (head, true),
        _ => (text, false),
    }
}

impl CellValue for bool {
    const EXPECTED: &'static str = "0 or 1";

    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
        let (t, dec) = strip_decimal_zero(text);
        let note = dec.then_some(Coercion::DecimalInteger);
        match t {
            "0" => Some((false, note)),
            "1" => Some((true, note)),
            _ => match t.to_ascii_lowercase().as_str() {
                "no" | "n" | "false" => Some((false, Some(Coercion::LabelOnly))),
                "yes" | "y" | "true" => Some((true, Some(Coercion::LabelOnly))),
                _ => None,
            },
        }
    }

    fn write_text(&self, out: &mut CompactString) {
        out.push(if *self { '1' } else { '0' });
    }
}

impl CellValue for u8 {
    const EXPECTED: &'static str = "a whole number";

    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
        let (t, dec) = strip_decimal_zero(text);
        if !t.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        t.parse().ok().map(|n| (n, dec.then_some(Coercion::DecimalInteger)))
    }

    fn write_text(&self, out: &mut CompactString) {
        use std::fmt::Write;
        let _ = write!(out, "{self}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_spellings_are_blank_and_keep_their_text() {
        for raw in ["", "  ", "NULL", "nan", "N/A"] {
            let f = Field::<bool>::parse(raw);
            assert!(f.is_blank(), "{raw:?}");
            assert_eq!(f.raw(), raw);
        }
    }

    #[test]
    fn invalid_text_is_kept_not_fixed() {
        let f = Field::<bool>::parse("2");
        assert!(f.is_invalid());
        assert_eq!(f.to_string(), "invalid: 2");
        assert_eq!(f.value(), None);
    }

    #[test]
    fn excel_decimals_are_read_with_a_note() {
        let f = Field::<u8>::parse("10.0");
        assert_eq!(f.get(), Some(10));
        assert_eq!(f.note(), Some(Coercion::DecimalInteger));
        assert!(!f.is_strictly_valid());
        assert_eq!(Field::<bool>::parse("1.0").get(), Some(true));
        assert!(Field::<u8>::parse("1.5").is_invalid());
    }

    #[test]
    fn new_writes_the_dfe_form() {
        assert_eq!(Field::new(true).raw(), "1");
        assert_eq!(Field::new(7u8).raw(), "7");
    }
}
