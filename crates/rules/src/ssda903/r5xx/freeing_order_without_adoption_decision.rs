use carelens_model::codes::LegalStatus;

use super::order_without_adoption_decision::report_order_without_decision;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with an episode under a freeing order (`LS` D1) must have a PlacedAdoption row:
    /// each D1 episode of a child without one is reported. And while a D1 episode is still
    /// open (`DEC` blank), the decision cannot have been reversed: the child's PlacedAdoption
    /// rows with `DATE_PLACED_CEASED` or `REASON_PLACED_CEASED` filled are reported.
    ///
    /// ## Why it matters
    /// A freeing order follows the decision that the child should be placed for adoption; the
    /// decision must be recorded, and cannot be undone while the order is in force.
    ///
    /// ## Example
    /// An open D1 episode and no PlacedAdoption row: the episode is reported. An open D1
    /// episode and a PlacedAdoption row with `REASON_PLACED_CEASED` RD1: that row is reported.
    pub(crate) FREEING_ORDER_WITHOUT_ADOPTION_DECISION,
    code: "555",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
    years: Y2022_23..=Y2023_24,
    message: "Freeing order has been granted but there is no date of decision that the child should be placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_order_without_decision(ctx, out, LegalStatus::D1);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn freeing_order_without_or_with_reversed_decision_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,LS,DEC,PLACE\n\
                 111,E1,01/06/2020,T3\n\
                 222,D1,05/06/2020,P3\n\
                 333,D1,06/06/2020,T3\n\
                 444,D1,,T3\n\
                 555,D1,,T3\n\
                 666,D1,,T3\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
                 111,01/06/2020,01/06/2020,A\n\
                 222,01/06/2020,01/06/2020,A\n\
                 333,01/06/2020,01/06/2020,A\n\
                 666,01/06/2020,,A\n\
                 123,01/06/2020,01/06/2020,A\n\
                 984,,01/06/2020,A\n",
            ),
        ]);
        let rule = &FREEING_ORDER_WITHOUT_ADOPTION_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:3", "Episodes:4", "PlacedAdoption:3"]
        );
    }
}
