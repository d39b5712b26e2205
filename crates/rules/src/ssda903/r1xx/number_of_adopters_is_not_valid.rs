use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `NB_ADOPTR` (number of adopters) is given but is not `1` or `2`.
    ///
    /// ## Why it matters
    /// Adoptions by single adopters and couples are published separately.
    ///
    /// ## Example
    /// `1`, `2` or blank passes; `0`, `3` and `01` are reported.
    pub(crate) NUMBER_OF_ADOPTERS_IS_NOT_VALID,
    code: "175",
    tables: ["AD1"],
    fields: ["NB_ADOPTR"],
    years: Y2022_23..,
    message: "The number of adopter(s) code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in ad1 {
        // Compared as text, as the reference does: `01` or `1.0` is not the code `1`.
        if r.nb_adoptr.is_present() && !matches!(r.nb_adoptr.raw().trim(), "1" | "2") {
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
    fn only_1_and_2_are_valid() {
        let cur = ret(&[("AD1", "CHILD,NB_ADOPTR\n1,0\n2,1\n3,2\n4,\n5,3\n6,01\n7,1.0\n")]);
        let found = run(&NUMBER_OF_ADOPTERS_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:0", "AD1:4", "AD1:5", "AD1:6"]);
    }
}
