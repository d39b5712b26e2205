use crate::context::Ctx;
use crate::dates::lenient;
use crate::dates::plus_days;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` is less than three days after its `SW_DECOM`
    /// (including an `SW_DEC` before `SW_DECOM`).
    ///
    /// ## Why it matters
    /// A very short allocation is almost always a recording correction rather than a real change of
    /// social worker, and it inflates the count of changes.
    ///
    /// ## Example
    /// `SW_DECOM` 01/01/2024 with `SW_DEC` 03/01/2024: reported; with `SW_DEC` 04/01/2024: passes.
    /// A blank in either field passes.
    ///
    /// ## Reference behaviour
    /// As the reference does: the threshold is three days although the message says 24 hours, and
    /// the dates are read leniently (`pd.to_datetime(dayfirst=True)`), so `2024-01-01` or
    /// `01/01/24` count as dates here.
    pub(crate) SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
    code: "SW09STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM", "SW_DEC"],
    years: Y2025_26..,
    message: "Social worker episode appears to have lasted for less than 24 hours.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        let (Some(decom), Some(dec)) = (lenient(&r.sw_decom), lenient(&r.sw_dec)) else {
            continue;
        };
        if plus_days(decom, 3).is_some_and(|limit| dec < limit) {
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
    fn episode_shorter_than_three_days_is_reported() {
        // The reference's cases (rule_SW09STG2.test_validate, 2025/26), plus an ISO date.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DEC,SW_DECOM\n\
             1,01/01/2000,02/01/2000\n\
             1,04/01/2000,01/01/2000\n\
             2,03/01/1901,01/01/1901\n\
             2,01/01/1901,\n\
             3,,\n\
             4,,01/01/2000\n\
             5,2000-01-02,01/01/2000\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:2", "SWEpisodes:6"]);
    }
}
