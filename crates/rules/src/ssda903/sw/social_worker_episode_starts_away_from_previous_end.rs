use super::util::{SwIndex, by_start_then_end, within_days};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// Each of a child's social worker episodes after the first (ordered by `SW_DECOM`, then
    /// `SW_DEC`) must start within 7 days either side of the previous episode's `SW_DEC`.
    ///
    /// ## Why it matters
    /// Social worker episodes should follow one another: an overlap means two workers at once, and
    /// a gap means a period with no allocated social worker.
    ///
    /// ## Example
    /// An episode ending 09/01/2024 followed by one starting 02/01/2024 or 16/01/2024: passes;
    /// followed by one starting 01/01/2024 or 17/01/2024: the later episode is reported.
    ///
    /// ## Reference behaviour
    /// As the reference does: when either date is blank or unreadable (for example the previous
    /// episode is still open) the later episode is reported, and rows with a blank `CHILD` are
    /// paired with each other as if they were one child.
    pub(crate) SOCIAL_WORKER_EPISODE_STARTS_AWAY_FROM_PREVIOUS_END,
    code: "SW10STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM"],
    years: Y2023_24..=Y2023_24,
    message: "A new social worker episode has started before the end date of the previous social worker episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut rows) in SwIndex::new(ctx).groups() {
        by_start_then_end(&mut rows);
        for pair in rows.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            let follows = match (cur.sw_decom.strict(), prev.sw_dec.strict()) {
                (Some(start), Some(prev_end)) => within_days(start, prev_end, 7),
                _ => false,
            };
            if !follows {
                out.flag(cur);
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
    fn episode_not_within_a_week_of_previous_end_is_reported() {
        // The reference's cases (rule_SW10STG2.test_validate, 2023/24).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/01/2000,09/01/2000\n\
             1,02/01/2000,03/01/2000\n\
             2,01/01/1999,09/01/2000\n\
             2,01/01/2000,10/01/2000\n\
             3,10/01/2000,20/01/2000\n\
             3,10/01/2000,11/01/2000\n\
             3,18/01/2000,20/01/2000\n\
             3,30/01/2000,31/01/2000\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_STARTS_AWAY_FROM_PREVIOUS_END,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:3", "SWEpisodes:7"]);
    }

    #[test]
    fn episode_after_an_open_one_is_reported() {
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n1,01/01/2024,\n1,02/01/2024,\n2,01/01/2024,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_STARTS_AWAY_FROM_PREVIOUS_END,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:1"]);
    }
}
