use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that ends with `REC` E45 or E46 (special guardianship order made to former
    /// foster carers) whose `PLACE` is not a foster placement U1–U6 (blank included).
    ///
    /// ## Why it matters
    /// A special guardianship order to former foster carers implies the child was fostered by
    /// them; without a foster placement the reason or the placement is wrong.
    ///
    /// ## Example
    /// `REC` E45 with `PLACE` U1 passes; with `PLACE` Z1 or R1 it is reported.
    pub(crate) SPECIAL_GUARDIANSHIP_TO_FOSTER_CARER_WITHOUT_FOSTER_PLACEMENT,
    code: "516",
    tables: ["Episodes"],
    fields: ["REC", "PLACE"],
    years: Y2022_23..,
    message: "The episode data submitted for this child does not show that he/she was with their former foster carer(s) during the year.If the code in the reason episode ceased is E45 or E46 the child must have a placement code of U1 to U6.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(eps) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in eps {
        if matches!(e.rec.strict(), Some(ReasonEpisodeCeased::E45 | ReasonEpisodeCeased::E46))
            && !e.place.strict().is_some_and(|p| p.is_foster())
        {
            out.flag(e);
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
    fn special_guardianship_without_foster_placement_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "REC,PLACE\nE45,U1\nE46,U2\n,U3\nE45,Z1\nE46,S1\nE45,R1\nE45,U4\nE2,K2\nE2,K2\nE46,T1\nE46,U6\nE46,xx\n",
        )]);
        let rule = &SPECIAL_GUARDIANSHIP_TO_FOSTER_CARER_WITHOUT_FOSTER_PLACEMENT;
        let found = run(rule, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:3", "Episodes:4", "Episodes:5", "Episodes:9", "Episodes:11"]);
    }
}
