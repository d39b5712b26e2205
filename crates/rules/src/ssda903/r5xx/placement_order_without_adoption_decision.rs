use carelens_model::codes::LegalStatus;

use super::order_without_adoption_decision::report_order_without_decision;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with an episode under a placement order (`LS` E1) must have a PlacedAdoption
    /// row: each E1 episode of a child without one is reported. And while an E1 episode is
    /// still open (`DEC` blank), the decision cannot have been reversed: the child's
    /// PlacedAdoption rows with `DATE_PLACED_CEASED` or `REASON_PLACED_CEASED` filled are
    /// reported.
    ///
    /// ## Why it matters
    /// A placement order follows the decision that the child should be placed for adoption;
    /// the decision must be recorded, and cannot be undone while the order is in force.
    ///
    /// ## Example
    /// An open E1 episode and no PlacedAdoption row: the episode is reported. An open E1
    /// episode and a PlacedAdoption row with `REASON_PLACED_CEASED` RD1: that row is reported.
    pub(crate) PLACEMENT_ORDER_WITHOUT_ADOPTION_DECISION,
    code: "553",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    years: Y2022_23..,
    message: "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_order_without_decision(ctx, out, LegalStatus::E1);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn placement_order_without_or_with_reversed_decision_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,LS,DEC,PLACE\n\
                 111,E1,01/06/2020,T3\n\
                 222,E1,05/06/2020,P3\n\
                 333,T1,06/06/2020,T3\n\
                 444,E1,,T3\n\
                 555,E1,,T3\n\
                 777,E1,,T3\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
                 111,01/06/2020,01/06/2020,A\n\
                 222,01/06/2020,01/06/2020,\n\
                 333,01/06/2020,01/06/2020,A\n\
                 123,01/06/2020,01/06/2020,A\n\
                 555,01/06/2020,,A\n\
                 777,,01/06/2020,\n",
            ),
        ]);
        let rule = &PLACEMENT_ORDER_WITHOUT_ADOPTION_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:3", "PlacedAdoption:4", "PlacedAdoption:5"]
        );
    }
}
