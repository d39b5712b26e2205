use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L4 (same gender couple, not married or in a civil
    /// partnership) whose `SEX_ADOPTR` is not MM or FF (blank included).
    ///
    /// ## Why it matters
    /// The adopters' legal status and their sexes must describe the same household, or the
    /// DfE's statistics on who adopts are wrong.
    ///
    /// ## Example
    /// `LS_ADOPTR` L4 with `SEX_ADOPTR` MF is reported; with FF it passes.
    pub(crate) UNMARRIED_SAME_GENDER_COUPLE_NOT_CODED_MM_OR_FF,
    code: "518",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "If reporting legal status of adopters is L4 then the genders of adopters should be coded as MM or FF. MM = the adopting couple are both males. FF = the adopting couple are both females.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L4)
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
            "LS_ADOPTR,SEX_ADOPTR\nL4,MM\nL4,FF\n,MM\nL4,M1\nL4,MF\nL1,F1\nL4,xxxxx\n",
        )]);
        let found = run(
            &UNMARRIED_SAME_GENDER_COUPLE_NOT_CODED_MM_OR_FF,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["AD1:3", "AD1:4", "AD1:6"]);
    }
}
