use carelens_model::Date;
use carelens_model::codes::{PlacementType, ReasonNewEpisode};

use super::util::place_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode starting on or after 1 April 2015 in a placement for adoption with the
    /// child's current foster carers (`PLACE` A3 or A5) whose reason for new episode (`RNE`)
    /// is not S, T or U.
    ///
    /// ## Why it matters
    /// When foster carers become the prospective adopters the child stays with the same
    /// carers, so the new episode is a change of placement with the same carer (T or U) or a
    /// new period of care (S), never a change of carer.
    ///
    /// ## Example
    /// `PLACE` A5, `DECOM` 01/06/2024, `RNE` P: reported. `RNE` T: passes. `DECOM` 01/06/2014:
    /// not checked.
    pub(crate) ADOPTION_WITH_FOSTER_CARER_HAS_WRONG_RNE,
    code: "217",
    tables: ["Episodes"],
    fields: ["PLACE", "DECOM", "RNE"],
    years: Y2022_23..,
    message: "Children who are placed for adoption with current foster carers (placement types A3 or A5) must have a reason for new episode of S, T or U.",
}

/// Placements for adoption with foster carers are checked from 1 April 2015.
const FROM: Date = Date::constant(2015, 4, 1);

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        use ReasonNewEpisode::*;
        let with_carers = place_in(e, &[PlacementType::A3, PlacementType::A5]);
        let started = e.decom.strict().is_some_and(|d| d >= FROM);
        let rne_ok = matches!(e.rne.strict(), Some(S | T | U));
        if with_carers && started && !rne_ok {
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
    fn adoption_by_foster_carers_with_a_carer_change_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,PLACE\n1,01/06/2024,P,A5\n2,01/06/2024,T,A5\n3,01/06/2014,P,A3\n\
             4,01/04/2015,,A3\n5,01/06/2024,P,A4\n6,2024-06-01,P,A5\n",
        )]);
        let found =
            run(&ADOPTION_WITH_FOSTER_CARER_HAS_WRONG_RNE, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
