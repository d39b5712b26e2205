//! The areas indicators are reported for: one LA, a region (the sum of its LAs), or England.

use std::fmt;

use carelens_geo::Region;
use carelens_model::LaCode;
use serde::{Serialize, Serializer};

/// An LA, one of the nine English regions, or England.
///
/// Ordered England first, then regions in the DfE's order, then LAs by DfE code. Serialised as
/// the DfE LA code (`"316"`), the region's name (`"London"`) or `"england"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// All the LAs given, added up (all of England when all 153 are given).
    England,
    /// The LAs given in one region, added up.
    Region(Region),
    /// One LA, by DfE code.
    La(LaCode),
}

impl Area {
    /// The level of the area.
    pub const fn level(self) -> Level {
        match self {
            Self::England => Level::England,
            Self::Region(_) => Level::Region,
            Self::La(_) => Level::La,
        }
    }

    /// The area's code as serialised: `"316"`, `"London"`, `"england"`.
    pub fn code(self) -> String {
        self.to_string()
    }

    /// A name for people: the LA's name, the region's name, or "England".
    pub fn name(self) -> String {
        match self {
            Self::England => "England".to_owned(),
            Self::Region(r) => r.name().to_owned(),
            Self::La(code) => {
                carelens_geo::la(code).map_or_else(|| format!("LA {code}"), |la| la.name.clone())
            }
        }
    }

    /// The region an LA is in (the area itself for a region, `None` for England or an LA
    /// carelens does not know).
    pub fn region(self) -> Option<Region> {
        match self {
            Self::England => None,
            Self::Region(r) => Some(r),
            Self::La(code) => carelens_geo::la(code).map(|la| la.region),
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::England => f.write_str("england"),
            Self::Region(r) => f.write_str(r.name()),
            Self::La(code) => write!(f, "{code}"),
        }
    }
}

impl Serialize for Area {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// The level indicators are aggregated to (`--by la|region|england`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    /// Each LA on its own.
    La,
    /// Each region: the sum of the numerators and denominators of its LAs.
    Region,
    /// England: the sum over every LA given.
    England,
}

impl Level {
    /// Reads `la`, `region` or `england`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "la" => Some(Self::La),
            "region" => Some(Self::Region),
            "england" | "national" => Some(Self::England),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn areas_serialise_as_the_dfe_writes_them() {
        let newham = Area::La(LaCode::new(316).unwrap());
        assert_eq!(serde_json::to_string(&newham).unwrap(), "\"316\"");
        assert_eq!(Area::Region(Region::London).code(), "London");
        assert_eq!(Area::England.code(), "england");
        assert_eq!(newham.name(), "Newham");
        assert_eq!(newham.region(), Some(Region::London));
        assert!(Area::England < Area::Region(Region::NorthEast));
        assert!(Area::Region(Region::SouthWest) < newham);
        assert_eq!(Level::parse("Region"), Some(Level::Region));
        assert_eq!(Level::parse("county"), None);
    }
}
