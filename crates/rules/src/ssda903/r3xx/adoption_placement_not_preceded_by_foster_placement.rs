use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::first_by_decom;

declare_rule! {
    /// ## What it checks
    /// An episode with placement A3 or A4 (placed for adoption with parental consent) whose
    /// previous episode (by `DECOM`) is not a foster or adoption placement (U1–U6, A3–A6). The
    /// child's first episode is not checked.
    ///
    /// ## Why it matters
    /// A child placed for adoption comes from a foster or adoption placement; anything else
    /// suggests a missing or miscoded episode.
    ///
    /// ## Example
    /// U1, then T1, then A3: the A3 episode is reported. U1 then A4 passes.
    ///
    /// ## Reference behaviour
    /// The reference's comment speaks of A3 and A5 but its code checks A3 and A4; carelens
    /// follows the code. The reference fails (reports nothing for the whole return) when any
    /// child has no episode with a readable `DECOM`; carelens skips that child. See
    /// `docs/disagreements.md`.
    pub(crate) ADOPTION_PLACEMENT_NOT_PRECEDED_BY_FOSTER_PLACEMENT,
    code: "336",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2022_23..,
    message: "Child does not have a foster placement immediately prior to being placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        let Some(first) = first_by_decom(eps.iter().copied()) else { continue };
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            let adoption = matches!(e.place.strict(), Some(PlacementType::A3 | PlacementType::A4));
            let from_foster_or_adoption =
                prev.place.strict().is_some_and(|p| p.is_foster() || p.is_adoption());
            if adoption && !from_foster_or_adoption && !std::ptr::eq(*e, first) {
                out.flag(*e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn adoption_placement_after_a_non_foster_placement_is_reported() {
        // The reference's own cases.
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,PLACE\n111,01/01/2020,U1\n111,11/01/2020,T1\n111,22/01/2020,A3\n\
             123,11/01/2020,A4\n123,01/01/2020,U1\n333,01/01/2020,U1\n333,22/01/2020,A3\n\
             333,11/01/2020,T2\n444,22/01/2020,A4\n444,11/01/2020,X1\n444,01/01/2020,A3\n\
             666,01/01/2020,A5\n777,11/01/2020,A4\n777,01/01/2020,\n",
        )]);
        let found = run(
            &ADOPTION_PLACEMENT_NOT_PRECEDED_BY_FOSTER_PLACEMENT,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:2", "Episodes:6", "Episodes:8", "Episodes:12"]);
    }
}
