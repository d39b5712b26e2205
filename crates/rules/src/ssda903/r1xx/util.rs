//! Helpers shared by rules 100–199.

use carelens_model::codes::PlacementType;
use carelens_model::{ChildId, Field};

use crate::context::Ctx;
use crate::finding::Out;

/// The reference's `CONTINUOUSLY_LOOKED_AFTER` for a row's `CHILD`: false for a blank `CHILD`
/// or a child with no episodes.
pub(super) fn looked_after_12_months(ctx: &Ctx<'_>, child: &Field<ChildId>) -> bool {
    child.value().is_some_and(|c| ctx.continuously_looked_after(c.as_str()))
}

/// Rule 146, whose versions differ only in the list of valid placement types: flags each
/// episode whose `PLACE` is given but is not one of `valid` (read strictly, as the reference's
/// `isin` on upper-cased text reads it).
pub(super) fn flag_place_not_in(ctx: &Ctx<'_>, out: &mut Out<'_>, valid: &[PlacementType]) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.place.is_present() && !e.place.strict().is_some_and(|p| valid.contains(&p)) {
            out.flag(e);
        }
    }
}
