use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L11 (different gender married couple) whose `SEX_ADOPTR` is
    /// not MF (blank included).
    ///
    /// ## Why it matters
    /// The adopters' legal status and their sexes must describe the same household, or the
    /// DfE's statistics on who adopts are wrong.
    ///
    /// ## Example
    /// `LS_ADOPTR` L11 with `SEX_ADOPTR` MM is reported; with MF it passes.
    pub(crate) DIFFERENT_GENDER_MARRIED_ADOPTERS_NOT_CODED_MF,
    code: "520",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "Data entry on the legal status of adopters shows different gender married couple but data entry on genders of adopters shows it as a same gender couple.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L11)
            && !matches!(a.sex_adoptr.strict(), Some(AdopterSex::Mf))
        {
            out.flag(a);
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
    fn couple_with_the_wrong_sex_code_is_reported() {
        let cur = ret(&[(
            "AD1",
            "LS_ADOPTR,SEX_ADOPTR\nL11,MM\nL11,FF\n,MM\nL4,M1\nL11,MF\nL1,F1\nL4,xxxxx\n",
        )]);
        let found = run(
            &DIFFERENT_GENDER_MARRIED_ADOPTERS_NOT_CODED_MF,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["AD1:0", "AD1:1"]);
    }
}
