use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending in adoption (`REC` E11 or E12) whose placement is not an adoption
    /// placement (A3–A6).
    ///
    /// ## Why it matters
    /// A child is adopted from a placement for adoption; any other placement means the
    /// placement or the reason is wrong, which distorts the adoption statistics.
    ///
    /// ## Example
    /// E11 from A5 passes; E11 from U4 (or a blank placement) is reported.
    pub(crate) ADOPTED_WITHOUT_ADOPTION_PLACEMENT,
    code: "390",
    tables: ["Episodes"],
    fields: ["PLACE", "REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is adopted but child has not been previously placed for adoption.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption)
            && !e.place.strict().is_some_and(|p| p.is_adoption())
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

    #[test]
    fn adoption_from_a_non_adoption_placement_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,REC\n1,A5,E11\n2,U4,E11\n3,,E12\n4,A3,E12\n5,U4,E4A\n",
        )]);
        let found = run(&ADOPTED_WITHOUT_ADOPTION_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:2"]);
    }
}
