use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with a blank `SW_ID`, `SW_DECOM` or `SW_REASON`.
    ///
    /// ## Why it matters
    /// Each social worker episode needs the worker, the start date and the reason for the change,
    /// or it cannot be used to measure changes of social worker.
    ///
    /// ## Example
    /// `SW1`, 01/01/2024, `MANAGE` passes (with or without `SW_DEC`); the same row without
    /// `SW_REASON` is reported. An unreadable date is SW04STG1's business, not this rule's.
    pub(crate) SOCIAL_WORKER_EPISODE_INCOMPLETE,
    code: "SW03STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_ID", "SW_DECOM", "SW_REASON"],
    years: Y2023_24..=Y2023_24,
    message: "For each social worker episode, information should be complete.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_id.is_blank() || r.sw_decom.is_blank() || r.sw_reason.is_blank() {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episode_missing_an_item_is_reported() {
        // The reference's cases (rule_SW03STG1.test_validate).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_ID,SW_DECOM,SW_DEC,SW_REASON\n\
             child1,,01/01/2024,XX,MANAGE\n\
             child2,SW1,,XX,MANAGE\n\
             child3,SW1,01/01/2024,XX,\n\
             child4,SW1,01/01/2024,,MANAGE\n\
             child5,SW1,xx,XX,MANAGE\n",
        )]);
        let found = run(&SOCIAL_WORKER_EPISODE_INCOMPLETE, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:1", "SWEpisodes:2"]);
    }
}
