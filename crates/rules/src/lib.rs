//! The DfE SSDA903 validation rulebook for collection years 2022/23 to 2026/27.
//!
//! Every rule is declared once ([`declare_rule!`]) with its code, DfE message, tables, fields,
//! years in force and documentation, in a file named after the defect it finds, with its tests
//! beside it. The catalogue (`carelens rules`), the docs and the report texts are generated from
//! those declarations. Rules follow the reference implementation (`csc-validator-be-903`
//! 0.1.17) except where it is wrong; each such place is documented in the rule and in
//! `docs/disagreements.md`.
//!
//! Rules are pure: typed tables in, findings out. They read values strictly
//! ([`carelens_model::Field::strict`]): a value carelens could read only by coercing it (a
//! `yyyy-mm-dd` date, `10.0`, `C2 - Full care order`) counts as invalid, as it would at the DfE.
#![deny(missing_docs)]

pub use crate::context::{ByChild, Ctx};
pub use crate::engine::{SkipReason, ValidateOptions, Validation, rules_for, validate};
pub use crate::finding::{Finding, Out};
pub use crate::providers::{ProviderRecord, Providers};
pub use crate::providers_load::{
    BadCell, ListKind, ListSummary, LoadedProviders, ProvidersError, SheetRole, SheetSummary,
    load_providers,
};
pub use crate::rule::{Needs, Rule, Years};

mod cells;
mod cohorts;
mod context;
mod dates;
mod engine;
mod finding;
mod order;
mod providers;
mod providers_load;
mod rule;
mod ssda903;
#[cfg(test)]
mod testing;

/// Every rule version, sorted by code then first year.
pub fn all_rules() -> &'static [&'static Rule] {
    ssda903::all()
}
