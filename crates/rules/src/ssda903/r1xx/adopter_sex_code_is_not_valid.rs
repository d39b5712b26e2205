use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row whose `SEX_ADOPTR` is given but is not `M1`, `F1`, `MM`, `FF` or `MF`.
    ///
    /// ## Why it matters
    /// Adoptions are published by the adopters' sex and relationship; an unknown code cannot be
    /// counted.
    ///
    /// ## Example
    /// `MF`, `m1` or blank passes; `1` and `M` are reported.
    pub(crate) ADOPTER_SEX_CODE_IS_NOT_VALID,
    code: "176",
    tables: ["AD1"],
    fields: ["SEX_ADOPTR"],
    years: Y2022_23..,
    message: "The gender of adopter(s) at the date of adoption code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in rows {
        if r.sex_adoptr.is_present() && r.sex_adoptr.strict_ref().is_none() {
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
    fn only_the_five_codes_are_valid() {
        let cur = ret(&[("AD1", "CHILD,SEX_ADOPTR\n1,m1\n2,F1\n3,MM\n4,1\n5,\n6,M\n")]);
        let found = run(&ADOPTER_SEX_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:3", "AD1:5"]);
    }
}
