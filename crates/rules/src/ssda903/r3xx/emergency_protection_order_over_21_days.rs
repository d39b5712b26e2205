use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_long_status_spells;

declare_rule! {
    /// ## What it checks
    /// A spell under an emergency protection order (`LS` L2) lasting more than 21 days:
    /// consecutive L2 episodes of a child, each starting on the day the previous one ended,
    /// from the first `DECOM` to the last `DEC` (an open episode counts to 31 March). Every
    /// episode of the spell is reported.
    ///
    /// ## Why it matters
    /// An EPO lasts at most 8 days, extendable once by 7; a longer spell means the legal status
    /// was not updated when the next order was made.
    ///
    /// ## Example
    /// L2 from 01/06/2024 to 23/06/2024 (22 days) is reported; to 22/06/2024 it is not.
    ///
    /// ## Reference behaviour
    /// As for rule 361, the reference joins L2 spells separated by other legal statuses;
    /// carelens joins only L2 episodes that follow each other directly. See
    /// `docs/disagreements.md`.
    pub(crate) EMERGENCY_PROTECTION_ORDER_OVER_21_DAYS,
    code: "362",
    tables: ["Episodes"],
    fields: ["DECOM", "LS", "DEC"],
    years: Y2022_23..,
    message: "Emergency protection order (EPO) lasted longer than 21 days",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_long_status_spells(ctx, out, LegalStatus::L2, 21);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn emergency_protection_over_21_days_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n1,01/06/2024,23/06/2024,L2\n2,01/06/2024,22/06/2024,L2\n\
             3,01/06/2024,10/06/2024,L2\n3,10/06/2024,30/06/2024,L2\n4,15/03/2025,,L2\n\
             5,01/01/2025,,L2\n6,01/06/2024,xx,L2\n",
        )]);
        let found =
            run(&EMERGENCY_PROTECTION_ORDER_OVER_21_DAYS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:3", "Episodes:5", "Episodes:6"]);
    }
}
