use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLO with both a `DOLO_START` and a `DOLO_END` that overlaps an episode of the same
    /// child (the order starts on or before the episode's `DEC`, or the episode is open, and
    /// ends on or after its `DECOM`) whose `PLACE` is K1 (secure children's home), P1 (with
    /// parents), R5 (young offender institution) or K3 (supported accommodation). The DoLO and
    /// the episode are reported.
    ///
    /// ## Why it matters
    /// A deprivation of liberty order is the route for restricting liberty outside the secure
    /// estate; it cannot apply in a secure placement, nor where the placement cannot restrict
    /// liberty lawfully.
    ///
    /// ## Example
    /// A DoLO 02/01/2027–03/01/2027 and an episode 01/01/2027–04/01/2027 in `PLACE` P1: both are
    /// reported. In K2 neither is.
    ///
    /// ## Reference behaviour
    /// The reference reads a column `PLACEMENT` that Episodes does not have, so it always fails
    /// and reports nothing. carelens checks `PLACE`, as the DfE rule intends (see
    /// `docs/disagreements.md`), and reads dates strictly as `dd/mm/yyyy`.
    pub(crate) DOLO_IN_PROHIBITED_PLACEMENT,
    code: "710",
    tables: ["DoLo", "Episodes"],
    fields: ["DOLO_START", "PLACEMENT"],
    years: Y2026_27..,
    message: "Child with a DoLO can not be placed in secure children's homes, with parents, young offender institutions, or supported accommodation.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_overlaps(ctx, out, |place| {
        matches!(
            place,
            Some(PlacementType::K1 | PlacementType::P1 | PlacementType::R5 | PlacementType::K3)
        )
    });
}

/// Flags each DoLO with a start and an end, and each episode of the child it overlaps, whose
/// `PLACE` (as read strictly) is `wrong` (709 and 710).
pub(super) fn flag_overlaps(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    wrong: impl Fn(Option<PlacementType>) -> bool,
) {
    let (Some(_), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.dolo.if_supplied())
    else {
        return;
    };
    for (child, orders) in ctx.dolo().iter() {
        for d in orders {
            let (Some(start), Some(end)) = (d.dolo_start.strict(), d.dolo_end.strict()) else {
                continue;
            };
            let mut any = false;
            for e in ctx.episodes().get(child) {
                let overlaps = e.decom.strict().is_some_and(|decom| end >= decom)
                    && e.dec.strict().is_none_or(|dec| start <= dec);
                if overlaps && wrong(e.place.strict()) {
                    out.flag(e);
                    any = true;
                }
            }
            if any {
                out.flag(d);
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
    fn overlapping_episode_in_prohibited_placement_is_reported() {
        // The reference's own test (with PLACE for its PLACEMENT).
        let cur = ret(&[
            (
                "DoLo",
                "CHILD,DOLO_START,DOLO_END\n1,02/01/2000,03/01/2000\n1,02/01/2000,05/01/2000\n\
                 1,31/01/1999,03/01/2000\n1,31/01/1999,05/01/2000\n1,25/12/1999,31/12/1999\n\
                 1,06/01/2000,07/01/2000\n1,02/01/2000,\n1,,07/01/2000\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,PLACE\n1,01/01/2000,04/01/2000,P1\n1,01/01/2000,04/01/2000,K2\n\
                 2,01/01/2000,03/01/2000,P\n",
            ),
        ]);
        let found = run(&DOLO_IN_PROHIBITED_PLACEMENT, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["Episodes:0", "DoLo:0", "DoLo:1", "DoLo:2", "DoLo:3"]);
    }
}
