use carelens_model::codes::PlacementType;

use super::util::flag_place_not_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `PLACE` (placement type) is given but is not one of the 28 codes valid
    /// in 2024/25: those of 2023/24 (`A3`–`A6`, `H5`, `K1`, `K2`, `P1`–`P3`, `R1`–`R3`, `R5`,
    /// `S1`, `T0`–`T4`, `U1`–`U6`, `Z1`) and `K3`, registered supported accommodation.
    ///
    /// ## Why it matters
    /// Placement type drives the published placement breakdowns and most placement rules.
    ///
    /// ## Example
    /// `K3`, `k3`, `H5` or blank passes; `R4` and `Z11` (from 2025/26) are reported.
    ///
    /// ## Reference behaviour
    /// The reference lists `k3` in lower case; as it upper-cases the data it reads, it reports
    /// every `K3` placement. carelens accepts `K3`, as the DfE's 2024/25 code set does
    /// (`docs/disagreements.md`).
    pub(crate) PLACEMENT_TYPE_CODE_IS_NOT_VALID_2024_25,
    code: "146",
    tables: ["Episodes"],
    fields: ["PLACE"],
    years: Y2024_25..=Y2024_25,
    message: "Placement type code is not a valid code.",
}

/// The placement types valid in the years of this version.
const VALID: &[PlacementType] = {
    use PlacementType::*;
    &[
        A3, A4, A5, A6, H5, K1, K2, K3, P1, P2, P3, R1, R2, R3, R5, S1, T0, T1, T2, T3, T4, U1, U2,
        U3, U4, U5, U6, Z1,
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
    fn k3_is_valid_and_codes_of_2025_26_are_not() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE\n1,A2\n2,R4\n3,Z\n4,P1\n5,\n6,t3\n7,K3\n8,k3\n9,Z11\n10,H5\n",
        )]);
        let found =
            run(&PLACEMENT_TYPE_CODE_IS_NOT_VALID_2024_25, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:2", "Episodes:8"]);
    }
}
