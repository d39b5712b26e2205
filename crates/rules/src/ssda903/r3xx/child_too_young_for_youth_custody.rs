use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placed_under_age;

declare_rule! {
    /// ## What it checks
    /// An episode in placement R5 (young offender institution or prison) that starts before the child's 10th birthday.
    ///
    /// ## Why it matters
    /// Below the age of criminal responsibility (10) a child cannot be in custody.
    ///
    /// ## Example
    /// `DOB` 01/06/2014 and a R5 episode starting 31/05/2024 is reported; starting 01/06/2024
    /// it is not.
    ///
    /// ## Reference behaviour
    /// The reference checks only episodes that have ended (it drops rows without a readable
    /// `DEC`), so a child placed too young and still there at 31 March is missed. carelens
    /// checks open episodes too. See `docs/disagreements.md`.
    pub(crate) CHILD_TOO_YOUNG_FOR_YOUTH_CUSTODY,
    code: "372",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Child in youth custody or prison should be at least 10.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placed_under_age(ctx, out, PlacementType::R5, 10);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn placement_before_the_minimum_age_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,PLACE\n1,31/05/2024,,R5\n1,01/06/2024,,R5\n2,31/05/2024,01/07/2024,R5\n                 3,31/05/2024,,U4\n4,31/05/2024,,R5\n5,xx,,R5\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2014\n2,01/06/2014\n3,01/06/2014\n4,\n5,01/06/2014\n"),
        ]);
        let found = run(&CHILD_TOO_YOUNG_FOR_YOUTH_CUSTODY, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,PLACE\n1,31/05/2024,R5\n")]);
        assert!(
            run(&CHILD_TOO_YOUNG_FOR_YOUTH_CUSTODY, CollectionYear::Y2024_25, &cur, None)
                .is_empty()
        );
    }
}
