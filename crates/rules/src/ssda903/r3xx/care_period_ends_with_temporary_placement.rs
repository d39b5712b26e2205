use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in a temporary placement (T0–T4) that ends with a `REC` other than X1: the
    /// child left care from a temporary placement.
    ///
    /// ## Why it matters
    /// A temporary placement is an absence from the usual placement; care ends from the usual
    /// placement, so one of the codes is wrong.
    ///
    /// ## Example
    /// T1 ending with `REC` X1, or still open, passes; T1 ending with E4A is reported.
    pub(crate) CARE_PERIOD_ENDS_WITH_TEMPORARY_PLACEMENT,
    code: "381",
    tables: ["Episodes"],
    fields: ["PLACE", "REC"],
    years: Y2022_23..,
    message: "A period of care cannot end with a temporary placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let temporary = e.place.strict().is_some_and(|p| p.is_temporary());
        // Any REC text but X1 counts, even an unreadable one.
        if temporary && e.rec.is_present() && e.rec.strict() != Some(ReasonEpisodeCeased::X1) {
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
    fn care_ending_from_a_temporary_placement_is_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,PLACE,REC\n1,T1,X1\n2,T1,\n3,T2,E4A\n4,T4,zz\n5,U4,E4A\n")]);
        let found =
            run(&CARE_PERIOD_ENDS_WITH_TEMPORARY_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:3"]);
    }
}
