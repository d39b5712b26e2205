use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with a `DATE_MATCH` (date matched with the adopters) whose `DATE_INT` (date
    /// of the decision that the child should be placed for adoption) is missing, unreadable,
    /// or later than the match.
    ///
    /// ## Why it matters
    /// The decision to place for adoption precedes any match; the interval between them is a
    /// published adoption timeliness measure.
    ///
    /// ## Example
    /// `DATE_INT` 03/06/2020 with `DATE_MATCH` 01/06/2020 is reported, and so is a blank
    /// `DATE_INT` with a match; `DATE_INT` 01/06/2020 with `DATE_MATCH` 05/06/2020 is not.
    pub(crate) ADOPTION_DECISION_AFTER_MATCHING,
    code: "333",
    tables: ["AD1"],
    fields: ["DATE_INT"],
    years: Y2022_23..,
    message: "Date should be placed for adoption must be on or prior to the date of matching child with adopter(s).",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        let Some(matched) = a.date_match.strict() else { continue };
        if a.date_int.strict().is_none_or(|decided| decided > matched) {
            out.flag(a);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn decision_after_or_without_a_match_date_is_reported() {
        // The reference's own cases.
        let cur = ret(&[(
            "AD1",
            "CHILD,DATE_INT,DATE_MATCH\n1,01/06/2020,05/06/2020\n2,02/06/2020,\n\
             3,03/06/2020,01/06/2020\n4,04/06/2020,02/06/2020\n5,,05/06/2020\n",
        )]);
        let found = run(&ADOPTION_DECISION_AFTER_MATCHING, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:3", "AD1:4"]);
    }
}
