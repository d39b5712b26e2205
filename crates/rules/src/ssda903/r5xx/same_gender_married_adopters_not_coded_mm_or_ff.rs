use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L12 (same gender married couple) whose `SEX_ADOPTR` is not
    /// MM or FF (blank included).
    ///
    /// ## Why it matters
    /// The adopters' legal status and their sexes must describe the same household, or the
    /// DfE's statistics on who adopts are wrong.
    ///
    /// ## Example
    /// `LS_ADOPTR` L12 with `SEX_ADOPTR` MF is reported; with MM it passes.
    pub(crate) SAME_GENDER_MARRIED_ADOPTERS_NOT_CODED_MM_OR_FF,
    code: "524",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "If reporting legal status of adopters is L12 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L12)
            && !matches!(a.sex_adoptr.strict(), Some(AdopterSex::Mm | AdopterSex::Ff))
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
            "LS_ADOPTR,SEX_ADOPTR\nL12,MM\nL12,FF\n,MM\nL12,M1\nL12,MF\nL4,F1\nL12,xxxxx\n",
        )]);
        let found = run(
            &SAME_GENDER_MARRIED_ADOPTERS_NOT_CODED_MM_OR_FF,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["AD1:3", "AD1:4", "AD1:6"]);
    }
}
