use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with reason for new episode S (started to be looked after) that starts on
    /// or before the day the child's previous episode (by `DECOM`) ended.
    ///
    /// ## Why it matters
    /// S starts a new period of care, so the previous period must have ended at least a day
    /// earlier; an episode continuing care from the same day should have another `RNE`.
    ///
    /// ## Example
    /// Previous episode ending 09/06/2020, next starting 09/06/2020 with `RNE` S: reported.
    /// Starting 15/06/2020 with S: passes.
    pub(crate) CARE_RESTARTED_BEFORE_PREVIOUS_EPISODE_ENDED,
    code: "431",
    tables: ["Episodes"],
    fields: ["RNE", "DECOM"],
    years: Y2022_23..,
    message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            let restarts = e.rne.strict() == Some(ReasonNewEpisode::S);
            let overlaps =
                matches!((e.decom.strict(), prev.dec.strict()), (Some(d), Some(p)) if d <= p);
            if restarts && overlaps {
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
    fn new_period_of_care_on_the_day_the_last_ended_is_reported() {
        // The reference's own cases (rule_431.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,DEC\n111,S,01/06/2020,04/06/2020\n111,S,05/06/2020,06/06/2020\n\
             111,T,06/06/2020,08/06/2020\n111,S,08/06/2020,05/06/2020\n222,S,05/06/2020,06/06/2020\n\
             333,S,06/06/2020,07/06/2020\n333,S,10/06/2020,\n444,S,08/06/2020,09/06/2020\n\
             444,S,09/06/2020,10/06/2020\n444,S,15/06/2020,\n555,S,11/06/2020,12/06/2020\n\
             6666,S,12/06/2020,13/06/2020\n6666,S,13/06/2020,14/06/2020\n6666,S,14/06/2020,15/06/2020\n",
        )]);
        let found = run(
            &CARE_RESTARTED_BEFORE_PREVIOUS_EPISODE_ENDED,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:3", "Episodes:8", "Episodes:12", "Episodes:13"]);
    }
}
