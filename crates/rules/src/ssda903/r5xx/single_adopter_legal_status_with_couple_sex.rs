use carelens_model::codes::{AdopterLegalStatus, AdopterSex};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `LS_ADOPTR` L0 (single adopter) whose `SEX_ADOPTR` is not M1 or F1
    /// (blank or a couple's code included).
    ///
    /// ## Why it matters
    /// A single adopter's legal status and a couple's sex code contradict each other, so the
    /// adoption cannot be counted correctly.
    ///
    /// ## Example
    /// `LS_ADOPTR` L0 with `SEX_ADOPTR` MF, or blank, is reported; with M1 it passes.
    pub(crate) SINGLE_ADOPTER_LEGAL_STATUS_WITH_COUPLE_SEX,
    code: "514",
    tables: ["AD1"],
    fields: ["LS_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "Data entry on the legal status of adopters shows a single adopter but data entry for the numbers of adopters shows it as a couple.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.ls_adoptr.strict() == Some(AdopterLegalStatus::L0)
            && !matches!(a.sex_adoptr.strict(), Some(AdopterSex::M1 | AdopterSex::F1))
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
    fn single_adopter_without_single_sex_code_is_reported() {
        let cur = ret(&[("AD1", "LS_ADOPTR,SEX_ADOPTR\nL0,M1\nxx,F1\nL0,xx\n,\nL0,xxx\nL0,\n")]);
        let rule = &SINGLE_ADOPTER_LEGAL_STATUS_WITH_COUPLE_SEX;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:4", "AD1:5"]);
    }
}
