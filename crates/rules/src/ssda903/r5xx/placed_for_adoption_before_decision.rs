use carelens_model::{Date, PlacedAdoption};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's first placement for adoption (the episode with `PLACE` A3–A6 and the earliest
    /// readable `DECOM`) must not start before the latest decision that they should be placed
    /// for adoption (the PlacedAdoption row with the latest readable `DATE_PLACED`). When it
    /// does, both rows are reported. Ties go to the first row in file order.
    ///
    /// ## Why it matters
    /// Placing a child for adoption before the decision to do so is not lawful; the order of
    /// the two dates underpins adoption timeliness measures.
    ///
    /// ## Example
    /// Decision 13/10/2022, first A6 placement 13/10/2021: both reported. A placement on or
    /// after the decision date passes.
    pub(crate) PLACED_FOR_ADOPTION_BEFORE_DECISION,
    code: "552",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED", "DECOM"],
    years: Y2022_23..,
    message: "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    // The latest decision per child (idxmax: the first row among equal dates).
    let mut latest: Vec<(&str, Date, &PlacedAdoption)> = Vec::new();
    for (child, rows) in ctx.placed_adoption().iter() {
        let mut best: Option<(Date, &PlacedAdoption)> = None;
        for p in rows {
            if let Some(d) = p.date_placed.strict()
                && best.is_none_or(|(b, _)| d > b)
            {
                best = Some((d, p));
            }
        }
        if let Some((d, p)) = best {
            latest.push((child, d, p));
        }
    }
    for (child, decided, p) in latest {
        let first = ctx
            .episodes()
            .get(child)
            .filter(|e| e.place.strict().is_some_and(|pl| pl.is_adoption()))
            .filter_map(|e| e.decom.strict().map(|d| (d, e)))
            .fold(None, |best: Option<(Date, _)>, (d, e)| match best {
                Some((b, _)) if b <= d => best,
                _ => Some((d, e)),
            });
        if let Some((placed, e)) = first
            && placed < decided
        {
            out.flag(e);
            out.flag(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn placement_before_the_latest_decision_is_reported() {
        let cur = ret(&[
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED\n104,08/03/2020\n105,22/06/2020\n107,13/10/2022\n108,24/10/2021\n109,\n110,\n111,baddate/2021\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,PLACE\n104,08/03/2020,A3\n105,22/07/2020,A4\n107,13/10/2021,A6\n108,22/06/2020,D5\n109,26/05/2018,A3\n110,,A5\n111,01/02/2013,A4\n",
            ),
        ]);
        let rule = &PLACED_FOR_ADOPTION_BEFORE_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:2", "PlacedAdoption:2"]
        );
    }

    #[test]
    fn only_the_first_placement_and_the_latest_decision_are_compared() {
        let cur = ret(&[
            ("PlacedAdoption", "CHILD,DATE_PLACED\n1,01/01/2020\n1,01/06/2020\n"),
            ("Episodes", "CHILD,DECOM,PLACE\n1,01/07/2020,A3\n1,01/03/2020,A4\n1,01/02/2020,U1\n"),
        ]);
        let rule = &PLACED_FOR_ADOPTION_BEFORE_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:1", "PlacedAdoption:1"]
        );
    }
}
