use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that ended because the child died (`REC` E2) or was found by age assessment
    /// to be 18 or over (E15), followed by another episode of the same child (by `DECOM`).
    /// Episodes with an unreadable `DECOM` are not checked, though they count as later ones.
    ///
    /// ## Why it matters
    /// Neither a child who died nor a young person assessed as an adult can become looked
    /// after again; one of the episodes is wrong.
    ///
    /// ## Example
    /// An episode ending E15 followed by another episode: reported. E15 on the child's latest
    /// episode: passes.
    ///
    /// ## Known false positives
    /// Only this year's episodes are compared, so an E2 or E15 in an earlier year is missed.
    pub(crate) EPISODE_AFTER_DEATH_OR_AGE_18,
    code: "437",
    tables: ["Episodes"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        let Some((_, earlier)) = eps.split_last() else { continue };
        for e in earlier {
            use ReasonEpisodeCeased::*;
            if e.decom.strict().is_some() && matches!(e.rec.strict(), Some(E2 | E15)) {
                out.flag(*e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episode_after_death_or_age_assessment_is_reported() {
        // The reference's own cases (rule_437.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,REC\n101,20/10/2021,E2\n102,19/11/2021,E15\n102,17/06/2021,X1\n\
             103,04/04/2020,X1\n103,11/09/2020,E15\n103,07/05/2021,\n104,15/02/2020,X1\n\
             104,09/04/2020,E4a\n104,24/09/2020,X1\n104,30/06/2021,\n105,,E2\n105,20/12/2020,X1\n",
        )]);
        let found = run(&EPISODE_AFTER_DEATH_OR_AGE_18, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:4"]);
    }
}
