use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L3 (different gender couple, not married) whose `SEX_ADOPTR`
    /// is not MF (blank included).
    ///
    /// ## Why it matters
    /// The adopters' legal status and their sexes must describe the same household, or the
    /// DfE's statistics on who adopts are wrong.
    ///
    /// ## Example
    /// `LS_ADOPTR` L3 with `SEX_ADOPTR` FF is reported; with MF it passes.
    pub(crate) UNMARRIED_DIFFERENT_GENDER_COUPLE_NOT_CODED_MF,
    code: "517",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "If reporting legal status of adopters is L3 then the genders of adopters should be coded as MF. MF = the adopting couple are male and female.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L3)
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
            "LS_ADOPTR,SEX_ADOPTR\nL3,MF\nL1,MF\n,MM\nL3,M1\nL3,FF\nL4,F1\nL3,xxxxx\n",
        )]);
        let found = run(
            &UNMARRIED_DIFFERENT_GENDER_COUPLE_NOT_CODED_MF,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["AD1:3", "AD1:4", "AD1:6"]);
    }
}
