use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::same_postcode;

declare_rule! {
    /// ## What it checks
    /// An episode whose `HOME_POST` and `PL_POST` are the same postcode, unless the child is
    /// placed with parents (`PLACE` P1).
    ///
    /// ## Why it matters
    /// A child looked after away from home is not placed at the home address; the same
    /// postcode means one of them was copied from the other and the distance from home is
    /// lost.
    ///
    /// ## Example
    /// `E15 4NJ` twice in a U4 placement is reported; in a P1 placement it is not.
    ///
    /// ## Reference behaviour
    /// The reference compares the postcodes as text, so `E15 4NJ` and `E154NJ` differ there;
    /// carelens compares them in normal form (case and spaces ignored). See
    /// `docs/disagreements.md`.
    pub(crate) HOME_AND_PLACEMENT_POSTCODES_SAME,
    code: "392d",
    tables: ["Episodes"],
    fields: ["HOME_POST", "PL_POST", "PLACE"],
    years: Y2022_23..,
    message: "Home and placement postcodes should not be same unless the placement type is P1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place.strict() != Some(PlacementType::P1) && same_postcode(&e.home_post, &e.pl_post) {
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
    fn same_postcodes_outside_placement_with_parents_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,HOME_POST,PL_POST\n1,U4,E15 4NJ,E15 4NJ\n2,P1,E15 4NJ,E15 4NJ\n\
             3,U4,E15 4NJ,SW1A 2AA\n4,,e154nj,E15 4NJ\n5,U4,,\n6,U4,XX1,xx1\n",
        )]);
        let found = run(&HOME_AND_PLACEMENT_POSTCODES_SAME, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3", "Episodes:5"]);
    }
}
