use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DECOM` is after 31 March at the end of the collection
    /// year.
    ///
    /// ## Why it matters
    /// The return covers social worker episodes up to the end of the collection year; a later start
    /// date is a keying error or belongs in next year's return.
    ///
    /// ## Example
    /// In 2024/25, `SW_DECOM` 31/03/2025 passes and 01/04/2025 is reported. A blank or unreadable
    /// `SW_DECOM` is not reported here.
    pub(crate) SOCIAL_WORKER_EPISODE_STARTS_AFTER_YEAR_END,
    code: "SW06STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM"],
    years: Y2023_24..,
    message: "Social worker episode data should be within the social worker data reporting year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_decom.strict().is_some_and(|d| d > ctx.end()) {
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
    fn episode_starting_after_31_march_is_reported() {
        // The reference's cases (rule_SW06STG2.test_validate), moved to 2024/25.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM\n1,01/04/2025\n2,31/03/2025\n3,01/01/2025\n4,\n5,2025-06-01\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_EPISODE_STARTS_AFTER_YEAR_END, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["SWEpisodes:0"]);
    }
}
