use carelens_model::Date;
use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode under legal status E1 (placement order granted) that started before 1
    /// December 2005.
    ///
    /// ## Why it matters
    /// Placement orders only exist from the Adoption and Children Act 2002's commencement at
    /// the end of December 2005; an earlier E1 episode has the wrong status or start date.
    ///
    /// ## Example
    /// `LS` E1 with `DECOM` 30/11/2005: reported. E1 starting 01/12/2005: passes.
    pub(crate) PLACEMENT_ORDER_STATUS_BEFORE_DECEMBER_2005,
    code: "446",
    tables: ["Episodes"],
    fields: ["LS", "DECOM"],
    years: Y2022_23..,
    message: "E1 is not a valid code for episodes starting before December 2005.",
}

/// The first day an E1 episode may start.
const FIRST_DAY: Date = Date::constant(2005, 12, 1);

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict() == Some(LegalStatus::E1) && e.decom.strict().is_some_and(|d| d < FIRST_DAY)
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
    fn placement_order_before_december_2005_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,LS\n1,30/11/2005,E1\n2,01/12/2005,E1\n3,30/11/2005,D1\n4,,E1\n",
        )]);
        let found =
            run(&PLACEMENT_ORDER_STATUS_BEFORE_DECEMBER_2005, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0"]);
    }
}
