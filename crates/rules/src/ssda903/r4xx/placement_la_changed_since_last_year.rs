use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r2xx::util::first_and_last_year_last;

declare_rule! {
    /// ## What it checks
    /// A child whose latest episode last year (by `DECOM`) was still open (`DEC` blank) and
    /// whose first episode this year has the same reason for new episode (`RNE`), i.e. is the
    /// same episode sent again, but whose placement LA (`PL_LA`, derived from the placement
    /// postcode) differs between the two years. Reports this year's episode.
    ///
    /// ## Why it matters
    /// An episode open at 31 March continues into the next year unchanged; a different
    /// placement LA means the placement postcode was changed in one of the years.
    ///
    /// ## Example
    /// Last year's open episode placed in Newham, this year's first episode (same `RNE`) placed
    /// in Barking: reported. A placement postcode found in one year but not the other counts
    /// as a difference.
    ///
    /// ## Reference behaviour
    /// A child whose episodes this year (or last year) all have an unreadable `DECOM` makes
    /// the reference fail on the whole return; carelens skips that child.
    pub(crate) PLACEMENT_LA_CHANGED_SINCE_LAST_YEAR,
    code: "452",
    tables: ["Episodes", "Episodes_last"],
    fields: ["PL_LA"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Contradiction between local authority of placement code in the last episode of the previous year and in the first episode of the current year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || ctx.last.and_then(|l| l.tables.episodes.if_supplied()).is_none()
    {
        return;
    }
    for (first, previous) in first_and_last_year_last(ctx) {
        let pl_la = |e: &carelens_model::Episode| e.geo.and_then(|g| g.pl_la);
        if equal_text(&first.rne, &previous.rne)
            && previous.dec.is_blank()
            && pl_la(first) != pl_la(previous)
        {
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
    fn placement_la_changing_across_the_year_end_is_reported() {
        // Modelled on the reference's fixtures (current_episodes / previous_episodes).
        let cur = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,DEC,PL_LA\n101,S,01/04/2020,04/06/2020,WAL\n101,P,04/06/2020,,WAL\n\
             103,P,03/03/2020,10/07/2020,316\n103,L,10/07/2020,09/12/2020,316\n\
             104,B,28/03/2020,,316\n105,L,16/04/2020,,301\n106,S,04/11/2020,,301\n",
        )]);
        let last = ret(&[(
            "Episodes",
            "CHILD,RNE,DECOM,DEC,PL_LA\n101,P,04/06/2020,04/06/2021,WAL\n101,P,04/06/2021,,WAL\n\
             102,L,20/12/2020,07/04/2021,316\n103,L,02/02/2021,,316\n104,B,28/03/2020,,WAL\n\
             105,L,16/04/2020,,301\n106,S,04/11/2020,,\n",
        )]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&PLACEMENT_LA_CHANGED_SINCE_LAST_YEAR, year, &cur, Some(&last));
        assert_eq!(found, ["Episodes:4", "Episodes:6"]);
    }
}
