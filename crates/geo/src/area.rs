//! Upper-tier areas: which children's services authority (or which other nation) a lower-tier
//! local authority district (LAD) lies in.
//!
//! The postcode file carries 2025 LAD codes; the only lower → upper tier lookup we ship is the
//! ONS one for April 2021 (`data/ltla-utla-2021.csv`). A LAD is resolved, in order, by:
//!
//! 1. its nation letter: `W`, `S`, `N` are Wales, Scotland, Northern Ireland; `L` (Channel
//!    Islands) and `M` (Isle of Man) are outside the UK, as the DfE's `NUK` code treats them;
//! 2. being a children's services authority itself (unitaries, metropolitan districts, London
//!    boroughs, including the unitaries created after 2021: Cumberland E06000063, Westmorland and
//!    Furness E06000064, North Yorkshire E06000065, Somerset E06000066);
//! 3. [`NEWER_LADS`]: codes missing from both the 2021 lookup and the authority list;
//! 4. the 2021 lookup, with [`RENAMED_UPPER_TIERS`] for the county codes that are no longer
//!    children's services authorities.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::OnceLock;

use carelens_model::LaCode;

use crate::la::{la, la_by_gss, split_csv_line};

/// Where a postcode lies, at the level that has children's services duties.
///
/// `Display` gives the DfE form used by `PL_LA` and `LA_PERM`: the 3-digit LA code (`316`), or
/// `WAL`, `SCO`, `NIR`, `NUK`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// An English children's services authority.
    La(LaCode),
    /// Wales (`WAL`).
    Wales,
    /// Scotland (`SCO`).
    Scotland,
    /// Northern Ireland (`NIR`). Its grid points are on the Irish Grid.
    NorthernIreland,
    /// Outside the UK (`NUK`): the Channel Islands and the Isle of Man are Crown Dependencies,
    /// not part of the UK. The shipped postcode file has no such postcodes, so a `JE`, `GY` or
    /// `IM` postcode is not found rather than located here.
    OutsideUk,
}

impl Area {
    /// The English authority, if the area is one.
    pub const fn la(self) -> Option<LaCode> {
        match self {
            Self::La(code) => Some(code),
            _ => None,
        }
    }

    /// The ONS GSS code of the English authority (`E09000025`), the form in which the
    /// reference validator writes `PL_LA`; `None` for the other nations. This is the code in
    /// `children-services-authorities.csv` (North Yorkshire is `E06000065`); a validator whose
    /// own lookup predates April 2023 may still write the old county code.
    pub fn gss(self) -> Option<&'static str> {
        self.la().and_then(la).map(|la| la.gss.as_str())
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::La(code) => write!(f, "{code}"),
            Self::Wales => f.write_str("WAL"),
            Self::Scotland => f.write_str("SCO"),
            Self::NorthernIreland => f.write_str("NIR"),
            Self::OutsideUk => f.write_str("NUK"),
        }
    }
}

/// English LAD codes in the 2025 postcode file that are neither a children's services authority
/// nor in the 2021 lookup, with the authority's GSS code in `children-services-authorities.csv`.
const NEWER_LADS: &[(&str, &str)] = &[
    // The April 2024 Barnsley/Sheffield boundary change gave both districts new codes. The
    // authorities, their DfE codes (370, 373) and mySociety's GSS codes did not change.
    ("E08000038", "E08000016"), // Barnsley
    ("E08000039", "E08000019"), // Sheffield
];

/// 2021 upper-tier or lower-tier codes whose children's services now sit with a newer
/// unitary. None of these districts is in the 2025 postcode file; the table keeps every row of
/// the 2021 lookup resolvable, so that older LAD codes still map.
const RENAMED_UPPER_TIERS: &[(&str, &str)] = &[
    // North Yorkshire county (E10000023) became the unitary E06000065 in April 2023 (DfE 815).
    ("E10000023", "E06000065"),
    // Somerset county (E10000027) became the unitary E06000066 in April 2023 (DfE 933).
    ("E10000027", "E06000066"),
    // Cumbria county (E10000006) was split in April 2023, so its districts map one by one.
    ("E07000026", "E06000063"), // Allerdale → Cumberland (942)
    ("E07000028", "E06000063"), // Carlisle → Cumberland
    ("E07000029", "E06000063"), // Copeland → Cumberland
    ("E07000027", "E06000064"), // Barrow-in-Furness → Westmorland and Furness (943)
    ("E07000030", "E06000064"), // Eden → Westmorland and Furness
    ("E07000031", "E06000064"), // South Lakeland → Westmorland and Furness
];

/// `LTLA21CD,LTLA21NM,UTLA21CD,UTLA21NM` (England and Wales, April 2021).
const LTLA_UTLA: &str = include_str!("../data/ltla-utla-2021.csv");

/// The upper-tier area of a lower-tier LAD code (`E07000163`), `None` when it cannot be
/// resolved.
pub(crate) fn area_of_lad(lad: &str) -> Option<Area> {
    let lad = lad.trim();
    match lad.as_bytes().first()? {
        b'W' => return Some(Area::Wales),
        b'S' => return Some(Area::Scotland),
        b'N' => return Some(Area::NorthernIreland),
        b'L' | b'M' => return Some(Area::OutsideUk),
        b'E' => {}
        _ => return None,
    }
    let gss = if la_by_gss(lad).is_some() {
        lad
    } else if let Some(gss) = lookup(NEWER_LADS, lad).or_else(|| lookup(RENAMED_UPPER_TIERS, lad)) {
        gss
    } else {
        let utla = ltla_to_utla().get(lad)?.as_str();
        lookup(RENAMED_UPPER_TIERS, utla).unwrap_or(utla)
    };
    la_by_gss(gss).map(|la| Area::La(la.code))
}

fn lookup(table: &[(&str, &'static str)], key: &str) -> Option<&'static str> {
    table.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

fn ltla_to_utla() -> &'static BTreeMap<String, String> {
    static MAP: OnceLock<BTreeMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        LTLA_UTLA
            .lines()
            .skip(1)
            .filter_map(|line| match split_csv_line(line).as_slice() {
                [ltla, _, utla, _] => Some((ltla.clone(), utla.clone())),
                _ => None,
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(n: u16) -> Area {
        Area::La(LaCode::new(n).unwrap())
    }

    #[test]
    fn nations_map_by_their_letter() {
        assert_eq!(area_of_lad("W06000022"), Some(Area::Wales));
        assert_eq!(area_of_lad("S12000033"), Some(Area::Scotland));
        assert_eq!(area_of_lad("N09000003"), Some(Area::NorthernIreland));
        assert_eq!(area_of_lad("L99999999"), Some(Area::OutsideUk));
        assert_eq!(area_of_lad("M99999999"), Some(Area::OutsideUk));
        assert_eq!(area_of_lad(""), None);
        assert_eq!(area_of_lad("X01"), None);
    }

    #[test]
    fn unitaries_boroughs_and_counties_map_to_their_authority() {
        assert_eq!(area_of_lad("E09000025"), Some(code(316))); // Newham
        assert_eq!(area_of_lad("E06000023"), Some(code(801))); // Bristol
        assert_eq!(area_of_lad("E07000178"), Some(code(931))); // Oxford → Oxfordshire
        assert_eq!(area_of_lad("E07000242"), Some(code(919))); // East Herts → Hertfordshire
    }

    #[test]
    fn unitaries_created_since_2021_map_to_themselves() {
        assert_eq!(area_of_lad("E06000063"), Some(code(942)));
        assert_eq!(area_of_lad("E06000064"), Some(code(943)));
        assert_eq!(area_of_lad("E06000065"), Some(code(815)));
        assert_eq!(area_of_lad("E06000066"), Some(code(933)));
    }

    #[test]
    fn barnsley_and_sheffield_2024_codes_map_to_the_existing_authorities() {
        assert_eq!(area_of_lad("E08000038"), Some(code(370)));
        assert_eq!(area_of_lad("E08000039"), Some(code(373)));
    }

    #[test]
    fn every_english_row_of_the_2021_lookup_resolves() {
        for (ltla, utla) in ltla_to_utla() {
            if ltla.starts_with('E') {
                assert!(
                    area_of_lad(ltla).and_then(Area::la).is_some(),
                    "{ltla} (upper tier {utla})"
                );
            }
        }
        assert_eq!(area_of_lad("E07000163"), Some(code(815))); // Craven → North Yorkshire
        assert_eq!(area_of_lad("E07000187"), Some(code(933))); // Mendip → Somerset
        assert_eq!(area_of_lad("E07000031"), Some(code(943))); // South Lakeland
        assert!(ltla_to_utla().len() > 300);
    }

    #[test]
    fn displays_the_dfe_form() {
        assert_eq!(code(316).to_string(), "316");
        assert_eq!(code(316).gss(), Some("E09000025"));
        assert_eq!(Area::Wales.to_string(), "WAL");
        assert_eq!(Area::Scotland.to_string(), "SCO");
        assert_eq!(Area::NorthernIreland.to_string(), "NIR");
        assert_eq!(Area::OutsideUk.to_string(), "NUK");
        assert_eq!(Area::Wales.gss(), None);
    }
}
