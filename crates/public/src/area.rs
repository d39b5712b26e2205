//! The area a figure or a list of settings is about.

use std::fmt;

use carelens_geo::Region;
use carelens_model::LaCode;

/// England, one of its nine regions, or one local authority.
///
/// Ordered England first, then regions, then authorities by DfE code.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// All of England.
    England,
    /// One English region.
    Region(Region),
    /// One local authority, by DfE code.
    La(LaCode),
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::England => f.write_str("England"),
            Self::Region(r) => write!(f, "{r}"),
            Self::La(code) => write!(f, "LA {code}"),
        }
    }
}
