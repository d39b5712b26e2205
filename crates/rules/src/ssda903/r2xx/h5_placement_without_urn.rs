use carelens_model::Date;
use carelens_model::codes::PlacementType;

use super::util::{place_in, placed_in_england_la};
use crate::cells::is_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in semi-independent accommodation (`PLACE` H5) in an English LA, open on or
    /// after 29 October 2023 (`DEC` blank, unreadable, or on or after that date), whose `URN`
    /// is blank or `XXXXXXX`.
    ///
    /// ## Why it matters
    /// From 28 October 2023 supported accommodation for children looked after must be
    /// registered with Ofsted (Supported Accommodation (England) Regulations 2023), so every
    /// such placement has an Ofsted URN.
    ///
    /// ## Example
    /// H5 in an English LA, still open, no URN: reported. H5 ending 28/10/2023, or in Wales, or
    /// with URN SC123456: passes.
    ///
    /// ## Reference behaviour
    /// As the reference, which treats a missing `PL_LA` as outside England (a missing value
    /// reads as "nan", which starts with N).
    pub(crate) H5_PLACEMENT_WITHOUT_URN,
    code: "230",
    tables: ["Episodes"],
    fields: ["PLACE", "DEC", "URN"],
    years: Y2023_24..=Y2023_24,
    message: "Ofsted Unique reference number (URN) is required for any English H5 placements from 28 October 2023.",
}

/// The first day registration was required.
const FROM: Date = Date::constant(2023, 10, 29);

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        let open = e.dec.strict().is_none_or(|d| d >= FROM);
        let no_urn = e.urn.is_blank() || is_text(&e.urn, "XXXXXXX");
        if place_in(e, &[PlacementType::H5]) && open && no_urn && placed_in_england_la(e) {
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
    fn english_h5_without_urn_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,DEC,URN,PL_LA\n1,H5,,,316\n2,H5,28/10/2023,,316\n3,H5,,XXXXXXX,316\n\
             4,H5,,,WAL\n5,H5,,SC123456,316\n6,H5,29/10/2023,,316\n7,H5,,,\n",
        )]);
        let found = run(&H5_PLACEMENT_WITHOUT_URN, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:5"]);
    }
}
