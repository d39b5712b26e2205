use carelens_model::codes::ReasonNewEpisode;

use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with reason for new episode P or T (change of placement only) whose legal
    /// status differs from the child's previous episode (by `DECOM`), or whose placement is
    /// the same as the previous one: the same `PLACE`, `PL_POST`, `URN` and `PLACE_PROVIDER`
    /// (compared as written, ignoring case).
    ///
    /// ## Why it matters
    /// `RNE` P or T says the placement changed and the legal status did not; the episode data
    /// has to show exactly that, or the placement-move counts are wrong.
    ///
    /// ## Example
    /// Previous episode C2 at one postcode, this one P with C2 at another: passes. P with C1:
    /// reported. P with everything the same as before: reported.
    ///
    /// ## Reference behaviour
    /// As the reference: a blank legal status in either episode counts as a change, and a
    /// blank placement item never counts as the same.
    pub(crate) PLACEMENT_CHANGE_NOT_REFLECTED,
    code: "435",
    tables: ["Episodes"],
    fields: ["LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            use ReasonNewEpisode::*;
            if !matches!(e.rne.strict(), Some(P | T)) {
                continue;
            }
            let status_changed = !equal_text(&e.ls, &prev.ls);
            let same_placement = equal_text(&e.place, &prev.place)
                && equal_text(&e.pl_post, &prev.pl_post)
                && equal_text(&e.urn, &prev.urn)
                && equal_text(&e.place_provider, &prev.place_provider);
            if status_changed || same_placement {
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
    fn placement_change_that_is_not_one_is_reported() {
        // The reference's own cases (rule_435.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER\n\
             111,01/06/2020,P,L1,XX1,SC112,R1,PR1\n111,03/06/2020,P,L1,XX3,SC112,R1,PR1\n\
             111,04/06/2020,P,L1,XX3,SC112,R1,PR1\n111,05/06/2020,P,L1,XX1,SC112,R1,PR1\n\
             222,07/06/2020,P,L1,XX1,SC112,R1,PR4\n222,08/06/2020,P,L1,XX1,SC112,R1,PR1\n\
             222,09/06/2020,P,L3,XX1,SC112,R1,PR1\n",
        )]);
        let found = run(&PLACEMENT_CHANGE_NOT_REFLECTED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:6"]);
    }
}
