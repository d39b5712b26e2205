use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_START` is after 31 March, the end of the collection year.
    ///
    /// ## Why it matters
    /// A period that has not started yet does not belong in this year's return.
    ///
    /// ## Example
    /// In 2022/23, a start of 08/04/2023 is reported; 31/03/2023 passes.
    pub(crate) MISSING_PERIOD_STARTS_AFTER_YEAR_END,
    code: "570",
    tables: ["Missing"],
    fields: ["MIS_START"],
    years: Y2022_23..,
    message: "The date that the child started to be missing or away from placement without authorisation is after the end of the collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    let end = ctx.end();
    for m in missing {
        if m.mis_start.strict().is_some_and(|d| d > end) {
            out.flag(m);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case, moved from 2019/20 to 2022/23.
    #[test]
    fn period_starting_after_the_year_is_reported() {
        let cur = ret(&[(
            "Missing",
            "CHILD,MIS_START\n1,08/04/2023\n2,22/06/2023\n3,\n4,13/10/2008\n5,10/05/2004\n6,31/03/2023\n",
        )]);
        let found =
            run(&MISSING_PERIOD_STARTS_AFTER_YEAR_END, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:0", "Missing:1"]);
    }
}
