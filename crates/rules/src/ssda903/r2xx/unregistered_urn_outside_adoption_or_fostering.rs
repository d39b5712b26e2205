use carelens_model::codes::PlacementType;

use super::util::place_in;
use crate::cells::is_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `URN` is `XXXXXXX` in a placement other than adoption (A3–A6) or
    /// fostering (U1–U6); a blank or unrecognised `PLACE` is reported too.
    ///
    /// ## Why it matters
    /// `XXXXXXX` stands for a regional adoption agency, which has no Ofsted URN of its own;
    /// every other registered setting has a real URN.
    ///
    /// ## Example
    /// `XXXXXXX` on an A4 or U3 placement: passes. On a K2 placement: reported.
    pub(crate) UNREGISTERED_URN_OUTSIDE_ADOPTION_OR_FOSTERING,
    code: "242",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2025_26..,
    message: "URN = 'XXXXXXX' can only be used for regional adoption agencies",
}

/// Placements with a regional adoption agency.
const ADOPTION_AGENCY_PLACEMENTS: &[PlacementType] = {
    use PlacementType::*;
    &[A3, A4, A5, A6, U1, U2, U3, U4, U5, U6]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if is_text(&e.urn, "XXXXXXX") && !place_in(e, ADOPTION_AGENCY_PLACEMENTS) {
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
    fn placeholder_urn_outside_adoption_or_fostering_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,URN\n1,A4,XXXXXXX\n2,K2,XXXXXXX\n3,K2,SC123456\n4,,xxxxxxx\n5,U3,XXXXXXX\n",
        )]);
        let found = run(
            &UNREGISTERED_URN_OUTSIDE_ADOPTION_OR_FOSTERING,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:1", "Episodes:3"]);
    }
}
