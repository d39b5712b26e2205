use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::dates::days_between;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose short-break episodes (`LS` V3), counted within the collection year, add up
    /// to more than 75 days. Each episode is cut to the year (an open episode runs to
    /// 31 March); episodes of no length are left out. Every counted V3 episode of the child is
    /// reported.
    ///
    /// ## Why it matters
    /// A series of short breaks may total at most 75 days a year; beyond that the child should
    /// be looked after under another legal status.
    ///
    /// ## Example
    /// Three V3 breaks of 30 days each in 2024/25 are all reported; two are not.
    pub(crate) RESPITE_CARE_OVER_75_DAYS_IN_YEAR,
    code: "367",
    tables: ["Episodes"],
    fields: ["LS", "DECOM", "DEC"],
    years: Y2022_23..,
    message: "The maximum amount of respite care allowable is 75 days in any 12-month period.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let (start, end) = (ctx.start(), ctx.end());
    let mut counted = Vec::new();
    for (_, eps) in ctx.episodes().iter() {
        counted.clear();
        let mut total = 0;
        for e in eps {
            if e.ls.strict() != Some(LegalStatus::V3) {
                continue;
            }
            // A blank or later DEC counts as 31 March; an unreadable one cannot be measured.
            let dec = if e.dec.is_blank() { Some(end) } else { e.dec.strict().map(|d| d.min(end)) };
            let (Some(decom), Some(dec)) = (e.decom.strict(), dec) else { continue };
            let days = days_between(decom.max(start), dec);
            if days > 0 {
                total += days;
                counted.push(e);
            }
        }
        if total > 75 {
            counted.iter().for_each(|e| out.flag(*e));
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn more_than_75_days_of_short_breaks_is_reported() {
        // The reference's own cases (year 01/04/2000 to 01/04/2001 there; to 31/03/2001 here).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n101,01/01/2000,01/06/2000,V3\n2002,01/01/2000,01/05/2000,V3\n\
             30003,01/04/2000,01/05/2000,V3\n30003,01/05/2000,01/07/2000,xx\n\
             30003,01/06/2000,01/07/2000,V3\n30003,01/07/2000,01/08/2000,V3\n\
             400004,01/08/2000,01/07/2000,V3\n400004,01/08/2000,01/11/2000,V3\n\
             55555,01/07/2000,,V3\n",
        )]);
        let year = CollectionYear::from_end_year(2001).unwrap();
        let found = run(&RESPITE_CARE_OVER_75_DAYS_IN_YEAR, year, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:4", "Episodes:5", "Episodes:7", "Episodes:8"]);
    }
}
