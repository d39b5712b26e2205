use crate::cells::same_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child in both this year's and last year's Header whose `ETHNIC` differs between the
    /// two years (ignoring case). A blank in one year only counts as a difference.
    ///
    /// ## Why it matters
    /// Ethnicity is self-reported once and carried forward; a change between years distorts
    /// the DfE's breakdowns and often means the wrong child was matched.
    ///
    /// ## Example
    /// `WBRI` last year and `NOBT` this year is reported; `NOBT` and `nobt` is not.
    pub(crate) ETHNICITY_CONFLICTS_WITH_LAST_YEAR,
    code: "204",
    tables: ["Header", "Header_last"],
    fields: ["ETHNIC"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Ethnic origin code disagrees with the ethnic origin already recorded for this child.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    let last = ctx.header_last();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        if last.get(child.as_str()).any(|l| !same_text(&h.ethnic, &l.ethnic)) {
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
    fn changed_ethnicity_is_reported() {
        // The reference's own cases (rule_204.test_validate).
        let cur = ret(&[(
            "Header",
            "CHILD,ETHNIC\n101,WBRI\n102,WBRI\n103,nobt\n104,AINS\n105,\n106,BOTH\n108,\n\
             109,BCRB\n110,MWBC\n",
        )]);
        let last = ret(&[(
            "Header",
            "CHILD,ETHNIC\n101,WBRI\n102,NOBT\n103,NOBT\n104,AINS\n105,\n107,REFU\n108,MOTH\n\
             109,\n110,MWBA\n",
        )]);
        let found =
            run(&ETHNICITY_CONFLICTS_WITH_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:1", "Header:6", "Header:7", "Header:8"]);
    }
}
