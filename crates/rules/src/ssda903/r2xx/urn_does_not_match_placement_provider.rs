use super::util::{ProviderIndex, ofsted_urn};
use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`) whose `PLACE_PROVIDER` is blank or not
    /// among the provider codes Ofsted lists for that URN, or whose URN is not in the lists.
    ///
    /// ## Why it matters
    /// The provider type (own LA, other LA, private, voluntary) drives the DfE's sufficiency
    /// and cost analyses; it should agree with the registered provider of the setting.
    ///
    /// ## Example
    /// URN listed with provider codes PR1, PR3, PR4: `PLACE_PROVIDER` PR3 passes; PR2 or blank
    /// is reported.
    ///
    /// ## Known false positives
    /// A URN missing from the lists given is reported. When a URN is listed more than once,
    /// the episode is reported if any listing lacks the code, as in the reference.
    pub(crate) URN_DOES_NOT_MATCH_PLACEMENT_PROVIDER,
    code: "224",
    tables: ["Episodes", "Provider Info"],
    fields: ["PLACE_PROVIDER"],
    years: Y2022_23..,
    needs: [providers],
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        let provider = text(&e.place_provider);
        let records = index.get(urn);
        let fits = |codes: &[String]| {
            provider.is_some_and(|p| codes.iter().any(|c| c.eq_ignore_ascii_case(p)))
        };
        if records.is_empty() || records.iter().any(|r| !fits(&r.provider_codes)) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::ssda903::r2xx::util::test_support::{providers, record};
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn provider_not_listed_for_the_urn_is_reported() {
        // The reference's own cases (rule_224.test_validate).
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE_PROVIDER,URN\n1111,PR2,1000001\n1111,PR5,\n1111,PR0,1000003\n\
             2222,PR3,XXXXXXX\n3333,PR0,1000002\n3333,PR3,1000002\n4444,PR3,1000001\n\
             5555,PR3,1000004\n5555,PR4,1000001\n",
        )]);
        let p = providers(vec![
            record("1000001", &[], &["PR1", "PR3", "PR4"], None, None, None),
            record("1000002", &[], &["PR0"], None, None, None),
            record("1000003", &[], &["PR1"], None, None, None),
            record("1000004", &[], &[], None, None, None),
        ]);
        let c = ctx(CollectionYear::Y2024_25, None, &cur, None, Some(&p));
        let found = run_with(&URN_DOES_NOT_MATCH_PLACEMENT_PROVIDER, &c);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:5", "Episodes:7"]);
    }
}
