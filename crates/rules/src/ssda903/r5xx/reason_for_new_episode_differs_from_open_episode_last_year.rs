use super::first_episode_vs_last_year::report_changes;
use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same `RNE` (reason for new
    /// episode) as that open episode, because it is the same episode continuing.
    ///
    /// ## Why it matters
    /// An episode open at 31 March is carried into the next return unchanged; a different
    /// reason means one of the two returns misdescribes how the child's care began.
    ///
    /// ## Example
    /// Last year's latest episode: `DECOM` 01/02/2024, `RNE` S, no `DEC`. This year's first
    /// episode: `DECOM` 01/02/2024 with `RNE` P is reported; with `RNE` S it passes. Two blank
    /// `RNE`s count as the same.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) REASON_FOR_NEW_EPISODE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503A",
    tables: ["Episodes", "Episodes_last"],
    fields: ["RNE"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The reason for new episode in the first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| !same_text(&first.rne, &open.rne));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_with_another_reason_than_the_open_one_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,RNE\n\
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
            "CHILD,DECOM,DEC,RNE\n\
             111,01/06/2020,,S\n\
             123,08/06/2020,,P\n\
             222,05/06/2020,,L\n\
             333,06/06/2020,,R\n\
             444,08/06/2020,,L\n\
             444,09/06/2020,,L\n\
             444,19/06/2020,,L\n",
        )]);
        let rule = &REASON_FOR_NEW_EPISODE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:3", "Episodes:5"]);
    }

    #[test]
    fn closed_episode_last_year_and_unreadable_dates_are_not_compared() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,DEC,RNE\n1,01/05/2024,,P\n2,bad,,P\n")]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,RNE\n1,01/05/2023,01/05/2024,S\n2,01/05/2023,,S\n",
        )]);
        let rule = &REASON_FOR_NEW_EPISODE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        assert!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)).is_empty());
    }
}
