use carelens_model::codes::PlacementType;

use super::util::flag_place_not_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `PLACE` (placement type) is given but is not one of the 29 codes valid
    /// from 2025/26: `A3`–`A6`, `K1`–`K3`, `P1`, `P3`, `R1`–`R3`, `R5`, `S1`, `T0`–`T4`,
    /// `U1`–`U6` and `Z11`–`Z14`. `H5`, `P2` and `Z1` are no longer valid.
    ///
    /// ## Why it matters
    /// Placement type drives the published placement breakdowns and most placement rules.
    ///
    /// ## Example
    /// `K3`, `Z14` or blank passes; `H5`, `P2`, `Z1` and `R4` are reported.
    pub(crate) PLACEMENT_TYPE_CODE_IS_NOT_VALID_2025_26,
    code: "146",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2025_26..,
    message: "Placement type code is not a valid code.",
}

/// The placement types valid in the years of this version.
const VALID: &[PlacementType] = {
    use PlacementType::*;
    &[
        A3, A4, A5, A6, K1, K2, K3, P1, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2, U3, U4,
        U5, U6, Z11, Z12, Z13, Z14,
    ]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_place_not_in(ctx, out, VALID);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn retired_codes_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE\n1,A2\n2,R4\n3,Z\n4,P1\n5,\n6,t3\n7,\n8,Z14\n9,H5\n10,P2\n11,Z1\n12,K3\n",
        )]);
        let found =
            run(&PLACEMENT_TYPE_CODE_IS_NOT_VALID_2025_26, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(
            found,
            ["Episodes:0", "Episodes:1", "Episodes:2", "Episodes:8", "Episodes:9", "Episodes:10"]
        );
    }
}
