use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child adopted this year (an episode ending `REC` E11 or E12) whose decision to be
    /// placed for adoption was reversed: every PlacedAdoption row of the child has
    /// `DATE_PLACED_CEASED` filled, and there is more than one such row, or more than one
    /// adoption episode. The adoption episodes are reported. A child with any PlacedAdoption
    /// row whose `DATE_PLACED_CEASED` is blank (the current decision) passes, as does a child
    /// with no PlacedAdoption row.
    ///
    /// ## Why it matters
    /// An adopted child's latest decision to be placed for adoption cannot have been
    /// reversed; a reversal date on it contradicts the adoption.
    ///
    /// ## Example
    /// An E12 episode and two PlacedAdoption rows, both with `DATE_PLACED_CEASED`: reported.
    /// With one of them blank it passes; with a single row (one decision, ceased) it also
    /// passes, as in the reference.
    ///
    /// ## Reference behaviour
    /// The count compared with 1 is the number of (adoption episode, PlacedAdoption row)
    /// pairs, as the reference's merge counts them.
    pub(crate) ADOPTED_WITH_REVERSED_ADOPTION_DECISION,
    code: "558",
    tables: ["Episodes", "PlacedAdoption"],
    fields: ["DATE_PLACED_CEASED", "REC"],
    years: Y2022_23..,
    message: "If a child has been adopted, then the decision to place them for adoption has not been disrupted and the date of the decision that a child should no longer be placed for adoption should be left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let adopted = |e: &&carelens_model::Episode| {
        matches!(e.rec.strict(), Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12))
    };
    for (child, decisions) in ctx.placed_adoption().iter() {
        if decisions.iter().any(|p| p.date_placed_ceased.is_blank()) {
            continue;
        }
        let n_adoptions = ctx.episodes().get(child).filter(adopted).count();
        if n_adoptions * decisions.len() > 1 {
            for e in ctx.episodes().get(child).filter(adopted) {
                out.flag(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case.
    #[test]
    fn adoption_after_reversed_decisions_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,REC\n0,x\nA,E11\nB,E12\nC,E11\nD,E12\nE,E11\nF,E12\nG,E11\nH,E11\nI,E12\n",
            ),
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED\nA,\nB,\nC,\nD,01/01/2020\nE,01/01/2020\nF,01/01/2020\nG,15/04/2020\nH,\nD,28th Jan 1930\nE,02/01/1930\nI,01/01/1930\nI,01/01/1930\nI,02/01/1930\nI,\n",
            ),
        ]);
        let rule = &ADOPTED_WITH_REVERSED_ADOPTION_DECISION;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["Episodes:4", "Episodes:5"]);
    }

    #[test]
    fn two_adoption_episodes_count_twice() {
        let cur = ret(&[
            ("Episodes", "CHILD,REC\n1,E11\n1,E12\n"),
            ("PlacedAdoption", "CHILD,DATE_PLACED_CEASED\n1,01/01/2020\n"),
        ]);
        let rule = &ADOPTED_WITH_REVERSED_ADOPTION_DECISION;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["Episodes:0", "Episodes:1"]);
    }
}
