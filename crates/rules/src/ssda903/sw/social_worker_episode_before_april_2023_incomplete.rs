use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with no valid `SW_DECOM`, or one that began before 1 April 2023 with
    /// no `SW_ID`. (Episodes from before social worker data was first collected need an identifier
    /// and a start date; their `SW_REASON` may be blank.)
    ///
    /// ## Why it matters
    /// An episode without a start date or a social worker cannot be placed in the child's history
    /// of social worker changes.
    ///
    /// ## Example
    /// `SW_DECOM` 01/01/2023 with no `SW_ID`: reported. `SW_DECOM` 01/01/2024 with no `SW_ID` is
    /// left to SW01bSTG1. A blank or unreadable `SW_DECOM` is always reported.
    pub(crate) SOCIAL_WORKER_EPISODE_BEFORE_APRIL_2023_INCOMPLETE,
    code: "SW01aSTG1",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM", "SW_ID"],
    years: Y2024_25..=Y2024_25,
    message: "For each social worker episode, information should be complete",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        let incomplete = match r.sw_decom.strict() {
            None => true,
            Some(d) => d < date(2023, 4, 1) && r.sw_id.is_blank(),
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
    fn missing_start_or_early_episode_without_id_is_reported() {
        // The reference's cases (rule_SW01aSTG1.test_validate), plus an early episode with
        // no SW_ID and an unreadable date.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_ID,SW_DECOM,SW_REASON\n\
             child1,,01/01/2024,\n\
             child2,SW1,,\n\
             child3,SW1,01/01/2024,\n\
             child4,SW1,01/01/1999,\n\
             child5,SW1,01/01/1999,\n\
             child7,SW1,01/01/2024,\n\
             child9,SW1,,\n\
             child10,,31/03/2023,\n\
             child11,SW1,2023-01-01,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_BEFORE_APRIL_2023_INCOMPLETE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:1", "SWEpisodes:6", "SWEpisodes:7", "SWEpisodes:8"]);
    }
}
