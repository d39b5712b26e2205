use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED` (date of the LA's decision that the child should be
    /// placed for adoption) is given but is not a date written `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// The decision date starts the adoption timeline and is checked against the child's episodes
    /// by later rules.
    ///
    /// ## Example
    /// `01/01/2021` or blank passes; `38/04/2019` and `01/01/19` are reported.
    pub(crate) PLACED_FOR_ADOPTION_DATE_IS_NOT_VALID,
    code: "115",
    tables: ["PlacedAdoption"],
    fields: ["DATE_PLACED"],
    years: Y2022_23..,
    message: "Date of Local Authority's (LA) decision that a child should be placed for adoption is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.placed_adoption.if_supplied() else { return };
    for r in rows {
        if r.date_placed.is_present() && r.date_placed.strict().is_none() {
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
            "PlacedAdoption",
            "CHILD,DATE_PLACED\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n\
             6,2010-02-19\n",
        )]);
        let found =
            run(&PLACED_FOR_ADOPTION_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["PlacedAdoption:2", "PlacedAdoption:3", "PlacedAdoption:5"]);
    }
}
