use super::first_episode_vs_last_year::report_changes;
use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same `LS` (legal status) as that
    /// open episode.
    ///
    /// ## Why it matters
    /// A change of legal status starts a new episode; if the first episode this year has
    /// another status, either the change was not recorded or one return is wrong.
    ///
    /// ## Example
    /// Last year's open episode has `LS` C1 and this year's first episode `LS` C2: reported.
    /// With `LS` C1 in both it passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) LEGAL_STATUS_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503B",
    tables: ["Episodes", "Episodes_last"],
    fields: ["LS"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The legal status in the first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| !same_text(&first.ls, &open.ls));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_with_another_legal_status_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n\
             111,01/06/2020,,L\n\
             111,05/06/2020,,L\n\
             111,06/06/2020,,L\n\
             123,08/06/2020,,L\n\
             222,05/06/2020,,L\n\
             333,06/06/2020,,L\n\
             333,07/06/2020,,L\n\
             444,08/06/2020,,L\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n\
             111,01/06/2020,,L\n\
             123,08/06/2020,,E1\n\
             222,05/06/2020,,L\n\
             333,06/06/2020,,R\n\
             444,08/06/2020,,L\n\
             444,09/06/2020,,L\n\
             444,19/06/2020,,L\n",
        )]);
        let rule = &LEGAL_STATUS_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:3", "Episodes:5"]);
    }
}
