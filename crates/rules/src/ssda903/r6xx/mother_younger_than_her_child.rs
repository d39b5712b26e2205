use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `MC_DOB` (date of birth of the child's first child) is not after the
    /// child's own `DOB`.
    ///
    /// ## Why it matters
    /// A mother cannot be born on or after her child: one of the two dates is wrong.
    ///
    /// ## Example
    /// `DOB` 31/01/2009 with `MC_DOB` 31/01/2009 or earlier is reported; `MC_DOB` 01/02/2025 is
    /// not, nor is a blank or unreadable `MC_DOB`.
    ///
    /// ## Reference behaviour
    /// As in the reference, a readable `MC_DOB` with a blank or unreadable `DOB` is reported
    /// (the comparison cannot show that the mother is older); rule 102 reports the `DOB` itself.
    pub(crate) MOTHER_YOUNGER_THAN_HER_CHILD,
    code: "621",
    tables: ["Header"],
    fields: ["DOB", "MC_DOB"],
    years: Y2022_23..,
    message: "Mother’s field has been completed but date of birth shows that the mother is younger than her child.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        let Some(mc_dob) = h.mc_dob.strict() else { continue };
        if h.dob.strict().is_none_or(|dob| mc_dob <= dob) {
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
    fn child_born_before_or_with_mother_is_reported() {
        // The reference's own test, plus a missing DOB.
        let cur = ret(&[(
            "Header",
            "DOB,MC_DOB\n01/12/2021,01/01/2021\n19/02/2016,19/12/2016\n31/01/2019,31/01/2019\n\
             31/01/2019,\n31/01/2019,01/02/2019\n,01/02/2019\n31/01/2019,2019-02-01\n",
        )]);
        let found = run(&MOTHER_YOUNGER_THAN_HER_CHILD, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Header:2", "Header:5"]);
    }
}
