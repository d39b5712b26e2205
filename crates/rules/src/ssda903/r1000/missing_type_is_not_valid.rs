use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MISSING` is completed but is neither M (missing) nor A (away from
    /// placement without authorisation).
    ///
    /// ## Why it matters
    /// The DfE reports missing and away incidents separately; an unknown type fits neither.
    ///
    /// ## Example
    /// `M`, `m`, `A` and a blank pass; `AWAY` is reported.
    pub(crate) MISSING_TYPE_IS_NOT_VALID,
    code: "1006",
    tables: ["Missing"],
    fields: ["MISSING"],
    years: Y2022_23..,
    message: "Missing type invalid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(missing) = ctx.cur.tables.missing.if_supplied() else { return };
    for m in missing.iter().filter(|m| m.missing.is_present() && m.missing.strict().is_none()) {
        out.flag(m);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn unknown_types_are_reported() {
        let cur = ret(&[("Missing", "CHILD,MISSING\n1,M\n2,A\n3,AWAY\n4,X\n5,\n6,m\n")]);
        let found = run(&MISSING_TYPE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Missing:2", "Missing:3"]);
    }
}
