use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode of short-break care (`LS` V3 or V4) in a temporary placement (T0–T4).
    ///
    /// ## Why it matters
    /// A short break is itself the placement; there is no usual placement to be temporarily
    /// away from.
    ///
    /// ## Example
    /// V3 in T1 is reported; V3 in U6 is not.
    pub(crate) RESPITE_CARE_IN_TEMPORARY_PLACEMENT,
    code: "382",
    tables: ["Episodes"],
    fields: ["LS", "PLACE"],
    years: Y2022_23..,
    message: "A child receiving respite care cannot be in a temporary placement.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict().is_some_and(|ls| ls.is_short_break())
            && e.place.strict().is_some_and(|p| p.is_temporary())
        {
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
    fn short_breaks_in_temporary_placements_are_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,LS,PLACE\n1,V3,T1\n2,V4,T4\n3,V3,U6\n4,C2,T1\n5,V4,\n")]);
        let found = run(&RESPITE_CARE_IN_TEMPORARY_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1"]);
    }
}
