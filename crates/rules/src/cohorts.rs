//! Cohorts several rules share, computed once per validation.

use std::collections::HashMap;

use carelens_model::codes::{LegalStatus, ReasonEpisodeCeased, ReasonNewEpisode};

use crate::context::Ctx;

/// `CONTINUOUSLY_LOOKED_AFTER` for every child with episodes (see
/// [`Ctx::continuously_looked_after`]). Dates and codes are read strictly, as the reference
/// reads them (`dd/mm/yyyy`, exact codes): an unreadable date is treated as missing.
pub(crate) fn continuously_looked_after<'a>(ctx: &Ctx<'a>) -> HashMap<&'a str, bool> {
    let (start, end) = (ctx.start(), ctx.end());
    let mut out = HashMap::new();
    for (child, eps) in ctx.episodes().iter() {
        let mut in_care = false;
        let mut broken = false;
        for e in eps {
            let (decom, dec) = (e.decom.strict(), e.dec.strict());
            let during = decom.is_some_and(|d| d <= end) && dec.is_none_or(|d| d >= start);
            let enters = e.rne.strict() == Some(ReasonNewEpisode::S)
                && decom.is_some_and(|d| d > start && d <= end);
            let leaves = e.rec.strict() != Some(ReasonEpisodeCeased::X1)
                && dec.is_some_and(|d| d >= start && d < end);
            let short_break = e.ls.strict().is_some_and(LegalStatus::is_short_break) && during;
            in_care |= during;
            broken |= enters || leaves || short_break;
        }
        out.insert(child, in_care && !broken);
    }
    out
}
