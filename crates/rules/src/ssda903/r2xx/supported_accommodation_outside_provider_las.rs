use carelens_model::PlacementArea;
use carelens_model::codes::PlacementType;

use super::util::{ProviderIndex, ofsted_urn, place_in, record_la, record_named_la};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode in registered supported accommodation (`PLACE` K3) with an Ofsted `URN` (not
    /// `XXXXXXX`) whose placement LA (`PL_LA`, derived from the placement postcode) is none of
    /// the LAs where the Ofsted lists show the provider has premises: the LA named in a listing
    /// of the URN, or the LA of its postcode. A provider may be listed once per LA.
    ///
    /// ## Why it matters
    /// Supported accommodation providers are registered for premises in particular areas; a
    /// placement elsewhere means the URN, the placement postcode or the registration is wrong.
    ///
    /// ## Example
    /// URN listed with premises in Newham and Barking: a K3 placement in Barking passes, one
    /// in Havering is reported. A URN not in the lists, or a placement postcode that could not
    /// be placed in an LA, is left to rules 1008 and 169.
    ///
    /// ## Reference behaviour
    /// The reference compares `PL_LA` with the validating LA, so every K3 placement outside
    /// the LA's own area is reported whatever the provider's premises, against the DfE's
    /// condition (quoted in the reference: "<PL_LA> must equal Ofsted URN lookup <LA code> for
    /// that URN"). carelens follows the DfE and so needs the Ofsted lists
    /// (docs/disagreements.md).
    pub(crate) SUPPORTED_ACCOMMODATION_OUTSIDE_PROVIDER_LAS,
    code: "241",
    tables: ["Episodes"],
    fields: ["URN"],
    years: Y2025_26..,
    needs: [providers],
    message: "LA of placement is not an LA the provider has premises.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        if !place_in(e, &[PlacementType::K3]) {
            continue;
        }
        let Some(pl_la) = e.geo.and_then(|g| g.pl_la) else { continue };
        let records = index.get(urn);
        if records.is_empty() {
            continue;
        }
        let premises = records.iter().flat_map(|r| [record_la(r), record_named_la(r)]).flatten();
        let mut premises = premises.map(PlacementArea::La);
        if !premises.any(|la| la == pl_la) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::providers::ProviderRecord;
    use crate::ssda903::r2xx::util::test_support::{providers, record};
    use crate::testing::{ctx, ret, run_with};

    #[test]
    fn placement_outside_the_providers_las_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,URN,PL_LA\n1,K3,2000001,316\n2,K3,2000001,301\n3,K3,2000001,311\n\
             4,K3,,311\n5,U1,2000001,311\n6,K3,XXXXXXX,311\n7,K3,2000009,311\n8,K3,2000001,\n\
             9,K3,2000002,311\n",
        )]);
        let named = ProviderRecord {
            la_name: Some("Havering".into()),
            ..record("2000002", &[], &[], None, None, None)
        };
        let p = providers(vec![
            record("2000001", &["K3"], &["PR4"], None, None, Some("E09000025")),
            record("2000001", &["K3"], &["PR4"], None, None, Some("E09000002")),
            named,
        ]);
        let c = ctx(CollectionYear::Y2025_26, Some(316), &cur, None, Some(&p));
        let found = run_with(&SUPPORTED_ACCOMMODATION_OUTSIDE_PROVIDER_LAS, &c);
        assert_eq!(found, ["Episodes:2"]);
    }
}
