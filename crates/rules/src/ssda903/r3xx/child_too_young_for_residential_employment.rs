use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placed_under_age;

declare_rule! {
    /// ## What it checks
    /// An episode in placement P3 (residential employment) that starts before the child's 14th birthday.
    ///
    /// ## Why it matters
    /// A child under 14 cannot be in residential employment; the placement type or the date of birth is wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2010 and a P3 episode starting 31/05/2024 is reported; starting 01/06/2024
    /// it is not.
    ///
    /// ## Reference behaviour
    /// The reference checks only episodes that have ended (it drops rows without a readable
    /// `DEC`), so a child placed too young and still there at 31 March is missed. carelens
    /// checks open episodes too. See `docs/disagreements.md`.
    pub(crate) CHILD_TOO_YOUNG_FOR_RESIDENTIAL_EMPLOYMENT,
    code: "374",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Child in residential employment should be at least 14 years old.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placed_under_age(ctx, out, PlacementType::P3, 14);
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
                "CHILD,DECOM,DEC,PLACE\n1,31/05/2024,,P3\n1,01/06/2024,,P3\n2,31/05/2024,01/07/2024,P3\n                 3,31/05/2024,,U4\n4,31/05/2024,,P3\n5,xx,,P3\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2010\n2,01/06/2010\n3,01/06/2010\n4,\n5,01/06/2010\n"),
        ]);
        let found =
            run(&CHILD_TOO_YOUNG_FOR_RESIDENTIAL_EMPLOYMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,PLACE\n1,31/05/2024,P3\n")]);
        assert!(
            run(&CHILD_TOO_YOUNG_FOR_RESIDENTIAL_EMPLOYMENT, CollectionYear::Y2024_25, &cur, None)
                .is_empty()
        );
    }
}
