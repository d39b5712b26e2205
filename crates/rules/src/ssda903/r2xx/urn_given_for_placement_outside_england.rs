use super::util::placed_outside_england;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a `URN` (any entry, including `XXXXXXX`) whose placement is outside
    /// England: derived `PL_LA` NIR, SCO, WAL or NUK (the DfE also lists CON, which carelens
    /// does not derive).
    ///
    /// ## Why it matters
    /// Ofsted registers settings in England only; a placement in Wales, Scotland, Northern
    /// Ireland or abroad cannot have an Ofsted URN.
    ///
    /// ## Example
    /// A placement in Wales with URN SC123456: reported. In Wales with no URN, or in an English
    /// LA with a URN: passes.
    pub(crate) URN_GIVEN_FOR_PLACEMENT_OUTSIDE_ENGLAND,
    code: "243",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2025_26..,
    message: "Only placements with providers registered with Ofsted should have a URN reported.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if placed_outside_england(e) && e.urn.is_present() {
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
    fn urn_for_a_placement_outside_england_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,URN,PL_LA\n1,SC123456,WAL\n2,,WAL\n3,SC123456,316\n4,XXXXXXX,SCO\n5,SC123456,\n",
        )]);
        let found =
            run(&URN_GIVEN_FOR_PLACEMENT_OUTSIDE_ENGLAND, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
