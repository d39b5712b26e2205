use super::first_episode_vs_last_year::report_changes;
use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same `PLACE_PROVIDER` as that
    /// open episode.
    ///
    /// ## Why it matters
    /// A change of provider is a change of placement and starts a new episode; a silent change
    /// across the year boundary means a move was not recorded or a return is wrong.
    ///
    /// ## Example
    /// Last year's open episode has `PLACE_PROVIDER` PR2, this year's first episode PR5:
    /// reported. PR4 in both passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) PLACEMENT_PROVIDER_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503E",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PLACE_PROVIDER"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The placement provider in the first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| !same_text(&first.place_provider, &open.place_provider));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_with_another_provider_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PLACE_PROVIDER\n\
             111,01/06/2020,,PR1\n\
             111,05/06/2020,,PR2\n\
             111,06/06/2020,,PR3\n\
             123,08/06/2020,,PR4\n\
             222,05/06/2020,,PR5\n\
             333,06/06/2020,,PR0\n\
             333,07/06/2020,,PR1\n\
             444,05/06/2020,,PR3\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PLACE_PROVIDER\n\
             111,01/06/2020,,\n\
             123,08/06/2020,,PR4\n\
             222,05/06/2020,,PR2\n\
             333,06/06/2020,,\n\
             444,08/06/2020,,PR1\n\
             444,09/06/2020,,PR0\n\
             444,19/06/2020,,PR2\n",
        )]);
        let rule = &PLACEMENT_PROVIDER_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:5", "Episodes:7"]);
    }
}
