use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row with a `DATE_PLACED_CEASED` (date the decision to place for adoption
    /// was reversed) but no `REASON_PLACED_CEASED`, or a reason but no date.
    ///
    /// ## Why it matters
    /// A reversed decision needs both its date and its reason to be counted.
    ///
    /// ## Example
    /// Both blank, or `22/11/2024` with `RD1`, passes; a date without a reason or a reason
    /// without a date is reported.
    pub(crate) ADOPTION_DECISION_REVERSAL_DATE_AND_REASON_DISAGREE,
    code: "119",
    tables: ["PlacedAdoption"],
    fields: ["REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    message: "If the decision is made that a child should no longer be placed for adoption, then the date of this decision and the reason why this decision was made must be completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.placed_adoption.if_supplied() else { return };
    for r in rows {
        if r.date_placed_ceased.is_blank() != r.reason_placed_ceased.is_blank() {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn a_date_without_a_reason_and_a_reason_without_a_date_are_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n1,22/11/2015,XXX\n2,08/05/2010,\n\
             3,,10/05/2009\n4,,\n",
        )]);
        let found = run(
            &ADOPTION_DECISION_REVERSAL_DATE_AND_REASON_DISAGREE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["PlacedAdoption:1", "PlacedAdoption:2"]);
    }
}
