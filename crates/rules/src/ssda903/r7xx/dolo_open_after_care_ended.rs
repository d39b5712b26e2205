use carelens_model::{Date, DoLo};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLO that lies outside every period of care of the child in this year's Episodes. A
    /// period of care runs from an episode's `DECOM` through the episodes that follow without a
    /// gap (the next `DECOM` on or before the previous `DEC`) to the last one's `DEC` (blank
    /// while the child is still looked after). A DoLO lies outside a period when:
    /// * it has no `DOLO_END` and the period has ended, or it started before the period;
    /// * or its `DOLO_END` is after the period's end or before the period's start.
    ///
    /// DoLOs with no readable `DOLO_START` and children with no episodes are not checked.
    ///
    /// ## Why it matters
    /// A DoLO is recorded for a looked-after child; one still open after the child left care
    /// (or ending outside any period of care) contradicts the episodes.
    ///
    /// ## Example
    /// Episodes from 01/04/2026 to 10/10/2026 (`REC` E4A) and a DoLO from 01/05/2026 with no end:
    /// reported. The same DoLO ending 01/09/2026 passes.
    ///
    /// ## Reference behaviour
    /// As in the reference (which reuses rule 577's logic for missing episodes), an unreadable
    /// `DOLO_END` counts as open, and an unreadable `DEC` as a period still open.
    pub(crate) DOLO_OPEN_AFTER_CARE_ENDED,
    code: "707",
    tables: ["DoLo", "Episodes"],
    fields: ["DOLO_END"],
    years: Y2026_27..,
    message: "Child ceased to be looked after but there is a DoLO without an end date.",
}

/// A period of care: first `DECOM`, and the last episode's `DEC`.
#[derive(Clone, Copy)]
struct Period {
    start: Date,
    end: Option<Date>,
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.dolo.if_supplied())
    else {
        return;
    };
    let mut eps: Vec<(Date, Option<Date>)> = Vec::new();
    let mut periods: Vec<Period> = Vec::new();
    for (child, orders) in ctx.dolo().iter() {
        eps.clear();
        eps.extend(
            ctx.episodes().get(child).filter_map(|e| e.decom.strict().map(|d| (d, e.dec.strict()))),
        );
        eps.sort_by_key(|(decom, _)| *decom);
        periods.clear();
        let mut prev_dec: Option<Date> = None;
        for &(decom, dec) in &eps {
            match periods.last_mut() {
                Some(p) if prev_dec.is_none_or(|d| decom <= d) => p.end = dec,
                _ => periods.push(Period { start: decom, end: dec }),
            }
            prev_dec = dec;
        }
        if periods.is_empty() {
            continue;
        }
        for d in orders {
            if d.dolo_start.strict().is_some() && periods.iter().all(|p| outside(d, *p)) {
                out.flag(d);
            }
        }
    }
}

/// Whether the order lies outside the period (the reference's `out_of_poc`).
fn outside(d: &DoLo, p: Period) -> bool {
    let Some(start) = d.dolo_start.strict() else { return false };
    match d.dolo_end.strict() {
        None => p.end.is_some() || start < p.start,
        Some(end) => p.end.is_some_and(|pe| end > pe) || end < p.start,
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn orders_outside_every_period_of_care_are_reported() {
        // The reference's own test.
        let cur = ret(&[
            (
                "DoLo",
                "CHILD,DOLO_START,DOLO_END\n1,01/01/1981,\n2,01/01/1981,02/06/2020\n\
                 3,01/01/1981,03/06/2022\n3,01/01/1981,03/06/2020\n4,01/01/1981,04/06/2020\n\
                 5,01/01/1981,01/01/1982\n5,01/01/1981,01/01/2000\n6,01/01/1981,01/01/1981\n\
                 7,,01/01/1981\n8,01/01/1981,\n9,01/01/2020,\n9,01/01/2021,\n\
                 9,04/06/2020,04/06/2021\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC\n1,01/04/1977,31/03/1981,o,X1\n2,01/04/1979,30/03/1981,o,\n\
                 88,01/05/1980,01/01/1981,o,xx\n3,01/04/1980,01/01/1981,V3,kk\n\
                 3,01/04/2020,01/01/2021,V3,kk\n3,01/01/2021,05/10/2021,V3,kk\n\
                 4,01/04/1981,,o,!!\n5,01/04/1978,01/01/1981,o,xx\n5,01/01/1981,01/01/1990,o,xx\n\
                 5,01/04/1983,04/06/2020,o,kk\n6,01/04/1983,04/06/2020,o,kk\n\
                 7,01/04/1983,04/06/2020,o,kk\n8,01/04/1983,04/06/2020,o,xx\n\
                 9,01/01/2020,04/06/2020,o,<--\n9,04/06/2020,11/08/2020,o,-\n\
                 9,11/08/2020,01/12/2020,o,-->\n9,22/12/2020,25/12/2020,o,<->\n\
                 9,01/01/2021,22/02/2021,o,<--\n9,22/02/2021,08/08/2021,V3,-\n9,08/08/2021,,o,--o\n",
            ),
        ]);
        let found = run(&DOLO_OPEN_AFTER_CARE_ENDED, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:0", "DoLo:1", "DoLo:2", "DoLo:7", "DoLo:9", "DoLo:10"]);
    }

    #[test]
    fn order_within_care_passes() {
        let cur = ret(&[
            ("DoLo", "CHILD,DOLO_START,DOLO_END\n1,01/05/2026,\n2,01/05/2026,01/09/2026\n"),
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC\n1,01/04/2026,10/10/2026,E4A\n2,01/04/2026,10/10/2026,E4A\n",
            ),
        ]);
        let found = run(&DOLO_OPEN_AFTER_CARE_ENDED, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:0"]);
    }
}
