use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `MC_DOB` (date of birth of the mother's child) is given but is not a
    /// date written `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// The DfE counts looked-after mothers and the age at which they had their first child.
    ///
    /// ## Example
    /// `19/02/2023` or blank passes; `38/04/2019` and `01/01/19` are reported.
    pub(crate) MOTHERS_CHILD_DATE_OF_BIRTH_IS_NOT_VALID,
    code: "171",
    tables: ["Header"],
    fields: ["MC_DOB"],
    years: Y2022_23..,
    message: "Date of birth of mother's child is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.mc_dob.is_present() && h.mc_dob.strict().is_none() {
            out.flag(h);
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
            "Header",
            "CHILD,MC_DOB\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n",
        )]);
        let found =
            run(&MOTHERS_CHILD_DATE_OF_BIRTH_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:2", "Header:3"]);
    }
}
