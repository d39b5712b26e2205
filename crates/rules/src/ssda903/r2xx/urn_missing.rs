use carelens_model::codes::PlacementType;

use super::util::{place_in, placed_in_england_la};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode open at some point in the year (`DEC` blank, or on or after 1 April) in an
    /// English placement of a type that Ofsted registers, with no `URN`. Exempt types: H5, P1,
    /// P2, P3, R1, R2, R5, T0–T4 and Z1. Only placements whose derived `PL_LA` is an English
    /// LA are checked.
    ///
    /// ## Why it matters
    /// The URN identifies the Ofsted-registered setting, which the DfE uses to link placements
    /// to inspection outcomes and to check the placement type and provider.
    ///
    /// ## Example
    /// `PLACE` K2 in an English LA, open, blank `URN`: reported. `PLACE` P1, or a placement in
    /// Wales, or with an unknown placement postcode: passes.
    ///
    /// ## Reference behaviour
    /// As the reference, which treats a missing `PL_LA` as outside England (its test is
    /// "starts with N, W, S or C", and a missing value reads as "nan"). An unreadable `DEC` is
    /// neither blank nor a date in the year, so the episode is not checked.
    pub(crate) URN_MISSING,
    code: "218",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2022_23..=Y2023_24,
    message: "Ofsted Unique reference number (URN) is required.",
}

/// Placement types that need no URN.
const EXEMPT: &[PlacementType] = {
    use PlacementType::*;
    &[H5, P1, P2, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1]
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
    fn english_registered_placement_without_urn_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,DEC,URN,PL_LA\n1,K2,,,316\n2,K2,,SC123456,316\n3,H5,,,316\n\
             4,K2,,,WAL\n5,K2,,,\n6,K2,31/03/2023,,316\n7,K3,01/05/2023,,316\n8,,,,316\n",
        )]);
        let found = run(&URN_MISSING, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:6", "Episodes:7"]);
    }
}
