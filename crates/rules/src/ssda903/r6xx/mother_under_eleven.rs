use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with `MOTHER` 1 for a child who was not yet 11 at the start of the
    /// collection year (1 April): her 11th birthday falls after it.
    ///
    /// ## Why it matters
    /// A mother under 11 is almost certainly a keying error in `MOTHER` or `DOB`.
    ///
    /// ## Example
    /// In 2024/25, `MOTHER` 1 with `DOB` 07/02/2014 (11 on 07/02/2025) is reported; with `DOB`
    /// 01/04/2013 (11 on 1 April 2024) it is not.
    pub(crate) MOTHER_UNDER_ELEVEN,
    code: "620",
    tables: ["Header"],
    fields: ["DOB", "MOTHER"],
    years: Y2022_23..,
    message: "Child has been recorded as a mother, but date of birth shows that the mother is under 11 years of age.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        let eleventh = h.dob.strict().and_then(|d| plus_years(d, 11));
        if h.mother.strict() == Some(true) && eleventh.is_some_and(|d| d > ctx.start()) {
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
    fn mother_under_eleven_is_reported() {
        let cur = ret(&[(
            "Header",
            "MOTHER,DOB\n1,\n1,07/02/2014\n1,01/04/2013\n,07/02/2014\n1,18/01/1981\n0,13/02/2020\n\
             1,02/04/2013\n",
        )]);
        let found = run(&MOTHER_UNDER_ELEVEN, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:1", "Header:6"]);
    }
}
