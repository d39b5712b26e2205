use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLo row whose `DOLO_END` is on or before its `DOLO_START`.
    ///
    /// ## Why it matters
    /// An order cannot end before it starts; an order ending the day it starts has no length.
    ///
    /// ## Example
    /// Start 02/01/2027 with end 01/01/2027 is reported, as is start and end 01/01/2027; end
    /// 02/10/2027 passes, and so does a blank or unreadable date (rules 700 and 701).
    pub(crate) DOLO_ENDS_BEFORE_IT_STARTS,
    code: "702",
    tables: ["DoLo"],
    fields: ["DOLO_START", "DOLO_END"],
    years: Y2026_27..,
    message: "The date that the DoLO ended is before the date that it started.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(dolo) = ctx.cur.tables.dolo.if_supplied() else { return };
    for d in dolo {
        if let (Some(start), Some(end)) = (d.dolo_start.strict(), d.dolo_end.strict())
            && end <= start
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
    fn end_on_or_before_start_is_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "DoLo",
            "CHILD,DOLO_START,DOLO_END\n1,01/01/2000,01/01/2000\n2,01/01/2000,\n3,,2000/12/10\n\
             4,02/01/2000,01/01/2000\n5,01/01/2000,02/10/2000\n",
        )]);
        let found = run(&DOLO_ENDS_BEFORE_IT_STARTS, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["DoLo:0", "DoLo:3"]);
    }
}
