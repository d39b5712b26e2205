use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An open episode (`DEC` and `REC` both blank) under legal status D1 (freeing order
    /// granted).
    ///
    /// ## Why it matters
    /// No freeing order has been made since 30 December 2005, so a child still looked after
    /// under one has been in care for nearly two decades; the status is almost certainly out
    /// of date.
    ///
    /// ## Example
    /// Open episode with `LS` D1: reported. A D1 episode that has ended, or an open E1 episode:
    /// passes.
    pub(crate) FREEING_ORDER_STILL_OPEN,
    code: "451",
    tables: ["Episodes"],
    fields: ["DEC", "REC", "LS"],
    years: Y2022_23..=Y2023_24,
    message: "Child is still freed for adoption, but freeing orders could not be applied for since 30 December 2005.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.dec.is_blank() && e.rec.is_blank() && e.ls.strict() == Some(LegalStatus::D1) {
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
    fn open_freeing_order_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,DEC,REC\n1,D1,,\n2,D1,01/05/2022,E11\n3,E1,,\n4,D1,01/05/2022,\n",
        )]);
        let found = run(&FREEING_ORDER_STILL_OPEN, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:0"]);
    }
}
