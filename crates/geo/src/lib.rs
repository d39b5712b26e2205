//! Reference geography shipped inside carelens, so that nothing is downloaded at run time.
//!
//! * the 153 English local authorities with children's services duties, their DfE and ONS codes
//!   and regions ([`las`], [`la`], [`Region`]);
//!
//! Attribution for the shipped data is in `crates/geo/data/README.md`.
#![deny(missing_docs)]

pub use crate::la::{LocalAuthority, Region, la, la_by_gss, la_by_name, las};

mod la;
