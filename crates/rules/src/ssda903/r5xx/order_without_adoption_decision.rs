//! The check shared by 553 (placement orders, `LS` E1) and 555 (freeing orders, `LS` D1).

use carelens_model::codes::LegalStatus;

use super::util::child_of;
use crate::context::Ctx;
use crate::finding::Out;

/// Reports each episode under `order` whose child has no PlacedAdoption row, and, for each
/// child with an open episode under `order` (`DEC` blank), the child's PlacedAdoption rows with
/// `DATE_PLACED_CEASED` or `REASON_PLACED_CEASED` filled (any text counts).
pub(super) fn report_order_without_decision(ctx: &Ctx<'_>, out: &mut Out<'_>, order: LegalStatus) {
    let (Some(eps), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.placed_adoption.if_supplied())
    else {
        return;
    };
    let pa = ctx.placed_adoption();
    // Children with an open episode under the order, each once, in file order.
    let mut open: Vec<&str> = Vec::new();
    for e in eps {
        if e.ls.strict() != Some(order) {
            continue;
        }
        let Some(child) = child_of(e) else { continue };
        if !pa.contains(child) {
            out.flag(e);
        } else if e.dec.is_blank() {
            open.push(child);
        }
    }
    open.sort_unstable();
    open.dedup();
    for child in open {
        for p in pa.get(child) {
            if p.date_placed_ceased.is_present() || p.reason_placed_ceased.is_present() {
                out.flag(p);
            }
        }
    }
}
