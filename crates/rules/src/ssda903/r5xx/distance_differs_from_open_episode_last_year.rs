use super::first_episode_vs_last_year::report_changes;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child whose last episode in last year's return was still open (no `DEC`): the first
    /// episode of this year (earliest `DECOM`) must have the same `PL_DISTANCE` (miles from
    /// home to placement, derived from the postcodes) as that open episode, give or take
    /// 0.2 miles. A distance on one side only (a postcode missing or not found in one year) is
    /// also reported.
    ///
    /// ## Why it matters
    /// The same placement is the same distance from home; a different distance means the home
    /// or placement postcode changed without a new episode.
    ///
    /// ## Example
    /// 185.0 miles this year against 999.9 last year is reported; 10.0 against 10.1 passes.
    ///
    /// ## Reference behaviour
    /// The reference reports a distance this year where last year had none, but not the
    /// reverse: its condition repeats the first case where the mirror case was evidently
    /// meant. carelens reports both. A child none of whose episodes (this year or last) has a
    /// readable `DECOM` is skipped; the reference fails on the whole return instead
    /// (docs/disagreements.md).
    pub(crate) DISTANCE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR,
    code: "503G",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PL_DISTANCE"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The distance in first episode does not match open episode at end of last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    report_changes(ctx, out, |first, open| {
        let now = first.geo.and_then(|g| g.pl_distance);
        let before = open.geo.and_then(|g| g.pl_distance);
        match (now, before) {
            // Both are rounded to 0.1 mile; the difference is taken in floating point, as the
            // reference takes it (1.2 - 1.0 is just under 0.2 and passes).
            (Some(a), Some(b)) => (a - b).abs() >= 0.2,
            (Some(_), None) | (None, Some(_)) => true,
            (None, None) => false,
        }
    });
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case (its shared episode fixtures).
    #[test]
    fn first_episode_at_another_distance_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_DISTANCE\n\
             101,01/04/2020,04/06/2020,400\n\
             101,04/06/2020,,400\n\
             103,03/03/2020,10/07/2020,10\n\
             103,10/07/2020,09/12/2020,10\n\
             104,28/03/2020,,185\n\
             105,16/04/2020,,165\n\
             106,04/11/2020,,165\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_DISTANCE\n\
             101,04/06/2020,04/06/2021,400\n\
             101,04/06/2021,,400\n\
             102,20/12/2020,07/04/2021,10\n\
             103,02/02/2021,,10\n\
             104,28/03/2020,,999.9\n\
             105,16/04/2020,,165\n\
             106,04/11/2020,,\n",
        )]);
        let rule = &DISTANCE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:4", "Episodes:6"]);
    }

    #[test]
    fn small_changes_pass_and_lost_distances_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_DISTANCE\n1,01/05/2024,,10.1\n2,01/05/2024,,1.2\n3,01/05/2024,,\n4,01/05/2024,,1.3\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,PL_DISTANCE\n1,01/05/2023,,10.0\n2,01/05/2023,,1.0\n3,01/05/2023,,5.0\n4,01/05/2023,,1.0\n",
        )]);
        let rule = &DISTANCE_DIFFERS_FROM_OPEN_EPISODE_LAST_YEAR;
        let found = run(rule, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Episodes:2", "Episodes:3"]);
    }
}
