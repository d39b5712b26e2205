use carelens_model::codes::PlacementType;

use super::own_provision_placed_outside_own_la::check_excluding;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with `PLACE_PROVIDER` PR1 (the LA's own provision), a `PLACE` other than a
    /// foster or adoption placement (A3–A6, U1–U6) or registered supported accommodation
    /// (K3), and a legal status other than a short break (V3, V4), whose derived `PL_LA` (the
    /// LA the placement postcode lies in) is not the LA making the return. `PLACE` and `LS`
    /// must be completed.
    ///
    /// ## Why it matters
    /// An LA's own residential provision lies in its own area; a PR1 placement elsewhere
    /// usually means a wrong provider code or postcode.
    ///
    /// ## Example
    /// For Newham, a K2 placement with PR1 whose postcode lies in Essex is reported; a K3
    /// placement there is not, from 2025/26.
    ///
    /// ## Reference behaviour
    /// As in the reference, a placement whose `PL_LA` cannot be derived (blank or unknown
    /// postcode) is reported.
    pub(crate) OWN_PROVISION_PLACED_OUTSIDE_OWN_LA_2025_26,
    code: "1015",
    tables: ["Episodes"],
    fields: ["PL_LA"],
    years: Y2025_26..,
    needs: [la],
    message: "Placement provider is own provision but child not placed in own LA.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    check_excluding(ctx, out, |p| p.is_foster() || p.is_adoption() || p == PlacementType::K3);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn supported_accommodation_is_no_longer_checked() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,LS,PLACE_PROVIDER,PL_LA\n1,K2,C1,PR1,316\n2,K2,C1,PR1,881\n\
             3,K3,C1,PR1,881\n4,A4,C1,PR1,881\n",
        )]);
        let c = ctx(CollectionYear::Y2025_26, Some(316), &cur, None, None);
        let found = run_with(&OWN_PROVISION_PLACED_OUTSIDE_OWN_LA_2025_26, &c);
        assert_eq!(found, ["Episodes:1"]);
    }
}
