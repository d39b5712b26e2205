use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with no valid `SW_DECOM`, or one that began on or after 1 April 2023
    /// with no `SW_ID` or no `SW_REASON`.
    ///
    /// ## Why it matters
    /// From April 2023 every change of social worker is recorded with its reason; an episode
    /// without one cannot be counted in the DfE's analysis of why children change social worker.
    ///
    /// ## Example
    /// `SW_DECOM` 01/01/2024 with no `SW_REASON`: reported. `SW_DECOM` 01/01/2023 with no
    /// `SW_REASON`: passes. A blank or unreadable `SW_DECOM` is always reported.
    pub(crate) SOCIAL_WORKER_EPISODE_FROM_APRIL_2023_INCOMPLETE,
    code: "SW01bSTG1",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM", "SW_ID", "SW_REASON"],
    years: Y2024_25..=Y2024_25,
    message: "For each social worker episode, information should be complete",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        let incomplete = match r.sw_decom.strict() {
            None => true,
            Some(d) => d >= date(2023, 4, 1) && (r.sw_id.is_blank() || r.sw_reason.is_blank()),
        };
        if incomplete {
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
    fn missing_start_or_recent_episode_without_id_or_reason_is_reported() {
        // The reference's cases (rule_SW01bSTG1.test_validate).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_ID,SW_DECOM,SW_REASON\n\
             child1,,01/01/2024,MANAGE\n\
             child2,SW1,,MANAGE\n\
             child3,SW1,01/01/2024,\n\
             child4,SW1,01/01/1999,MANAGE\n\
             child5,SW1,01/01/1999,\n\
             child6,SW1,01/01/1999,\n\
             child7,SW1,01/01/2024,\n\
             child9,SW1,,\n\
             child10,SW1,01/04/2023,MANAGE\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_FROM_APRIL_2023_INCOMPLETE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(
            found,
            ["SWEpisodes:0", "SWEpisodes:1", "SWEpisodes:2", "SWEpisodes:6", "SWEpisodes:7"]
        );
    }
}
