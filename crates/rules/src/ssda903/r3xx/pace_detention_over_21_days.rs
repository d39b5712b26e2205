use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_long_status_periods;

declare_rule! {
    /// ## What it checks
    /// A period of detention under the Police and Criminal Evidence Act (`LS` J2) whose
    /// episodes add up to more than 21 days. A child's J2 episodes (in `DECOM` order) form one
    /// period while each starts on or before the end of the previous one; an open episode
    /// counts to 31 March. Every episode of the period is reported.
    ///
    /// ## Why it matters
    /// PACE detention in local authority accommodation is short by law; a long J2 period means
    /// the legal status was not updated (to a remand, J1, for example).
    ///
    /// ## Example
    /// J2 from 01/06/2024 to 23/06/2024 (22 days) is reported; to 22/06/2024 it is not.
    ///
    /// ## Reference behaviour
    /// As for rule 363, the reference forms periods in file order; carelens sorts by `DECOM`
    /// first. See `docs/disagreements.md`.
    pub(crate) PACE_DETENTION_OVER_21_DAYS,
    code: "364",
    tables: ["Episodes"],
    fields: ["LS", "DECOM", "DEC"],
    years: Y2022_23..,
    message: "Sections 41-46 of Police and Criminal Evidence (PACE; 1984) severely limits the time a child can be detained in custody in Local Authority (LA) accommodation.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_long_status_periods(ctx, out, LegalStatus::J2, 21);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn pace_detention_over_21_days_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,LS\n1,01/06/2024,23/06/2024,J2\n2,01/06/2024,22/06/2024,J2\n\
             3,01/06/2024,11/06/2024,J2\n3,11/06/2024,23/06/2024,J2\n4,15/03/2025,,J2\n\
             5,01/01/2025,,J2\n6,01/01/2024,xx,J2\n7,01/06/2024,23/06/2024,J1\n",
        )]);
        let found = run(&PACE_DETENTION_OVER_21_DAYS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:3", "Episodes:5"]);
    }
}
