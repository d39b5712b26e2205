use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode under a short-break legal status (`LS` V3 or V4) with a placement postcode
    /// (`PL_POST`) or an Ofsted `URN` (any entry, valid or not).
    ///
    /// ## Why it matters
    /// Placement details are not collected for short breaks; recording them adds these
    /// placements to the location and distance statistics, which exclude short breaks.
    ///
    /// ## Example
    /// `LS` V3 with `PL_POST` AB1 2CD: reported. V3 with both blank, or C2 with a postcode:
    /// passes.
    pub(crate) PLACEMENT_LOCATION_GIVEN_FOR_SHORT_BREAK,
    code: "214",
    tables: ["Episodes"],
    fields: ["PL_POST", "URN"],
    years: Y2022_23..,
    message: "Placement location information not required.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let short_break = e.ls.strict().is_some_and(LegalStatus::is_short_break);
        if short_break && (e.pl_post.is_present() || e.urn.is_present()) {
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
    fn short_break_with_placement_details_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,PL_POST,URN\n1,V3,AB1 2CD,\n2,V4,,SC123456\n3,V3,,\n4,C2,AB1 2CD,SC123456\n5,v4,XX,\n",
        )]);
        let found =
            run(&PLACEMENT_LOCATION_GIVEN_FOR_SHORT_BREAK, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:4"]);
    }
}
