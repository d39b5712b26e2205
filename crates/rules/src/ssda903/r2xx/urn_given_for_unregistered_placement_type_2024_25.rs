use carelens_model::codes::PlacementType;

use super::util::{ofsted_urn, place_in};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (any entry but `XXXXXXX`) in a placement type that
    /// Ofsted does not register: P1, P3, R1, R2, R5, T0–T4 and Z1.
    ///
    /// ## Why it matters
    /// These placements (with parents, in hospital, in custody, temporary moves…) have no
    /// Ofsted registration, so a URN on them is wrong and links the child to the wrong setting.
    ///
    /// ## Example
    /// `PLACE` R1 with URN SC123456: reported. With `XXXXXXX` or a blank URN, or `PLACE`
    /// K3 with a URN: passes.
    pub(crate) URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2024_25,
    code: "222",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2024_25..=Y2024_25,
    message: "Ofsted Unique reference number (URN) should not be recorded for this placement type.",
}

/// Placement types that take no URN.
const NO_URN: &[PlacementType] = {
    use PlacementType::*;
    &[P1, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1]
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
            "CHILD,PLACE,URN\n1,R1,SC123456\n2,R1,XXXXXXX\n3,R1,\n4,K3,SC123456\n5,R1,junk\n",
        )]);
        let found = run(
            &URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }
}
