use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode under a short-break legal status (`LS` V3 or V4) with a placement LA
    /// (`PL_LA`, derived from the placement postcode).
    ///
    /// ## Why it matters
    /// Placement location is not collected for short breaks; a placement postcode on them
    /// adds the breaks to the placement location statistics, which exclude them.
    ///
    /// ## Example
    /// `LS` V4 with a placement postcode in Newham: reported. V4 with no placement postcode,
    /// or C2 with one: passes.
    pub(crate) PLACEMENT_LA_GIVEN_FOR_SHORT_BREAK,
    code: "420",
    tables: ["Episodes"],
    fields: ["PL_LA"],
    years: Y2022_23..,
    message: "LA of placement completed but child is looked after under legal status V3 or V4.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let short_break = e.ls.strict().is_some_and(LegalStatus::is_short_break);
        if short_break && e.geo.is_some_and(|g| g.pl_la.is_some()) {
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
    fn placement_la_on_a_short_break_is_reported() {
        let cur = ret(&[("Episodes", "CHILD,LS,PL_LA\n1,V4,316\n2,V4,\n3,C2,316\n4,V3,WAL\n")]);
        let found = run(&PLACEMENT_LA_GIVEN_FOR_SHORT_BREAK, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
