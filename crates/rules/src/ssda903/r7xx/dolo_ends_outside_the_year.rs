use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_END` is before the start (1 April) or after the end (31 March) of
    /// the collection year.
    ///
    /// ## Why it matters
    /// An order that ended before the year should not be in this year's return, and one cannot
    /// have ended after it.
    ///
    /// ## Example
    /// In 2026/27, ends of 31/03/2026 and 01/04/2027 are reported; 01/04/2026 and 31/03/2027
    /// pass, as does a blank.
    pub(crate) DOLO_ENDS_OUTSIDE_THE_YEAR,
    code: "704",
    tables: ["DoLo"],
    fields: ["DOLO_END"],
    years: Y2026_27..,
    message: "The date that the DoLO ended is before the start or after the end of the collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo {
        if d.dolo_end.strict().is_some_and(|e| e > ctx.end() || e < ctx.start()) {
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
    fn end_outside_the_year_is_reported() {
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_END\n1,01/01/2027\n2,\n3,31/03/2026\n4,01/04/2027\n5,01/04/2026\n\
             6,31/03/2027\n",
        )]);
        let found = run(&DOLO_ENDS_OUTSIDE_THE_YEAR, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:2", "DoLo:3"]);
    }
}
