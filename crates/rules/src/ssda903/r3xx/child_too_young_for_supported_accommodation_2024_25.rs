use carelens_model::codes::PlacementType;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::flag_placed_under_age;

declare_rule! {
    /// ## What it checks
    /// An episode in placement K3 (registered supported accommodation) that starts before the child's 16th birthday.
    ///
    /// ## Why it matters
    /// Supported accommodation (registered under the Supported Accommodation (England) Regulations 2023) may only be used for young people aged 16 or over.
    ///
    /// ## Example
    /// `DOB` 01/06/2008 and a K3 episode starting 31/05/2024 is reported; starting 01/06/2024
    /// it is not.
    ///
    /// ## Reference behaviour
    /// The reference checks only episodes that have ended (it drops rows without a readable
    /// `DEC`), so a child placed too young and still there at 31 March is missed. carelens
    /// checks open episodes too. See `docs/disagreements.md`.
    pub(crate) CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION_2024_25,
    code: "371",
    tables: ["Episodes", "Header"],
    fields: ["DECOM", "PLACE"],
    years: Y2024_25..,
    message: "Child in supported accomodation not subject to children’s homes regulations should be at least 16.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_placed_under_age(ctx, out, PlacementType::K3, 16);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn placement_before_the_minimum_age_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,PLACE\n1,31/05/2024,,K3\n1,01/06/2024,,K3\n2,31/05/2024,01/07/2024,K3\n                 3,31/05/2024,,U4\n4,31/05/2024,,K3\n5,xx,,K3\n",
            ),
            ("Header", "CHILD,DOB\n1,01/06/2008\n2,01/06/2008\n3,01/06/2008\n4,\n5,01/06/2008\n"),
        ]);
        let found = run(
            &CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION_2024_25,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "Episodes:2"]);
    }

    #[test]
    fn nothing_without_a_header() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,PLACE\n1,31/05/2024,K3\n")]);
        assert!(
            run(
                &CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION_2024_25,
                CollectionYear::Y2024_25,
                &cur,
                None
            )
            .is_empty()
        );
    }
}
