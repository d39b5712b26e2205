use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PrevPerm row with any item completed (`PREV_PERM`, `LA_PERM`, `DATE_PERM`) for a child
    /// none of whose episodes started on or after 1 April 2016 (the latest readable `DECOM` is
    /// before it). The PrevPerm row and all the child's episodes are reported. A child with no
    /// episodes is not reported.
    ///
    /// ## Why it matters
    /// Previous permanence is collected only for children who started to be looked after from
    /// 1 April 2016; an entry for a child in care since before then was not asked for and
    /// cannot be right.
    ///
    /// ## Example
    /// A PrevPerm row `Z1` for a child whose only episode started 20/10/2011 is reported; one
    /// whose latest episode started 19/11/2021 is not.
    ///
    /// ## Reference behaviour
    /// The reference compares the latest `DECOM` with the start of the collection year instead
    /// of 1 April 2016 (its own comment says 01/04/2016), so it reports every PrevPerm entry of
    /// a child who did not start an episode this year. carelens follows the DfE rule; see
    /// `docs/disagreements.md`.
    pub(crate) PREVIOUS_PERMANENCE_FOR_CHILD_NOT_LOOKED_AFTER_SINCE_2016,
    code: "634",
    tables: ["Episodes", "PrevPerm"],
    fields: ["LA_PERM", "PREV_PERM", "DATE_PERM", "DECOM"],
    years: Y2022_23..,
    message: "There are entries for previous permanence options, but child has not started to be looked after from 1 April 2016 onwards.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(prev_perm)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.prev_perm.if_supplied())
    else {
        return;
    };
    // spec §2.1: previous permanence is completed for periods of care starting on or after
    // 1 April 2016.
    let since = date(2016, 4, 1);
    for p in prev_perm {
        let any = p.prev_perm.is_present() || p.la_perm.is_present() || p.date_perm.is_present();
        let Some(child) = p.child.value().filter(|_| any) else { continue };
        let last_decom = ctx.episodes().get(child.as_str()).filter_map(|e| e.decom.strict()).max();
        if last_decom.is_some_and(|d| d < since) {
            out.flag(p);
            for e in ctx.episodes().get(child.as_str()) {
                out.flag(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn previous_permanence_for_long_stayers_is_reported() {
        // The reference's own test, whose collection start is 01/04/2016.
        let cur = ret(&[
            (
                "PrevPerm",
                "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n101,Z1,,\n102,,352,\n103,,,01/05/2000\n\
                 6,Z1,352,\n7,,,\n8,P1,352,05/05/2020\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM\n101,20/10/2011\n102,19/11/2021\n102,17/06/2001\n103,04/04/2002\n\
                 103,11/09/2015\n103,01/03/2016\n",
            ),
        ]);
        let found = run(
            &PREVIOUS_PERMANENCE_FOR_CHILD_NOT_LOOKED_AFTER_SINCE_2016,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(
            found,
            ["Episodes:0", "Episodes:3", "Episodes:4", "Episodes:5", "PrevPerm:0", "PrevPerm:2"]
        );
    }

    #[test]
    fn child_in_care_since_2020_is_not_reported() {
        let cur = ret(&[
            ("PrevPerm", "CHILD,PREV_PERM\n1,Z1\n"),
            ("Episodes", "CHILD,DECOM\n1,01/06/2020\n"),
        ]);
        let found = run(
            &PREVIOUS_PERMANENCE_FOR_CHILD_NOT_LOOKED_AFTER_SINCE_2016,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
