use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_START` is on or before the `DOB` given on the same row.
    ///
    /// ## Why it matters
    /// A child cannot go missing before (or on the day) they were born; one of the dates is
    /// wrong.
    ///
    /// ## Example
    /// `DOB` 04/02/2020 and `MIS_START` 03/02/2020: reported. A start after the birth, or a
    /// blank start, passes.
    pub(crate) MISSING_PERIOD_STARTS_BEFORE_BIRTH,
    code: "586",
    tables: ["Missing"],
    fields: ["MIS_START"],
    years: Y2022_23..,
    message: "Dates of missing periods are before child’s date of birth.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing {
        if let (Some(start), Some(dob)) = (m.mis_start.strict(), m.dob.strict())
            && start <= dob
        {
            out.flag(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn period_before_birth_is_reported() {
        let cur = ret(&[(
            "Missing",
            "DOB,MIS_START\n01/02/2020,\n02/02/2020,07/02/2020\n04/02/2020,03/02/2020\n06/02/2020,\n07/02/2020,01/02/2020\n08/02/2020,13/02/2020\n",
        )]);
        let found = run(&MISSING_PERIOD_STARTS_BEFORE_BIRTH, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:2", "Missing:4"]);
    }
}
