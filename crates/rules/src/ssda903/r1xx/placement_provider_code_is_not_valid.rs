use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `PLACE_PROVIDER` is given but is not one of `PR0`–`PR5`, or is given for
    /// a placement that has no provider: temporary placements (`T0`–`T4`) and other placements
    /// (`Z1`).
    ///
    /// ## Why it matters
    /// Placements are published by provider (own provision, other LA, private, voluntary); a
    /// provider on a temporary placement double-counts the child's usual one.
    ///
    /// ## Example
    /// `U1` with `PR1`, or `T0` with no provider, passes; `U1` with `pr9` and `T0` with `PR1`
    /// are reported. A blank provider is never reported here.
    pub(crate) PLACEMENT_PROVIDER_CODE_IS_NOT_VALID,
    code: "178",
    tables: ["Episodes"],
    fields: ["PLACE_PROVIDER"],
    years: Y2022_23..=Y2024_25,
    message: "Placement provider code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    use PlacementType::*;
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place_provider.is_blank() {
            continue;
        }
        let no_provider = matches!(e.place.strict(), Some(T0 | T1 | T2 | T3 | T4 | Z1));
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
    fn invalid_codes_and_providers_of_temporary_placements_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,PLACE_PROVIDER\n1,U1,PR0\n2,T0,PR1\n3,U2,\n4,Z1,\n5,T1,\n6,,\n\
             7,U1,pr4\n8,U1,PR9\n9,Z1,PR2\n10,T4,PR2\n11,,PR1\n",
        )]);
        let found =
            run(&PLACEMENT_PROVIDER_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:7", "Episodes:8", "Episodes:9"]);
    }
}
