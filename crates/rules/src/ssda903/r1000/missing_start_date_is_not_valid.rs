use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_START` is blank or not a date in the form `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Every count of missing and away incidents in the year depends on the start date.
    ///
    /// ## Example
    /// `08/03/2025` passes; a blank or `10/24/2024` (month 24) is reported.
    pub(crate) MISSING_START_DATE_IS_NOT_VALID,
    code: "1004",
    tables: ["Missing"],
    fields: ["MIS_START"],
    years: Y2022_23..,
    message: "The start date of the missing episode or episode that the child was away from placement without authorisation is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing.iter().filter(|m| m.mis_start.strict().is_none()) {
        out.flag(m);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn blank_and_unreadable_starts_are_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "Missing",
            "CHILD,MIS_START,MIS_END\n1,08/03/2020,08/03/2020\n2,22/06/2020,\n3,,22/06/2020\n\
             4,13/10/2021,13/10/21\n5,10/24/2021,\n",
        )]);
        let found = run(&MISSING_START_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Missing:2", "Missing:4"]);
    }
}
