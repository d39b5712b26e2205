use carelens_model::codes::{PreviousPermanence, ReasonNewEpisode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode starting a period of care (`RNE` S) on or after 1 April of the collection
    /// year, for a child with no PrevPerm row, or whose PrevPerm row has `PREV_PERM` blank, or
    /// has a `PREV_PERM` other than Z1 with `LA_PERM` or `DATE_PERM` blank.
    ///
    /// ## Why it matters
    /// Previous permanence (adoption, special guardianship, child arrangements order before
    /// care) is collected for every child starting care; it measures how often permanence
    /// breaks down.
    ///
    /// ## Example
    /// An episode with `RNE` S on 01/06/2024 and a PrevPerm row `P1`, `LA_PERM` 352, `DATE_PERM`
    /// blank: reported. `PREV_PERM` Z1 with both blank passes.
    pub(crate) PREVIOUS_PERMANENCE_MISSING_FOR_NEW_ENTRANT,
    code: "630",
    tables: ["Episodes", "PrevPerm"],
    fields: ["RNE"],
    years: Y2022_23..,
    message: "Information on previous permanence option should be returned.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.prev_perm.if_supplied())
    else {
        return;
    };
    let prev_perm = ctx.prev_perm();
    for e in episodes {
        let starts = e.rne.strict() == Some(ReasonNewEpisode::S)
            && e.decom.strict().is_some_and(|d| d >= ctx.start());
        let Some(child) = e.child.value().filter(|_| starts) else { continue };
        let mut rows = prev_perm.get(child.as_str()).peekable();
        let missing = rows.peek().is_none()
            || rows.any(|p| {
                p.prev_perm.is_blank()
                    || (p.prev_perm.strict() != Some(PreviousPermanence::Z1)
                        && (p.la_perm.is_blank() || p.date_perm.is_blank()))
            });
        if missing {
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
    fn new_entrant_without_previous_permanence_is_reported() {
        // The reference's own test (2021/22).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,RNE\n0,01/04/2021,T\n1,01/04/2021,S\n2,01/04/2021,S\n3,01/04/2021,P\n\
                 4,31/03/2021,S\n5,01/04/2021,S\n6,01/04/2021,S\n7,01/04/2021,S\n8,01/04/2021,S\n",
            ),
            (
                "PrevPerm",
                "CHILD,PREV_PERM,LA_PERM,DATE_PERM\n2,Z1,,\n4,P1,352,\n5,P1,,01/05/2000\n6,Z1,,\n\
                 7,,,\n8,P1,352,05/05/2020\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2022).unwrap();
        let found = run(&PREVIOUS_PERMANENCE_MISSING_FOR_NEW_ENTRANT, year, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:5", "Episodes:7"]);
    }
}
