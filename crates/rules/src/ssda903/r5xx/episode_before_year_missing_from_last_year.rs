use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::{first_by_decom, last_by_decom};

declare_rule! {
    /// ## What it checks
    /// A child whose earliest episode this year started before 1 April (the start of the
    /// collection year): last year's return must show that episode as the child's latest
    /// (same `DECOM`). The episode is reported when the child has no episode in last year's
    /// return, or last year's latest episode started on another date.
    ///
    /// ## Why it matters
    /// An episode that began before the year was open at 31 March and belongs in last year's
    /// return too; without it the history has a gap.
    ///
    /// ## Example
    /// This year's first episode from 13/03/2021 (year starting 01/04/2021) and last year's
    /// latest from 11/03/2021: reported. Last year's latest from 13/03/2021 passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes last year has a readable `DECOM` is reported (no episode
    /// matches); the reference fails on the whole return instead
    /// (docs/disagreements.md).
    pub(crate) EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR,
    code: "562",
    tables: ["Episodes", "Episodes_last"],
    fields: ["DECOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Episode commenced before the start of the current collection year but there is a missing continuous episode in the previous year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(last) = ctx.last else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || last.tables.episodes.if_supplied().is_none()
    {
        return;
    }
    let start = ctx.start();
    for (child, eps) in ctx.episodes().iter() {
        let before_year =
            eps.iter().copied().filter(|e| e.decom.strict().is_some_and(|d| d < start));
        let Some(first) = first_by_decom(before_year) else { continue };
        let latest_last = last_by_decom(ctx.episodes_last().get(child));
        if latest_last.and_then(|l| l.decom.strict()) != first.decom.strict() {
            out.flag(first);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case, moved from 2021/22 to 2022/23.
    #[test]
    fn episode_before_the_year_without_its_match_last_year_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM\n111,15/03/2022\n111,05/06/2022\n222,13/03/2022\n222,08/06/2022\n222,05/06/2022\n333,01/01/2022\n444,01/05/2022\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM\n111,01/06/2021\n111,05/06/2021\n111,15/03/2022\n222,01/02/2022\n222,11/03/2022\n333,06/06/2021\n",
        )]);
        let rule = &EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["Episodes:2", "Episodes:5"]
        );
    }

    #[test]
    fn child_absent_last_year_is_reported() {
        let cur = ret(&[("Episodes", "CHILD,DECOM\n1,01/03/2022\n2,01/03/2022\n")]);
        let last = ret(&[("Episodes", "CHILD,DECOM\n2,bad\n")]);
        let rule = &EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["Episodes:0", "Episodes:1"]
        );
    }
}
