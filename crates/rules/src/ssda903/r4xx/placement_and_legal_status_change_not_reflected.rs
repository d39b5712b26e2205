use carelens_model::codes::ReasonNewEpisode;

use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with reason for new episode B or U (change of both legal status and
    /// placement) whose legal status is the same as the child's previous episode (by
    /// `DECOM`), or whose placement is the same: the same `PLACE`, `PL_POST`, `URN` and
    /// `PLACE_PROVIDER` (compared as written, ignoring case; two blanks agree).
    ///
    /// ## Why it matters
    /// `RNE` B or U says both the legal status and the placement changed; the episode data
    /// has to show both changes, or the legal status and placement-move counts are wrong.
    ///
    /// ## Example
    /// Previous episode C1 in U4, this one B with C2 in U6: passes. B with C1 again:
    /// reported. B with C2 and the same placement details: reported.
    pub(crate) PLACEMENT_AND_LEGAL_STATUS_CHANGE_NOT_REFLECTED,
    code: "436",
    tables: ["Episodes"],
    fields: ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            use ReasonNewEpisode::*;
            if !matches!(e.rne.strict(), Some(B | U)) {
                continue;
            }
            let same_status = same_text(&e.ls, &prev.ls);
            let same_placement = same_text(&e.place, &prev.place)
                && same_text(&e.pl_post, &prev.pl_post)
                && same_text(&e.urn, &prev.urn)
                && same_text(&e.place_provider, &prev.place_provider);
            if same_status || same_placement {
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
    fn change_of_both_that_is_not_one_is_reported() {
        // The reference's own cases (rule_436.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,LS,PLACE,PL_POST,URN,PLACE_PROVIDER\n\
             11,03/06/2020,P,P,X1,X1,R,b\n11,05/06/2020,U,X,X1,X1,a,b\n11,06/06/2020,B,P,X1,X1,a,b\n\
             11,08/06/2020,U,X,X1,TT,a,b\n22,05/06/2020,U,P,,X1,a,b\n33,06/06/2020,P,P,E11,X1,a,b\n\
             33,07/06/2020,B,,,X1,a,b\n44,08/06/2020,T,P,X1,X1,a,b\n44,09/06/2020,B,P,E11,X1,a,b\n\
             44,15/06/2020,B,P,,X1,a,b\n55,11/06/2020,P,P,X1,X1,a,b\n66,12/06/2020,P,P,X1,X1,a,b\n\
             66,13/06/2020,P,P,X1,X1,a,b\n66,14/06/2020,B,X,X1,X1,a,b\n66,15/06/2020,P,P,X1,X1,a,b\n\
             77,16/06/2020,P,P,X1,X1,a,b\n77,17/06/2020,B,P,X1,X1,a,b\n77,18/06/2020,P,,,X1,a,b\n\
             99,31/06/2020,P,,,X1,a,b\n12,,U,,,X1,a,b\n,,U,,,X1,a,b\n",
        )]);
        let found = run(
            &PLACEMENT_AND_LEGAL_STATUS_CHANGE_NOT_REFLECTED,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:2", "Episodes:8", "Episodes:9", "Episodes:13", "Episodes:16"]);
    }
}
