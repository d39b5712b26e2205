use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_START` is on or before the `DOB` given in the same row.
    ///
    /// ## Why it matters
    /// An order cannot start before the child was born: one of the dates is wrong.
    ///
    /// ## Example
    /// `DOB` 01/01/2010 with a start of 01/01/2010 or earlier is reported; 02/01/2010 passes,
    /// as does a blank or unreadable date.
    pub(crate) DOLO_STARTS_BEFORE_BIRTH,
    code: "708",
    tables: ["DoLo"],
    fields: ["DOLO_START"],
    years: Y2026_27..,
    message: "Dates of DoLOs are before child’s date of birth.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo {
        if let (Some(start), Some(dob)) = (d.dolo_start.strict(), d.dob.strict())
            && start <= dob
        {
            out.flag(d);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn start_on_or_before_birth_is_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START,DOB\n1,01/01/2000,01/01/2000\n2,,01/01/2000\n3,01/01/2000,\n\
             4,01/01/2000,01/01/1999\n5,01/01/1999,01/01/2000\n",
        )]);
        let found = run(&DOLO_STARTS_BEFORE_BIRTH, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:0", "DoLo:4"]);
    }
}
