use crate::cells::is_uasc;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child flagged UASC in the Header (`UASC` 1; for a CSV return, a child with a row in
    /// the UASC table) who is under 11 at the end of the collection year: `DOB` after 31 March
    /// eleven years before the year's end.
    ///
    /// ## Why it matters
    /// Unaccompanied asylum-seeking children are almost always teenagers; a young UASC child
    /// usually means a wrong date of birth or a wrong UASC flag. The DfE accepts a bypass
    /// request when the date is right.
    ///
    /// ## Example
    /// 2024/25 return, UASC child born 01/04/2014: reported. Born 31/03/2014: passes (exactly
    /// 11 on 31 March). Born 01/04/2014 but not UASC: passes.
    ///
    /// ## Reference behaviour
    /// The reference reads a Header column `UASC_STATUS` that its ingest never creates (it
    /// creates `UASC`), so the rule fails on every return. carelens uses the Header's `UASC`
    /// flag, the DfE's `<UASC_STATUS>` (rules-overview.md §7; docs/disagreements.md).
    pub(crate) UASC_CHILD_IS_UNDER_11,
    code: "231",
    tables: ["Header"],
    fields: ["DOB", "UASC_STATUS"],
    years: Y2024_25..,
    message: "We expect that unaccompanied asylum seeking children are generally older young people. Please check the date of birth is correct. If the date of birth is correct then please provide details in a bypass request.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let Some(born_after) = plus_years(ctx.end(), -11) else { return };
    for h in header {
        if is_uasc(h) && h.dob.strict().is_some_and(|d| d > born_after) {
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
    fn young_uasc_child_is_reported() {
        // The reference's own cases (rule_231.test_validate), with the flag in `UASC`.
        let cur = ret(&[(
            "Header",
            "CHILD,DOB,UASC\n1,01/04/2014,1\n2,31/03/2014,1\n3,01/04/2014,0\n4,30/03/2014,1\n",
        )]);
        let found = run(&UASC_CHILD_IS_UNDER_11, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0"]);
    }
}
