use crate::context::Ctx;
use crate::dates::lenient;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` is not after its `SW_DECOM`: it ends before, or on
    /// the day, it starts.
    ///
    /// ## Why it matters
    /// A negative or zero-length allocation cannot be real and corrupts the measures of how long
    /// children keep their social worker.
    ///
    /// ## Example
    /// `SW_DECOM` 02/01/2025 with `SW_DEC` 01/01/2025: reported. An open episode passes.
    ///
    /// ## Reference behaviour
    /// As the reference does: an end on the start day is reported too (the DfE's logic is "`SW_DEC`
    /// must be > `SW_DECOM`"), and the dates are read leniently (`pd.to_datetime(dayfirst=True)`),
    /// so `2025-01-01` counts as a date here.
    pub(crate) SOCIAL_WORKER_EPISODE_ENDS_BEFORE_IT_STARTS,
    code: "SW18STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC", "SW_DECOM"],
    years: Y2025_26..,
    message: "The end date of the social worker episode is before the start date",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if let (Some(start), Some(end)) = (lenient(&r.sw_decom), lenient(&r.sw_dec))
            && end <= start
        {
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
    fn end_not_after_start_is_reported() {
        // The reference's cases (rule_SW18STG2.test_validate), plus a same-day episode.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             child1,01/01/2001,\n\
             child2,01/01/2000,01/01/2001\n\
             child2,02/01/2002,01/01/2001\n\
             child1,01/01/2000,01/01/2001\n\
             child3,05/05/2025,2025-05-05\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_EPISODE_ENDS_BEFORE_IT_STARTS, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["SWEpisodes:2", "SWEpisodes:4"]);
    }
}
