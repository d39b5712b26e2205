use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` is before 1 April or after 31 March of the collection
    /// year.
    ///
    /// ## Why it matters
    /// Episodes that ended before the reporting period should not be returned, and an end date
    /// after the collection year cannot be known yet.
    ///
    /// ## Example
    /// In 2023/24, `SW_DEC` 01/01/2024 passes; 31/03/2023 and 01/04/2024 are reported. A blank or
    /// unreadable `SW_DEC` is not reported here.
    pub(crate) SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
    code: "SW07STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..=Y2023_24,
    message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_dec.strict().is_some_and(|d| d < ctx.start() || d > ctx.end()) {
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
    fn end_date_outside_the_year_is_reported() {
        // The reference's cases (rule_SW07STG2.test_validate), moved to 2023/24.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DEC\n1,01/04/2024\n2,31/03/2023\n3,01/01/2024\n4,\n5,01/04/2023\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:1"]);
    }
}
