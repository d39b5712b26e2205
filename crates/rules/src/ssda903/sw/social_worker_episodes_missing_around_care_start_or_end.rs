use carelens_model::codes::{LegalStatus, ReasonEpisodeCeased, ReasonNewEpisode};

use super::util::SwIndex;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For a child looked after at 31 March (an episode with no `DEC` and a legal status other than
    /// V3 or V4), each episode that starts a period of care (`RNE` S) or ends one (a `DEC` with a
    /// `REC` other than X1), other than a short break (V3, V4), must be matched by a social worker
    /// episode: one starting on or after the episode's `DECOM` when it starts care, or on or before
    /// its `DEC` when it ends care. The unmatched episode is reported.
    ///
    /// ## Why it matters
    /// For children looked after at 31 March, every social worker episode of the reporting period
    /// is returned, including those while the child was not looked after; a period of care with no
    /// social worker episode means some are missing.
    ///
    /// ## Example
    /// A child who came into care on 01/01/2024 (`RNE` S, still open) with no SWEpisodes row: the
    /// episode is reported. With a social worker episode starting 01/01/2024: passes.
    ///
    /// ## Reference behaviour
    /// The reference checks every child, also those who left care before 31 March (for whom no
    /// social worker episodes are collected), and reports an episode when ANY of the child's social
    /// worker episodes fails to match it, so a child who had a social worker before coming into
    /// care is reported although a later episode matches. It also counts an open episode (blank
    /// `REC` is "not X1") as ending care, and an open episode can never match the `DEC` test, so
    /// every child whose current episode did not start a period of care (`RNE` other than S) is
    /// reported whatever its social worker episodes. carelens checks the cohort looked after at 31
    /// March, treats only an episode with a `DEC` as ending care, and reports an episode when NO
    /// social worker episode matches it, as the reference's own comments intend ("episodes that
    /// start or end care and don't have a corresponding SWE episode"; its test calls an open `RNE`
    /// P episode "not a start or end placement"). See docs/disagreements.md.
    pub(crate) SOCIAL_WORKER_EPISODES_MISSING_AROUND_CARE_START_OR_END,
    code: "SW12STG2",
    tables: ["SWEpisodes", "Episodes"],
    fields: ["SW_DECOM"],
    years: Y2023_24..=Y2023_24,
    message: "If a child is looked after on 31 March then all social worker episodes for the full previous year should be reported, even those whilst they were not looked after",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let index = SwIndex::new(ctx);
    for (child, eps) in ctx.episodes().iter() {
        if !ctx.looked_after_at_31_march(child) {
            continue;
        }
        let sw_rows = index.get(Some(child));
        for e in eps {
            if e.ls.strict().is_some_and(LegalStatus::is_short_break) {
                continue;
            }
            let starts_care = e.rne.strict() == Some(ReasonNewEpisode::S);
            // An open episode does not end care, whatever its (blank) REC.
            let ends_care = e.dec.is_present() && e.rec.strict() != Some(ReasonEpisodeCeased::X1);
            if !(starts_care || ends_care) {
                continue;
            }
            let (decom, dec) = (e.decom.strict(), e.dec.strict());
            let matched = sw_rows.iter().filter_map(|s| s.sw_decom.strict()).any(|start| {
                (ends_care && dec.is_some_and(|d| start <= d))
                    || (starts_care && decom.is_some_and(|d| start >= d))
            });
            if !matched {
                out.flag(e);
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
    fn care_start_or_end_without_social_worker_episode_is_reported() {
        // The reference's cases (rule_SW12STG2.test_validate, 2023/24). Children 5 and 6 left
        // care before 31 March, so they are outside the cohort (the reference passes them too,
        // as they have a social worker episode). Child 4's open episode (RNE P) neither starts
        // nor ends care, as the reference's comment says, though its test expects it reported.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC,RNE,LS\n\
                 1,01/01/2024,,,S,C1\n\
                 2,01/01/2024,,,S,C1\n\
                 3,01/01/2024,,,S,V4\n\
                 4,01/01/2024,10/01/2024,X1,P,C1\n\
                 4,10/01/2024,,,P,C1\n\
                 5,01/01/2024,10/01/2024,X1,S,C1\n\
                 5,10/01/2024,01/03/2024,E4a,P,C1\n\
                 6,01/01/2024,10/01/2024,X1,S,C1\n\
                 6,10/01/2024,01/03/2024,E4a,P,C1\n\
                 7,01/04/2024,,X1,S,C1\n",
            ),
            (
                "SWEpisodes",
                "CHILD,SW_DECOM\n1,01/01/2024\n5,01/02/2024\n6,01/02/2024\n7,01/02/2024\n",
            ),
        ]);
        let found = run(
            &SOCIAL_WORKER_EPISODES_MISSING_AROUND_CARE_START_OR_END,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:1", "Episodes:9"]);
    }

    #[test]
    fn one_matching_social_worker_episode_is_enough() {
        // Child 1 had a social worker before coming into care and another from the day it
        // came in; the reference reports the episode because of the earlier social worker
        // episode. Child 2 left care and is not looked after at 31 March.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC,RNE,LS\n1,01/06/2023,,,S,C2\n\
                 2,01/06/2023,01/09/2023,E11,S,C2\n",
            ),
            ("SWEpisodes", "CHILD,SW_DECOM\n1,01/04/2023\n1,01/06/2023\n"),
        ]);
        let found = run(
            &SOCIAL_WORKER_EPISODES_MISSING_AROUND_CARE_START_OR_END,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
