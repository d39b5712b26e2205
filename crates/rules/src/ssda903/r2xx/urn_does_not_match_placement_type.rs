use super::util::{ProviderIndex, ofsted_urn};
use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with an Ofsted `URN` (not `XXXXXXX`) whose `PLACE` is not among the
    /// placement codes Ofsted lists for that URN, or whose URN is not in the Ofsted lists.
    ///
    /// ## Why it matters
    /// A children's home URN on a foster placement, say, means either the URN or the placement
    /// type is wrong, and the DfE links inspection outcomes through the URN.
    ///
    /// ## Example
    /// URN SC123456 listed with placement codes K2: `PLACE` K2 passes, `PLACE` U4 is reported.
    ///
    /// ## Known false positives
    /// A URN missing from the lists given (for example a list older than the setting) is
    /// reported. When a URN is listed more than once (in both the children's homes and the
    /// social care providers lists), the episode is reported if any listing lacks the code, as
    /// in the reference.
    pub(crate) URN_DOES_NOT_MATCH_PLACEMENT_TYPE,
    code: "219",
    tables: ["Episodes", "Provider Info"],
    fields: ["URN", "PLACE"],
    years: Y2022_23..,
    needs: [providers],
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let index = ProviderIndex::new(ctx);
    for e in episodes {
        let Some(urn) = ofsted_urn(e) else { continue };
        let place = text(&e.place);
        let records = index.get(urn);
        let fits = |codes: &[String]| {
            place.is_some_and(|p| codes.iter().any(|c| c.eq_ignore_ascii_case(p)))
        };
        if records.is_empty() || records.iter().any(|r| !fits(&r.place_codes)) {
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
    fn placement_type_not_listed_for_the_urn_is_reported() {
        // The reference's own cases (rule_219.test_validate), with real-looking codes.
        let cur = ret(&[(
            "Episodes",
            "CHILD,PLACE,URN\n1111,U4,1000001\n1111,U4,\n1111,R1,1000003\n2222,U4,XXXXXXX\n\
             3333,K1,1000002\n3333,S1,1000002\n4444,U4,1000001\n5555,U4,1000004\n5555,K3,1000001\n\
             6666,K2,1000009\n",
        )]);
        let p = providers(vec![
            record("1000001", &["K2", "K3"], &[], None, None, None),
            record("1000002", &["K1", "S1", "U4"], &[], None, None, None),
            record("1000003", &["U4", "K2", "R3"], &[], None, None, None),
            record("1000004", &[], &[], None, None, None),
        ]);
        let c = ctx(CollectionYear::Y2024_25, None, &cur, None, Some(&p));
        let found = run_with(&URN_DOES_NOT_MATCH_PLACEMENT_TYPE, &c);
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:6", "Episodes:7", "Episodes:9"]);
    }
}
