use carelens_model::{Date, PlacedAdoption};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with more than one PlacedAdoption row: every decision but the latest (the row
    /// with the latest readable `DATE_PLACED`; the first such row in file order on a tie, or
    /// the first row when no date is readable) must have been revoked. Each other row whose
    /// `DATE_PLACED_CEASED` is blank is reported.
    ///
    /// ## Why it matters
    /// Only one decision to place a child for adoption can stand at a time; an earlier one
    /// that was never revoked double-counts the child among those waiting.
    ///
    /// ## Example
    /// Decisions of 15/01/2020 and 01/02/2021, neither ceased: the 15/01/2020 row is
    /// reported. With 15/01/2020 ceased on 03/02/2020 it passes.
    ///
    /// ## Reference behaviour
    /// The reference sorts `DATE_PLACED` as text (`dd/mm/yyyy`), so "latest" goes by day of
    /// the month: with the example above it takes 15/01/2020 as latest and reports the
    /// 01/02/2021 row. carelens compares dates (docs/disagreements.md).
    pub(crate) EARLIER_ADOPTION_DECISION_NOT_REVOKED,
    code: "583",
    tables: ["PlacedAdoption"],
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    message: "More than one date the child should be placed for adoption has been reported, but an earlier decision has not been revoked. Check that both dates are required and add in the date the earlier decision was revoked. Note this may be in a previous year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.placed_adoption.if_supplied().is_none() {
        return;
    }
    for (_, rows) in ctx.placed_adoption().iter() {
        let mut latest: Option<(Option<Date>, &PlacedAdoption)> = None;
        for p in &rows {
            let d = p.date_placed.strict();
            // A readable date beats none; a later date beats an earlier one; ties keep the
            // first row.
            if latest.is_none_or(|(best, _)| d.is_some() && best.is_none_or(|b| d > Some(b))) {
                latest = Some((d, p));
            }
        }
        let Some((_, latest)) = latest else { continue };
        for p in rows {
            if !std::ptr::eq(p, latest) && p.date_placed_ceased.is_blank() {
                out.flag(p);
            }
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
    fn earlier_decision_not_revoked_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n\
             child1,01/02/2020,02/02/2020\n\
             child1,03/02/2020,04/02/2020\n\
             child2,01/02/2020,\n\
             child2,02/02/2020,\n\
             child3,01/02/2020,02/02/2020\n\
             child3,03/02/2020,\n\
             child4,01/02/2020,02/02/2020\n\
             child4,01/01/2020,\n",
        )]);
        let found =
            run(&EARLIER_ADOPTION_DECISION_NOT_REVOKED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["PlacedAdoption:2", "PlacedAdoption:7"]);
    }

    #[test]
    fn latest_goes_by_date_not_by_text() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED\n1,15/01/2020,\n1,01/02/2021,\n2,,\n2,,\n",
        )]);
        let found =
            run(&EARLIER_ADOPTION_DECISION_NOT_REVOKED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["PlacedAdoption:0", "PlacedAdoption:3"]);
    }
}
