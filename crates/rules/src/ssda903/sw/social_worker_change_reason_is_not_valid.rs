use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_REASON` is blank or not one of the DfE's ten reasons for a
    /// change of social worker (`MANAGE`, `FCONTA`, `LEFTRL`, `ORGRST`, `TSPROC`, `ABSENC`,
    /// `CHCHAN`, `PCCHAN`, `SWDIED`, `OTHERS`).
    ///
    /// ## Why it matters
    /// The reasons drive the DfE's analysis of why children change social worker.
    ///
    /// ## Example
    /// `SWDIED` and `chchan` pass; `LAZINESS`, `Managing caseloads` and a blank are reported.
    pub(crate) SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID,
    code: "SW13STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_REASON"],
    years: Y2023_24..=Y2023_24,
    message: "The reason for social worker change is either not valid or has not been entered.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        if r.sw_reason.strict().is_none() {
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
    fn unknown_or_missing_reason_is_reported() {
        // The reference's cases (rule_SW13STG1.test_validate, 2023/24), plus a blank and a label.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_REASON\n1,LAZINESS\n2,SWDIED\n3,SLEEPINESS\n4,chchan\n5,\n\
             6,Managing caseloads\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:2", "SWEpisodes:4", "SWEpisodes:5"]);
    }
}
