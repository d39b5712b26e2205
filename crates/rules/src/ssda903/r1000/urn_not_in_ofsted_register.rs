use std::collections::HashSet;

use carelens_model::Urn;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `URN` is completed, is not `XXXXXXX` (not an Ofsted-registered
    /// provider), and is not found in the Ofsted provider lists.
    ///
    /// ## Why it matters
    /// The URN links a placement to the Ofsted-registered setting; a URN Ofsted does not know
    /// cannot be linked, whatever its format.
    ///
    /// ## Example
    /// With `SC999999` and `1234567` in the Ofsted lists: those two pass, as do `XXXXXXX` and a
    /// blank; `SC123456`, `2345` and `XXXXXX` (six Xs) are reported.
    pub(crate) URN_NOT_IN_OFSTED_REGISTER,
    code: "1008",
    tables: ["Episodes", "Provider Info"],
    fields: ["URN"],
    years: Y2022_23..,
    needs: [providers],
    message: "Ofsted Unique Reference Number (URN) is not valid.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(providers)) = (ctx.cur.tables.episodes.if_supplied(), ctx.providers)
    else {
        return;
    };
    // The register's URNs (upper case), looked up without allocating per episode.
    let known: HashSet<&str> = providers.records().iter().map(|r| r.urn.as_str()).collect();
    for e in episodes.iter().filter(|e| e.urn.is_present()) {
        let raw = e.urn.raw().trim();
        let listed = match e.urn.value() {
            _ if raw.eq_ignore_ascii_case("XXXXXXX") => true,
            // The parsed URN is upper case; use it only when it is the text sent (`1234567.0`
            // parses as `1234567` but is not in the lists).
            Some(Urn::Ofsted(urn)) if raw.eq_ignore_ascii_case(urn) => known.contains(urn.as_str()),
            _ => providers.get(raw).is_some(),
        };
        if !listed {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::providers::{ProviderRecord, Providers};
    use crate::testing::{ctx, ret, run_with};

    fn providers(urns: &[&str]) -> Providers {
        Providers::new(
            urns.iter()
                .map(|u| ProviderRecord {
                    urn: (*u).to_owned(),
                    la_name: None,
                    place_codes: Vec::new(),
                    provider_codes: Vec::new(),
                    reg_end: None,
                    postcode: None,
                    la_code_inferred: None,
                })
                .collect(),
        )
    }

    #[test]
    fn urns_unknown_to_ofsted_are_reported() {
        // The reference's own test.
        let cur = ret(&[(
            "Episodes",
            "CHILD,URN\n1111,SC999999\n1111,\n1111,1234567\n2222,XXXXXXX\n3333,1234567\n\
             3333,2345\n4444,999999\n5555,5b67891\n5555,XXXXXX\n6666,sc999999\n",
        )]);
        let p = providers(&["1234567", "SC999999", "999999"]);
        let c = ctx(CollectionYear::Y2024_25, None, &cur, None, Some(&p));
        let found = run_with(&URN_NOT_IN_OFSTED_REGISTER, &c);
        assert_eq!(found, ["Episodes:5", "Episodes:7", "Episodes:8"]);
    }
}
