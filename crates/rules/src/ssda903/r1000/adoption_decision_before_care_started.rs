use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED` (the LA's decision that the child should be
    /// placed for adoption) is before the `DECOM` of the child's first episode with `RNE` S
    /// (started to be looked after). The PlacedAdoption row and that episode are reported.
    ///
    /// ## Why it matters
    /// The decision to place for adoption is made for a looked-after child; a decision before
    /// care began means a wrong date or a missing earlier period of care.
    ///
    /// ## Example
    /// First `RNE` S episode on 01/03/2024 and `DATE_PLACED` 26/05/2023: both rows are reported.
    /// `DATE_PLACED` 26/05/2024 passes, as does a child with no `RNE` S episode this year.
    ///
    /// ## Reference behaviour
    /// The first episode is the one with the earliest readable `DECOM` (the first in file order
    /// among equals). A child whose `RNE` S episodes all have unreadable dates is skipped; the
    /// reference fails on such a child and reports nothing at all (see
    /// `docs/disagreements.md`).
    pub(crate) ADOPTION_DECISION_BEFORE_CARE_STARTED,
    code: "1003",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED", "DECOM", "RNE"],
    years: Y2022_23..,
    message: "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let placed = ctx.placed_adoption();
    for (child, eps) in ctx.episodes().iter() {
        let mut first = None;
        for e in eps.into_iter().filter(|e| e.rne.strict() == Some(ReasonNewEpisode::S)) {
            if let Some(d) = e.decom.strict()
                && first.is_none_or(|(f, _)| d < f)
            {
                first = Some((d, e));
            }
        }
        let Some((decom, e)) = first else { continue };
        let mut early = false;
        for p in placed.get(child) {
            if p.date_placed.strict().is_some_and(|d| d < decom) {
                out.flag(p);
                early = true;
            }
        }
        if early {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn decision_before_care_is_reported() {
        // The reference's own test.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,RNE\n101,01/03/1980,S\n102,01/03/1980,o\n102,01/03/1980,S\n\
                 103,01/02/1970,o\n103,01/03/1979,S\n103,01/01/1981,S\n104,01/03/1979,o\n\
                 104,01/01/1981,o\n105,01/03/1979,o\n105,01/01/1981,o\n105,01/01/1981,S\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED\n101,26/05/1978\n102,\n103,26/05/1970\n104,01/02/1960\n\
                 105,26/05/2019\n",
            ),
        ]);
        let found =
            run(&ADOPTION_DECISION_BEFORE_CARE_STARTED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:4", "PlacedAdoption:0", "PlacedAdoption:2"]);
    }
}
