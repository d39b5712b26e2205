use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_long_status_spells;

declare_rule! {
    /// ## What it checks
    /// A spell of police protection (`LS` L1) lasting more than 3 days: consecutive L1
    /// episodes of a child, each starting on the day the previous one ended, from the first
    /// `DECOM` to the last `DEC` (an open episode counts to 31 March). Every episode of the
    /// spell is reported.
    ///
    /// ## Why it matters
    /// Police protection lasts at most 72 hours under the Children Act 1989; a longer spell
    /// means the legal status was not updated when an order was made.
    ///
    /// ## Example
    /// L1 from 06/06/2024 to 10/06/2024 (4 days) is reported; L1 from 08/09/2024 to
    /// 10/09/2024 is not.
    ///
    /// ## Reference behaviour
    /// The reference joins an L1 episode to the previous L1 episode whenever that one ran on
    /// into *any* next episode, so two police protection spells separated by other legal
    /// statuses count as one long spell. carelens joins only L1 episodes that follow each
    /// other directly. See `docs/disagreements.md`.
    pub(crate) POLICE_PROTECTION_OVER_72_HOURS,
    code: "361",
    tables: ["Episodes"],
    fields: ["DECOM", "LS", "DEC"],
    years: Y2022_23..,
    message: "Police protection legal status lasted longer than maximum 72 hours allowed in the Children Act 1989.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_long_status_spells(ctx, out, LegalStatus::L1, 3);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn police_protection_over_three_days_is_reported() {
        // The reference's own cases (year ending 31/03/2021).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n111,01/06/2020,04/06/2020,L1\n111,04/06/2020,05/06/2020,L1\n\
             111,06/07/2020,07/07/2020,E2\n111,08/09/2020,10/09/2020,L1\n\
             111,09/10/2020,12/11/2020,E3\n333,06/06/2020,10/06/2020,L1\n\
             333,10/06/2020,12/10/2020,L1\n444,07/06/2020,08/07/2020,L1\n\
             444,08/08/2020,09/08/2020,E4\n444,09/08/2020,15/08/2020,L1\n444,15/08/2020,,L1\n\
             555,15/03/2021,,L1\n",
        )]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&POLICE_PROTECTION_OVER_72_HOURS, year, &cur, None);
        assert_eq!(
            found,
            [
                "Episodes:0",
                "Episodes:1",
                "Episodes:5",
                "Episodes:6",
                "Episodes:7",
                "Episodes:9",
                "Episodes:10",
                "Episodes:11"
            ]
        );
    }

    #[test]
    fn spells_separated_by_another_status_are_measured_apart() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n1,01/06/2024,02/06/2024,L1\n1,02/06/2024,01/07/2024,C1\n\
             1,01/07/2024,02/07/2024,L1\n",
        )]);
        let found = run(&POLICE_PROTECTION_OVER_72_HOURS, CollectionYear::Y2024_25, &cur, None);
        assert!(found.is_empty());
    }
}
