use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row for a child whose 25th birthday was before 1 April at the start of the
    /// collection year.
    ///
    /// ## Why it matters
    /// Nobody over 25 belongs in the return, not even as a care leaver; such a date of birth is
    /// almost certainly wrong.
    ///
    /// ## Example
    /// In 2024/25 a `DOB` of 31/03/1999 (25 on 31/03/2024) is reported; 01/04/1999 is not.
    pub(crate) CHILD_OVER_25_AT_YEAR_START,
    code: "351",
    tables: ["Header"],
    fields: ["DOB"],
    years: Y2022_23..,
    message: "Child was over 25 at the start of the current collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let start = ctx.start();
    for h in header {
        if h.dob.strict().and_then(|dob| plus_years(dob, 25)).is_some_and(|b| start > b) {
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
    fn children_over_25_are_reported() {
        let cur = ret(&[(
            "Header",
            "CHILD,DOB\n1,31/03/1999\n2,01/04/1999\n3,01/01/2010\n4,\n5,01/01/1990\n",
        )]);
        let found = run(&CHILD_OVER_25_AT_YEAR_START, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:4"]);
    }
}
