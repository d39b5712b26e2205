use super::first_episode_vs_last_year::{placement_type_changed, report_changes};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must carry the same `PLACE` (placement type)
    /// as that open episode. A change from H5 to K3 (semi-independent living recoded as registered supported
    /// accommodation) is allowed.
    ///
    /// ## Why it matters
    /// A change of placement starts a new episode; a different placement type in the
    /// continuing episode means a move was not recorded or one return is wrong.
    ///
    /// ## Example
    /// Last year's open episode is U4 and this year's first episode U6: reported. U4 in both
    /// passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) PLACEMENT_TYPE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR_2024_25,
    code: "503D",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2024_25..=Y2024_25,
    needs: [last_year],
    message: "The placement type in the first episode does not match open episode at end of last year",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| placement_type_changed(ctx.year, first, open));
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case for this version.
    #[test]
    fn another_placement_type_is_reported_but_h5_to_k3_is_not() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PLACE\n\
             111,01/06/2020,,T1\n\
             111,05/06/2020,,T2\n\
             111,06/06/2020,,T3\n\
             123,08/06/2020,,T4\n\
             222,05/06/2020,,T5\n\
             333,06/06/2020,,T6\n\
             333,07/06/2020,,T7\n\
             444,08/06/2020,,T3\n\
             555,08/06/2020,,K3\n\
             888,08/06/2020,,K3\n\
             999,08/06/2020,,H3\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PLACE\n\
             111,01/06/2020,,\n\
             123,08/06/2020,,N4\n\
             222,05/06/2020,,L\n\
             333,06/06/2020,,\n\
             444,08/06/2020,,L\n\
             444,09/06/2020,,L\n\
             444,19/06/2020,,L\n\
             555,19/06/2020,,H5\n\
             888,08/06/2020,,H5\n\
             999,08/06/2020,,H5\n",
        )]);
        let rule = &PLACEMENT_TYPE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR_2024_25;
        let found = run(rule, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(
            found,
            ["Episodes:0", "Episodes:3", "Episodes:4", "Episodes:5", "Episodes:7", "Episodes:10"]
        );
    }
}
