use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_long_status_periods;

declare_rule! {
    /// ## What it checks
    /// A period under a child assessment order (`LS` L3) whose episodes add up to more than
    /// 7 days. A child's L3 episodes (in `DECOM` order) form one period while each starts on
    /// or before the end of the previous one; an open episode counts to 31 March. Every
    /// episode of the period is reported.
    ///
    /// ## Why it matters
    /// A child assessment order lasts at most 7 days under the Children Act 1989.
    ///
    /// ## Example
    /// L3 from 01/06/2024 to 09/06/2024 (8 days) is reported; two L3 episodes of 3 and 4 days
    /// back to back are not.
    ///
    /// ## Reference behaviour
    /// The reference means to sort the episodes by child and `DECOM` but discards the sorted
    /// copy, so it forms periods in file order; carelens sorts. The results differ only when
    /// a child's L3 episodes are out of order in the file. See `docs/disagreements.md`.
    pub(crate) CHILD_ASSESSMENT_ORDER_OVER_7_DAYS,
    code: "363",
    tables: ["Episodes"],
    fields: ["LS", "DECOM", "DEC"],
    years: Y2022_23..,
    message: "Child assessment order (CAO) lasted longer than 7 days allowed in the Children Act 1989.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_long_status_periods(ctx, out, LegalStatus::L3, 7);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn child_assessment_orders_over_seven_days_are_reported() {
        // The reference's own cases (year ending 01/04/2002 there; 31/03/2002 here).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n101,01/01/2000,01/01/2001,L3\n101,01/01/2001,20/12/2001,X\n\
             101,20/12/2001,12/01/2002,L3\n2002,01/01/2000,03/01/2000,L3\n\
             2002,03/01/2000,09/01/2001,L3\n2002,01/01/2002,07/01/2002,L3\n\
             2002,10/01/2002,11/01/2002,X\n2002,11/01/2002,17/01/2002,L3\n\
             30003,25/01/2002,10/03/2001,L3\n30003,25/01/2002,,L3\n30003,,25/01/2002,L3\n\
             30003,,,L3\n",
        )]);
        let year = CollectionYear::from_end_year(2002).unwrap();
        let found = run(&CHILD_ASSESSMENT_ORDER_OVER_7_DAYS, year, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:3", "Episodes:4", "Episodes:9"]);
    }

    #[test]
    fn episodes_out_of_file_order_are_sorted_first() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n1,05/06/2024,09/06/2024,L3\n2,01/06/2024,02/06/2024,L3\n\
             1,01/06/2024,05/06/2024,L3\n",
        )]);
        let found = run(&CHILD_ASSESSMENT_ORDER_OVER_7_DAYS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }
}
