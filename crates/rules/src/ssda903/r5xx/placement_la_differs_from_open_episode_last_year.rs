use super::first_episode_vs_last_year::report_changes;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must lie in the same `PL_LA` (the area of the
    /// placement postcode) as that open episode. Two unknown areas count as the same.
    ///
    /// ## Why it matters
    /// The same placement is in the same area; a different area means the placement postcode
    /// changed without a new episode.
    ///
    /// ## Example
    /// Placement in 356 last year and in 357 this year: reported. An area this year where last
    /// year's postcode was not found is also reported.
    ///
    /// ## Reference behaviour
    /// A child none of whose episodes (this year or last) has a readable `DECOM` is skipped;
    /// the reference fails on the whole return instead (docs/disagreements.md).
    pub(crate) PLACEMENT_LA_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503H",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PL_LA"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The placement LA in first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| {
        first.geo.and_then(|g| g.pl_la) != open.geo.and_then(|g| g.pl_la)
    });
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case (its shared episode fixtures; its "CON" is not an area
    /// code and becomes 357 here).
    #[test]
    fn first_episode_in_another_area_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_LA\n\
             101,01/04/2020,04/06/2020,WAL\n\
             101,04/06/2020,,WAL\n\
             103,03/03/2020,10/07/2020,816\n\
             103,10/07/2020,09/12/2020,816\n\
             104,28/03/2020,,356\n\
             105,16/04/2020,,112\n\
             106,04/11/2020,,112\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_LA\n\
             101,04/06/2020,04/06/2021,WAL\n\
             101,04/06/2021,,WAL\n\
             102,20/12/2020,07/04/2021,816\n\
             103,02/02/2021,,816\n\
             104,28/03/2020,,357\n\
             105,16/04/2020,,112\n\
             106,04/11/2020,,\n",
        )]);
        let rule = &PLACEMENT_LA_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:4", "Episodes:6"]);
    }
}
