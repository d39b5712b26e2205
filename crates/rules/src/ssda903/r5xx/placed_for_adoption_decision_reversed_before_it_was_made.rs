use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED_CEASED` (decision that the child should no
    /// longer be placed for adoption) is before its `DATE_PLACED` (decision that they should).
    ///
    /// ## Why it matters
    /// A decision cannot be reversed before it was made; the dates are used to measure how
    /// long children wait for adoption.
    ///
    /// ## Example
    /// Placed 01/02/2003, ceased 26/05/2000: reported. Ceased on the same day or later passes,
    /// as does a blank date.
    pub(crate) PLACED_FOR_ADOPTION_DECISION_REVERSED_BEFORE_IT_WAS_MADE,
    code: "522",
    tables: ["PlacedAdoption"],
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    message: "Date of decision that the child should be placed for adoption must be on or before the date that a child should no longer be placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(pa) = ctx.cur.tables.placed_adoption.if_supplied() else { return };
    for p in pa {
        if let (Some(placed), Some(ceased)) =
            (p.date_placed.strict(), p.date_placed_ceased.strict())
            && ceased < placed
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
    fn reversal_before_the_decision_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,DATE_PLACED\n\
             11,26/05/2000,26/05/2000\n\
             202,01/02/2003,26/05/2000\n\
             3003,26/05/2000,\n\
             40004,26/05/2000,01/02/2003\n\
             606,,26/05/2000\n",
        )]);
        let rule = &PLACED_FOR_ADOPTION_DECISION_REVERSED_BEFORE_IT_WAS_MADE;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["PlacedAdoption:3"]);
    }
}
