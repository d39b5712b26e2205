use super::util::flag_no_return_after_temporary_placement;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// The episode after a temporary placement (T0–T4) must return the child to the placement
    /// they had before it: `RNE` P and the same `PLACE` as the episode before the temporary
    /// one. Episodes are ordered by `DECOM` within each child; the episode after the temporary
    /// placement is reported. A temporary placement that is the child's first or last episode
    /// is not checked.
    ///
    /// ## Why it matters
    /// A temporary placement is an absence from the usual placement; if the child does not go
    /// back, the temporary code hides a real change of placement.
    ///
    /// ## Example
    /// S1, then T1, then S1 with `RNE` P passes. S1, T1, then S1 with `RNE` T is reported, and
    /// so is S1, T1, then U4 with `RNE` P.
    pub(crate) TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN,
    code: "383",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2022_23..=Y2024_25,
    message: "A child in a temporary placement must subsequently return to his/her normal placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_no_return_after_temporary_placement(ctx, out, false);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn no_return_after_a_temporary_placement_is_reported() {
        // The reference's own cases.
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,PLACE\n111,S,01/06/2020,S1\n111,S,05/06/2020,T1\n111,T,06/06/2020,S1\n\
             222,S,05/06/2020,T1\n333,S,06/06/2020,S1\n333,S,10/06/2020,T1\n\
             333,P,12/06/2020,S2\n444,S,08/06/2020,T1\n444,S,09/06/2020,P4\n\
             444,S,15/06/2020,T1\n6666,S,12/06/2020,T1\n6666,S,13/06/2020,T1\n\
             6666,P,14/06/2020,T1\n",
        )]);
        let found =
            run(&TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:6"]);
    }

    #[test]
    fn return_to_the_usual_placement_passes() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,PLACE\n1,P,10/06/2024,T3\n1,S,01/06/2024,U4\n1,P,20/06/2024,U4\n",
        )]);
        let found =
            run(&TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN, CollectionYear::Y2024_25, &cur, None);
        assert!(found.is_empty());
    }

    #[test]
    fn episodes_are_ordered_by_dates_read_as_the_reference_reads_them() {
        // The reference sorts by `pd.to_datetime(DECOM, dayfirst=True)`, so `05/06/24` is
        // 5 June 2024 and the T1 episode sits between the two others: U5 after T1 is reported.
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,PLACE\n1,S,01/06/2024,U4\n1,P,05/06/24,T1\n1,P,10/06/2024,U5\n",
        )]);
        let found =
            run(&TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2"]);
    }
}
