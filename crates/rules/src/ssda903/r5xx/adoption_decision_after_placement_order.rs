use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::first_by_decom;

declare_rule! {
    /// ## What it checks
    /// A child's first episode under a placement order (`LS` E1 with the earliest readable
    /// `DECOM`) must not start before the decision that the child should be placed for
    /// adoption: each of the child's PlacedAdoption rows with a later `DATE_PLACED` is
    /// reported, with that episode.
    ///
    /// ## Why it matters
    /// A placement order authorises placing a child for adoption once that has been decided;
    /// an order before the decision means one of the dates is wrong.
    ///
    /// ## Example
    /// First E1 episode 01/01/2020 and `DATE_PLACED` 26/05/2022: both reported. A decision on
    /// or before 01/01/2020 passes.
    ///
    /// ## Known false positives
    /// Only this year's episodes are seen: an order granted in an earlier year is missed, and a
    /// later E1 episode may be taken for the first.
    ///
    /// ## Reference behaviour
    /// A child none of whose E1 episodes has a readable `DECOM` is skipped; the reference fails
    /// on the whole return instead (docs/disagreements.md).
    pub(crate) ADOPTION_DECISION_AFTER_PLACEMENT_ORDER,
    code: "554",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED", "DECOM", "LS"],
    years: Y2022_23..,
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let pa = ctx.placed_adoption();
    for (child, decisions) in pa.iter() {
        let orders = ctx.episodes().get(child).filter(|e| e.ls.strict() == Some(LegalStatus::E1));
        let Some(first) = first_by_decom(orders) else { continue };
        let Some(granted) = first.decom.strict() else { continue };
        for p in decisions {
            if p.date_placed.strict().is_some_and(|d| d > granted) {
                out.flag(first);
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
    fn decision_after_the_first_placement_order_is_reported() {
        let cur = ret(&[
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED\n101,26/05/2022\n102,\n103,26/05/2020\n104,22/01/2020\n105,11/01/2020\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,LS\n\
                 101,01/01/2020,E1\n\
                 101,11/01/2020,T1\n\
                 101,22/01/2020,A3\n\
                 102,11/01/2020,A4\n\
                 102,01/01/2020,U1\n\
                 103,01/01/2020,U1\n\
                 103,22/07/2020,E1\n\
                 103,11/01/2020,T2\n\
                 104,01/02/2016,E1\n\
                 104,11/01/2020,X1\n\
                 104,01/01/2020,A3\n\
                 105,11/01/2020,E1\n\
                 105,01/01/2020,\n",
            ),
        ]);
        let rule = &ADOPTION_DECISION_AFTER_PLACEMENT_ORDER;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:0", "Episodes:8", "PlacedAdoption:0", "PlacedAdoption:3"]
        );
    }

    #[test]
    fn child_whose_orders_have_unreadable_dates_is_skipped() {
        let cur = ret(&[
            ("PlacedAdoption", "CHILD,DATE_PLACED\n2,01/06/2024\n1,01/06/2024\n"),
            ("Episodes", "CHILD,DECOM,LS\n1,bad,E1\n2,01/05/2024,E1\n"),
        ]);
        let rule = &ADOPTION_DECISION_AFTER_PLACEMENT_ORDER;
        assert_eq!(
            run(rule, CollectionYear::Y2024_25, &cur, None),
            ["Episodes:1", "PlacedAdoption:0"]
        );
    }
}
