use super::util::flag_no_return_after_temporary_placement;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// The episode after a temporary placement (T0–T4) must return the child to the placement
    /// they had before it: `RNE` P, and the same `PLACE` and `PL_POST` as the episode before
    /// the temporary one. Episodes are ordered by `DECOM` within each child; the episode after
    /// the temporary placement is reported. A temporary placement that is the child's first or
    /// last episode is not checked.
    ///
    /// ## Why it matters
    /// A temporary placement is an absence from the usual placement; if the child does not go
    /// back to the same carer at the same address, the temporary code hides a real change of
    /// placement.
    ///
    /// ## Example
    /// U4 at E15 4NJ, then T3, then U4 at E15 4NJ with `RNE` P passes. The same with the last
    /// episode at SW1A 2AA is reported.
    ///
    /// ## Reference behaviour
    /// The reference compares postcodes as text, so two blank `PL_POST` count as different
    /// (and `E15 4NJ` differs from `E154NJ`). carelens treats two blank postcodes as the same
    /// and compares postcodes in normal form. See `docs/disagreements.md`.
    pub(crate) TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN_2025_26,
    code: "383",
    tables: ["Episodes"],
    fields: ["PLACE", "RNE", "PL_POST"],
    years: Y2025_26..,
    message: "A child in a temporary placement must subsequently return to his/her normal placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_no_return_after_temporary_placement(ctx, out, true);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn no_return_to_the_same_placement_address_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,PLACE,PL_POST\n1,S,01/06/2025,U4,E15 4NJ\n1,P,10/06/2025,T3,\n\
             1,P,20/06/2025,U4,e154nj\n2,S,01/06/2025,U4,E15 4NJ\n2,P,10/06/2025,T3,\n\
             2,P,20/06/2025,U4,SW1A 2AA\n3,S,01/06/2025,U4,\n3,P,10/06/2025,T3,\n\
             3,P,20/06/2025,U4,\n4,S,01/06/2025,U4,E15 4NJ\n4,P,10/06/2025,T3,\n\
             4,T,20/06/2025,U4,E15 4NJ\n",
        )]);
        let found = run(
            &TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN_2025_26,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:5", "Episodes:11"]);
    }
}
