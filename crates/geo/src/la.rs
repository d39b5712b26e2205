//! The 153 children's services authorities (`data/children-services-authorities.csv`).

use std::fmt;
use std::sync::OnceLock;

use carelens_model::LaCode;

use crate::GridPoint;

/// The nine English regions used by the DfE and ONS.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    /// North East.
    NorthEast,
    /// North West.
    NorthWest,
    /// Yorkshire and The Humber.
    YorkshireAndTheHumber,
    /// East Midlands.
    EastMidlands,
    /// West Midlands.
    WestMidlands,
    /// East of England.
    EastOfEngland,
    /// London.
    London,
    /// South East.
    SouthEast,
    /// South West.
    SouthWest,
}

impl Region {
    /// All regions in the DfE's publication order.
    pub const ALL: [Region; 9] = [
        Self::NorthEast,
        Self::NorthWest,
        Self::YorkshireAndTheHumber,
        Self::EastMidlands,
        Self::WestMidlands,
        Self::EastOfEngland,
        Self::London,
        Self::SouthEast,
        Self::SouthWest,
    ];

    /// The name as the DfE publishes it, e.g. "Yorkshire and The Humber".
    pub const fn name(self) -> &'static str {
        match self {
            Self::NorthEast => "North East",
            Self::NorthWest => "North West",
            Self::YorkshireAndTheHumber => "Yorkshire and The Humber",
            Self::EastMidlands => "East Midlands",
            Self::WestMidlands => "West Midlands",
            Self::EastOfEngland => "East of England",
            Self::London => "London",
            Self::SouthEast => "South East",
            Self::SouthWest => "South West",
        }
    }

    /// Reads a region name, ignoring case, `&`/`and` and a leading "the" ("East of England",
    /// "Yorkshire & the Humber", "east").
    pub fn from_name(name: &str) -> Option<Self> {
        let key = fold(name);
        let key = key.strip_prefix("the").unwrap_or(&key);
        Self::ALL.into_iter().find(|r| {
            let n = fold(r.name());
            n == key || (key == "east" && *r == Self::EastOfEngland)
        })
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// One English local authority with children's services duties.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LocalAuthority {
    /// DfE 3-digit code (as in SSDA903 and DfE statistics).
    pub code: LaCode,
    /// Name as the DfE lists it.
    pub name: String,
    /// ONS GSS code (E06/E08/E09/E10…).
    pub gss: String,
    /// Region.
    pub region: Region,
    /// Authority type: `LBO` London borough, `MD` metropolitan district, `UA` unitary,
    /// `CTY` county, `CC` City of London.
    pub kind: String,
    /// A representative OS grid easting (metres).
    pub easting: u32,
    /// A representative OS grid northing (metres).
    pub northing: u32,
}

impl LocalAuthority {
    /// The representative point as a [`GridPoint`].
    pub const fn point(&self) -> GridPoint {
        GridPoint { easting: self.easting, northing: self.northing }
    }
}

const SOURCE: &str = include_str!("../data/children-services-authorities.csv");

/// All 153 authorities, in DfE code order.
pub fn las() -> &'static [LocalAuthority] {
    static LAS: OnceLock<Vec<LocalAuthority>> = OnceLock::new();
    LAS.get_or_init(|| {
        let mut out: Vec<LocalAuthority> = SOURCE.lines().skip(1).filter_map(parse_line).collect();
        out.sort_by_key(|la| la.code);
        out
    })
}

/// The authority with this DfE code.
pub fn la(code: LaCode) -> Option<&'static LocalAuthority> {
    let all = las();
    all.binary_search_by_key(&code, |la| la.code).ok().map(|i| &all[i])
}

/// The authority with this ONS GSS code (`E09000025`).
pub fn la_by_gss(gss: &str) -> Option<&'static LocalAuthority> {
    las().iter().find(|la| la.gss.eq_ignore_ascii_case(gss.trim()))
}

/// The authority with this name, ignoring case, punctuation, `&`/`and` and a trailing
/// "council" ("Brighton & Hove", "brighton and hove council").
pub fn la_by_name(name: &str) -> Option<&'static LocalAuthority> {
    let key = fold(name);
    let key = key.strip_suffix("council").unwrap_or(&key);
    let key = key.strip_prefix("cityof").filter(|k| *k != "london").unwrap_or(key);
    las().iter().find(|la| {
        let n = fold(&la.name);
        n == key || n.strip_prefix("cityof").is_some_and(|n| n == key)
    })
}

/// Lower case, `&` read as "and", everything but letters and digits dropped.
fn fold(text: &str) -> String {
    text.replace('&', "and")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `dfe_la_code,name,gss_code,region,authority_type,easting,northing`; names may be quoted.
fn parse_line(line: &str) -> Option<LocalAuthority> {
    let fields = split_csv_line(line);
    let [code, name, gss, region, kind, e, n] = fields.as_slice() else { return None };
    Some(LocalAuthority {
        code: LaCode::parse(code).ok()?,
        name: name.clone(),
        gss: gss.clone(),
        region: Region::from_name(region)?,
        kind: kind.clone(),
        easting: e.parse().ok()?,
        northing: n.parse().ok()?,
    })
}

pub(crate) fn split_csv_line(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in line.trim_end_matches('\r').chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => out.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    out.push(cur);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ships_all_153_authorities() {
        assert_eq!(las().len(), 153);
        let per_region = |r| las().iter().filter(|la| la.region == r).count();
        assert_eq!(per_region(Region::London), 33);
        assert_eq!(Region::ALL.iter().map(|r| per_region(*r)).sum::<usize>(), 153);
    }

    #[test]
    fn each_representative_point_is_the_middle_of_its_postcodes() {
        // Nearest-authority searches (the generator's "placed nearby") rest on these points.
        for la in las() {
            let (mut e, mut n, mut k) = (0.0, 0.0, 0.0);
            for &i in crate::postcodes_in(la.code) {
                let (_, located) = crate::postcode_at(i).unwrap();
                e += f64::from(located.point.easting);
                n += f64::from(located.point.northing);
                k += 1.0;
            }
            assert!(k > 0.0, "{} has no postcodes", la.name);
            let p = la.point();
            let off = (f64::from(p.easting) - e / k).hypot(f64::from(p.northing) - n / k);
            assert!(off < 1_000.0, "{} point is {off:.0} m from its postcodes' middle", la.name);
        }
        let near: Vec<u16> =
            crate::nearest_las(LaCode::new(888).unwrap(), 3).iter().map(|(c, _)| c.get()).collect();
        assert!(near.contains(&889) && near.contains(&890), "Lancashire's neighbours: {near:?}");
    }

    #[test]
    fn finds_by_code_gss_and_name() {
        let newham = la(LaCode::parse("316").unwrap()).unwrap();
        assert_eq!(newham.name, "Newham");
        assert_eq!(newham.region, Region::London);
        assert_eq!(la_by_gss(&newham.gss).unwrap().code, newham.code);
        assert_eq!(la_by_name("NEWHAM council").unwrap().code, newham.code);
        assert_eq!(
            la_by_name("Brighton & Hove").unwrap().name,
            la_by_name("brighton and hove").unwrap().name
        );
    }

    #[test]
    fn derbyshire_and_lincolnshire_are_in_the_east_midlands() {
        // The shared reference file has West Midlands and Yorkshire and The Humber.
        for code in [830, 925] {
            assert_eq!(la(LaCode::new(code).unwrap()).unwrap().region, Region::EastMidlands);
        }
    }

    #[test]
    fn region_names_round_trip() {
        for r in Region::ALL {
            assert_eq!(Region::from_name(r.name()), Some(r));
        }
        assert_eq!(
            Region::from_name("Yorkshire & the Humber"),
            Some(Region::YorkshireAndTheHumber)
        );
    }
}
