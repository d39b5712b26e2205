use jiff::civil::date;

use crate::context::Ctx;
use crate::dates::lenient;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode whose `SW_REASON` is given but is not one of the DfE's ten reasons,
    /// or is blank although the episode began on or after 1 April 2023 (before that, when reasons
    /// were not yet collected, a blank is accepted).
    ///
    /// ## Why it matters
    /// The reasons drive the DfE's analysis of why children change social worker.
    ///
    /// ## Example
    /// `LAZINESS` is reported; a blank `SW_REASON` with `SW_DECOM` 01/04/2023 is reported, with
    /// `SW_DECOM` 01/01/2023 it passes.
    ///
    /// ## Reference behaviour
    /// The reference reads `SW_DECOM` with `pd.to_datetime(dayfirst=True)` and no `errors=`
    /// argument, so a single `SW_DECOM` that is not a date (`ZZ/01/2024`) makes the rule fail and
    /// report nothing for the whole return. carelens reports the invalid reasons anyway and treats
    /// the unreadable date as unknown (docs/disagreements.md). As in the reference,
    /// the date is read leniently here (`2023-05-01` and `01/04/23` are dates).
    pub(crate) SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID,
    code: "SW13STG1",
    tables: ["SWEpisodes"],
    fields: ["SW_REASON"],
    years: Y2024_25..,
    message: "The reason for social worker change is not valid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for r in sw {
        let invalid = if r.sw_reason.is_blank() {
            lenient(&r.sw_decom).is_some_and(|d| d >= date(2023, 4, 1))
        } else {
            r.sw_reason.strict().is_none()
        };
        if invalid {
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
    fn invalid_reason_or_recent_missing_reason_is_reported() {
        // The reference's cases (rule_SW13STG1.test_validate, 2024/25), plus an ISO date and
        // an unreadable one.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_REASON,SW_DECOM\n\
             1,LAZINESS,01/01/2000\n\
             2,SWDIED,01/01/2000\n\
             3,SLEEPINESS,01/01/2000\n\
             4,CHCHAN,01/01/2000\n\
             5,,01/01/2000\n\
             6,,01/04/2023\n\
             7,,2023-05-01\n\
             8,,ZZ/01/2024\n\
             9,XX,ZZ/01/2024\n",
        )]);
        let found =
            run(&SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(
            found,
            ["SWEpisodes:0", "SWEpisodes:2", "SWEpisodes:5", "SWEpisodes:6", "SWEpisodes:8"]
        );
    }
}
