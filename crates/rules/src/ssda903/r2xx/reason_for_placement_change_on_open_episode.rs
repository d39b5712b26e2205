use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with no date ceased (`DEC` blank) that has a `REASON_PLACE_CHANGE`.
    ///
    /// ## Why it matters
    /// The reason for a placement change is recorded on the episode that ends when the
    /// placement changes; an open episode has not ended, so it cannot have one.
    ///
    /// ## Example
    /// Open episode with `REASON_PLACE_CHANGE` CARPL: reported. The same episode ending
    /// 01/06/2025, or open with no reason: passes.
    ///
    /// ## Reference behaviour
    /// The reference reads a column `DATE_EPISODE_CEASED` that does not exist (the DfE's name
    /// for `DEC`), so the rule fails on every return. carelens checks `DEC`, as the DfE's
    /// condition says (docs/disagreements.md).
    pub(crate) REASON_FOR_PLACEMENT_CHANGE_ON_OPEN_EPISODE,
    code: "233",
    tables: ["Episodes"],
    fields: ["REASON_PLACE_CHANGE", "REASON_PLACE_CHANGE"],
    years: Y2025_26..,
    message: "Reason for placement change is not required when the episode has not ceased.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.dec.is_blank() && e.reason_place_change.is_present() {
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
    fn reason_on_an_open_episode_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DEC,REASON_PLACE_CHANGE\n1,,CARPL\n2,01/06/2025,CARPL\n3,,\n4,,XYZ\n",
        )]);
        let found =
            run(&REASON_FOR_PLACEMENT_CHANGE_ON_OPEN_EPISODE, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
