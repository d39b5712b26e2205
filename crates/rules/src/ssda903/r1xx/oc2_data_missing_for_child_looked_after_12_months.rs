use std::collections::HashSet;

use super::util::looked_after_12_months;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For a child looked after continuously for 12 months at 31 March (the OC2 cohort, as the
    /// reference computes it): an OC2 row with any of `IMMUNISATIONS`, `TEETH_CHECK`,
    /// `HEALTH_ASSESSMENT` or `SUBSTANCE_MISUSE` blank; and, when the child has no OC2 row at
    /// all, the child's earliest episode (by `DECOM`; the first in the file among equals).
    ///
    /// ## Why it matters
    /// The OC2 health outcomes are published as rates over the whole cohort; a missing record
    /// or item makes the rate wrong.
    ///
    /// ## Example
    /// A child in care all year with all four items filled in passes; with `TEETH_CHECK` blank
    /// the OC2 row is reported, and with no OC2 row the child's first episode is.
    ///
    /// ## Reference behaviour
    /// The reference fails (reports nothing at all) when any child's episodes all have an
    /// unreadable `DECOM`; carelens runs the check and leaves such a child out, since it
    /// cannot be in the cohort (`docs/disagreements.md`).
    pub(crate) OC2_DATA_MISSING_FOR_CHILD_LOOKED_AFTER_12_MONTHS,
    code: "191",
    tables: ["OC2", "Episodes"],
    fields: ["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE", "CHILD"],
    years: Y2022_23..,
    message: "Child has been looked after continuously for at least 12 months at 31 March but one or more data items relating to children looked after for 12 months have been left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(oc2), Some(_)) =
        (ctx.cur.tables.oc2.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    for r in oc2 {
        let missing = r.immunisations.is_blank()
            || r.teeth_check.is_blank()
            || r.health_assessment.is_blank()
            || r.substance_misuse.is_blank();
        if missing && looked_after_12_months(ctx, &r.child) {
            out.flag(r);
        }
    }
    let in_oc2: HashSet<&str> =
        oc2.iter().filter_map(|r| r.child.value()).map(|c| c.as_str()).collect();
    for (child, eps) in ctx.episodes().iter() {
        if in_oc2.contains(child) || !ctx.continuously_looked_after(child) {
            continue;
        }
        let first =
            eps.iter().filter_map(|e| e.decom.strict().map(|d| (d, *e))).min_by_key(|p| p.0);
        if let Some((_, e)) = first {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn blank_items_and_missing_records_are_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC,RNE\n\
                 1,01/03/2024,,C2,,S\n\
                 2,01/03/2024,,C2,,S\n\
                 3,01/05/2023,01/03/2024,C2,X1,S\n\
                 3,01/03/2024,,C2,,L\n\
                 3,01/05/2023,,C2,,L\n\
                 4,01/06/2024,,C2,,S\n\
                 5,xx,,C2,,S\n",
            ),
            (
                "OC2",
                "CHILD,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE\n\
                 1,1,1,1,0\n2,1,,1,0\n4,,,,\n",
            ),
        ]);
        let found = run(
            &OC2_DATA_MISSING_FOR_CHILD_LOOKED_AFTER_12_MONTHS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:2", "OC2:1"]);
    }
}
