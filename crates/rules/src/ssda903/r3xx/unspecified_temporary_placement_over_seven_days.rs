use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placement_over_days;

declare_rule! {
    /// ## What it checks
    /// An episode in placement T4 (temporary accommodation for any other reason) whose `DEC` is more than 7 days after its `DECOM`.
    /// Open episodes are not measured.
    ///
    /// ## Why it matters
    /// T4 is defined as temporary accommodation of seven days or less; a longer stay is a placement and needs its own code.
    ///
    /// ## Example
    /// A T4 episode from 01/06/2024 to 08/06/2024 passes; to 09/06/2024 it is reported.
    ///
    /// ## Reference behaviour
    /// The reference measures only episodes of children with a readable `DOB` in the Header,
    /// although the date of birth plays no part in the check; carelens measures every episode.
    /// See `docs/disagreements.md`.
    pub(crate) UNSPECIFIED_TEMPORARY_PLACEMENT_OVER_SEVEN_DAYS,
    code: "379",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Temporary placements for unspecified reason (placement code T4) cannot exceed seven days.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placement_over_days(ctx, out, PlacementType::T4, 7);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn overlong_placements_are_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,09/06/2024,T4\n1,01/06/2024,08/06/2024,T4\n2,01/06/2024,,T4\n                 3,01/06/2024,09/06/2024,U4\n4,01/06/2024,09/06/2024,T4\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2010\n2,01/06/2010\n3,01/06/2010\n"),
        ]);
        let found = run(
            &UNSPECIFIED_TEMPORARY_PLACEMENT_OVER_SEVEN_DAYS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,09/06/2024,T4\n")]);
        assert!(
            run(
                &UNSPECIFIED_TEMPORARY_PLACEMENT_OVER_SEVEN_DAYS,
                CollectionYear::Y2024_25,
                &cur,
                None
            )
            .is_empty()
        );
    }
}
