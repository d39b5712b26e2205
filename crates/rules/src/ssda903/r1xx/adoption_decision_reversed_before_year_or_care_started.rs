use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED_CEASED` (decision that the child should no longer
    /// be placed for adoption) is before 1 April, or before the `DECOM` of the child's earliest
    /// episode that is not a short break (legal status other than V3/V4). The PlacedAdoption
    /// row and that episode are both reported.
    ///
    /// ## Why it matters
    /// A reversal reported this year must have happened this year, and while the child was
    /// looked after.
    ///
    /// ## Example
    /// In 2024/25, a child whose first episode began 01/05/2024: `DATE_PLACED_CEASED` 01/06/2024
    /// passes; 01/03/2024 (before the year) and 15/04/2024 (before care began) are reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, only children with an episode that is not a short break are
    /// checked, and the earliest is the first in the file among equal `DECOM`s. The reference
    /// fails (reports nothing at all) when such a child has no readable `DECOM`; carelens leaves
    /// that child out and checks the others (`docs/disagreements.md`).
    pub(crate) ADOPTION_DECISION_REVERSED_BEFORE_YEAR_OR_CARE_STARTED,
    code: "118",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DECOM", "DECOM", "LS"],
    years: Y2022_23..,
    message: "Date of decision that a child should no longer be placed for adoption is before the current collection year or before the date the child started to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let placed = ctx.placed_adoption();
    let start = ctx.start();
    for (child, eps) in ctx.episodes().iter() {
        let earliest = eps
            .iter()
            .filter(|e| !e.ls.strict().is_some_and(LegalStatus::is_short_break))
            .filter_map(|e| e.decom.strict().map(|d| (d, *e)))
            .min_by_key(|p| p.0);
        let Some((decom, episode)) = earliest else { continue };
        for p in placed.get(child) {
            let Some(ceased) = p.date_placed_ceased.strict() else { continue };
            if ceased < decom || ceased < start {
                out.flag(p);
                out.flag(episode);
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
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED\n101,08/03/2020\n102,22/06/2020\n103,13/10/2022\n104,\n",
            ),
            (
                "Episodes",
                "CHILD,LS,DECOM\n101,L1,01/01/2019\n102,V3,01/01/2022\n102,X0,20/12/2020\n\
                 102,L1,03/01/2021\n102,L1,03/04/2022\n103,X2,01/01/2019\n104,L1,01/01/2019\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&ADOPTION_DECISION_REVERSED_BEFORE_YEAR_OR_CARE_STARTED, year, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "PlacedAdoption:0", "PlacedAdoption:1"]);
    }

    #[test]
    fn children_without_a_readable_start_are_left_out() {
        let cur = ret(&[
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED\n1,01/01/2019\n2,01/01/2019\n3,01/05/2024\n",
            ),
            (
                "Episodes",
                "CHILD,LS,DECOM\n1,C2,01/01/2020\n2,C2,xx\n3,V3,01/05/2024\n3,,01/06/2024\n",
            ),
        ]);
        let found = run(
            &ADOPTION_DECISION_REVERSED_BEFORE_YEAR_OR_CARE_STARTED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:3", "PlacedAdoption:0", "PlacedAdoption:2"]);
    }
}
