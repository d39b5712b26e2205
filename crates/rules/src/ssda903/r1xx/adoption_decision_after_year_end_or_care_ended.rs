use carelens_model::Episode;
use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED` (decision that the child should be placed for
    /// adoption) or `DATE_PLACED_CEASED` (decision that it should no longer be) is after
    /// 31 March, or after the `DEC` of the child's latest episode that did not end with `X1`.
    /// The PlacedAdoption row and that episode are both reported.
    ///
    /// ## Why it matters
    /// A decision cannot be made after the collection year, nor once the LA is no longer looking
    /// after the child.
    ///
    /// ## Example
    /// A child whose latest episode ended 01/06/2024 with `E13`: `DATE_PLACED` 01/05/2024 passes;
    /// `DATE_PLACED_CEASED` 01/07/2024 is reported, with the episode.
    ///
    /// ## Reference behaviour
    /// As in the reference, the "latest episode" is the one with the greatest `DECOM` among
    /// episodes with a readable `DECOM` whose `REC` is not `X1` (an open episode counts, and as
    /// it has no `DEC` only the 31 March test applies); among equal `DECOM`s the first in the
    /// file. A child with no such episode is not checked.
    pub(crate) ADOPTION_DECISION_AFTER_YEAR_END_OR_CARE_ENDED,
    code: "117",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED_CEASED", "DATE_PLACED", "DEC", "REC", "DECOM"],
    years: Y2022_23..,
    message: "Date of decision that a child should/should no longer be placed for adoption is beyond the current collection year or after the child ceased to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let placed = ctx.placed_adoption();
    let end = ctx.end();
    for (child, eps) in ctx.episodes().iter() {
        let mut latest: Option<&Episode> = None;
        for e in eps {
            let Some(decom) = e.decom.strict() else { continue };
            if e.rec.strict() == Some(ReasonEpisodeCeased::X1) {
                continue;
            }
            if latest.and_then(|l| l.decom.strict()).is_none_or(|best| decom > best) {
                latest = Some(e);
            }
        }
        let Some(latest) = latest else { continue };
        let dec = latest.dec.strict();
        let too_late = |d: Option<carelens_model::Date>| {
            d.is_some_and(|d| d > end || dec.is_some_and(|dec| d > dec))
        };
        for p in placed.get(child) {
            if too_late(p.date_placed.strict()) || too_late(p.date_placed_ceased.strict()) {
                out.flag(p);
                out.flag(latest);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn the_references_cases() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC\n\
                 101,01/01/2009,01/01/2009,E45\n\
                 102,01/01/2001,01/01/2001,A3\n\
                 102,20/12/2001,20/12/2001,E15\n\
                 102,03/01/2019,03/01/2019,E46\n\
                 102,03/04/2008,03/04/2008,E48\n\
                 103,01/01/2002,01/01/2002,X2\n\
                 104,10/01/2002,10/01/2002,E11\n\
                 104,11/02/2010,11/02/2010,X1\n\
                 104,25/01/2002,25/01/2002,X1\n\
                 105,25/01/2002,25/01/2002,E47\n\
                 105,,,E45\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED,DATE_PLACED\n\
                 101,26/05/2000,26/05/2000\n\
                 102,01/07/2018,26/05/2000\n\
                 103,26/05/2000,\n\
                 104,26/05/2017,01/02/2016\n\
                 105,,26/05/2019\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2018).unwrap();
        let found = run(&ADOPTION_DECISION_AFTER_YEAR_END_OR_CARE_ENDED, year, &cur, None);
        assert_eq!(
            found,
            [
                "Episodes:3",
                "Episodes:6",
                "Episodes:9",
                "PlacedAdoption:1",
                "PlacedAdoption:3",
                "PlacedAdoption:4"
            ]
        );
    }

    #[test]
    fn decisions_within_the_year_and_care_pass() {
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM,DEC,REC\n1,01/04/2024,01/06/2024,E13\n2,01/04/2024,,\n"),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n1,01/05/2024,\n1,01/05/2024,01/07/2024\n\
                 2,01/05/2024,01/03/2025\n2,01/05/2024,01/04/2025\n",
            ),
        ]);
        let found = run(
            &ADOPTION_DECISION_AFTER_YEAR_END_OR_CARE_ENDED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:1", "PlacedAdoption:1", "PlacedAdoption:3"]);
    }
}
