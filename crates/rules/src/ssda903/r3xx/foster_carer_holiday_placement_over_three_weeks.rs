use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placement_over_days;

declare_rule! {
    /// ## What it checks
    /// An episode in placement T3 (temporary accommodation while the usual foster carers are on holiday) whose `DEC` is more than 21 days after its `DECOM`.
    /// Open episodes are not measured.
    ///
    /// ## Why it matters
    /// Cover for a foster carer's holiday lasts at most three weeks; a longer stay is a change of placement.
    ///
    /// ## Example
    /// A T3 episode from 01/06/2024 to 22/06/2024 passes; to 23/06/2024 it is reported.
    ///
    /// ## Reference behaviour
    /// The reference measures only episodes of children with a readable `DOB` in the Header,
    /// although the date of birth plays no part in the check; carelens measures every episode.
    /// See `docs/disagreements.md`.
    pub(crate) FOSTER_CARER_HOLIDAY_PLACEMENT_OVER_THREE_WEEKS,
    code: "376",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Temporary placements coded as being due to holiday of usual foster carer(s) cannot exceed three weeks.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placement_over_days(ctx, out, PlacementType::T3, 21);
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
                "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,23/06/2024,T3\n1,01/06/2024,22/06/2024,T3\n2,01/06/2024,,T3\n                 3,01/06/2024,23/06/2024,U4\n4,01/06/2024,23/06/2024,T3\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2010\n2,01/06/2010\n3,01/06/2010\n"),
        ]);
        let found = run(
            &FOSTER_CARER_HOLIDAY_PLACEMENT_OVER_THREE_WEEKS,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,23/06/2024,T3\n")]);
        assert!(
            run(
                &FOSTER_CARER_HOLIDAY_PLACEMENT_OVER_THREE_WEEKS,
                CollectionYear::Y2024_25,
                &cur,
                None
            )
            .is_empty()
        );
    }
}
