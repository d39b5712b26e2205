use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that is not a short break (legal status other than V3/V4) whose derived
    /// `PL_LA` (the authority the placement postcode lies in) is missing: the placement
    /// postcode `PL_POST` is blank or was not found.
    ///
    /// ## Why it matters
    /// Where children are placed, inside or outside their own authority, is a published
    /// sufficiency measure; it is derived from the placement postcode.
    ///
    /// ## Example
    /// An episode placed at `E15 4NJ` passes; one with `PL_POST` blank or `ZZ9 9ZZ` is reported,
    /// unless its legal status is V3 or V4.
    ///
    /// ## Known false positives
    /// Confidential placements (some adoption placements) are sent without a postcode.
    ///
    /// ## Reference behaviour
    /// The reference derives `PL_LA` for every episode. carelens checks only episodes whose
    /// placement geography has been derived (which needs the postcode lookup); episodes without
    /// it are not reported.
    pub(crate) PLACEMENT_LA_IS_MISSING,
    code: "169",
    tables: ["Episodes"],
    fields: ["PL_LA"],
    years: Y2022_23..,
    message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let Some(geo) = e.geo else { continue };
        if geo.pl_la.is_none() && !e.ls.strict().is_some_and(LegalStatus::is_short_break) {
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
    fn missing_areas_are_reported_except_for_short_breaks() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,PL_LA,PL_DISTANCE\n1,C2,NIR,\n2,C2,E09000025,\n3,C2,,1.0\n4,V3,,1.0\n\
             5,V4,,1.0\n6,,,1.0\n",
        )]);
        let found = run(&PLACEMENT_LA_IS_MISSING, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:5"]);
    }

    #[test]
    fn episodes_without_derived_geography_are_not_checked() {
        let cur = ret(&[("Episodes", "CHILD,LS\n1,C2\n")]);
        assert!(run(&PLACEMENT_LA_IS_MISSING, CollectionYear::Y2024_25, &cur, None).is_empty());
    }
}
