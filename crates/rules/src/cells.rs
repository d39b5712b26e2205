//! Cells as the reference's pandas sees them, shared by every rule: text comparisons on the
//! upper-cased text as sent (codes the DfE list does not know, `==` against a blank), and the
//! Header's `UASC` flag.
//!
//! The reference upper-cases every string on read and keeps blanks as `NaN`: `==` with a blank is
//! false (even blank against blank), while after `astype(str)` or `fillna("")` two blanks are
//! equal. Both behaviours occur, so both are here, under different names.

use carelens_model::{Field, Header, Return903, SourceFormat};

/// A cell's text as the reference sees it: `None` when blank, otherwise the text as sent
/// (trimmed). Compare it ignoring ASCII case: the reference upper-cases every string on read.
pub(crate) fn text<T>(f: &Field<T>) -> Option<&str> {
    if f.is_blank() { None } else { Some(f.raw().trim()) }
}

/// Whether a cell holds exactly `code` (ignoring case), as `df[col] == "code"` tests it. Used
/// where a rule names codes that are not (or no longer) in the DfE's list, which carelens reads
/// as invalid.
pub(crate) fn is_text<T>(f: &Field<T>, code: &str) -> bool {
    text(f).is_some_and(|t| t.eq_ignore_ascii_case(code))
}

/// Whether a cell's text is one of `codes` (ignoring case), as `.isin([...])` tests it.
pub(crate) fn text_in<T>(f: &Field<T>, codes: &[&str]) -> bool {
    text(f).is_some_and(|t| codes.iter().any(|c| t.eq_ignore_ascii_case(c)))
}

/// Whether two cells hold the same text, as the reference compares columns after `astype(str)`
/// or `fillna("")`: two blanks are equal, a blank and a filled cell differ, filled cells are
/// compared as upper-cased text.
pub(crate) fn same_text<T, U>(a: &Field<T>, b: &Field<U>) -> bool {
    match (text(a), text(b)) {
        (Some(x), Some(y)) => x.eq_ignore_ascii_case(y),
        (None, None) => true,
        _ => false,
    }
}

/// Whether two cells hold the same non-blank text, as pandas' `==` on raw columns tests it: a
/// blank equals nothing, not even another blank.
pub(crate) fn equal_text<T, U>(a: &Field<T>, b: &Field<U>) -> bool {
    matches!((text(a), text(b)), (Some(x), Some(y)) if x.eq_ignore_ascii_case(y))
}

/// Whether a return's Header rows carry the reference's `UASC` column at all. An XML return
/// always has it; for a CSV return the reference adds it only when the UASC table was supplied
/// (and derives it from that table), so without a UASC table nobody can be known to be UASC.
pub(crate) fn has_uasc_flags(ret: &Return903) -> bool {
    ret.tables.uasc.supplied || is_xml(ret)
}

/// Whether any of the return's files was XML.
pub(crate) fn is_xml(ret: &Return903) -> bool {
    ret.sources.iter().any(|s| s.format == SourceFormat::Xml)
}

/// Whether a Header row's `UASC` flag is `1`.
pub(crate) fn is_uasc(h: &Header) -> bool {
    h.uasc.strict() == Some(true)
}

#[cfg(test)]
mod tests {
    use carelens_model::codes::PlacementType;

    use super::*;

    #[test]
    fn comparisons_follow_pandas() {
        let f = |s: &str| Field::<PlacementType>::parse(s);
        assert!(same_text(&f(""), &f("")));
        assert!(!equal_text(&f(""), &f("")));
        assert!(!same_text(&f(""), &f("U1")));
        assert!(same_text(&f("u1"), &f("U1")));
        assert!(equal_text(&f("XX"), &f("xx")));
        assert!(is_text(&f("a1"), "A1"));
        assert!(text_in(&f("a1"), &["A4", "A1"]));
        assert!(!text_in(&f(""), &["A4", "A1"]));
    }
}
