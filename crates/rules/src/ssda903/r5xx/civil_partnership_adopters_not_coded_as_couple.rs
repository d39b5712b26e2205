use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L2 (civil partnership) whose `SEX_ADOPTR` is not a couple's
    /// code MM, FF or MF (blank included).
    ///
    /// ## Why it matters
    /// The adopters' legal status and their sexes must describe the same household, or the
    /// DfE's statistics on who adopts are wrong.
    ///
    /// ## Example
    /// `LS_ADOPTR` L2 with `SEX_ADOPTR` M1 is reported; with MF it passes.
    pub(crate) CIVIL_PARTNERSHIP_ADOPTERS_NOT_CODED_AS_COUPLE,
    code: "519",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "Data entered on the legal status of adopters shows civil partnership couple, but data entered on genders of adopters does not show it as a couple.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L2)
            && !matches!(
                a.sex_adoptr.strict(),
                Some(AdopterSex::Mm | AdopterSex::Ff | AdopterSex::Mf)
            )
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
            "LS_ADOPTR,SEX_ADOPTR\nL2,MM\nL4,FF\n,MM\nL2,M1\nL2,MF\nL2,\nL4,xxxxx\n",
        )]);
        let found = run(
            &CIVIL_PARTNERSHIP_ADOPTERS_NOT_CODED_AS_COUPLE,
            CollectionYear::Y2022_23,
            &cur,
            None,
        );
        assert_eq!(found, ["AD1:3", "AD1:5"]);
    }
}
