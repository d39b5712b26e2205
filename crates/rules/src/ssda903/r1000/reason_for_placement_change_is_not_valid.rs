use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `REASON_PLACE_CHANGE` is completed but is not one of CARPL, CLOSE,
    /// ALLEG, STAND, APPRR, CREQB, CREQO, CHILD, LAREQ, PLACE, CUSTOD, OTHER.
    ///
    /// ## Why it matters
    /// The reasons placements end are the basis of the DfE's placement stability analysis.
    ///
    /// ## Example
    /// `CARPL`, `other` and a blank pass; `MOVED` is reported.
    pub(crate) REASON_FOR_PLACEMENT_CHANGE_IS_NOT_VALID,
    code: "1009",
    tables: ["Episodes"],
    fields: ["REASON_PLACE_CHANGE"],
    years: Y2022_23..,
    message: "Reason for placement change is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.reason_place_change.is_present() && e.reason_place_change.strict().is_none() {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn unknown_reasons_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,REASON_PLACE_CHANGE\n1,CARPL\n2,OTHER\n3,other\n4,MOVED\n5,\n6,CUSTOD\n",
        )]);
        let found =
            run(&REASON_FOR_PLACEMENT_CHANGE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:3"]);
    }
}
