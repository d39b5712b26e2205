use carelens_model::Date;
use carelens_model::codes::PlacementType;

use super::util::place_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in an independent living placement (`PLACE` P2) that is still open, or
    /// ended after 28 October 2023. An unreadable `DEC` counts as open.
    ///
    /// ## Why it matters
    /// From 28 October 2023 (Supported Accommodation (England) Regulations 2023) children
    /// looked after can no longer be placed in unregistered independent living; such
    /// placements must be in registered supported accommodation.
    ///
    /// ## Example
    /// P2 ending 30/11/2023, or still open: reported. P2 ending 28/10/2023: passes.
    pub(crate) P2_PLACEMENT_AFTER_OCTOBER_2023,
    code: "217t",
    tables: ["Episodes"],
    fields: ["PLACE", "DECOM"],
    years: Y2023_24..=Y2023_24,
    message: "Placement type 'P2' is not a valid placement type from 28 October 2023.",
}

/// The last day a P2 placement was allowed.
const LAST_DAY: Date = Date::constant(2023, 10, 28);

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if place_in(e, &[PlacementType::P2]) && e.dec.strict().is_none_or(|d| d > LAST_DAY) {
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
    fn p2_open_after_the_ban_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,DEC\n1,P2,30/11/2023\n2,P2,\n3,P2,28/10/2023\n4,U4,\n5,P2,31/13/2023\n",
        )]);
        let found = run(&P2_PLACEMENT_AFTER_OCTOBER_2023, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:4"]);
    }
}
