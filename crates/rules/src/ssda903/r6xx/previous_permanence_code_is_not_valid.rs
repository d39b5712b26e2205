use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PrevPerm row whose `PREV_PERM` is completed but is not one of P1, P2, P3, P4, Z1.
    ///
    /// ## Why it matters
    /// An unknown code cannot be counted in the DfE's figures on previous permanence.
    ///
    /// ## Example
    /// `P1` or `p1` passes (codes are case-insensitive), as does a blank; `P0` or `P1 - Adoption`
    /// is reported.
    pub(crate) PREVIOUS_PERMANENCE_CODE_IS_NOT_VALID,
    code: "631",
    tables: ["PrevPerm"],
    fields: ["PREV_PERM"],
    years: Y2022_23..,
    message: "Previous permanence option not a valid value.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(prev_perm) = ctx.cur.tables.prev_perm.if_supplied() else { return };
    for p in prev_perm {
        if p.prev_perm.is_present() && p.prev_perm.strict().is_none() {
            out.flag(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn unknown_codes_are_reported() {
        let cur =
            ret(&[("PrevPerm", "CHILD,PREV_PERM\n1,P0\n2,P1\n3,p1\n4,\n5,Z1\n6,P1 - Adoption\n")]);
        let found =
            run(&PREVIOUS_PERMANENCE_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["PrevPerm:0", "PrevPerm:5"]);
    }
}
