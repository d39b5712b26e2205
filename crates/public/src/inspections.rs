//! Inspections of social care providers: every full inspection named in the yearly provider
//! lists (latest, and for 2024 the previous one too) and every inspection of 2022-23.

use std::sync::OnceLock;

use carelens_model::Urn;
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::PublicError;
use crate::providers::Judgement;

const PACKED: &[u8] = include_bytes!("../data/ofsted_inspections.csv.lz4");
pub(crate) const PACKED_NAME: &str = "ofsted_inspections.csv.lz4";
#[cfg(any(test, feature = "pack"))]
pub(crate) const IN_YEAR_SOURCE: &str = "ofsted_csc_inspections_in_year_2022_23.csv";

/// What kind of inspection event it was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InspectionKind {
    /// A full inspection, graded.
    Full,
    /// A monitoring inspection (after an inadequate or requires-improvement grade); not graded.
    Monitoring,
    /// An assurance visit (2020–2021, during COVID); not graded.
    AssuranceVisit,
    /// An emergency inspection.
    Emergency,
}

impl InspectionKind {
    /// The event type as Ofsted writes it ("Full inspection").
    pub const fn name(self) -> &'static str {
        match self {
            Self::Full => "Full inspection",
            Self::Monitoring => "Monitoring inspection",
            Self::AssuranceVisit => "Assurance visit",
            Self::Emergency => "Emergency inspection",
        }
    }

    /// Reads an event type in any case ("Full inspection", "FULL", "monitoring").
    pub fn from_text(text: &str) -> Option<Self> {
        let t = text.trim().to_ascii_lowercase();
        Some(if t.starts_with("full") {
            Self::Full
        } else if t.starts_with("monitoring") {
            Self::Monitoring
        } else if t.starts_with("assurance") {
            Self::AssuranceVisit
        } else if t.starts_with("emergency") {
            Self::Emergency
        } else {
            return None;
        })
    }
}

impl serde::Serialize for InspectionKind {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// One inspection of one provider.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Inspection {
    /// The provider.
    pub urn: Urn,
    /// The (first) inspection date.
    pub date: Date,
    /// Full, monitoring…
    pub kind: InspectionKind,
    /// Overall judgement; only full inspections are graded.
    pub overall: Option<Judgement>,
}

/// Every known inspection, sorted by URN then date.
///
/// The provider lists give only the latest full inspection at each 31 March, so a home
/// inspected twice between two lists shows only the later grade; 2022-23 is complete (every
/// inspection, graded or not).
///
/// # Panics
/// Only if the embedded file is corrupt, which the crate's tests rule out.
pub fn inspections() -> &'static [Inspection] {
    static ALL: OnceLock<Vec<Inspection>> = OnceLock::new();
    ALL.get_or_init(|| load().expect("embedded inspections are valid (checked by tests)"))
}

/// The inspections of one provider, by date.
pub fn inspections_of(urn: &Urn) -> &'static [Inspection] {
    let all = inspections();
    let start = all.partition_point(|i| &i.urn < urn);
    let end = all.partition_point(|i| &i.urn <= urn);
    &all[start..end]
}

fn load() -> Result<Vec<Inspection>, PublicError> {
    let text = lz4_flex::decompress_size_prepended(PACKED)
        .map_err(|e| PublicError::Internal(format!("{PACKED_NAME} does not decompress: {e}")))?;
    parse(&text)
}

#[derive(Deserialize)]
struct Row<'a> {
    urn: &'a str,
    date: &'a str,
    kind: &'a str,
    overall: &'a str,
}

/// Parses the packed layout: `urn,date,kind,overall`.
pub(crate) fn parse(csv_text: &[u8]) -> Result<Vec<Inspection>, PublicError> {
    let file = PACKED_NAME;
    let mut out = Vec::new();
    crate::packed::for_each_record(file, csv_text, |rec| {
        let row: Row<'_> = rec.row()?;
        let bad = |column: &str, value: &str, expected| rec.bad(column, value, expected);
        out.push(Inspection {
            urn: Urn::parse(row.urn).ok_or_else(|| bad("urn", row.urn, "an Ofsted URN"))?,
            date: row.date.parse().map_err(|_| bad("date", row.date, "a YYYY-MM-DD date"))?,
            kind: InspectionKind::from_text(row.kind)
                .ok_or_else(|| bad("kind", row.kind, "an inspection type"))?,
            overall: match row.overall {
                "" => None,
                j => Some(Judgement::from_text(j).ok_or_else(|| bad("overall", j, "a grade"))?),
            },
        });
        Ok(())
    })?;
    out.sort_by(|a, b| (&a.urn, a.date, a.kind).cmp(&(&b.urn, b.date, b.kind)));
    Ok(out)
}

/// Builds the packed file's rows from the cleaned provider lists and in-year inspections:
/// one row per URN, date and kind (the first grade seen wins; they agree in the data).
#[cfg(any(test, feature = "pack"))]
pub(crate) fn collect(
    providers_csv: &[u8],
    in_year_csv: &[u8],
) -> Result<Vec<[String; 4]>, PublicError> {
    use std::collections::BTreeMap;
    let mut seen: BTreeMap<(String, String, String), String> = BTreeMap::new();
    let mut add = |urn: &str, date: &str, kind: &str, overall: &str| {
        if urn.is_empty() || date.is_empty() || kind.is_empty() {
            return;
        }
        let slot = seen.entry((urn.to_owned(), date.to_owned(), kind.to_owned())).or_default();
        if slot.is_empty() {
            overall.clone_into(slot);
        }
    };
    // (file bytes, file name, [date, type, grade] column triples)
    type Source<'a> = (&'a [u8], &'a str, &'a [[&'a str; 3]]);
    let sources: [Source<'_>; 2] = [
        (
            providers_csv,
            crate::providers::SOURCE_NAME,
            &[
                ["latest_full_inspection_date", "latest_full_inspection_type", "overall_judgement"],
                [
                    "previous_full_inspection_date",
                    "previous_full_inspection_type",
                    "previous_overall_judgement",
                ],
            ],
        ),
        (
            in_year_csv,
            IN_YEAR_SOURCE,
            &[["inspection_date", "inspection_event_type", "overall_judgement"]],
        ),
    ];
    for (bytes, file, triples) in sources {
        let mut reader = csv::Reader::from_reader(bytes);
        let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
        let col = |name: &str| {
            headers.iter().position(|h| h == name).ok_or_else(|| PublicError::MissingColumn {
                file: file.to_owned(),
                column: name.to_owned(),
            })
        };
        let urn = col("urn")?;
        let cols = triples
            .iter()
            .map(|t| Ok([col(t[0])?, col(t[1])?, col(t[2])?]))
            .collect::<Result<Vec<_>, PublicError>>()?;
        for record in reader.records() {
            let record = record.map_err(|e| PublicError::csv(file, e))?;
            let get = |i: usize| record.get(i).unwrap_or("");
            for [d, k, o] in &cols {
                add(get(urn), get(*d), get(*k), get(*o));
            }
        }
    }
    Ok(seen.into_iter().map(|((urn, date, kind), overall)| [urn, date, kind, overall]).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inspections_parse_and_are_found_by_urn() {
        let all = inspections();
        assert!(all.len() > 15_000, "{}", all.len());
        let first = &all[0];
        let of = inspections_of(&first.urn);
        assert!(!of.is_empty() && of.iter().all(|i| i.urn == first.urn));
        assert!(of.windows(2).all(|w| w[0].date <= w[1].date));
        // 2022-23 is complete: 3,034 full inspections among 3,767 events.
        let in_year = |kind| {
            all.iter()
                .filter(|i| i.kind == kind)
                .filter(|i| {
                    i.date >= Date::constant(2022, 4, 1) && i.date <= Date::constant(2023, 3, 31)
                })
                .count()
        };
        // One more monitoring inspection in the window is named only in a provider list.
        assert_eq!(in_year(InspectionKind::Monitoring), 469 + 1);
        assert_eq!(in_year(InspectionKind::AssuranceVisit), 263);
        assert!(in_year(InspectionKind::Full) >= 3_000);
    }

    #[test]
    fn grade_spellings_are_read() {
        assert_eq!(
            Judgement::from_text("Requires Improvement to be good"),
            Some(Judgement::RequiresImprovement)
        );
        assert_eq!(Judgement::from_text(" inadequate "), Some(Judgement::Inadequate));
        assert_eq!(Judgement::from_text("2"), Some(Judgement::Good));
        assert_eq!(Judgement::from_text("Very good"), None);
        assert_eq!(InspectionKind::from_text("FULL INSPECTION"), Some(InspectionKind::Full));
    }
}
