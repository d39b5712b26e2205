use carelens_model::codes::{LegalStatus, PlacementType};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r2xx::util::place_in;

declare_rule! {
    /// ## What it checks
    /// An episode placed for adoption with a placement order (`PLACE` A5 or A6) whose legal
    /// status (`LS`) is not E1 (placement order granted); a blank `LS` is reported too.
    ///
    /// ## Why it matters
    /// A5 and A6 mean the court has made a placement order, so the legal status must say so;
    /// otherwise either the placement type or the legal status is wrong.
    ///
    /// ## Example
    /// `PLACE` A6 with `LS` E1: passes. A6 with C2: reported. A4 (with consent) with C2: passes.
    pub(crate) PLACED_FOR_ADOPTION_WITHOUT_PLACEMENT_ORDER,
    code: "408",
    tables: ["Episodes"],
    fields: ["PLACE", "LS"],
    years: Y2022_23..,
    message: "Child is placed for adoption with a placement order, but no placement order has been recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let with_order = place_in(e, &[PlacementType::A5, PlacementType::A6]);
        if with_order && e.ls.strict() != Some(LegalStatus::E1) {
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
    fn placement_order_placement_without_e1_is_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,PLACE,LS\n1,A6,E1\n2,A6,C2\n3,A4,C2\n4,A5,\n5,a5,e1\n")]);
        let found =
            run(&PLACED_FOR_ADOPTION_WITHOUT_PLACEMENT_ORDER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:3"]);
    }
}
