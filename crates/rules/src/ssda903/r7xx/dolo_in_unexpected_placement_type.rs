use carelens_model::codes::PlacementType;

use super::dolo_in_prohibited_placement::flag_overlaps;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A DoLO with both a `DOLO_START` and a `DOLO_END` that overlaps an episode of the same
    /// child (the order starts on or before the episode's `DEC`, or the episode is open, and
    /// ends on or after its `DECOM`) whose `PLACE` is not K2 (children's home), Z12 or Z13. The
    /// DoLO and the episode are reported.
    ///
    /// ## Why it matters
    /// A deprivation of liberty order is expected only in the placements that can lawfully
    /// restrict a child's liberty under one; any other placement needs checking.
    ///
    /// ## Example
    /// A DoLO 02/01/2027–03/01/2027 and an episode 01/01/2027–04/01/2027 in `PLACE` U4: both are
    /// reported. In K2 neither is; an episode ending 01/01/2027 does not overlap.
    ///
    /// ## Reference behaviour
    /// The reference reads a column `PLACEMENT` that Episodes does not have, so it always fails
    /// and reports nothing. carelens checks `PLACE`, as the DfE rule intends (see
    /// `docs/disagreements.md`), and reads dates strictly as `dd/mm/yyyy` (the
    /// reference would have guessed other forms).
    pub(crate) DOLO_IN_UNEXPECTED_PLACEMENT_TYPE,
    code: "709",
    tables: ["DoLo", "Episodes"],
    fields: ["DOLO_START", "PLACEMENT"],
    years: Y2026_27..,
    message: "Child with a DoLO is in an unexpected placement type.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_overlaps(ctx, out, |place| {
        !matches!(place, Some(PlacementType::K2 | PlacementType::Z12 | PlacementType::Z13))
    });
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn overlapping_episode_in_other_placements_is_reported() {
        // The reference's own test (with PLACE for its PLACEMENT): DoLOs 0–3 overlap episode 0.
        let cur = ret(&[
            (
                "DoLo",
                "CHILD,DOLO_START,DOLO_END\n1,02/01/2000,03/01/2000\n1,02/01/2000,05/01/2000\n\
                 1,31/01/1999,03/01/2000\n1,31/01/1999,05/01/2000\n1,25/12/1999,31/12/1999\n\
                 1,06/01/2000,07/01/2000\n1,02/01/2000,\n1,,07/01/2000\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,PLACE\n1,01/01/2000,04/01/2000,P\n1,01/01/2000,04/01/2000,K2\n\
                 2,01/01/2000,03/01/2000,P\n1,05/01/2000,,Z13\n",
            ),
        ]);
        let found = run(&DOLO_IN_UNEXPECTED_PLACEMENT_TYPE, CollectionYear::Y2026_27, &cur, None);
        assert_eq!(found, ["Episodes:0", "DoLo:0", "DoLo:1", "DoLo:2", "DoLo:3"]);
    }
}
