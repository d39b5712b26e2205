use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `DATE_INT` (date of the decision that the child should be placed for
    /// adoption) is given but is not a date written `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Adoption timeliness (the DfE's adoption scorecard) is measured from this decision.
    ///
    /// ## Example
    /// `01/01/2021` or blank passes; `38/04/2019` and `01/01/19` are reported.
    pub(crate) ADOPTION_DECISION_DATE_IS_NOT_VALID,
    code: "112",
    tables: ["AD1"],
    fields: ["DATE_INT"],
    years: Y2022_23..,
    message: "Date should be placed for adoption is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in rows {
        if r.date_int.is_present() && r.date_int.strict().is_none() {
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
    fn malformed_dates_are_reported_and_blanks_are_not() {
        let cur = ret(&[(
            "AD1",
            "CHILD,DATE_INT\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n\
             6,2010-02-19\n",
        )]);
        let found = run(&ADOPTION_DECISION_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:3", "AD1:5"]);
    }
}
