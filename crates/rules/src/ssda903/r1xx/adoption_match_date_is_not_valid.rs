use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `DATE_MATCH` (date the child was matched with the adopters) is given but is
    /// not a date written `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Time from decision to match is one of the DfE's adoption timeliness measures.
    ///
    /// ## Example
    /// `22/11/2015` or blank passes; `38/04/2019` and `01/01/19` are reported.
    pub(crate) ADOPTION_MATCH_DATE_IS_NOT_VALID,
    code: "113",
    tables: ["AD1"],
    fields: ["DATE_MATCH"],
    years: Y2022_23..,
    message: "Date matching child and adopter(s) is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in rows {
        if r.date_match.is_present() && r.date_match.strict().is_none() {
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
            "CHILD,DATE_MATCH\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n\
             6,2010-02-19\n",
        )]);
        let found = run(&ADOPTION_MATCH_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:3", "AD1:5"]);
    }
}
