use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `DOB` is after 31 March at the end of the collection year.
    ///
    /// ## Why it matters
    /// A child cannot be looked after before being born; a future date of birth is a typing
    /// error that corrupts every age-based rule and statistic.
    ///
    /// ## Example
    /// In 2024/25 a `DOB` of 01/04/2025 is reported; 31/03/2025 is not.
    pub(crate) DATE_OF_BIRTH_AFTER_YEAR_END,
    code: "301",
    tables: ["Header"],
    fields: ["DOB"],
    years: Y2022_23..,
    message: "Date of birth falls after the year ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let end = ctx.end();
    for h in header {
        if h.dob.strict().is_some_and(|dob| dob > end) {
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
    fn births_after_the_year_end_are_reported() {
        // The reference's own cases, moved to 2024/25.
        let cur = ret(&[(
            "Header",
            "CHILD,DOB\n101,01/07/2025\n102,02/06/2000\n103,31/03/2025\n104,04/06/2026\n105,\n",
        )]);
        let found = run(&DATE_OF_BIRTH_AFTER_YEAR_END, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:3"]);
    }
}
