use super::util::reporting_period_start;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` is after 31 March at the end of the collection year,
    /// or before the social worker reporting period, which from 2024/25 starts a year before the
    /// collection year (1 April 2023 for 2024/25).
    ///
    /// ## Why it matters
    /// Episodes that ended before the reporting period should not be returned, and an end date
    /// after the collection year cannot be known yet.
    ///
    /// ## Example
    /// In 2024/25, `SW_DEC` 01/04/2023 and 31/03/2025 pass; 31/03/2023 and 01/04/2025 are reported.
    /// A blank or unreadable `SW_DEC` is not reported here.
    ///
    /// ## Reference behaviour
    /// The reference subtracts `np.timedelta64(1, "Y")`, an average year of 365.2425 days, so in
    /// 2024/25 (whose previous year holds 29 February) it reports an episode ending on 01/04/2023,
    /// the first day of the period. carelens goes back one calendar year
    /// (docs/disagreements.md).
    pub(crate) SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
    code: "SW07STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2024_25..,
    message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    let from = reporting_period_start(ctx);
    for r in sw {
        if r.sw_dec.strict().is_some_and(|d| d < from || d > ctx.end()) {
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
    fn end_date_outside_the_two_year_period_is_reported() {
        // The reference's cases (rule_SW07STG2.test_validate, 2024/25), moved to 2024/25.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DEC\n1,01/04/2025\n2,31/03/2023\n3,01/01/2025\n4,\n\
             5,01/04/2023\n6,01/06/2023\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:1"]);
    }
}
