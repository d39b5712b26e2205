use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_END` is completed but is not a date in the form `dd/mm/yyyy`. A
    /// blank `DOLO_END` (an order still in force) passes.
    ///
    /// ## Why it matters
    /// An unreadable end date leaves it unknown whether the order is still in force.
    ///
    /// ## Example
    /// `01/01/2027` and a blank pass; `2026/12/10` is reported.
    pub(crate) DOLO_END_DATE_IS_NOT_VALID,
    code: "701",
    tables: ["DoLo"],
    fields: ["DOLO_END"],
    years: Y2026_27..,
    message: "The end date of the DoLO is not a valid date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo.iter().filter(|d| d.dolo_end.is_present() && d.dolo_end.strict().is_none()) {
        out.flag(d);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn unreadable_ends_are_reported() {
        let cur = ret(&[("DoLo", "CHILD,DOLO_END\n1,01/01/2020\n2,\n3,2000/12/10\n")]);
        let found = run(&DOLO_END_DATE_IS_NOT_VALID, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:2"]);
    }
}
