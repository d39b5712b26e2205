use carelens_model::codes::PlacementType;

use super::util::urn_postcode_mismatch;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`), not a short break (`LS` V3 or V4),
    /// in a placement of type K1, K2, K3, R3 or S1, whose placement postcode (`PL_POST`)
    /// differs from the setting's postcode in the Ofsted lists (spaces and case ignored), or
    /// whose URN is not listed. Episodes without a placement postcode are not checked.
    ///
    /// ## Why it matters
    /// These settings are registered at one address; a different placement postcode means the
    /// URN or the postcode is wrong, and the postcode drives the placement distance and
    /// location statistics.
    ///
    /// ## Example
    /// `PLACE` K3, URN listed at postcode AB12CD: `PL_POST` "ab1 2cd" passes, "AB1 2CE" is
    /// reported.
    ///
    /// ## Known false positives
    /// A URN missing from the lists given is reported. When a URN is listed more than once,
    /// the episode is reported if any listing has another postcode, as in the reference.
    pub(crate) URN_DOES_NOT_MATCH_PLACEMENT_POSTCODE_2024_25,
    code: "221",
    tables: ["Episodes", "Provider Info"],
    fields: ["PL_POST"],
    years: Y2024_25..,
    needs: [providers],
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
}

/// The placement types checked.
const PLACES: &[PlacementType] = {
    use PlacementType::*;
    &[K1, K2, K3, R3, S1]
};

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    urn_postcode_mismatch(ctx, out, PLACES);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::ssda903::r2xx::util::test_support::{providers, record};
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn placement_postcode_other_than_the_settings_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,PLACE,PL_POST,URN\n1,V3,K3,AB1 2CE,SC000001\n2,C2,K3,AB1 2CE,\n\
             3,C2,K3,ab1 2cd,SC000001\n4,C2,K3,AB1 2CE,SC000001\n5,C2,U4,AB1 2CE,SC000001\n\
             6,C2,K3,,SC000001\n7,C2,K3,AB1 2CD,SC000002\n8,C2,K3,AB1 2CD,SC000009\n",
        )]);
        let p = providers(vec![
            record("SC000001", &[], &[], None, Some("AB12CD"), None),
            record("SC000002", &[], &[], None, None, None),
        ]);
        let c = ctx(CollectionYear::Y2024_25, None, &cur, None, Some(&p));
        let found = run_with(&URN_DOES_NOT_MATCH_PLACEMENT_POSTCODE_2024_25, &c);
        assert_eq!(found, ["Episodes:3", "Episodes:6", "Episodes:7"]);
    }
}
