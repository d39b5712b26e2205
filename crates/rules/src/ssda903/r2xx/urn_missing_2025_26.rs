use carelens_model::codes::PlacementType;

use super::util::{place_in, placed_outside_england};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode open at some point in the year (`DEC` blank, or on or after 1 April) in a
    /// placement of a type that Ofsted registers, with no `URN`, unless the derived `PL_LA` is
    /// outside England (NIR, SCO, WAL, NUK, or CON for confidential). Exempt types: P1, P3, R1,
    /// R2, R5, T0–T4 and Z11–Z14.
    ///
    /// ## Why it matters
    /// The URN identifies the Ofsted-registered setting, which the DfE uses to link placements
    /// to inspection outcomes and to check the placement type and provider.
    ///
    /// ## Example
    /// `PLACE` K2, open, blank `URN`, in an English LA or with an unknown placement postcode:
    /// reported. The same placement in Wales, or `PLACE` Z12: passes.
    ///
    /// ## Reference behaviour
    /// From 2025/26 the reference lists the places outside England explicitly, so a missing
    /// `PL_LA` no longer exempts the episode. carelens derives no `CON`.
    pub(crate) URN_MISSING_2025_26,
    code: "218",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2025_26..,
    message: "Ofsted Unique reference number (URN) is required.",
}

/// Placement types that need no URN.
const EXEMPT: &[PlacementType] = {
    use PlacementType::*;
    &[P1, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z11, Z12, Z13, Z14]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let in_year = e.dec.is_blank() || e.dec.strict().is_some_and(|d| d >= ctx.start());
        if in_year && e.urn.is_blank() && !place_in(e, EXEMPT) && !placed_outside_england(e) {
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
    fn registered_placement_without_urn_is_reported_unless_outside_england() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,DEC,URN,PL_LA\n1,K2,,,316\n2,K2,,,\n3,K2,,,WAL\n4,Z12,,,316\n5,Z1,,,316\n\
             6,K2,30/03/2025,,316\n",
        )]);
        let found = run(&URN_MISSING_2025_26, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:4"]);
    }
}
