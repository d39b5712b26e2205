use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r2xx::util::first_and_last_year_last;

declare_rule! {
    /// ## What it checks
    /// A child whose latest episode last year (by `DECOM`) was still open (`DEC` blank or not
    /// a valid date) and whose first episode this year has the same reason for new episode
    /// (`RNE`), but whose placement distance (`PL_DISTANCE`) differs by 0.2 miles or more, or
    /// is known this year but was not last year. Reports this year's episode.
    ///
    /// ## Why it matters
    /// An episode open at 31 March continues into the next year unchanged; a different
    /// distance means one of the postcodes was changed in one of the years.
    ///
    /// ## Example
    /// Last year's open episode 185.0 miles from home, this year's first episode (same `RNE`)
    /// 12.4 miles: reported. 10.0 and 10.1 miles: passes.
    ///
    /// ## Reference behaviour
    /// A child whose episodes this year (or last year) all have an unreadable `DECOM` makes
    /// the reference fail on the whole return; carelens skips that child.
    pub(crate) PLACEMENT_DISTANCE_CHANGED_SINCE_LAST_YEAR,
    code: "453",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PL_DISTANCE"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Contradiction between placement distance in the last episode of the previous year and in the first episode of the current year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || ctx.last.and_then(|l| l.tables.episodes.if_supplied()).is_none()
    {
        return;
    }
    for (first, previous) in first_and_last_year_last(ctx) {
        let distance = |e: &carelens_model::Episode| e.geo.and_then(|g| g.pl_distance);
        let changed = match (distance(first), distance(previous)) {
            (Some(now), Some(before)) => (now - before).abs() >= 0.2,
            (Some(_), None) => true,
            _ => false,
        };
        if changed && previous.dec.strict().is_none() && equal_text(&first.rne, &previous.rne) {
            out.flag(first);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn distance_changing_across_the_year_end_is_reported() {
        // The reference's fixtures (current_episodes / previous_episodes), 999.9 as blank.
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,DEC,PL_DISTANCE\n101,S,01/04/2020,04/06/2020,400\n101,P,04/06/2020,,400\n\
             103,P,03/03/2020,10/07/2020,10\n103,L,10/07/2020,09/12/2020,10\n\
             104,B,28/03/2020,,185\n105,L,16/04/2020,,165\n106,S,04/11/2020,,165\n107,S,01/05/2020,,10.2\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,DEC,PL_DISTANCE\n101,P,04/06/2020,04/06/2021,400\n101,P,04/06/2021,,400\n\
             102,L,20/12/2020,07/04/2021,10\n103,L,02/02/2021,,10\n104,B,28/03/2020,,12.4\n\
             105,L,16/04/2020,,165\n106,S,04/11/2020,,\n107,S,01/05/2020,,10.0\n",
        )]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&PLACEMENT_DISTANCE_CHANGED_SINCE_LAST_YEAR, year, &cur, Some(&last));
        assert_eq!(found, ["Episodes:4", "Episodes:6"]);
    }
}
