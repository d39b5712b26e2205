use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_START` is after the end of the collection year (31 March).
    ///
    /// ## Why it matters
    /// The return covers orders up to 31 March; a later start is a keying error or belongs to
    /// next year's return.
    ///
    /// ## Example
    /// In 2026/27, a start of 01/04/2027 is reported; 31/03/2027 passes.
    pub(crate) DOLO_STARTS_AFTER_YEAR_END,
    code: "703",
    tables: ["DoLo"],
    fields: ["DOLO_START"],
    years: Y2026_27..,
    message: "The date that the DoLO started is after the end of the collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo.iter().filter(|d| d.dolo_start.strict().is_some_and(|s| s > ctx.end())) {
        out.flag(d);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn start_after_year_end_is_reported() {
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START\n1,01/01/2027\n2,\n3,31/03/2027\n4,01/04/2027\n5,01/04/2026\n",
        )]);
        let found = run(&DOLO_STARTS_AFTER_YEAR_END, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:3"]);
    }
}
