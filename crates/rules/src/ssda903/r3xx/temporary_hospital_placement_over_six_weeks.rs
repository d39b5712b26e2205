use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placement_over_days;

declare_rule! {
    /// ## What it checks
    /// An episode in placement T1 (a temporary period in hospital) whose `DEC` is more than 42 days after its `DECOM`.
    /// Open episodes are not measured.
    ///
    /// ## Why it matters
    /// A hospital stay of more than six weeks is a placement in its own right (R2), not a temporary absence from the usual placement.
    ///
    /// ## Example
    /// A T1 episode from 01/06/2024 to 13/07/2024 passes; to 14/07/2024 it is reported.
    ///
    /// ## Reference behaviour
    /// The reference measures only episodes of children with a readable `DOB` in the Header,
    /// although the date of birth plays no part in the check; carelens measures every episode.
    /// See `docs/disagreements.md`.
    pub(crate) TEMPORARY_HOSPITAL_PLACEMENT_OVER_SIX_WEEKS,
    code: "375",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2022_23..,
    message: "Hospitalisation coded as a temporary placement exceeds six weeks.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placement_over_days(ctx, out, PlacementType::T1, 42);
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
                "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,14/07/2024,T1\n1,01/06/2024,13/07/2024,T1\n2,01/06/2024,,T1\n                 3,01/06/2024,14/07/2024,U4\n4,01/06/2024,14/07/2024,T1\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2010\n2,01/06/2010\n3,01/06/2010\n"),
        ]);
        let found =
            run(&TEMPORARY_HOSPITAL_PLACEMENT_OVER_SIX_WEEKS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,DEC,PLACE\n1,01/06/2024,14/07/2024,T1\n")]);
        assert!(
            run(&TEMPORARY_HOSPITAL_PLACEMENT_OVER_SIX_WEEKS, CollectionYear::Y2024_25, &cur, None)
                .is_empty()
        );
    }
}
