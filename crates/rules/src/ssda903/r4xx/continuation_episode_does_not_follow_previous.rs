use carelens_model::codes::ReasonNewEpisode;

use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that continues care (reason for new episode P, L, T, U or B) but does not
    /// start on the day the child's previous episode ended: its `DECOM` differs from the
    /// previous episode's `DEC` (as written), or either is blank. Episodes are ordered by
    /// `DECOM`, then `DEC`.
    ///
    /// ## Why it matters
    /// Within a period of care each episode starts the day the last one ended; a gap or an
    /// overlap breaks the chain that durations and placement moves are counted from.
    ///
    /// ## Example
    /// Previous episode ending 12/09/2020 and an episode with `RNE` B starting 11/09/2020:
    /// reported. Starting 12/09/2020: passes. A child's first episode is not checked.
    pub(crate) CONTINUATION_EPISODE_DOES_NOT_FOLLOW_PREVIOUS,
    code: "433",
    tables: ["Episodes"],
    fields: ["RNE", "DECOM"],
    years: Y2022_23..,
    message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut eps) in ctx.episodes().iter() {
        eps.sort_by_key(|e| {
            let (decom, dec) = (e.decom.strict(), e.dec.strict());
            (decom.is_none(), decom, dec.is_none(), dec)
        });
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            use ReasonNewEpisode::*;
            if !matches!(e.rne.strict(), Some(P | L | T | U | B)) {
                continue;
            }
            // The reference compares the two dates as text, as sent.
            let follows = matches!((text(&prev.dec), text(&e.decom)), (Some(a), Some(b)) if a == b);
            if !follows {
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
    fn continuation_not_starting_when_the_last_ended_is_reported() {
        // The reference's own cases (rule_433.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,DEC\n101,20/10/2021,S,20/11/2021\n102,19/11/2021,P,\n\
             102,17/06/2021,P,19/11/2021\n103,04/04/2020,B,12/09/2020\n103,11/09/2020,B,06/05/2021\n\
             103,07/05/2021,B,\n",
        )]);
        let found = run(
            &CONTINUATION_EPISODE_DOES_NOT_FOLLOW_PREVIOUS,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:4", "Episodes:5"]);
    }
}
