use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that is not a short break (legal status other than V3/V4) whose derived
    /// `PL_LOCATION` (placement inside or outside the responsible authority) is missing: the
    /// placement postcode `PL_POST` is blank or was not found.
    ///
    /// ## Why it matters
    /// The share of children placed outside their own authority is a published sufficiency
    /// measure; it is derived from the placement postcode.
    ///
    /// ## Example
    /// An episode placed at `E15 4NJ` passes (IN or OUT); one with `PL_POST` blank or `ZZ9 9ZZ`
    /// is reported, unless its legal status is V3 or V4.
    ///
    /// ## Known false positives
    /// Confidential placements (some adoption placements) are sent without a postcode.
    ///
    /// ## Reference behaviour
    /// The reference derives `PL_LOCATION` for every episode. carelens checks only episodes
    /// whose placement geography has been derived (which needs the postcode lookup and the
    /// responsible LA); episodes without it are not reported.
    pub(crate) PLACEMENT_LOCATION_IS_MISSING,
    code: "179",
    tables: ["Episodes"],
    fields: ["PL_LOCATION"],
    years: Y2022_23..,
    message: "Placement location code is not a valid code.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let Some(geo) = e.geo else { continue };
        if geo.pl_location.is_none() && !e.ls.strict().is_some_and(LegalStatus::is_short_break) {
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
    fn missing_locations_are_reported_except_for_short_breaks() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,PL_LOCATION,PL_DISTANCE\n1,C2,IN,\n2,C2,OUT,\n3,C2,,1.0\n4,V3,,1.0\n\
             5,V4,,1.0\n",
        )]);
        let found = run(&PLACEMENT_LOCATION_IS_MISSING, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2"]);
    }

    #[test]
    fn episodes_without_derived_geography_are_not_checked() {
        let cur = ret(&[("Episodes", "CHILD,LS\n1,C2\n")]);
        assert!(
            run(&PLACEMENT_LOCATION_IS_MISSING, CollectionYear::Y2024_25, &cur, None).is_empty()
        );
    }
}
