use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row with both `REASON_PLACED_CEASED` and `DATE_PLACED_CEASED` filled
    /// (the decision was reversed) but `DATE_PLACED` blank.
    ///
    /// ## Why it matters
    /// A decision can only be reversed once it has been made; without its date the time the
    /// child waited cannot be measured.
    ///
    /// ## Example
    /// Ceased 26/05/2001 for reason RD1 with no `DATE_PLACED`: reported. With `DATE_PLACED`
    /// filled it passes.
    pub(crate) ADOPTION_DECISION_REVERSED_WITHOUT_DECISION_DATE,
    code: "563",
    tables: ["PlacedAdoption"],
    fields: ["DATE_PLACED", "REASON_PLACED_CEASED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    message: "The child should no longer be placed for adoption but the date of the decision that the child should be placed for adoption is blank",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(pa) = ctx.cur.tables.placed_adoption.if_supplied() else { return };
    for p in pa {
        if p.reason_placed_ceased.is_present()
            && p.date_placed_ceased.is_present()
            && p.date_placed.is_blank()
        {
            out.flag(p);
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
    fn reversal_without_decision_date_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,REASON_PLACED_CEASED,DATE_PLACED\n\
             11,,,26/05/2000\n\
             202,01/02/2003,invalid dont matter,26/05/2000\n\
             3003,,,26/05/2000\n\
             40004,26/05/2001,some sample reason,\n\
             606,,,26/05/2000\n",
        )]);
        let rule = &ADOPTION_DECISION_REVERSED_WITHOUT_DECISION_DATE;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["PlacedAdoption:3"]);
    }
}
