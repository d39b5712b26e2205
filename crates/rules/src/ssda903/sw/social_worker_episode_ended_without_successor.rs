use super::util::{SwIndex, by_start, within_days};
use crate::context::Ctx;
use crate::dates::plus_days;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// For each of a child's social worker episodes (ordered by `SW_DECOM`) that ended at least
    /// five days before 31 March, the next episode must start within five days either side of that
    /// end date. The next episode is reported when it does not, or when its `SW_DECOM` is blank or
    /// unreadable.
    ///
    /// ## Why it matters
    /// A child looked after at 31 March should have a social worker throughout; an allocation that
    /// ended well before the year end must be followed promptly by another.
    ///
    /// ## Example
    /// In 2023/24, an episode ending 20/03/2024 followed by one starting 21/03/2024: passes;
    /// followed by one starting 29/03/2024: the later episode is reported. An episode ending
    /// 30/03/2024 is not checked.
    ///
    /// ## Reference behaviour
    /// As the reference does, rows with a blank `CHILD` are never reported, and a child's last
    /// episode is not reported even if it ended early in the year (SW11bSTG2 looks at the end of
    /// the year).
    pub(crate) SOCIAL_WORKER_EPISODE_ENDED_WITHOUT_SUCCESSOR,
    code: "SW11aSTG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..=Y2023_24,
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    let Some(cutoff) = plus_days(ctx.end(), -5) else { return };
    for (child, mut rows) in SwIndex::new(ctx).groups() {
        if child.is_none() {
            continue;
        }
        by_start(&mut rows);
        for pair in rows.windows(2) {
            let (prev, next) = (pair[0], pair[1]);
            let Some(ended) = prev.sw_dec.strict().filter(|d| *d <= cutoff) else { continue };
            let follows = next.sw_decom.strict().is_some_and(|start| within_days(start, ended, 5));
            if !follows {
                out.flag(next);
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
    fn episode_not_following_an_early_end_is_reported() {
        // The reference's cases (rule_SW11aSTG2.test_validate), moved from 2000 to 2024.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/04/2024,25/03/2024\n\
             1,,\n\
             2,01/04/2024,25/03/2024\n\
             2,02/04/2024,03/04/2024\n\
             3,01/04/2024,1/04/2024\n\
             3,02/04/2024,03/04/2024\n\
             4,01/04/2024,30/03/2024\n\
             4,30/03/2024,03/04/2024\n\
             5,01/04/2024,30/03/2024\n\
             5,,\n\
             6,01/04/2024,25/03/2024\n\
             6,29/03/2024,03/04/2024\n\
             7,01/04/2024,20/03/2024\n\
             7,21/03/2024,22/03/2024\n\
             7,29/03/2024,03/04/2024\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_ENDED_WITHOUT_SUCCESSOR,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:1", "SWEpisodes:3", "SWEpisodes:14"]);
    }
}
