use carelens_model::codes::{LegalStatus, PlacementProvider, PlacementType};
use carelens_model::{Episode, PlacementArea};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR1 (the LA's own provision), a `PLACE` other than a
    /// foster or adoption placement (A3–A6, U1–U6), and a legal status other than a short
    /// break (V3, V4), whose derived `PL_LA` (the LA the placement postcode lies in) is not
    /// the LA making the return. `PLACE` and `LS` must be completed.
    ///
    /// ## Why it matters
    /// An LA's own residential provision lies in its own area; a PR1 placement elsewhere
    /// usually means a wrong provider code or postcode.
    ///
    /// ## Example
    /// For Newham, a K2 placement with PR1 whose postcode lies in Essex is reported; the same
    /// placement in Newham is not, nor is a U4 foster placement in Essex.
    ///
    /// ## Reference behaviour
    /// As in the reference, a placement whose `PL_LA` cannot be derived (blank or unknown
    /// postcode) is reported.
    pub(crate) OWN_PROVISION_PLACED_OUTSIDE_OWN_LA,
    code: "1015",
    tables: ["Episodes"],
    fields: ["PL_LA"],
    years: Y2022_23..=Y2024_25,
    needs: [la],
    message: "Placement provider is own provision but child not placed in own LA.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    check_excluding(ctx, out, |p| p.is_foster() || p.is_adoption());
}

/// The check, with `excluded` the placement types not checked (foster and adoption; from
/// 2025/26 also K3).
pub(super) fn check_excluding(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    excluded: impl Fn(PlacementType) -> bool,
) {
    let (Some(episodes), Some(la)) = (ctx.cur.tables.episodes.if_supplied(), ctx.la) else {
        return;
    };
    for e in episodes.iter().filter(|e| checked(e, &excluded)) {
        let pl_la = e.geo.and_then(|g| g.pl_la);
        if pl_la != Some(PlacementArea::La(la)) {
            out.flag(e);
        }
    }
}

/// PR1, a completed `PLACE` not excluded, and a completed `LS` other than V3/V4 (an invalid
/// code counts as completed and not excluded, as the reference compares text).
fn checked(e: &Episode, excluded: &impl Fn(PlacementType) -> bool) -> bool {
    e.place_provider.strict() == Some(PlacementProvider::Pr1)
        && e.place.is_present()
        && !e.place.strict().is_some_and(excluded)
        && e.ls.is_present()
        && !e.ls.strict().is_some_and(LegalStatus::is_short_break)
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn own_provision_outside_own_la_is_reported() {
        // The reference's own test, with Newham (316) as the LA and Essex (881) elsewhere.
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,LS,PLACE_PROVIDER,PL_LA\n1,K2,C1,PR1,316\n2,K2,C1,PR1,881\n\
             3,U2,C1,PR1,881\n4,K2,V3,PR1,881\n5,K2,C1,PR2,881\n6,,C1,PR1,881\n7,K2,,PR1,881\n\
             8,K2,C1,,881\n9,K3,C1,PR1,881\n10,R1,C2,PR1,\n11,E1,C1,PR1,881\n",
        )]);
        let c = ctx(CollectionYear::Y2024_25, Some(316), &cur, None, None);
        let found = run_with(&OWN_PROVISION_PLACED_OUTSIDE_OWN_LA, &c);
        assert_eq!(found, ["Episodes:1", "Episodes:8", "Episodes:9", "Episodes:10"]);
    }
}
