use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `LS` (legal status) is given but is not one of the 13 DfE codes (`C1`,
    /// `C2`, `D1`, `E1`, `V2`–`V4`, `J1`–`J3`, `L1`–`L3`).
    ///
    /// ## Why it matters
    /// Legal status decides who is counted (short breaks V3/V4 are excluded) and how orders are
    /// published.
    ///
    /// ## Example
    /// `C2`, `v3` or blank passes; `C3` and `Full care order` are reported.
    pub(crate) LEGAL_STATUS_CODE_IS_NOT_VALID,
    code: "144",
    tables: ["Episodes"],
    fields: ["LS"],
    years: Y2022_23..,
    message: "The legal status code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.episodes.if_supplied() else { return };
    for r in rows {
        if r.ls.is_present() && r.ls.strict_ref().is_none() {
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
    fn only_dfe_codes_are_valid() {
        let cur = ret(&[("Episodes", "CHILD,LS\n1,C2\n2,v3\n3,C3\n4,\n5,Full care order\n")]);
        let found = run(&LEGAL_STATUS_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:4"]);
    }
}
