use carelens_model::codes::{ReasonEpisodeCeased, ReasonNewEpisode};

use super::util::{TEMPORARY, place_in};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that ends with `REC` X1 in a placement that is not temporary (T0–T4), with
    /// no `REASON_PLACE_CHANGE`, when the child's next episode (by `DECOM`) is a placement
    /// change (`RNE` P, B, T or U) into a placement that is not temporary.
    ///
    /// ## Why it matters
    /// The reason a placement ended is recorded on the episode that ends; it feeds the DfE's
    /// placement stability statistics.
    ///
    /// ## Example
    /// An episode in U1 ending X1, followed by one with `RNE` P in U4: reported unless
    /// `REASON_PLACE_CHANGE` is filled in. Followed by `RNE` P into T3, or `RNE` L: passes.
    pub(crate) REASON_FOR_PLACEMENT_CHANGE_MISSING,
    code: "225",
    tables: ["Episodes"],
    fields: ["REASON_PLACE_CHANGE"],
    years: Y2022_23..,
    message: "Reason for placement change must be recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [e, next] = pair else { continue };
            use ReasonNewEpisode::*;
            let placement_change = matches!(next.rne.strict(), Some(P | B | T | U));
            if e.rec.strict() == Some(ReasonEpisodeCeased::X1)
                && e.reason_place_change.is_blank()
                && !place_in(e, TEMPORARY)
                && placement_change
                && !place_in(next, TEMPORARY)
            {
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
    fn placement_change_without_a_reason_is_reported() {
        // The reference's own cases (rule_225.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,REC,PLACE,REASON_PLACE_CHANGE\n\
             111,01/06/2020,P,X1,U1,\n111,05/06/2020,P,E11,X1,\n111,06/06/2020,B,E3,X1,\n\
             123,08/06/2020,P,X1,U1,\n123,10/06/2020,P,E3,X1,\n\
             333,06/06/2020,T,X1,U1,\n333,07/06/2020,L,X1,X1,CHANGE\n333,08/06/2020,P,E3,U1,\n\
             444,09/06/2020,U,X1,T1,\n444,15/06/2020,P,X1,X1,\n444,16/06/2020,P,E3,T3,\n\
             666,17/06/2020,P,,T4,\n",
        )]);
        let found = run(&REASON_FOR_PLACEMENT_CHANGE_MISSING, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
