//! The comparison behind 503A–503J (the reference's `field_different_from_previous`): a
//! child's first episode this year against the episode still open at the end of last year.

use carelens_model::codes::PlacementType;
use carelens_model::{CollectionYear, Episode};

use crate::cells::same_text;
use crate::context::Ctx;
use crate::finding::Out;
use crate::order::{first_by_decom, last_by_decom};

/// Flags each child's first episode this year (earliest `DECOM`) when the child's latest
/// episode last year (latest `DECOM`) has no readable `DEC` and `changed(first, open)` holds.
///
/// Ties on `DECOM` go to the first row in file order, as pandas' `idxmin` / `idxmax` pick them.
/// A child none of whose episodes has a readable `DECOM` (this year or last) has no first (or
/// last) episode and is skipped; the reference fails outright on such a child (see
/// `docs/disagreements.md`).
pub(super) fn report_changes(
    ctx: &Ctx<'_>,
    out: &mut Out<'_>,
    changed: impl Fn(&Episode, &Episode) -> bool,
) {
    let Some(last) = ctx.last else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || last.tables.episodes.if_supplied().is_none()
    {
        return;
    }
    for (child, prev_eps) in ctx.episodes_last().iter() {
        let Some(open) = last_by_decom(prev_eps.iter().copied()) else { continue };
        if open.dec.strict().is_some() {
            continue;
        }
        let Some(first) = first_by_decom(ctx.episodes().get(child)) else { continue };
        if changed(first, open) {
            out.flag(first);
        }
    }
}

/// Whether `PLACE` changed, allowing the recoding the DfE introduced that year: H5 to K3 in
/// 2023/24 and 2024/25 (supported accommodation), Z1 to Z11–Z14 in 2025/26.
pub(super) fn placement_type_changed(
    year: CollectionYear,
    first: &Episode,
    open: &Episode,
) -> bool {
    use PlacementType::*;
    if same_text(&first.place, &open.place) {
        return false;
    }
    let recoded = match (open.place.strict(), first.place.strict()) {
        (Some(H5), Some(K3)) => {
            year == CollectionYear::Y2023_24 || year == CollectionYear::Y2024_25
        }
        (Some(Z1), Some(Z11 | Z12 | Z13 | Z14)) => year == CollectionYear::Y2025_26,
        _ => false,
    };
    !recoded
}
