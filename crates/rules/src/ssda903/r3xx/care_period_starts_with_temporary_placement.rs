use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in a temporary placement (T0–T4) whose `RNE` is not P or B (a change of
    /// placement and carer): a temporary placement can only follow another placement.
    ///
    /// ## Why it matters
    /// A period of care cannot start with a temporary move away from a usual placement that
    /// does not exist yet; the first placement is coded wrongly.
    ///
    /// ## Example
    /// T1 with `RNE` P passes; T1 with `RNE` S, L or blank is reported.
    pub(crate) CARE_PERIOD_STARTS_WITH_TEMPORARY_PLACEMENT,
    code: "380",
    tables: ["Episodes"],
    fields: ["PLACE", "RNE"],
    years: Y2022_23..,
    message: "A period of care cannot start with a temporary placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let temporary = e.place.strict().is_some_and(|p| p.is_temporary());
        let moved = matches!(e.rne.strict(), Some(ReasonNewEpisode::P | ReasonNewEpisode::B));
        if temporary && !moved {
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
    fn temporary_placement_not_following_a_move_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,RNE\n1,T1,P\n2,T2,B\n3,T0,S\n4,T4,\n5,U4,S\n6,T3,L\n",
        )]);
        let found =
            run(&CARE_PERIOD_STARTS_WITH_TEMPORARY_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:3", "Episodes:5"]);
    }
}
