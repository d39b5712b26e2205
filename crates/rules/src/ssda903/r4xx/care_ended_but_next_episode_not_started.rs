use carelens_model::codes::{ReasonEpisodeCeased, ReasonNewEpisode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose reason for new episode is not S (started to be looked after) although
    /// the child's previous episode (by `DECOM`) ended with the child leaving care (`REC` any
    /// code but X1 — E2 to E17, E41, E45–E48). A blank or unrecognised `RNE` is reported too.
    ///
    /// ## Why it matters
    /// After care ends, the next episode starts a new period of care and must say so; the
    /// period-of-care and re-entry statistics depend on it.
    ///
    /// ## Example
    /// An episode ending E3 followed by one with `RNE` P: reported. Followed by one with `RNE`
    /// S: passes. An episode ending X1 followed by P: passes.
    pub(crate) CARE_ENDED_BUT_NEXT_EPISODE_NOT_STARTED,
    code: "432",
    tables: ["Episodes"],
    fields: ["RNE"],
    years: Y2022_23..,
    message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            // Every REC code the reference lists is one that leaves care (all but X1).
            let left_care = prev.rec.strict().is_some_and(ReasonEpisodeCeased::leaves_care);
            if left_care && e.rne.strict() != Some(ReasonNewEpisode::S) {
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
    fn episode_after_leaving_care_without_s_is_reported() {
        // The reference's own cases (rule_432.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,REC\n111,P,01/06/2020,E2\n111,P,05/06/2020,E3\n111,T,06/06/2020,E3\n\
             111,S,08/06/2020,\n222,S,05/06/2020,E3\n333,B,06/06/2020,E3\n333,U,10/06/2020,\n\
             444,S,07/06/2020,E3\n444,S,08/06/2020,E3\n444,T,09/06/2020,E3\n444,S,15/06/2020,E3\n",
        )]);
        let found =
            run(&CARE_ENDED_BUT_NEXT_EPISODE_NOT_STARTED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:2", "Episodes:6", "Episodes:9"]);
    }
}
