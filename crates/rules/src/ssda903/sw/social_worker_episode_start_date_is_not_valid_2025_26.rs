use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DECOM` (date the episode began) is given but is not a date
    /// in the DfE's `dd/mm/yyyy` form. From 2025/26 unknown parts (`ZZ`) are no longer accepted.
    ///
    /// ## Why it matters
    /// Social worker episodes are ordered and measured by their dates; an unreadable date breaks
    /// every other social worker check for the child.
    ///
    /// ## Example
    /// `01/01/2024` and a blank pass; `ZZ/ZZ/ZZZZ`, `01/01/ZZZZ`, `zz` and `1999/12/01` are
    /// reported.
    pub(crate) SOCIAL_WORKER_EPISODE_START_DATE_IS_NOT_VALID,
    code: "SW04STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM"],
    years: Y2025_26..,
    message: "Date social worker episode began is not a valid date..",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_decom.is_present() && r.sw_decom.strict().is_none() {
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
    fn unreadable_dates_and_unknown_parts_are_reported() {
        // The reference's cases (rule_SW04STG1.test_validate, 2025/26).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM\n1,ZZ/ZZ/ZZZZ\n2,01/01/2001\n3,zz\n4,01/01/ZZZZ\n5,\n6,1999/12/01\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_START_DATE_IS_NOT_VALID,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:2", "SWEpisodes:3", "SWEpisodes:5"]);
    }
}
