use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `DOB` is blank or not a date written `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Age at every event is computed from the date of birth; without it most age rules and
    /// indicators cannot place the child.
    ///
    /// ## Example
    /// `01/01/2015` passes; `38/04/2019`, `01/01/19`, `2015-01-01` or blank is reported.
    pub(crate) DATE_OF_BIRTH_IS_NOT_VALID,
    code: "102",
    tables: ["Header"],
    fields: ["DOB"],
    years: Y2022_23..,
    message: "Date of birth is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.dob.strict().is_none() {
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
    fn blank_and_malformed_dates_are_reported() {
        let cur = ret(&[(
            "Header",
            "CHILD,DOB\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n\
             6,2010-02-19\n",
        )]);
        let found = run(&DATE_OF_BIRTH_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:2", "Header:3", "Header:4", "Header:5"]);
    }
}
