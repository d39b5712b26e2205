use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with `MOTHER` 1 (the child is a mother) and `MC_DOB` (date of birth of her
    /// first child) blank.
    ///
    /// ## Why it matters
    /// The child's date of birth dates the motherhood: without it the DfE cannot tell whether the
    /// child became a mother while looked after.
    ///
    /// ## Example
    /// `MOTHER` 1 with `MC_DOB` blank is reported; with `MC_DOB` 19/02/2024 it is not.
    ///
    /// ## Reference behaviour
    /// As in the reference, only `MOTHER` written exactly `1` counts (`1.0` does not).
    pub(crate) MOTHER_WITHOUT_CHILD_DATE_OF_BIRTH,
    code: "611",
    tables: ["Header"],
    fields: ["MOTHER", "MC_DOB"],
    years: Y2022_23..,
    message: "Date of birth field is blank, but child is a mother.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.mother.strict() == Some(true) && h.mc_dob.is_blank() {
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
    fn mother_without_child_dob_is_reported() {
        // The reference's own test, plus a mother with an unreadable date (present: passes).
        let cur = ret(&[(
            "Header",
            "MOTHER,MC_DOB\n1,01/01/2021\n1,19/02/2016\n,dd/mm/yyyy\n,31/31/19\n1,\n0,\n",
        )]);
        let found = run(&MOTHER_WITHOUT_CHILD_DATE_OF_BIRTH, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:4"]);
    }
}
