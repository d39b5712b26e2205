use carelens_model::SwEpisode;

use super::util::SwIndex;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with the same `SW_DECOM` as an earlier row (in file order) of the
    /// same child. The first of the two is not reported.
    ///
    /// ## Why it matters
    /// Two allocations starting the same day mean a duplicated row or a correction that was added
    /// rather than applied.
    ///
    /// ## Example
    /// Two rows for a child both starting 01/01/2025: the second is reported.
    ///
    /// ## Reference behaviour
    /// As the reference does (`duplicated(["CHILD", "SW_DECOM"])`): the cells are compared as text
    /// (ignoring case), so two blank `SW_DECOM`s count as the same date and `01/01/2025` differs
    /// from `1/1/2025`; rows with a blank `CHILD` count as one child.
    pub(crate) SOCIAL_WORKER_EPISODES_START_ON_SAME_DATE,
    code: "SW19STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC", "SW_DECOM"],
    years: Y2025_26..,
    message: "There are 2 social worker episodes for the child starting on the same date.",
}

/// `SW_DECOM` as `duplicated` compares it: the text as sent, a blank equal to another blank.
fn start(r: &SwEpisode) -> &str {
    if r.sw_decom.is_blank() { "" } else { r.sw_decom.raw().trim() }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    for (_, rows) in SwIndex::new(ctx).groups() {
        for (i, r) in rows.iter().enumerate() {
            if rows[..i].iter().any(|e| start(e).eq_ignore_ascii_case(start(r))) {
                out.flag(*r);
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
    fn second_episode_starting_the_same_day_is_reported() {
        // The reference's cases (rule_SW19STG2.test_validate), plus two blank starts.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             child1,01/01/2001,\n\
             child2,01/01/2001,01/01/2001\n\
             child2,02/01/2000,01/01/2001\n\
             child1,01/01/2001,01/01/2001\n\
             child3,,\n\
             child3,,\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_EPISODES_START_ON_SAME_DATE, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["SWEpisodes:3", "SWEpisodes:5"]);
    }
}
