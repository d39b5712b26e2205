use super::util::{TEMPORARY, place_in};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in a temporary placement (`PLACE` T0–T4) with a `PLACE_PROVIDER` (any
    /// entry, valid or not).
    ///
    /// ## Why it matters
    /// Temporary placements have no provider of their own: the child returns to the main
    /// placement, whose provider is already recorded.
    ///
    /// ## Example
    /// `PLACE` T1 with `PLACE_PROVIDER` PR1: reported. T1 with a blank provider, or U4 with
    /// PR1: passes.
    pub(crate) PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT,
    code: "213",
    tables: ["Episodes"],
    fields: ["PLACE_PROVIDER"],
    years: Y2022_23..=Y2024_25,
    message: "Placement provider information not required.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if place_in(e, TEMPORARY) && e.place_provider.is_present() {
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
    fn provider_for_a_temporary_placement_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,PLACE_PROVIDER\n1,T1,PR1\n2,T1,\n3,U4,PR1\n4,T4,XX\n5,Z11,PR1\n",
        )]);
        let found =
            run(&PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
