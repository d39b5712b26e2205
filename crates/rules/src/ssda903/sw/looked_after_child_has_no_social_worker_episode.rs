use carelens_model::codes::LegalStatus;

use super::util::SwIndex;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child looked after at 31 March (an episode with no `DEC` and a legal status other than V3
    /// or V4) whose social worker episodes do not give at least one `SW_ID`, one `SW_DECOM` and one
    /// `SW_REASON`, usually because the child has no SWEpisodes row at all. The open episode is
    /// reported.
    ///
    /// ## Why it matters
    /// Social worker episodes are collected for every child looked after at 31 March; without them
    /// the DfE cannot measure social worker changes, one of its stability indicators.
    ///
    /// ## Example
    /// An episode from 01/01/2024 with no `DEC` and `LS` C2, and no SWEpisodes row for the child:
    /// reported. The same child with a row `SW1`, 01/01/2024, `FCONTA`: passes. A child whose only
    /// open episode has `LS` V4: passes.
    ///
    /// ## Reference behaviour
    /// The reference returns the positions of the Episodes rows but labels them as SWEpisodes rows,
    /// so it marks unrelated social worker episodes, and when those positions do not exist in
    /// SWEpisodes the whole reference run stops with a `KeyError`. It also reports a child if any
    /// one of its social worker episodes lacks an item, where the DfE asks for at least one
    /// instance of each item (incomplete rows are SW03STG1's business). carelens reports the open
    /// episode and follows the DfE's wording (docs/disagreements.md).
    pub(crate) LOOKED_AFTER_CHILD_HAS_NO_SOCIAL_WORKER_EPISODE,
    code: "SW01STG1",
    tables: ["SWEpisodes", "Episodes"],
    fields: ["DEC"],
    years: Y2023_24..=Y2023_24,
    message: "Child looked after on 31 March, but no social worker episode information is reported",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(episodes)) =
        (ctx.cur.tables.sw_episodes.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let index = SwIndex::new(ctx);
    for e in episodes {
        if !e.dec.is_blank() || e.ls.strict().is_some_and(LegalStatus::is_short_break) {
            continue;
        }
        let rows = index.get(e.child.value().map(|c| c.as_str()));
        let complete = rows.iter().any(|r| r.sw_id.is_present())
            && rows.iter().any(|r| r.sw_decom.is_present())
            && rows.iter().any(|r| r.sw_reason.is_present());
        if !complete {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn open_episode_without_social_worker_information_is_reported() {
        // The reference's cases (rule_SW01STG1.test_validate), reported on the Episodes rows.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DEC,LS\n\
                 child1,,C2\nchild2,,C2\nchild3,,C2\nchild4,,C2\n\
                 child5,01/01/2000,C2\nchild6,,V4\nchild8,,C2\n",
            ),
            (
                "SWEpisodes",
                "CHILD,SW_ID,SW_DECOM,SW_REASON\n\
                 child1,,01/01/2024,FCONTA\n\
                 child2,SW1,,FCONTA\n\
                 child3,SW1,01/01/2024,\n\
                 child4,SW1,01/01/2024,FCONTA\n\
                 child5,SW1,01/01/2024,\n\
                 child6,SW1,01/01/2024,\n\
                 child7,SW1,01/01/2024,\n",
            ),
        ]);
        let found = run(
            &LOOKED_AFTER_CHILD_HAS_NO_SOCIAL_WORKER_EPISODE,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:2", "Episodes:6"]);
    }

    #[test]
    fn items_may_come_from_different_episodes() {
        let cur = ret(&[
            ("Episodes", "CHILD,DEC,LS\n1,,C2\n"),
            (
                "SWEpisodes",
                "CHILD,SW_ID,SW_DECOM,SW_REASON\n1,SW1,01/01/2023,\n1,SW2,01/06/2023,MANAGE\n",
            ),
        ]);
        let found = run(
            &LOOKED_AFTER_CHILD_HAS_NO_SOCIAL_WORKER_EPISODE,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
