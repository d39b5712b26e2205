use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r6xx::util::same_date_cell;

declare_rule! {
    /// ## What it checks
    /// A DoLO left open in last year's return (no `DOLO_END`) for which this year's return has
    /// no DoLO of the same child with the same `DOLO_START`. Last year's row is reported.
    ///
    /// ## Why it matters
    /// An order in force at 31 March is still in force on 1 April: it must be carried into the
    /// new year's return, with its original start date, until it ends.
    ///
    /// ## Example
    /// Last year: an order from 03/01/2026 with no end. This year: orders from 01/01/2027 only.
    /// Last year's row is reported; an order from 03/01/2026 this year would satisfy the rule.
    ///
    /// ## Reference behaviour
    /// The reference returns the positions of last year's rows under this year's table name,
    /// so it marks whichever row of this year's DoLo table has the same position (or none).
    /// carelens reports last year's row itself (see `docs/disagreements.md`).
    /// Start dates are compared as dates when both are valid (`1/1/2026` equals `01/01/2026`).
    pub(crate) OPEN_DOLO_FROM_LAST_YEAR_NOT_CONTINUED,
    code: "706",
    tables: ["DoLo", "DoLo_last"],
    fields: ["DOLO_START"],
    years: Y2026_27..,
    needs: [last_year],
    message: "There is an open DoLO in last year’s return and there is no corresponding DoLO recorded at the start of this year..",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(dolo_last)) =
        (ctx.cur.tables.dolo.if_supplied(), ctx.last.and_then(|l| l.tables.dolo.if_supplied()))
    else {
        return;
    };
    let dolo = ctx.dolo();
    for l in dolo_last.iter().filter(|l| l.dolo_end.is_blank()) {
        let Some(child) = l.child.value() else { continue };
        if !dolo.get(child.as_str()).any(|d| same_date_cell(&d.dolo_start, &l.dolo_start)) {
            out.flag_last(l);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn open_order_not_carried_forward_is_reported() {
        // The reference's own test: last year's row 2 (child 1, from 03/01/1999) is open and
        // has no match this year; plus child 4 (same date written differently) and child 3.
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START\n1,01/01/2000\n1,04/01/2000\n1,06/01/2000\n2,01/01/2000\n\
             2,02/01/2000\n3,01/01/2000\n4,01/01/2000\n",
        )]);
        let last = ret(&[(
            "DoLo",
            "CHILD,DOLO_START,DOLO_END\n1,01/01/1999,02/01/1999\n1,04/01/1999,05/01/1999\n\
             1,03/01/1999,\n2,01/01/2000,01/02/1999\n2,02/01/2000,03/01/1999\n\
             3,01/01/2000,02/01/2000\n4,1/1/2000,\n3,05/05/1999,\n",
        )]);
        let found = run(
            &OPEN_DOLO_FROM_LAST_YEAR_NOT_CONTINUED,
            CollectionYear::Y2026_27,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["DoLo_last:2", "DoLo_last:7"]);
    }

    #[test]
    fn no_dolo_table_last_year_means_nothing_to_check() {
        let cur = ret(&[("DoLo", "CHILD,DOLO_START\n1,01/01/2027\n")]);
        let last = ret(&[("Header", "CHILD\n1\n")]);
        let found = run(
            &OPEN_DOLO_FROM_LAST_YEAR_NOT_CONTINUED,
            CollectionYear::Y2026_27,
            &cur,
            Some(&last),
        );
        assert!(found.is_empty());
    }
}
