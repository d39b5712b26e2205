use carelens_model::codes::PlacementType;

use super::util::{place_in, placed_in_england_la};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode open at some point in the year (`DEC` blank, or on or after 1 April) in an
    /// English placement of a type that Ofsted registers, with no `URN`. Exempt types: P1, P3,
    /// R1, R2, R5, T0–T4 and Z1; from 2024/25 H5 and P2 need a URN too (supported
    /// accommodation is registered from 28 October 2023). Only placements whose derived
    /// `PL_LA` is an English LA are checked.
    ///
    /// ## Why it matters
    /// The URN identifies the Ofsted-registered setting, which the DfE uses to link placements
    /// to inspection outcomes and to check the placement type and provider.
    ///
    /// ## Example
    /// `PLACE` H5 or K3 in an English LA, open, blank `URN`: reported. `PLACE` P1, or a
    /// placement in Scotland: passes.
    ///
    /// ## Reference behaviour
    /// As the reference, which treats a missing `PL_LA` as outside England (its test is
    /// "starts with N, W, S or C", and a missing value reads as "nan").
    pub(crate) URN_MISSING_2024_25,
    code: "218",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2024_25..=Y2024_25,
    message: "Ofsted Unique reference number (URN) is required.",
}

/// Placement types that need no URN.
const EXEMPT: &[PlacementType] = {
    use PlacementType::*;
    &[P1, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let in_year = e.dec.is_blank() || e.dec.strict().is_some_and(|d| d >= ctx.start());
        if in_year && e.urn.is_blank() && !place_in(e, EXEMPT) && placed_in_england_la(e) {
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
    fn supported_accommodation_without_urn_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,DEC,URN,PL_LA\n1,H5,,,316\n2,K3,,SC123456,316\n3,P1,,,316\n4,K3,,,SCO\n5,P2,,,316\n",
        )]);
        let found = run(&URN_MISSING_2024_25, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }
}
