use carelens_model::codes::AdopterSex;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row with `NB_ADOPTR` 2 (two adopters) whose `SEX_ADOPTR` is M1 or F1, the codes
    /// for a single adopter.
    ///
    /// ## Why it matters
    /// The number and sex of adopters feed the DfE's statistics on who adopts; the two fields
    /// must describe the same household.
    ///
    /// ## Example
    /// `NB_ADOPTR` 2 with `SEX_ADOPTR` F1 is reported; with MM, FF or MF it passes, as does
    /// `NB_ADOPTR` 1 with F1.
    pub(crate) TWO_ADOPTERS_RECORDED_WITH_SINGLE_ADOPTER_SEX,
    code: "511",
    tables: ["AD1"],
    fields: ["NB_ADOPTR", "SEX_ADOPTR"],
    years: Y2022_23..,
    message: "If reporting that the number of person(s) adopting the looked after child is two adopters then the code should only be MM, FF or MF. MM = the adopting couple are both males; FF = the adopting couple are both females; MF = The adopting couple are male and female.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for a in ad1 {
        if a.nb_adoptr.strict() == Some(2)
            && matches!(a.sex_adoptr.strict(), Some(AdopterSex::M1 | AdopterSex::F1))
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
    fn couple_coded_as_single_adopter_is_reported() {
        let cur = ret(&[(
            "AD1",
            "NB_ADOPTR,SEX_ADOPTR\n2,MM\n2,FF\n,MM\n2,M1\n2,F1\n1,F1\n2,F1\n1,F1\n2,\n",
        )]);
        let rule = &TWO_ADOPTERS_RECORDED_WITH_SINGLE_ADOPTER_SEX;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["AD1:3", "AD1:4", "AD1:6"]);
    }
}
