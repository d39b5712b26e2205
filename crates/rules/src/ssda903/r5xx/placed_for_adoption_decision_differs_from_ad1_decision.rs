use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with both a PlacedAdoption `DATE_PLACED` and an AD1 `DATE_INT`: the two dates
    /// record the same decision and must be equal. Every pair of readable dates that differ is
    /// reported, on both tables.
    ///
    /// ## Why it matters
    /// The decision that a child should be placed for adoption is one event; two different
    /// dates for it make adoption timeliness impossible to measure.
    ///
    /// ## Example
    /// `DATE_PLACED` 22/06/2020 and `DATE_INT` 22/07/2020: both rows reported. Equal dates
    /// pass; a blank or unreadable date on either side is not compared.
    pub(crate) PLACED_FOR_ADOPTION_DECISION_DIFFERS_FROM_AD1_DECISION,
    code: "523",
    tables: ["PlacedAdoption", "AD1"],
    fields: ["DATE_PLACED", "DATE_INT"],
    years: Y2022_23..,
    message: "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(pa), Some(_)) =
        (ctx.cur.tables.placed_adoption.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    let ad1 = ctx.ad1();
    for p in pa {
        let (Some(child), Some(placed)) = (child_of(p), p.date_placed.strict()) else { continue };
        for a in ad1.get(child) {
            if a.date_int.strict().is_some_and(|d| d != placed) {
                out.flag(p);
                out.flag(a);
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
    fn different_decision_dates_are_reported_on_both_tables() {
        let cur = ret(&[
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED\n1,08/03/2020\n2,22/06/2020\n3,13/10/2022\n4,24/10/2021\n5,\n6,\n7,£1st/Februart\n10,11/11/2020\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT\n1,08/03/2020\n2,22/07/2020\n3,13/10/2021\n4,22/06/2020\n5,26/05/2018\n6,\n7,01/10/2020\n333,01/10/2020\n",
            ),
        ]);
        let rule = &PLACED_FOR_ADOPTION_DECISION_DIFFERS_FROM_AD1_DECISION;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["AD1:1", "AD1:2", "AD1:3", "PlacedAdoption:1", "PlacedAdoption:2", "PlacedAdoption:3"]
        );
    }
}
