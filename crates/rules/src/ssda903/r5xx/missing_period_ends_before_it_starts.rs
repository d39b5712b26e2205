use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_END` is before its `MIS_START`.
    ///
    /// ## Why it matters
    /// A negative length corrupts the published time children spend missing.
    ///
    /// ## Example
    /// Start 03/06/2020, end 01/06/2020: reported. An end on or after the start, or a blank
    /// end, passes.
    pub(crate) MISSING_PERIOD_ENDS_BEFORE_IT_STARTS,
    code: "567",
    tables: ["Missing"],
    fields: ["MIS_START", "MIS_END"],
    years: Y2022_23..,
    message: "The date that the missing episode or episode that the child was away from placement without authorisation ended is before the date that it started.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing {
        if let (Some(start), Some(end)) = (m.mis_start.strict(), m.mis_end.strict())
            && start > end
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
    fn period_ending_before_it_starts_is_reported() {
        let cur = ret(&[(
            "Missing",
            "MIS_START,MIS_END\n01/06/2020,05/06/2020\n02/06/2020,\n03/06/2020,01/06/2020\n04/06/2020,02/06/2020\n,05/06/2020\n",
        )]);
        let found =
            run(&MISSING_PERIOD_ENDS_BEFORE_IT_STARTS, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:2", "Missing:3"]);
    }
}
