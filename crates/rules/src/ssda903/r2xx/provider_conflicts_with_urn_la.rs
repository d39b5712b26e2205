use carelens_model::codes::PlacementType;

use super::util::provider_la_mismatch;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`) whose `PLACE_PROVIDER` disagrees
    /// with where the setting is: PR1 (the LA's own provision) for a setting the Ofsted lists
    /// place in another LA (or a URN not listed), or PR2 (another LA's provision) for a setting
    /// in the validating LA. The setting's LA is inferred from its postcode.
    ///
    /// ## Why it matters
    /// Own provision and other-LA provision are told apart in the DfE's sufficiency
    /// statistics; a provider code that contradicts the setting's location is probably wrong.
    ///
    /// ## Example
    /// Validating Newham (316): `PLACE` K2, PR1, at a setting whose postcode lies in Newham
    /// passes; PR1 at a setting in Barking is reported; PR2 at a setting in Newham is reported.
    ///
    /// ## Known false positives
    /// An LA's own home just over its boundary is reported, as the message warns.
    pub(crate) PROVIDER_CONFLICTS_WITH_URN_LA,
    code: "229",
    tables: ["Episodes", "Provider Info"],
    fields: ["URN", "PLACE_PROVIDER"],
    years: Y2022_23..=Y2024_25,
    needs: [providers, la],
    message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
}

/// Placement types not checked: none until 2025/26.
const SKIP: &[PlacementType] = &[];

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    provider_la_mismatch(ctx, out, SKIP);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::ssda903::r2xx::util::test_support::{providers, record};
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn provider_code_contradicting_the_settings_la_is_reported() {
        // The reference's own cases (rule_229.test_validate), validating Newham (316).
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,PLACE_PROVIDER,URN\n1111,K2,PR1,1000001\n1111,K2,PR2,\n1111,K2,PR2,1000004\n\
             2222,K2,PR1,XXXXXXX\n3333,K2,PR2,1000002\n3333,K2,PR1,1000002\n4444,K2,PR2,1000003\n\
             5555,K2,PR1,1000004\n5555,K2,PR2,1000001\n6666,K2,PR1,1000009\n",
        )]);
        let p = providers(vec![
            record("1000001", &[], &[], None, None, Some("E09000002")),
            record("1000002", &[], &[], None, None, Some("E09000025")),
            record("1000003", &[], &[], None, None, Some("301")),
            record("1000004", &[], &[], None, None, None),
        ]);
        let c = ctx(CollectionYear::Y2024_25, Some(316), &cur, None, Some(&p));
        let found = run_with(&PROVIDER_CONFLICTS_WITH_URN_LA, &c);
        assert_eq!(found, ["Episodes:0", "Episodes:4", "Episodes:7", "Episodes:9"]);
    }
}
