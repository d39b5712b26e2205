use super::util::numeric_flag;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child recorded this year as a mother (`MOTHER` 1) whose first child was born before
    /// the collection year (`MC_DOB` before 1 April), but who was recorded last year as not a
    /// mother (`MOTHER` 0).
    ///
    /// ## Why it matters
    /// If the first child was born before this year, last year's return should already have
    /// shown the child as a mother: one of the two returns is wrong.
    ///
    /// ## Example
    /// In 2024/25, `MOTHER` 1 with `MC_DOB` 04/01/2024, and `MOTHER` 0 last year: reported.
    /// `MC_DOB` 01/04/2024 is not.
    ///
    /// ## Reference behaviour
    /// As in the reference, `MOTHER` is read as a number, so `1.0` counts as 1.
    pub(crate) MOTHER_STATUS_CONTRADICTS_LAST_YEAR,
    code: "626",
    tables: ["Header", "Header_last"],
    fields: ["MOTHER", "MC_DOB"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Child was reported as a mother but the date of birth of the first child is before the current year which contradicts with the mother status recorded last year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    for h in header {
        let Some(child) = h.child.value() else { continue };
        let before_year = h.mc_dob.strict().is_some_and(|d| d < ctx.start());
        if before_year
            && numeric_flag(&h.mother) == Some(true)
            && ctx.header_last().get(child.as_str()).any(|l| numeric_flag(&l.mother) == Some(false))
        {
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
    fn new_mother_of_an_older_child_is_reported() {
        // The reference's own test (2020/21).
        let cur = ret(&[(
            "Header",
            "CHILD,MOTHER,MC_DOB\n111,1,\n222,1,04/01/2020\n333,0,\n444,1.0,01/04/2020\n",
        )]);
        let last = ret(&[("Header", "CHILD,MOTHER\n111,1\n222,0.0\n333,1\n444,0\n")]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&MOTHER_STATUS_CONTRADICTS_LAST_YEAR, year, &cur, Some(&last));
        assert_eq!(found, ["Header:1"]);
    }
}
