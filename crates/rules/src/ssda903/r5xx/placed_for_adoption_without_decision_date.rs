use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE` A3–A6 (placed for adoption) for a child who has no
    /// PlacedAdoption row, or a PlacedAdoption row with `DATE_PLACED` blank.
    ///
    /// ## Why it matters
    /// A child can only be placed for adoption after the decision that they should be; without
    /// the decision date the adoption timeline cannot be measured.
    ///
    /// ## Example
    /// An A3 episode and a PlacedAdoption row with `DATE_PLACED` 01/01/2020: passes. No
    /// PlacedAdoption row, or one with a blank date: reported. A filled but unreadable date
    /// passes (rule 115 reports it).
    pub(crate) PLACED_FOR_ADOPTION_WITHOUT_DECISION_DATE,
    code: "551",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED", "PLACE"],
    years: Y2022_23..,
    message: "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(eps), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let pa = ctx.placed_adoption();
    for e in eps {
        if !e.place.strict().is_some_and(|p| p.is_adoption()) {
            continue;
        }
        let Some(child) = child_of(e) else { continue };
        let mut decisions = pa.get(child).peekable();
        if decisions.peek().is_none() || decisions.any(|p| p.date_placed.is_blank()) {
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
    fn placement_for_adoption_without_decision_date_is_reported() {
        let cur = ret(&[
            ("Episodes", "CHILD,PLACE\n0,x\nA,A3\nB,A4\nC,A5\nD,A6\nE,A3\nF,A4\nG,x\nH,A3\nI,A5\n"),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED\nA,\nB,\nC,\nD,\nE,01/01/2020\nF,15/04/2020\nG,\nH,28th Jan 1930\n",
            ),
        ]);
        let rule = &PLACED_FOR_ADOPTION_WITHOUT_DECISION_DATE;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Episodes:1", "Episodes:2", "Episodes:3", "Episodes:4", "Episodes:9"]
        );
    }
}
