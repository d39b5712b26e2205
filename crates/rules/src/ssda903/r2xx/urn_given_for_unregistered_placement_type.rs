use carelens_model::codes::PlacementType;

use super::util::{ofsted_urn, place_in};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (any entry but `XXXXXXX`) in a placement type that
    /// Ofsted does not register: H5, P1, P2, P3, R1, R2, R5, T0–T4 and Z1.
    ///
    /// ## Why it matters
    /// These placements (with parents, in hospital, in custody, temporary moves…) have no
    /// Ofsted registration, so a URN on them is wrong and links the child to the wrong setting.
    ///
    /// ## Example
    /// `PLACE` H5 with URN SC123456: reported. With `XXXXXXX` or a blank URN, or `PLACE`
    /// K2 with a URN: passes.
    pub(crate) URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE,
    code: "222",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2022_23..=Y2022_23,
    message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
}

/// Placement types that take no URN.
const NO_URN: &[PlacementType] = {
    use PlacementType::*;
    &[H5, P1, P2, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1]
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
            "CHILD,PLACE,URN\n1,H5,SC123456\n2,H5,XXXXXXX\n3,H5,\n4,K2,SC123456\n5,H5,junk\n",
        )]);
        let found =
            run(&URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }
}
