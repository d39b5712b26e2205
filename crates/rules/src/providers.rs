//! The Ofsted provider lists (children's homes and social care providers) that URN rules check
//! against: 219, 221, 224, 227, 228, 229, 241 and 1008. [`crate::load_providers`] reads them
//! from the files Ofsted sends; tests build them from records.

use std::collections::HashMap;

use carelens_model::Date;

/// One Ofsted-registered setting or agency, as the URN rules need it (the reference's
/// "Provider Info" table).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProviderRecord {
    /// URN, upper case.
    pub urn: String,
    /// The local authority named in the Ofsted list.
    pub la_name: Option<String>,
    /// Placement codes the setting can provide (e.g. `K2`).
    pub place_codes: Vec<String>,
    /// Placement provider codes (e.g. `PR4`).
    pub provider_codes: Vec<String>,
    /// Registration end (closure or deregistration) date.
    pub reg_end: Option<Date>,
    /// Setting postcode, upper case without spaces.
    pub postcode: Option<String>,
    /// The DfE LA code inferred from the setting's postcode.
    pub la_code_inferred: Option<String>,
}

/// The provider lists, indexed by URN.
#[derive(Clone, Debug, Default)]
pub struct Providers {
    records: Vec<ProviderRecord>,
    /// URN → indices of its records, in list order.
    by_urn: HashMap<String, Vec<usize>>,
}

impl Providers {
    /// Indexes records by URN. A URN may have several records (a home in both the children's
    /// homes and the social care providers lists, a supported accommodation provider listed
    /// once per LA): [`get`](Self::get) gives the first, [`get_all`](Self::get_all) every one.
    pub fn new(records: Vec<ProviderRecord>) -> Self {
        let mut by_urn: HashMap<String, Vec<usize>> = HashMap::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            by_urn.entry(r.urn.clone()).or_default().push(i);
        }
        Self { records, by_urn }
    }

    /// The first record for a URN (compared trimmed and upper-cased).
    pub fn get(&self, urn: &str) -> Option<&ProviderRecord> {
        self.get_all(urn).next()
    }

    /// Every record for a URN (compared trimmed and upper-cased), in list order.
    pub fn get_all(&self, urn: &str) -> impl Iterator<Item = &ProviderRecord> + '_ {
        let key = urn.trim();
        let found = if key.bytes().any(|b| b.is_ascii_lowercase()) {
            self.by_urn.get(&key.to_ascii_uppercase())
        } else {
            self.by_urn.get(key)
        };
        found.into_iter().flatten().map(|i| &self.records[*i])
    }

    /// All records, in list order.
    pub fn records(&self) -> &[ProviderRecord] {
        &self.records
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.records.len()
    }

    /// Whether there are no records.
    pub fn is_empty(&self) -> bool {
        self.records.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(urn: &str, place: &str) -> ProviderRecord {
        ProviderRecord {
            urn: urn.to_owned(),
            la_name: None,
            place_codes: vec![place.to_owned()],
            provider_codes: Vec::new(),
            reg_end: None,
            postcode: None,
            la_code_inferred: None,
        }
    }

    #[test]
    fn a_urn_listed_twice_gives_both_records_in_list_order() {
        let p = Providers::new(vec![record("SC1", "K2"), record("2", "K3"), record("SC1", "K1")]);
        let places: Vec<&str> = p.get_all("sc1 ").map(|r| r.place_codes[0].as_str()).collect();
        assert_eq!(places, ["K2", "K1"]);
        assert_eq!(p.get("SC1").map(|r| r.place_codes[0].as_str()), Some("K2"));
        assert!(p.get("SC9").is_none());
        assert_eq!(p.len(), 3);
    }
}
