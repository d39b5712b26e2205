use carelens_model::codes::ReasonNewEpisode;

use crate::cells::{equal_text, same_text};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with reason for new episode L (change of legal status only) whose legal
    /// status is the same as the child's previous episode (by `DECOM`), or whose placement
    /// differs from it: a different `PLACE`, `PL_POST`, `URN` or `PLACE_PROVIDER` (compared as
    /// written, ignoring case; two blanks agree).
    ///
    /// ## Why it matters
    /// `RNE` L says only the legal status changed; the episode data has to show exactly that,
    /// or the placement-move counts are wrong.
    ///
    /// ## Example
    /// Previous episode C1 in U4, this one L with C2 in U4: passes. L with C1 again, or C2 in
    /// U6: reported.
    ///
    /// ## Reference behaviour
    /// As the reference: two blank legal statuses do not count as the same.
    pub(crate) LEGAL_STATUS_CHANGE_NOT_REFLECTED,
    code: "434",
    tables: ["Episodes"],
    fields: ["RNE", "LS", "PLACE", "PL_POST", "URN", "PLACE_PROVIDER"],
    years: Y2022_23..,
    message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes_by_decom().iter() {
        for pair in eps.windows(2) {
            let [prev, e] = pair else { continue };
            if e.rne.strict() != Some(ReasonNewEpisode::L) {
                continue;
            }
            let same_status = equal_text(&e.ls, &prev.ls);
            let placement_changed = !same_text(&e.place, &prev.place)
                || !same_text(&e.pl_post, &prev.pl_post)
                || !same_text(&e.urn, &prev.urn)
                || !same_text(&e.place_provider, &prev.place_provider);
            if same_status || placement_changed {
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
    fn legal_status_change_that_is_not_one_is_reported() {
        // The reference's own cases (rule_434.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE,LS,PL_POST,URN,PLACE,PLACE_PROVIDER\n\
             111,01/01/2020,L,--,ooo,---,---,---\n111,01/02/2020,P,--,ooo,---,---,---\n\
             111,01/12/2020,L,--,ooo,---,---,---\n111,01/03/2020,P,--,ooo,---,---,---\n\
             222,01/01/2020,L,--,---,---,---,---\n222,01/02/2020,L,xx,---,---,---,---\n\
             222,01/03/2020,L,oo,---,xxx,---,---\n222,01/04/2020,L,oo,xxx,xxx,---,---\n\
             333,01/03/2020,P,C1,---,,---,---\n333,01/04/2020,L,C2,---,,---,---\n",
        )]);
        let found = run(&LEGAL_STATUS_CHANGE_NOT_REFLECTED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:2", "Episodes:6", "Episodes:7"]);
    }
}
