use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with episodes under both short-break legal statuses, V3 and V4, in the same
    /// return. Reports every V3 and V4 episode of that child.
    ///
    /// ## Why it matters
    /// V3 (each break recorded) and V4 (agreements recorded) are two ways of recording the
    /// same respite arrangement; an LA uses one or the other for a child, and mixing them
    /// double-counts the breaks.
    ///
    /// ## Example
    /// A child with one V3 and one V4 episode: both reported. A child with only V4 episodes:
    /// passes.
    pub(crate) SHORT_BREAKS_UNDER_BOTH_V3_AND_V4,
    code: "426",
    tables: ["Episodes"],
    fields: ["LS"],
    years: Y2022_23..,
    message: "A child receiving respite care cannot be recorded under a legal status of V3 and V4 in the same year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes().iter() {
        let has = |ls| eps.iter().any(|e| e.ls.strict() == Some(ls));
        if has(LegalStatus::V3) && has(LegalStatus::V4) {
            for e in eps.iter().filter(|e| e.ls.strict().is_some_and(LegalStatus::is_short_break)) {
                out.flag(*e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn mixed_short_break_statuses_are_reported() {
        let cur = ret(&[("Episodes", "CHILD,LS\n1,V3\n1,V4\n1,C2\n2,V4\n2,V4\n3,V3\n1,V3\n")]);
        let found = run(&SHORT_BREAKS_UNDER_BOTH_V3_AND_V4, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1", "Episodes:6"]);
    }
}
