//! Ofsted's `local_authority` names → DfE LA codes.
//!
//! Ofsted names the local authority a setting is in; the DfE codes it. Most names are found by
//! [`carelens_geo::la_by_name`] (which already ignores case, punctuation, `&`/`and` and "City
//! of"). The names it cannot find are listed in [`UNMATCHED`], each with the reason and the
//! authority it stands for today. A name in neither place is a bug, found by the tests.

use carelens_geo::{Region, la_by_name};
use carelens_model::LaCode;

/// Where an Ofsted local authority name puts a setting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Place {
    /// An authority on the current register of 153.
    La(LaCode),
    /// A county since split in two; the part is decided by the setting's constituency.
    Split(&'static Split),
    /// A Welsh authority: the setting is registered with Ofsted but is not in England.
    OutsideEngland,
}

/// A county abolished and split between two unitary authorities.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Split {
    /// The region the whole county was in.
    pub(crate) region: Region,
    /// Westminster constituency (2010–2024 boundaries, as Ofsted gives them) → DfE code of the
    /// unitary authority that holds most of it.
    pub(crate) constituencies: &'static [(&'static str, u16)],
}

impl Split {
    /// The authority for a constituency, if the constituency lies in this county.
    pub(crate) fn part(&self, constituency: &str) -> Option<LaCode> {
        let (_, code) = self.constituencies.iter().find(|(c, _)| *c == constituency)?;
        LaCode::new(*code).ok()
    }

    /// Whether `code` is one of the parts.
    pub(crate) fn contains(&self, code: LaCode) -> bool {
        self.constituencies.iter().any(|(_, c)| *c == code.get())
    }
}

/// Cumbria (DfE 909) was replaced on 1 April 2023 by Cumberland (942: the former Allerdale,
/// Carlisle and Copeland districts) and Westmorland and Furness (943: Barrow, Eden, South
/// Lakeland). Penrith and The Border is mostly Eden, so goes to 943; in the 2024 list, where
/// Ofsted names the new authorities, 15 of its 17 settings are in 943.
const CUMBRIA: Split = Split {
    region: Region::NorthWest,
    constituencies: &[
        ("Barrow and Furness", 943),
        ("Carlisle", 942),
        ("Copeland", 942),
        ("Penrith and The Border", 943),
        ("Westmorland and Lonsdale", 943),
        ("Workington", 942),
    ],
};

/// Northamptonshire (DfE 928) was replaced on 1 April 2021 by North Northamptonshire (940:
/// Corby, East Northamptonshire, Kettering, Wellingborough) and West Northamptonshire (941:
/// Daventry, Northampton, South Northamptonshire). The constituencies follow district lines.
const NORTHAMPTONSHIRE: Split = Split {
    region: Region::EastMidlands,
    constituencies: &[
        ("Corby", 940),
        ("Kettering", 940),
        ("Wellingborough", 940),
        ("Daventry", 941),
        ("Northampton North", 941),
        ("Northampton South", 941),
        ("South Northamptonshire", 941),
    ],
};

/// Every Ofsted name in the embedded register that `la_by_name` does not find.
///
/// | Ofsted name      | years     | resolved to                                              |
/// |------------------|-----------|----------------------------------------------------------|
/// | Bournemouth      | 2015–2019 | 839 Bournemouth, Christchurch and Poole (merged 2019)    |
/// | Poole            | 2015–2019 | 839 Bournemouth, Christchurch and Poole (merged 2019)    |
/// | Durham           | 2015–2025 | 840 County Durham (Ofsted drops "County")                |
/// | Cumbria          | 2015–2023 | 942 Cumberland or 943 Westmorland and Furness, by seat   |
/// | Northamptonshire | 2015–2021 | 940 North or 941 West Northamptonshire, by seat          |
/// | Cardiff, Conwy, Newport, Wrexham | 2025 | none: supported accommodation in Wales       |
///
/// Pre-2019 "Dorset" (which then included Christchurch) is found by name as today's 838 Dorset.
const UNMATCHED: &[(&str, Place)] = &[
    ("Bournemouth", Place::La(code(839))),
    ("Poole", Place::La(code(839))),
    ("Durham", Place::La(code(840))),
    ("Cumbria", Place::Split(&CUMBRIA)),
    ("Northamptonshire", Place::Split(&NORTHAMPTONSHIRE)),
    ("Cardiff", Place::OutsideEngland),
    ("Conwy", Place::OutsideEngland),
    ("Newport", Place::OutsideEngland),
    ("Wrexham", Place::OutsideEngland),
];

const fn code(n: u16) -> LaCode {
    match LaCode::new(n) {
        Ok(c) => c,
        Err(_) => panic!("the table holds three-digit codes"),
    }
}

/// Where the Ofsted name `name` puts a setting; `None` for a name we have never seen.
pub(crate) fn place(name: &str) -> Option<Place> {
    if let Some(la) = la_by_name(name) {
        return Some(Place::La(la.code));
    }
    UNMATCHED.iter().find(|(n, _)| *n == name).map(|(_, p)| *p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unmatched_names_really_are_unmatched_and_codes_are_current() {
        for (name, place) in UNMATCHED {
            assert!(la_by_name(name).is_none(), "{name} is found by name; drop it from the table");
            let codes: Vec<u16> = match place {
                Place::La(c) => vec![c.get()],
                Place::Split(s) => s.constituencies.iter().map(|(_, c)| *c).collect(),
                Place::OutsideEngland => vec![],
            };
            for c in codes {
                assert!(carelens_geo::la(code(c)).is_some(), "{c} is not on the LA register");
            }
        }
    }

    #[test]
    fn split_counties_resolve_by_constituency() {
        assert_eq!(CUMBRIA.part("Carlisle"), Some(code(942)));
        assert_eq!(CUMBRIA.part("Barrow and Furness"), Some(code(943)));
        assert_eq!(NORTHAMPTONSHIRE.part("Corby"), Some(code(940)));
        assert_eq!(NORTHAMPTONSHIRE.part("Daventry"), Some(code(941)));
        assert_eq!(NORTHAMPTONSHIRE.part("Carlisle"), None);
        assert_eq!(place("Durham"), Some(Place::La(code(840))));
        assert_eq!(place("Bristol"), Some(Place::La(code(801))));
        assert_eq!(place("Atlantis"), None);
    }
}
