use super::first_episode_vs_last_year::report_changes;
use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same `CIN` (category of need) as
    /// that open episode.
    ///
    /// ## Why it matters
    /// The category of need is fixed for a period of care; a different code in the continuing
    /// episode means one of the two returns is wrong.
    ///
    /// ## Example
    /// Last year's open episode has `CIN` N4, this year's first episode N5: reported. A blank
    /// `CIN` last year and N1 this year is also reported (blank differs from a code).
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) CATEGORY_OF_NEED_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503C",
    tables: ["Episodes", "Episodes_last"],
    fields: ["CIN"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The category of need in the first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| !same_text(&first.cin, &open.cin));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_with_another_category_of_need_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,CIN\n\
             111,01/06/2020,,N1\n\
             111,05/06/2020,,N2\n\
             111,06/06/2020,,N3\n\
             123,08/06/2020,,N4\n\
             222,05/06/2020,,N5\n\
             333,06/06/2020,,N6\n\
             333,07/06/2020,,N7\n\
             444,03/06/2020,,N3\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,CIN\n\
             111,01/06/2020,,\n\
             123,08/06/2020,,N4\n\
             222,05/06/2020,,L\n\
             333,06/06/2020,,\n\
             444,08/06/2020,,L\n\
             444,09/06/2020,,L\n\
             444,19/06/2020,,L\n",
        )]);
        let rule = &CATEGORY_OF_NEED_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:5", "Episodes:7"]);
    }
}
