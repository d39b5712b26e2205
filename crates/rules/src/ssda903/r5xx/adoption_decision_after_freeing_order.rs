use carelens_model::codes::LegalStatus;

use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode under a freeing order (`LS` D1) that starts before the decision that the
    /// child should be placed for adoption: the child has a PlacedAdoption row whose
    /// `DATE_PLACED` is after the episode's `DECOM`. The episode is reported.
    ///
    /// ## Why it matters
    /// A freeing order follows the decision that the child should be placed for adoption; an
    /// order before the decision means one of the dates is wrong.
    ///
    /// ## Example
    /// A D1 episode from 15/03/2020 and `DATE_PLACED` 15/04/2020: reported. A decision on or
    /// before 15/03/2020 passes.
    pub(crate) ADOPTION_DECISION_AFTER_FREEING_ORDER,
    code: "556",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED", "DECOM"],
    years: Y2022_23..=Y2023_24,
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the freeing order was granted.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(eps), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let pa = ctx.placed_adoption();
    for e in eps {
        if e.ls.strict() != Some(LegalStatus::D1) {
            continue;
        }
        let (Some(child), Some(granted)) = (child_of(e), e.decom.strict()) else { continue };
        if pa.get(child).any(|p| p.date_placed.strict().is_some_and(|d| d > granted)) {
            out.flag(e);
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
    fn freeing_order_before_the_decision_is_reported() {
        let cur = ret(&[
            ("Episodes", "CHILD,LS,DECOM\nA,C1,\nB,D1,15/03/2020\nC,D1,15/03/2020\n"),
            ("PlacedAdoption", "CHILD,DATE_PLACED\nA,\nB,15/04/2020\nC,15/02/2020\n"),
        ]);
        let rule = &ADOPTION_DECISION_AFTER_FREEING_ORDER;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["Episodes:1"]);
    }
}
