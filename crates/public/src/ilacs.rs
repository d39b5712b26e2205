//! Ofsted's ILACS inspections of local authority children's services, January 2018 onwards.

use std::sync::OnceLock;

use carelens_model::LaCode;
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::PublicError;
use crate::providers::Judgement;

pub(crate) const FILE_NAME: &str = "ofsted_ilacs_inspections_2018_2026.csv";
const SOURCE: &str = include_str!("../data/ofsted_ilacs_inspections_2018_2026.csv");

/// The two kinds of ILACS inspection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IlacsKind {
    /// A standard inspection (two weeks on site; LAs last judged requires improvement or
    /// inadequate, or not inspected for a long time).
    Standard,
    /// A short inspection (one week; LAs last judged good or outstanding).
    Short,
}

impl IlacsKind {
    /// "Standard" or "Short".
    pub const fn name(self) -> &'static str {
        match self {
            Self::Standard => "Standard",
            Self::Short => "Short",
        }
    }

    /// Reads "ILACS Standard Inspection", "standard", "Short"…
    pub fn from_text(text: &str) -> Option<Self> {
        let t = text.to_ascii_lowercase();
        if t.contains("standard") {
            Some(Self::Standard)
        } else if t.contains("short") {
            Some(Self::Short)
        } else {
            None
        }
    }
}

impl serde::Serialize for IlacsKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// Where an ILACS row was taken from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IlacsSource {
    /// Ofsted's official table (*LA inspection outcomes as at 31 March 2025*, or a release
    /// loaded with `carelens public load`).
    Ofsted,
    /// Parsed from Ofsted's published reports by Data to Insight's `ofsted-ilacs-scrape-tool`
    /// (results published after 31 March 2025).
    ReportScrape,
}

/// One ILACS standard or short inspection.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct IlacsInspection {
    /// The authority's DfE code; `None` for the three authorities since abolished
    /// (Bournemouth, Cumbria, Northamptonshire), which are named in [`la_name`](Self::la_name).
    pub la: Option<LaCode>,
    /// The authority's name as Ofsted gives it.
    pub la_name: String,
    /// Standard or short.
    pub kind: IlacsKind,
    /// First day on site.
    pub start_date: Date,
    /// Date the report was published.
    pub publication_date: Option<Date>,
    /// Overall effectiveness; `None` where the grade could not be read from the report.
    pub overall: Option<Judgement>,
    /// The impact of leaders on social work practice with children and families.
    pub impact_of_leaders: Option<Judgement>,
    /// The experiences and progress of children who need help and protection.
    pub help_and_protection: Option<Judgement>,
    /// The experiences and progress of children in care (before 2023: children in care and
    /// care leavers, judged together).
    pub children_in_care: Option<Judgement>,
    /// The experiences and progress of care leavers (judged separately from 2023).
    pub care_leavers: Option<Judgement>,
    /// Where the row comes from.
    pub source: IlacsSource,
}

#[derive(Deserialize)]
struct Row<'a> {
    la_dfe_code: &'a str,
    la_name: &'a str,
    inspection_type: &'a str,
    inspection_start_date: &'a str,
    publication_date: &'a str,
    overall_effectiveness: &'a str,
    impact_of_leaders: &'a str,
    help_and_protection: &'a str,
    children_in_care: &'a str,
    care_leavers: &'a str,
    source: &'a str,
}

/// Every ILACS inspection, sorted by authority code (abolished authorities last) and start
/// date.
///
/// # Panics
/// Only if the embedded file is corrupt, which the crate's tests rule out.
pub fn ilacs_inspections() -> &'static [IlacsInspection] {
    static ALL: OnceLock<Vec<IlacsInspection>> = OnceLock::new();
    ALL.get_or_init(|| {
        parse(SOURCE.as_bytes(), FILE_NAME)
            .expect("embedded ILACS file is valid (checked by tests)")
    })
}

/// The latest ILACS inspection of `la` that started on or before `date` and has an overall
/// grade.
pub fn latest_ilacs(la: LaCode, date: Date) -> Option<&'static IlacsInspection> {
    latest_of(ilacs_inspections(), la, date)
}

/// [`latest_ilacs`] over any list of inspections.
pub fn latest_of(list: &[IlacsInspection], la: LaCode, date: Date) -> Option<&IlacsInspection> {
    list.iter()
        .filter(|i| i.la == Some(la) && i.start_date <= date && i.overall.is_some())
        .max_by_key(|i| i.start_date)
}

/// Parses the cleaned ILACS layout (`ofsted_ilacs_inspections_2018_2026.csv`).
pub(crate) fn parse(csv_text: &[u8], file: &str) -> Result<Vec<IlacsInspection>, PublicError> {
    let mut out = Vec::new();
    crate::packed::for_each_record(file, csv_text, |rec| {
        let row: Row<'_> = rec.row()?;
        let bad = |column: &str, value: &str, expected| rec.bad(column, value, expected);
        let grade = |column: &str, text: &str| match text.trim() {
            "" => Ok(None),
            t => Judgement::from_text(t).map(Some).ok_or_else(|| bad(column, t, "an Ofsted grade")),
        };
        let date = |column: &str, text: &str| {
            text.parse::<Date>().map_err(|_| bad(column, text, "a YYYY-MM-DD date"))
        };
        out.push(IlacsInspection {
            la: match row.la_dfe_code {
                "" => None,
                c => Some(LaCode::parse(c).map_err(|_| bad("la_dfe_code", c, "a DfE LA code"))?),
            },
            la_name: row.la_name.to_owned(),
            kind: IlacsKind::from_text(row.inspection_type).ok_or_else(|| {
                bad("inspection_type", row.inspection_type, "a standard or short inspection")
            })?,
            start_date: date("inspection_start_date", row.inspection_start_date)?,
            publication_date: match row.publication_date {
                "" => None,
                d => Some(date("publication_date", d)?),
            },
            overall: grade("overall_effectiveness", row.overall_effectiveness)?,
            impact_of_leaders: grade("impact_of_leaders", row.impact_of_leaders)?,
            help_and_protection: grade("help_and_protection", row.help_and_protection)?,
            children_in_care: grade("children_in_care", row.children_in_care)?,
            care_leavers: grade("care_leavers", row.care_leavers)?,
            source: if row.source.starts_with("data-to-insight") {
                IlacsSource::ReportScrape
            } else {
                IlacsSource::Ofsted
            },
        });
        Ok(())
    })?;
    sort(&mut out);
    Ok(out)
}

/// Sorts by authority (abolished last), then start date.
pub(crate) fn sort(list: &mut [IlacsInspection]) {
    list.sort_by(|a, b| {
        (a.la.is_none(), a.la, &a.la_name, a.start_date).cmp(&(
            b.la.is_none(),
            b.la,
            &b.la_name,
            b.start_date,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        text.parse().unwrap()
    }

    #[test]
    fn every_row_parses_and_every_current_la_has_an_inspection() {
        let all = ilacs_inspections();
        assert_eq!(all.len(), 324);
        for la in carelens_geo::las() {
            assert!(all.iter().any(|i| i.la == Some(la.code)), "{} has no ILACS", la.name);
        }
        assert_eq!(all.iter().filter(|i| i.la.is_none()).count(), 3);
        assert_eq!(all.iter().filter(|i| i.overall.is_none()).count(), 2);
    }

    /// FINDINGS §17: at 31 March 2025, 36 outstanding, 67 good, 31 requires improvement and 19
    /// inadequate, from Ofsted's own table.
    #[test]
    fn grades_at_31_march_2025_match_ofsteds_table() {
        let at = date("2025-03-31");
        let mut counts = [0u32; 4];
        for la in carelens_geo::las() {
            let latest = latest_ilacs(la.code, at).and_then(|i| i.overall);
            let grade = latest.map(Judgement::grade).unwrap_or_else(|| panic!("{}", la.name));
            counts[usize::from(grade) - 1] += 1;
        }
        let published = |m| crate::national_figure(m, "2025-03-31").unwrap();
        assert_eq!(counts, [36, 67, 31, 19]);
        assert_eq!(f64::from(counts[0]), published("las_ilacs_outstanding"));
        assert_eq!(f64::from(counts[3]), published("las_ilacs_inadequate"));
    }
}
