use carelens_model::codes::{LegalStatus, ReasonNewEpisode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode of short-break care (`LS` V3) whose `RNE` is not S: each short break must be
    /// recorded as one episode of its own.
    ///
    /// ## Why it matters
    /// Under V3 every break is a separate period of care; a change of placement or legal
    /// status within one is not possible and signals wrong coding.
    ///
    /// ## Example
    /// V3 with `RNE` S passes; V3 with `RNE` P (or blank) is reported.
    pub(crate) RESPITE_BREAK_CHANGES_PLACEMENT,
    code: "366",
    tables: ["Episodes"],
    fields: ["RNE"],
    years: Y2022_23..,
    message: "A child cannot change placement during the course of an individual short-term respite break.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict() == Some(LegalStatus::V3) && e.rne.strict() != Some(ReasonNewEpisode::S) {
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
    fn short_breaks_not_starting_care_are_reported() {
        let cur =
            ret(&[("Episodes", "CHILD,LS,RNE\n1,V3,S\n2,V3,P\n3,V3,\n4,V4,P\n5,C2,P\n6,v3,s\n")]);
        let found = run(&RESPITE_BREAK_CHANGES_PLACEMENT, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:2"]);
    }
}
