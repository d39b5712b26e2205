use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placed_under_age;

declare_rule! {
    /// ## What it checks
    /// An episode in placement S1 (residential school) that starts before the child's 4th birthday.
    ///
    /// ## Why it matters
    /// A child under 4 cannot be of school age; the placement type or the date of birth is wrong.
    ///
    /// ## Example
    /// `DOB` 01/06/2020 and a S1 episode starting 31/05/2024 is reported; starting 01/06/2024
    /// it is not.
    ///
    /// ## Reference behaviour
    /// The reference checks only episodes that have ended (it drops rows without a readable
    /// `DEC`), so a child placed too young and still there at 31 March is missed. carelens
    /// checks open episodes too. See `docs/disagreements.md`.
    pub(crate) CHILD_TOO_YOUNG_FOR_RESIDENTIAL_SCHOOL,
    code: "373",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Child placed in a school should be at least 4 years old.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placed_under_age(ctx, out, PlacementType::S1, 4);
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
                "CHILD,DECOM,DEC,PLACE\n1,31/05/2024,,S1\n1,01/06/2024,,S1\n2,31/05/2024,01/07/2024,S1\n                 3,31/05/2024,,U4\n4,31/05/2024,,S1\n5,xx,,S1\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2020\n2,01/06/2020\n3,01/06/2020\n4,\n5,01/06/2020\n"),
        ]);
        let found =
            run(&CHILD_TOO_YOUNG_FOR_RESIDENTIAL_SCHOOL, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,PLACE\n1,31/05/2024,S1\n")]);
        assert!(
            run(&CHILD_TOO_YOUNG_FOR_RESIDENTIAL_SCHOOL, CollectionYear::Y2024_25, &cur, None)
                .is_empty()
        );
    }
}
