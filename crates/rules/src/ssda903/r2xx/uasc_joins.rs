//! The join rules 205A–205C make: each UASC row this year with its Header row, and with the
//! child's UASC row and Header row last year, as the reference's left merges pair them.

use carelens_model::{Header, Uasc};

use crate::context::{ByChild, Ctx};

/// A Header `UASC` flag as the reference reads it (text `"1"`, `"0"`, missing, or other).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Flag {
    /// `"1"`: UASC.
    One,
    /// `"0"`: not UASC.
    Zero,
    /// No Header row, or a blank flag.
    Missing,
    /// Any other text.
    Other,
}

impl Flag {
    fn of(h: &Header) -> Self {
        match h.uasc.strict() {
            Some(true) => Self::One,
            Some(false) => Self::Zero,
            None if h.uasc.is_blank() => Self::Missing,
            None => Self::Other,
        }
    }

    /// The flag the reference derives from a UASC row when the Header was not supplied: UASC
    /// when any column but CHILD and DOB is filled in.
    fn derived(u: &Uasc) -> Self {
        if u.sex.is_present() || u.duc.is_present() { Self::One } else { Self::Zero }
    }
}

/// One pairing of a UASC row this year with its partners.
pub(super) struct Join<'a> {
    /// This year's UASC row.
    pub(super) uasc: &'a Uasc,
    /// This year's Header row, when the Header was supplied and has the child.
    pub(super) header: Option<&'a Header>,
    /// This year's flag.
    pub(super) flag: Flag,
    /// Last year's UASC row of the child.
    pub(super) uasc_last: Option<&'a Uasc>,
    /// Last year's flag (missing without a last-year UASC row).
    pub(super) flag_last: Flag,
}

/// Every pairing, or `None` when this year's or last year's UASC table was not supplied (the
/// reference then skips the rule). Without a Header, the flags are derived from the UASC rows,
/// as the reference does for CSV returns.
pub(super) fn joins<'a>(ctx: &Ctx<'a>) -> Option<Vec<Join<'a>>> {
    let uasc = ctx.cur.tables.uasc.if_supplied()?;
    let last = ctx.last?;
    let uasc_last = ByChild::new(last.tables.uasc.if_supplied()?);
    // Both UASC tables were supplied, so both Headers (when supplied) carry the flag.
    let header_cur = ctx.cur.tables.header.supplied.then(|| ctx.header());
    let header_last = last.tables.header.supplied.then(|| ctx.header_last());
    let mut out = Vec::new();
    for u in uasc {
        let Some(child) = u.child.value().map(|c| c.as_str()) else { continue };
        let currents: Vec<(Option<&'a Header>, Flag)> = match header_cur {
            Some(hs) => {
                let v: Vec<_> = hs.get(child).map(|h| (Some(h), Flag::of(h))).collect();
                if v.is_empty() { vec![(None, Flag::Missing)] } else { v }
            }
            None => vec![(None, Flag::derived(u))],
        };
        let mut lasts: Vec<(Option<&'a Uasc>, Flag)> = Vec::new();
        for ul in uasc_last.get(child) {
            match header_last {
                Some(hs) => {
                    let before = lasts.len();
                    lasts.extend(hs.get(child).map(|h| (Some(ul), Flag::of(h))));
                    if lasts.len() == before {
                        lasts.push((Some(ul), Flag::Missing));
                    }
                }
                None => lasts.push((Some(ul), Flag::derived(ul))),
            }
        }
        if lasts.is_empty() {
            lasts.push((None, Flag::Missing));
        }
        for &(header, flag) in &currents {
            for &(uasc_last, flag_last) in &lasts {
                out.push(Join { uasc: u, header, flag, uasc_last, flag_last });
            }
        }
    }
    Some(out)
}
