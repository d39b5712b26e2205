use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `FOSTER_CARE` (adopted by former foster carers) is given but is not `0` or
    /// `1`.
    ///
    /// ## Why it matters
    /// Adoptions by former foster carers are published separately; only 0 and 1 can be counted.
    ///
    /// ## Example
    /// `0`, `1` or blank passes; `2`, `1.0` and `former foster carer` are reported.
    pub(crate) FORMER_FOSTER_CARER_FLAG_IS_NOT_VALID,
    code: "114",
    tables: ["AD1"],
    fields: ["FOSTER_CARE"],
    years: Y2022_23..,
    message: "Data entry to record the status of former carer(s) of an adopted child is invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in rows {
        if r.foster_care.is_present() && r.foster_care.strict_ref().is_none() {
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
    fn only_0_and_1_are_valid() {
        let cur =
            ret(&[("AD1", "CHILD,FOSTER_CARE\n1,0\n2,1\n3,2\n4,former foster carer\n5,\n6,1.0\n")]);
        let found =
            run(&FORMER_FOSTER_CARER_FLAG_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:3", "AD1:5"]);
    }
}
