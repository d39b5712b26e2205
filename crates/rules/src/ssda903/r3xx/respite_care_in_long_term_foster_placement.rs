use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode of short-break care (`LS` V3 or V4) in a long-term foster placement (U1 or
    /// U4).
    ///
    /// ## Why it matters
    /// A long-term foster placement is, by definition, not a short break; one of the two codes
    /// is wrong.
    ///
    /// ## Example
    /// V3 in U4 is reported; V3 in U6 is not.
    pub(crate) RESPITE_CARE_IN_LONG_TERM_FOSTER_PLACEMENT,
    code: "384",
    tables: ["Episodes"],
    fields: ["PLACE", "LS"],
    years: Y2022_23..,
    message: "A child receiving respite care cannot be in a long-term foster placement ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict().is_some_and(|ls| ls.is_short_break())
            && matches!(e.place.strict(), Some(PlacementType::U1 | PlacementType::U4))
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
    fn short_breaks_in_long_term_foster_care_are_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,LS,PLACE\n1,V3,U4\n2,V4,U1\n3,V3,U6\n4,C2,U4\n5,V3,\n")]);
        let found =
            run(&RESPITE_CARE_IN_LONG_TERM_FOSTER_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1"]);
    }
}
