use carelens_model::codes::{LegalStatus, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with placement P1 (placed with parents or others with parental
    /// responsibility) under legal status V2 (single period of accommodation under section 20).
    ///
    /// ## Why it matters
    /// A child accommodated under section 20 who lives with their parents is not looked after:
    /// placement with parents is only possible under a care order.
    ///
    /// ## Example
    /// P1 with `LS` V2 is reported; P1 with `LS` C2 is not.
    pub(crate) PLACED_WITH_PARENTS_UNDER_SECTION_20,
    code: "378",
    tables: ["Episodes"],
    fields: ["PLACE", "LS"],
    years: Y2022_23..,
    message: "A child who is placed with parent(s) cannot be looked after under a single period of accommodation under Section 20 of the Children Act 1989.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place.strict() == Some(PlacementType::P1) && e.ls.strict() == Some(LegalStatus::V2) {
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
    fn placement_with_parents_under_section_20_is_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,PLACE,LS\n1,P1,V2\n2,P1,C2\n3,U4,V2\n4,p1,v2\n5,,V2\n")]);
        let found =
            run(&PLACED_WITH_PARENTS_UNDER_SECTION_20, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
