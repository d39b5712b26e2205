use super::util::valid_with_unknown_parts;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_DEC` (date the episode ended) is given but is not a date
    /// in the DfE's `dd/mm/yyyy` form. Until 2024/25 an unknown day, month or year written `ZZ` or
    /// `ZZZZ` (`ZZ/05/2023`) is accepted.
    ///
    /// The DfE message says "began" although the rule checks the end date (kept verbatim).
    ///
    /// ## Why it matters
    /// Social worker episodes are ordered and measured by their dates; an unreadable date breaks
    /// every other social worker check for the child.
    ///
    /// ## Example
    /// `01/01/2024`, `ZZ/ZZ/ZZZZ` and a blank pass; `zz`, `31/02/2024` and `2024-01-01` are
    /// reported.
    pub(crate) SOCIAL_WORKER_EPISODE_END_DATE_IS_NOT_VALID,
    code: "SW05STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..=Y2024_25,
    message: "Date social worker episode began is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_dec.is_present() && !valid_with_unknown_parts(&r.sw_dec) {
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
    fn unreadable_dates_are_reported_but_unknown_parts_pass() {
        // The reference's cases (rule_SW05STG1.test_validate, 2023/24), plus an ISO date.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DEC\n1,ZZ/ZZ/ZZZZ\n2,01/01/2001\n3,zz\n4,01/01/ZZZZ\n5,\n6,2001-01-01\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_EPISODE_END_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["SWEpisodes:2", "SWEpisodes:5"]);
    }
}
