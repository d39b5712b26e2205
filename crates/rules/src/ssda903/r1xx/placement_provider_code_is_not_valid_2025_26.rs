use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `PLACE_PROVIDER` is given but is not one of `PR0`–`PR5`, or is given for
    /// a placement that has no provider in the 2025/26 rule: `T0`–`T3` and `Z11`–`Z14`.
    ///
    /// ## Why it matters
    /// Placements are published by provider (own provision, other LA, private, voluntary); a
    /// provider on a temporary placement double-counts the child's usual one.
    ///
    /// ## Example
    /// `U1` with `PR1`, or `Z11` with no provider, passes; `U1` with `pr9` and `Z14` with `PR5`
    /// are reported.
    ///
    /// ## Reference behaviour
    /// As in the reference (and the DfE's rule text it quotes), `T4` is not in the 2025/26 list
    /// of placements without a provider, so `T4` with a provider is not reported.
    pub(crate) PLACEMENT_PROVIDER_CODE_IS_NOT_VALID_2025_26,
    code: "178",
    tables: ["Episodes"],
    fields: ["PLACE_PROVIDER"],
    years: Y2025_26..,
    message: "Placement provider code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place_provider.is_blank() {
            continue;
        }
        let no_provider =
            matches!(e.place.strict(), Some(T0 | T1 | T2 | T3 | Z11 | Z12 | Z13 | Z14));
        if e.place_provider.strict().is_none() || no_provider {
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
    fn the_references_cases() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,PLACE_PROVIDER\n1,U1,PR0\n2,T0,PR1\n3,U2,\n4,Z1,\n5,T1,\n6,,\n\
             7,U1,pr4\n8,Z14,PR5\n9,Z11,\n10,z12,PR5\n11,T4,PR2\n12,Z1,PR2\n",
        )]);
        let found = run(
            &PLACEMENT_PROVIDER_CODE_IS_NOT_VALID_2025_26,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:1", "Episodes:7", "Episodes:9"]);
    }
}
