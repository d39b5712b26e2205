use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_START` (start of the deprivation of liberty order) is blank or not
    /// a date in the form `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Every other DoLO check, and any count of children deprived of their liberty, starts from
    /// this date.
    ///
    /// ## Example
    /// `01/01/2027` passes; a blank, `2026/12/10` or `31/02/2027` is reported.
    pub(crate) DOLO_START_DATE_IS_NOT_VALID,
    code: "700",
    tables: ["DoLo"],
    fields: ["DOLO_START"],
    years: Y2026_27..,
    message: "The start date of the DoLO is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo.iter().filter(|d| d.dolo_start.strict().is_none()) {
        out.flag(d);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn blank_and_unreadable_starts_are_reported() {
        let cur =
            ret(&[("DoLo", "CHILD,DOLO_START\n1,01/01/2020\n2,\n3,2000/12/10\n4,31/02/2027\n")]);
        let found = run(&DOLO_START_DATE_IS_NOT_VALID, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:1", "DoLo:2", "DoLo:3"]);
    }
}
