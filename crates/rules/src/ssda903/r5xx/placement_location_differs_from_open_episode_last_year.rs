use super::first_episode_vs_last_year::report_changes;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must have the same `PL_LOCATION` (placement
    /// inside or outside the responsible LA) as that open episode. Two unknown locations count
    /// as the same.
    ///
    /// ## Why it matters
    /// The same placement stays inside or outside the LA; a change means the placement
    /// postcode changed without a new episode.
    ///
    /// ## Example
    /// `OUT` last year and `IN` this year: reported. `OUT` in both passes.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) PLACEMENT_LOCATION_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503J",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PL_LOCATION"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The placement location in first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| {
        first.geo.and_then(|g| g.pl_location) != open.geo.and_then(|g| g.pl_location)
    });
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn first_episode_on_the_other_side_of_the_boundary_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_LOCATION\n\
             111,01/06/2020,,IN\n\
             111,05/06/2020,,IN\n\
             111,06/06/2020,,IN\n\
             123,08/06/2020,,OUT\n\
             222,05/06/2020,,IN\n\
             333,06/06/2020,,OUT\n\
             333,07/06/2020,,IN\n\
             444,08/06/2020,,OUT\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_LOCATION\n\
             111,01/06/2020,,\n\
             123,08/06/2020,,OUT\n\
             222,05/06/2020,,OUT\n\
             333,06/06/2020,,\n\
             444,08/06/2020,,IN\n\
             444,09/06/2020,,OUT\n\
             444,19/06/2020,,OUT\n",
        )]);
        let rule = &PLACEMENT_LOCATION_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:5"]);
    }
}
