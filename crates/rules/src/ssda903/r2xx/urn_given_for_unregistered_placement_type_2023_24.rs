use carelens_model::codes::PlacementType;

use super::util::{ofsted_urn, place_in};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (any entry but `XXXXXXX`) in a placement type that
    /// Ofsted does not register: P1, P2, P3, R1, R2, R5, T0–T4 and Z1 (from 2023/24 H5 settings may carry a URN, as supported accommodation is registered from 28 October 2023).
    ///
    /// ## Why it matters
    /// These placements (with parents, in hospital, in custody, temporary moves…) have no
    /// Ofsted registration, so a URN on them is wrong and links the child to the wrong setting.
    ///
    /// ## Example
    /// `PLACE` P2 with URN SC123456: reported. With `XXXXXXX` or a blank URN, or `PLACE`
    /// H5 with a URN: passes.
    pub(crate) URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2023_24,
    code: "222",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2023_24..=Y2023_24,
    message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
}

/// Placement types that take no URN.
const NO_URN: &[PlacementType] = {
    use PlacementType::*;
    &[P1, P2, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if ofsted_urn(e).is_some() && place_in(e, NO_URN) {
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
    fn urn_on_an_unregistered_placement_type_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,URN\n1,P2,SC123456\n2,P2,XXXXXXX\n3,P2,\n4,H5,SC123456\n5,P2,junk\n",
        )]);
        let found = run(
            &URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2023_24,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }
}
