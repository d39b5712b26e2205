use carelens_model::Date;
use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode under legal status D1 (freeing order granted) that started after 31
    /// December 2005.
    ///
    /// ## Why it matters
    /// Freeing orders were replaced by placement orders (E1) when the Adoption and Children Act
    /// 2002 came into force on 30 December 2005; no new freeing order can apply to a later
    /// episode.
    ///
    /// ## Example
    /// `LS` D1 with `DECOM` 01/01/2006: reported. D1 starting 31/12/2005, or E1 starting in
    /// 2006: passes.
    pub(crate) FREEING_ORDER_STATUS_AFTER_2005,
    code: "445",
    tables: ["Episodes"],
    fields: ["LS", "DECOM"],
    years: Y2022_23..=Y2023_24,
    message: "D1 is not a valid code for episodes starting after December 2005.",
}

/// The last day a D1 episode could start.
const LAST_DAY: Date = Date::constant(2005, 12, 31);

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict() == Some(LegalStatus::D1) && e.decom.strict().is_some_and(|d| d > LAST_DAY)
        {
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
    fn freeing_order_after_2005_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,LS\n1,01/01/2006,D1\n2,31/12/2005,D1\n3,01/01/2006,E1\n4,,D1\n",
        )]);
        let found = run(&FREEING_ORDER_STATUS_AFTER_2005, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:0"]);
    }
}
