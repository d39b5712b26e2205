use std::cmp::Reverse;

use carelens_model::Date;

use super::util::{SwIndex, by_start};
use crate::context::Ctx;
use crate::dates::plus_days;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode that ended in the last five days of the collection year (26 to 31
    /// March) with no later episode to take over. The reference's three tests, per child: the
    /// child's only episode ended in those days; or an episode ending in those days is followed, in
    /// `SW_DECOM` order, by one whose `SW_DECOM` is blank or unreadable (the follower is reported);
    /// or an episode ending in those days is preceded, in `SW_DECOM` order, by one that started
    /// before that end date (the episode ending in the window is reported).
    ///
    /// ## Why it matters
    /// A child looked after at 31 March should have a social worker on that day; an allocation that
    /// ended just before the year end must be followed by the next one.
    ///
    /// ## Example
    /// In 2024/25, a child's only episode ending 27/03/2025: reported. Episodes from 01/03/2025
    /// (ended 25/03/2025) and 26/03/2025 (ended 27/03/2025): the second is reported.
    ///
    /// ## Reference behaviour
    /// As the reference does: an episode ending in the window is reported when the next-later
    /// episode started before it ended, even if a later episode follows; rows with a blank `CHILD`
    /// are paired with each other as if they were one child (pandas' `merge` matches missing keys),
    /// but never count as a child's only episode (`value_counts` drops them).
    pub(crate) SOCIAL_WORKER_EPISODE_ENDED_NEAR_YEAR_END_WITHOUT_SUCCESSOR,
    code: "SW11bSTG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..,
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    let Some(from) = plus_days(ctx.end(), -5) else { return };
    let in_window = |d: Option<Date>| d.is_some_and(|d| d >= from && d <= ctx.end());
    for (child, mut rows) in SwIndex::new(ctx).groups() {
        if let (Some(_), [only]) = (child, rows.as_slice()) {
            if in_window(only.sw_dec.strict()) {
                out.flag(*only);
            }
            continue;
        }
        // Ascending by SW_DECOM: an episode ending in the window followed by one with no
        // readable start.
        by_start(&mut rows);
        for pair in rows.windows(2) {
            if in_window(pair[0].sw_dec.strict()) && pair[1].sw_decom.strict().is_none() {
                out.flag(pair[1]);
            }
        }
        // Descending by SW_DECOM (unreadable last, ties in file order): a later episode ending
        // in the window after the next-earlier one started.
        rows.sort_by_key(|r| {
            let d = r.sw_decom.strict();
            (d.is_none(), Reverse(d))
        });
        for pair in rows.windows(2) {
            let (later, earlier) = (pair[0], pair[1]);
            let ended = later.sw_dec.strict();
            let started = earlier.sw_decom.strict();
            if in_window(ended) && matches!((started, ended), (Some(s), Some(e)) if s < e) {
                out.flag(later);
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
    fn episode_ending_in_the_last_days_without_successor_is_reported() {
        // The reference's cases (rule_SW11bSTG2.test_validate), moved from 2000 to 2024.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/04/2024,26/03/2024\n\
             1,01/05/2024,\n\
             2,01/04/2024,25/03/2024\n\
             2,02/04/2024,03/04/2024\n\
             3,01/04/2024,1/04/2024\n\
             3,02/04/2024,03/04/2024\n\
             4,01/04/2024,30/03/2024\n\
             4,30/03/2024,03/04/2024\n\
             5,01/04/2024,30/03/2024\n\
             6,01/04/2024,26/03/2024\n\
             6,,\n\
             7,01/04/2024,25/03/2024\n\
             7,,\n\
             8,01/04/2024,26/03/2024\n\
             8,27/03/2024,28/03/2024\n\
             8,,\n\
             9,01/03/2024,25/03/2024\n\
             9,26/03/2024,27/03/2024\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDED_NEAR_YEAR_END_WITHOUT_SUCCESSOR,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:8", "SWEpisodes:10", "SWEpisodes:15", "SWEpisodes:17"]);
    }

    #[test]
    fn blank_children_pair_but_are_never_alone() {
        // Rows with a blank CHILD pair with each other (the reference's merge matches missing
        // keys) but a lone one is not "the child's only episode".
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n,27/03/2025,26/04/2025\n,29/03/2025,30/03/2025\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDED_NEAR_YEAR_END_WITHOUT_SUCCESSOR,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:1"]);
        let cur = ret(&[("SWEpisodes", "CHILD,SW_DECOM,SW_DEC\n,01/01/2025,27/03/2025\n")]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDED_NEAR_YEAR_END_WITHOUT_SUCCESSOR,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
