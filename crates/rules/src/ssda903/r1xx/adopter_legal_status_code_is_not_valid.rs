use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `LS_ADOPTR` is given but is not `L0`, `L11`, `L12`, `L2`, `L3` or `L4`.
    ///
    /// ## Why it matters
    /// Adoptions are published by the adopters' legal relationship; an unknown code cannot be
    /// counted.
    ///
    /// ## Example
    /// `L0`, `l2` or blank passes; `L1` is reported.
    pub(crate) ADOPTER_LEGAL_STATUS_CODE_IS_NOT_VALID,
    code: "177",
    tables: ["AD1"],
    fields: ["LS_ADOPTR"],
    years: Y2022_23..,
    message: "The legal status of adopter(s) code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in rows {
        if r.ls_adoptr.is_present() && r.ls_adoptr.strict_ref().is_none() {
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
    fn only_the_six_codes_are_valid() {
        let cur = ret(&[("AD1", "CHILD,LS_ADOPTR\n1,L0\n2,L11\n3,L1\n4,l2\n5,\n")]);
        let found =
            run(&ADOPTER_LEGAL_STATUS_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2"]);
    }
}
