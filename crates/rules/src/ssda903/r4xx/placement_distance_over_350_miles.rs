use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose placement distance from home (`PL_DISTANCE`, derived from the home
    /// and placement postcodes) is over 350 miles; 999.9, the DfE's "not computable", is
    /// not reported.
    ///
    /// ## Why it matters
    /// No two places in England are 350 miles apart by the DfE's straight-line measure, so a
    /// longer distance means a postcode is wrong, or the child is placed outside England or
    /// was formerly UASC.
    ///
    /// ## Example
    /// Home in Cornwall, placement in Shetland: reported. 120 miles: passes.
    ///
    /// ## Known false positives
    /// Children formerly UASC not flagged in the returns given, as the message warns.
    pub(crate) PLACEMENT_DISTANCE_OVER_350_MILES,
    code: "454",
    tables: ["Episodes"],
    fields: ["PL_DISTANCE"],
    years: Y2025_26..,
    message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let distance = e.geo.and_then(|g| g.pl_distance);
        // 999.9 is the DfE's exact "not computable" marker, compared exactly as the reference does.
        let over = distance.is_some_and(|d| d > 350.0 && d != 999.9);
        if over {
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
    fn distance_over_350_miles_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PL_DISTANCE\n1,350.1\n2,350.0\n3,999.9\n4,\n5,120.4\n6,612.0\n",
        )]);
        let found = run(&PLACEMENT_DISTANCE_OVER_350_MILES, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:5"]);
    }
}
