//! The Ofsted provider lists (children's homes and social care providers) that URN rules check
//! against: 219, 221, 224, 227, 228, 229, 1008.

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
    by_urn: HashMap<String, usize>,
}

impl Providers {
    /// Indexes records by URN (the first record of a URN wins, as in a left merge that the
    /// reference de-duplicates).
    pub fn new(records: Vec<ProviderRecord>) -> Self {
        let mut by_urn = HashMap::with_capacity(records.len());
        for (i, r) in records.iter().enumerate() {
            by_urn.entry(r.urn.clone()).or_insert(i);
        }
        Self { records, by_urn }
    }

    /// The record for a URN.
    pub fn get(&self, urn: &str) -> Option<&ProviderRecord> {
        self.by_urn.get(&urn.trim().to_ascii_uppercase()).map(|i| &self.records[*i])
    }

    /// All records.
    pub fn records(&self) -> &[ProviderRecord] {
        &self.records
    }
}
