use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `REASON_PLACED_CEASED` is given but is not one of `RD1`–`RD4`.
    ///
    /// ## Why it matters
    /// Why adoption plans are reversed is published by reason; an unknown code cannot be counted.
    ///
    /// ## Example
    /// `RD1`, `rd1` or blank passes; `RD0` and `1` are reported.
    pub(crate) ADOPTION_DECISION_REVERSAL_REASON_IS_NOT_VALID,
    code: "120",
    tables: ["PlacedAdoption"],
    fields: ["REASON_PLACED_CEASED"],
    years: Y2022_23..,
    message: "The reason for the reversal of the decision that the child should be placed for adoption code is not valid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.placed_adoption.if_supplied() else { return };
    for r in rows {
        if r.reason_placed_ceased.is_present() && r.reason_placed_ceased.strict_ref().is_none() {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn only_rd1_to_rd4_are_valid() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,REASON_PLACED_CEASED\n1,rd1\n2,RD0\n3,1\n4,RD4\n5,\n",
        )]);
        let found = run(
            &ADOPTION_DECISION_REVERSAL_REASON_IS_NOT_VALID,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["PlacedAdoption:1", "PlacedAdoption:2"]);
    }
}
