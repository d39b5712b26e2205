use carelens_model::{Date, DoLo};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's DoLOs taken in order of end date (an open order counts at its start date):
    /// each DoLO that follows an order with no readable `DOLO_END` (still open), or that starts
    /// before the previous order's `DOLO_END`, is reported.
    ///
    /// ## Why it matters
    /// A child is under at most one deprivation of liberty order at a time; overlapping orders
    /// double-count time deprived of liberty.
    ///
    /// ## Example
    /// Orders 01/01–02/01/2027, 04/01–04/01/2027 and 03/01–06/01/2027: the third starts before
    /// the second ends and is reported. An open order from 01/01/2027 followed by one from
    /// 02/01/2027: the second is reported.
    ///
    /// ## Reference behaviour
    /// As in the reference: orders are ordered by end date (open ones by start date), then start
    /// date, unreadable dates last, ties in file order; an unreadable `DOLO_END` counts as open.
    pub(crate) DOLO_STARTS_WHILE_PREVIOUS_DOLO_OPEN,
    code: "705",
    tables: ["DoLo"],
    fields: ["DOLO_START", "DOLO_END"],
    years: Y2026_27..,
    message: "A DoLO cannot start when the previous DoLO is still open.",
}

/// One order: the sort key (end, or start when open), start, end.
struct Order<'a> {
    key: Option<Date>,
    start: Option<Date>,
    end: Option<Date>,
    row: &'a DoLo,
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.dolo.if_supplied().is_none() {
        return;
    }
    let mut orders: Vec<Order<'_>> = Vec::new();
    for (_, rows) in ctx.dolo().iter() {
        orders.clear();
        orders.extend(rows.into_iter().map(|row| {
            let (start, end) = (row.dolo_start.strict(), row.dolo_end.strict());
            Order { key: end.or(start), start, end, row }
        }));
        // Stable, with missing dates last (pandas `sort_values`, na_position="last").
        orders.sort_by_key(|o| (o.key.is_none(), o.key, o.start.is_none(), o.start));
        for pair in orders.windows(2) {
            let (prev, cur) = (&pair[0], &pair[1]);
            let overlaps = match (cur.start, prev.end) {
                (_, None) => true,
                (Some(start), Some(prev_end)) => start < prev_end,
                (None, Some(_)) => false,
            };
            if overlaps {
                out.flag(cur.row);
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
    fn orders_starting_while_another_is_open_are_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START,DOLO_END\n1,01/01/2000,02/01/2000\n1,04/01/2000,04/01/2000\n\
             1,03/01/2000,06/01/2000\n2,01/01/2000,\n2,02/01/2000,02/01/2000\n\
             3,01/01/2000,02/01/2000\n4,01/04/2025,o2/04/2025\n4,04/04/2025,\n\
             4,08/04/2025,10/04/2025\n",
        )]);
        let found =
            run(&DOLO_STARTS_WHILE_PREVIOUS_DOLO_OPEN, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:2", "DoLo:4", "DoLo:7", "DoLo:8"]);
    }

    #[test]
    fn consecutive_orders_pass() {
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START,DOLO_END\n1,01/06/2026,01/08/2026\n1,01/08/2026,\n\
             2,01/06/2026,01/08/2026\n",
        )]);
        let found =
            run(&DOLO_STARTS_WHILE_PREVIOUS_DOLO_OPEN, CollectionYear::Y2026_27, &cur, None);
        assert!(found.is_empty());
    }
}
