use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_END` is before 1 April or after 31 March of the collection
    /// year.
    ///
    /// ## Why it matters
    /// Only periods that end within the year (or are still open) belong in the return; an
    /// end outside it is a mistyped date or a period reported in the wrong year.
    ///
    /// ## Example
    /// In 2022/23, an end of 08/03/2022 or 01/04/2023 is reported; 01/04/2022 and a blank end
    /// pass.
    pub(crate) MISSING_PERIOD_ENDS_OUTSIDE_YEAR,
    code: "571",
    tables: ["Missing"],
    fields: ["MIS_END"],
    years: Y2022_23..,
    message: "The date that the child ceased to be missing or away from placement without authorisation is before the start or after the end of the collection year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    let (start, end) = (ctx.start(), ctx.end());
    for m in missing {
        if m.mis_end.strict().is_some_and(|d| d < start || d > end) {
            out.flag(m);
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
            "Missing",
            "MIS_START,MIS_END\n08/03/2022,08/03/2022\n22/06/2022,\n,22/06/2022\n13/10/2022,13/10/22\n,01/04/2023\n,01/04/2022\n",
        )]);
        let found = run(&MISSING_PERIOD_ENDS_OUTSIDE_YEAR, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Missing:0", "Missing:4"]);
    }
}
