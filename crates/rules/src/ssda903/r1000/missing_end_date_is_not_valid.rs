use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_END` is completed but is not a date in the form `dd/mm/yyyy`. A
    /// blank `MIS_END` (the child is still missing or away) passes.
    ///
    /// ## Why it matters
    /// The length of each incident comes from its end date.
    ///
    /// ## Example
    /// `08/03/2025` and a blank pass; `13/10/24` (two-digit year) is reported.
    pub(crate) MISSING_END_DATE_IS_NOT_VALID,
    code: "1005",
    tables: ["Missing"],
    fields: ["MIS_END"],
    years: Y2022_23..,
    message: "The end date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing.iter().filter(|m| m.mis_end.is_present() && m.mis_end.strict().is_none()) {
        out.flag(m);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn unreadable_ends_are_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "Missing",
            "CHILD,MIS_START,MIS_END\n1,08/03/2020,08/03/2020\n2,22/06/2020,\n3,,22/06/2020\n\
             4,13/10/2021,13/10/21\n5,10/24/2021,\n",
        )]);
        let found = run(&MISSING_END_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Missing:3"]);
    }
}
