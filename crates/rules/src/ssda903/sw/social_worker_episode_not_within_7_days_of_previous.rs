use super::util::{SwIndex, by_start_then_end, is_first_contact, within_days};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// Each of a child's social worker episodes after the first (ordered by `SW_DECOM`, then
    /// `SW_DEC`) whose `SW_REASON` is not `FCONTA` must start within 7 days either side of the
    /// previous episode's `SW_DEC`.
    ///
    /// ## Why it matters
    /// A change of social worker should hand over from one worker to the next: a start more than a
    /// week away from the previous end means an overlap or a gap in allocation.
    ///
    /// ## Example
    /// An episode ending 09/01/2025 followed by one starting 17/01/2025 with `SW_REASON` `LEFTRL`:
    /// the later episode is reported; starting 16/01/2025, or with `FCONTA`: passes.
    ///
    /// ## Reference behaviour
    /// As the reference does: when either date is blank or unreadable (for example the previous
    /// episode is still open) the later episode is reported, and rows with a blank `CHILD` are
    /// paired with each other as if they were one child.
    pub(crate) SOCIAL_WORKER_EPISODE_NOT_WITHIN_7_DAYS_OF_PREVIOUS,
    code: "SW10aSTG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM"],
    years: Y2025_26..,
    message: "A new social worker episode has started and it is not within +/- 7 days of a previous episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut rows) in SwIndex::new(ctx).groups() {
        by_start_then_end(&mut rows);
        for pair in rows.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            if is_first_contact(cur) {
                continue;
            }
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
    fn episode_not_within_a_week_of_previous_end_is_reported_unless_first_contact() {
        // The reference's cases (rule_SW10aSTG2.test_validate), plus a blank reason.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC,SW_REASON\n\
             1,01/01/2000,09/01/2000,XXXX\n\
             1,02/01/2000,03/01/2000,XXXX\n\
             2,01/01/1999,09/01/2000,XXXX\n\
             2,01/01/2000,10/01/2000,XXXX\n\
             3,10/01/2000,20/01/2000,XXXX\n\
             3,10/01/2000,11/01/2000,XXXX\n\
             3,18/01/2000,20/01/2000,XXXX\n\
             3,30/01/2000,31/01/2000,XXXX\n\
             6,01/01/1999,09/01/2000,XXXX\n\
             6,01/01/2000,10/01/2000,FCONTA\n\
             7,01/01/1999,09/01/2000,XXXX\n\
             7,01/01/2000,10/01/2000,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_NOT_WITHIN_7_DAYS_OF_PREVIOUS,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:3", "SWEpisodes:7", "SWEpisodes:11"]);
    }
}
