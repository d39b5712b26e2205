use carelens_model::codes::ReasonEpisodeCeased;
use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// Within each child's episodes, ordered by `DECOM`, an ended episode whose `REC` does not
    /// agree with the next episode:
    /// * `REC` X1 (a new episode begins the same day) but the next episode starts on another
    ///   day;
    /// * any other `REC` (the child left care) but the next episode starts the same day;
    /// * `REC` X1 on the child's last episode.
    ///
    /// ## Why it matters
    /// X1 is what chains episodes into one period of care; a wrong X1 splits or merges periods
    /// and so changes care starts, care leavers and durations.
    ///
    /// ## Example
    /// An X1 episode ending 04/06/2024 followed by one starting 05/06/2024 is reported; an
    /// E11 episode ending 07/06/2024 followed by one starting 07/06/2024 is reported; an X1
    /// episode that is the child's last is reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, an unreadable `DECOM` sorts as 01/01/1901, i.e. first.
    pub(crate) EPISODE_END_REASON_CONTRADICTS_NEXT_EPISODE,
    code: "388",
    tables: ["Episodes"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let unknown = date(1901, 1, 1);
    for (_, mut eps) in ctx.episodes().iter() {
        eps.sort_by_key(|e| e.decom.strict().unwrap_or(unknown));
        for (i, e) in eps.iter().enumerate() {
            let Some(dec) = e.dec.strict() else { continue };
            let continues = e.rec.strict() == Some(ReasonEpisodeCeased::X1);
            let wrong = match eps.get(i + 1) {
                Some(next) => {
                    let next_start = next.decom.strict().unwrap_or(unknown);
                    if continues {
                        dec != next_start
                    } else {
                        e.rec.is_present() && dec == next_start
                    }
                }
                None => continues,
            };
            if wrong {
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
    fn end_reasons_contradicting_the_next_episode_are_reported() {
        // The reference's own cases.
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n111,01/06/2020,04/06/2020,X1\n111,05/06/2020,06/06/2020,X1\n\
             111,06/06/2020,08/06/2020,X1\n111,08/06/2020,05/06/2020,X1\n222,05/06/2020,06/06/2020,\n\
             333,06/06/2020,07/06/2020,E11\n333,07/06/2020,,\n444,08/06/2020,09/06/2020,X1\n\
             444,09/06/2020,10/06/2020,E11\n444,15/06/2020,,\n555,11/06/2020,12/06/2020,X1\n\
             6666,12/06/2020,13/06/2020,X1\n6666,13/06/2020,14/06/2020,X1\n\
             6666,14/06/2020,15/06/2020,X1\n6666,15/06/2020,16/06/2020,X1\n\
             77777,16/06/2020,17/06/2020,X1\n77777,17/06/2020,18/06/2020,X1\n77777,18/06/2020,,\n\
             999,31/06/2020,,\n123,,,\n,,,\n",
        )]);
        let found =
            run(&EPISODE_END_REASON_CONTRADICTS_NEXT_EPISODE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3", "Episodes:5", "Episodes:10", "Episodes:14"]);
    }
}
