use carelens_model::codes::LegalStatus;

use super::util::flag_left_care_unadopted;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode placed for adoption (`PLACE` A3–A6) or under `LS` D1 or E1 (a freeing or placement order) that ends
    /// with a `REC` other than adoption (E11, E12) or X1: the child left care without being
    /// adopted, so the decision to place them for adoption must have been reversed. The
    /// episode is reported when the child has no PlacedAdoption row, or a PlacedAdoption row
    /// with `DATE_PLACED_CEASED` or `REASON_PLACED_CEASED` blank; those rows are reported
    /// too. A filled but unknown `REC` counts as leaving care.
    ///
    /// ## Why it matters
    /// Reversed adoption decisions, and why they were reversed, are published; a child who
    /// leaves care unadopted with the decision still standing is missing from those figures.
    ///
    /// ## Example
    /// An A5 episode ending E4A and no PlacedAdoption row: reported. With a PlacedAdoption row
    /// whose `DATE_PLACED_CEASED` and `REASON_PLACED_CEASED` are both filled it passes; an
    /// episode ending E12 passes.
    pub(crate) LEFT_CARE_UNADOPTED_WITHOUT_REVERSAL_OF_ADOPTION_DECISION,
    code: "557",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED_CEASED", "REASON_PLACED_CEASED", "PLACE", "LS", "REC"],
    years: Y2022_23..=Y2023_24,
    message: "Child for whom the decision was made that they should be placed for adoption has left care but was not adopted and information on the decision that they should no longer be placed for adoption items has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_left_care_unadopted(ctx, out, &[LegalStatus::D1, LegalStatus::E1]);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn leaving_care_unadopted_without_a_reversal_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,PLACE,LS,REC\n\
                 11,A3,x,x\n\
                 202,x,D1,x\n\
                 3003,A4,D1,E12\n\
                 40004,x,E1,E12\n\
                 5005,A5,x,x\n\
                 606,A6,x,x\n\
                 77,x,x,x\n\
                 8,A6,x,X1\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
                 11,,\n\
                 202,01/02/2003,invalid dont matter\n\
                 3003,,\n\
                 40004,,\n\
                 606,,\n",
            ),
        ]);
        let rule = &LEFT_CARE_UNADOPTED_WITHOUT_REVERSAL_OF_ADOPTION_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:0", "Episodes:4", "Episodes:5", "PlacedAdoption:0", "PlacedAdoption:4"]
        );
    }
}
