//! Published DfE and Ofsted data about children's social care in England, shipped inside
//! carelens so that nothing is downloaded at run time.
//!
//! * the Ofsted provider register at 31 March 2015–2025: every children's home, secure home,
//!   residential special school, fostering and adoption agency, family centre and supported
//!   accommodation provider, with its URN, type, sector, owner, places, local authority and
//!   latest grade ([`providers`], [`providers_at`], [`provider`]), and an index of the settings a
//!   synthetic child can be placed in ([`placement_settings`]);
//! * DfE figures for each local authority and for England, years ending 31 March 2020–2025:
//!   children looked after, starts and ceases, characteristics, placements, stability, missing
//!   incidents, care leavers and social worker changes ([`la_figures`], [`england_figures`]);
//! * the national calibration figures of `shared/data/public` ([`national_figure`],
//!   [`national_figures`]);
//! * Ofsted's ILACS inspections of every LA ([`ilacs_inspections`], [`latest_ilacs`]), provider
//!   inspections ([`inspections`]), closures 2016–2023 ([`closures`]), and children in
//!   children's homes by LA from DfE FOI 2024-0040813 ([`childrens_homes_by_la`]);
//! * [`Dataset`], all of it as one owned value, and [`Store`], newer releases the user loads
//!   (Ofsted and DfE CSV/XLSX/ODS layouts) kept in a data directory and laid over the shipped
//!   data (`carelens public load`).
//!
//! Everything is parsed once, on first use, from files embedded with `include_bytes!`. The files
//! in `crates/public/data` are rebuilt from the cleaned public data by
//! `cargo run -p carelens-public --features pack --example pack_public`; their sources and
//! licences (Open Government Licence v3.0) are in `crates/public/data/README.md`.
//!
//! This crate holds published aggregates and provider facts only: no record about any child.
//! It does not validate returns or compute indicators; it gives the generator and the reports
//! real numbers to aim at and compare with.
#![deny(missing_docs)]

pub use crate::area::Area;
pub use crate::closures::{Closure, closure_of, closures};
pub use crate::dataset::Dataset;
pub use crate::error::PublicError;
pub use crate::figures::{Count, LaFigures, Symbol, all_figures, england_figures, la_figures};
pub use crate::homes_la::{ChildrensHomesLa, childrens_homes_by_la, childrens_homes_la};
pub use crate::ilacs::{
    IlacsInspection, IlacsKind, IlacsSource, ilacs_inspections, latest_ilacs, latest_of,
};
pub use crate::inspections::{Inspection, InspectionKind, inspections, inspections_of};
pub use crate::national::{NationalFigure, national_figure, national_figures};
pub use crate::providers::{
    Judgement, ProviderSnapshot, ProvisionType, RegistrationStatus, Sector, SettingGroup,
    ShortBreakOnly, placement_settings, provider, providers, providers_at,
};
pub use crate::store::{Loaded, Store, default_dir};

pub mod figures;
#[cfg(any(test, feature = "pack"))]
pub mod pack;

mod area;
mod closures;
mod columns;
mod dataset;
mod error;
mod figures_build;
mod homes_la;
mod ilacs;
mod inspections;
mod la_names;
mod national;
mod packed;
mod providers;
mod store;
