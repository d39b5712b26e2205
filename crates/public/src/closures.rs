//! Providers that closed, resigned or had their registration cancelled in the years ending
//! 31 March 2017–2023 (Ofsted's "leavers" tables).

use std::sync::OnceLock;

use carelens_model::Urn;
use jiff::civil::Date;
use serde::Deserialize;

use crate::error::PublicError;

pub(crate) const PACKED_NAME: &str = "ofsted_leavers_2017_2023.csv";
const PACKED: &str = include_str!("../data/ofsted_leavers_2017_2023.csv");
#[cfg(any(test, feature = "pack"))]
pub(crate) const SOURCE_NAME: &str = "ofsted_csc_provider_joiners_leavers_2017_2023.csv";

/// One provider that left the register.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Closure {
    /// The provider.
    pub urn: Urn,
    /// The day its registration ended.
    pub leave_date: Date,
    /// How it ended, as Ofsted says ("Resigned", "Cancelled", "Closed").
    pub how: String,
}

/// Every recorded closure, sorted by URN.
///
/// # Panics
/// Only if the embedded file is corrupt, which the crate's tests rule out.
pub fn closures() -> &'static [Closure] {
    static ALL: OnceLock<Vec<Closure>> = OnceLock::new();
    ALL.get_or_init(|| parse(PACKED.as_bytes()).expect("embedded closures are valid"))
}

/// The recorded closure of `urn`, if Ofsted's leavers tables list it.
pub fn closure_of(urn: &Urn) -> Option<&'static Closure> {
    let all = closures();
    all.binary_search_by(|c| c.urn.cmp(urn)).ok().map(|i| &all[i])
}

#[derive(Deserialize)]
struct Row<'a> {
    urn: &'a str,
    leave_date: &'a str,
    registration_status_end: &'a str,
}

pub(crate) fn parse(csv_text: &[u8]) -> Result<Vec<Closure>, PublicError> {
    let file = PACKED_NAME;
    let mut out: Vec<Closure> = Vec::new();
    crate::packed::for_each_record(file, csv_text, |rec| {
        let row: Row<'_> = rec.row()?;
        let bad = |column: &str, value: &str, expected| rec.bad(column, value, expected);
        out.push(Closure {
            urn: Urn::parse(row.urn).ok_or_else(|| bad("urn", row.urn, "an Ofsted URN"))?,
            leave_date: row
                .leave_date
                .parse()
                .map_err(|_| bad("leave_date", row.leave_date, "a YYYY-MM-DD date"))?,
            how: row.registration_status_end.to_owned(),
        });
        Ok(())
    })?;
    out.sort_by(|a, b| (&a.urn, a.leave_date).cmp(&(&b.urn, b.leave_date)));
    // A provider that closed, re-registered under the same URN and closed again keeps its
    // last closure.
    out.reverse();
    out.dedup_by(|a, b| a.urn == b.urn);
    out.reverse();
    Ok(out)
}

/// The leaver rows of the joiners-and-leavers file, reduced to `urn,leave_date,
/// registration_status_end`.
#[cfg(any(test, feature = "pack"))]
pub(crate) fn pack(source_csv: &[u8]) -> Result<Vec<u8>, PublicError> {
    let file = SOURCE_NAME;
    let mut reader = csv::Reader::from_reader(source_csv);
    let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
    let col = |name: &str| {
        headers.iter().position(|h| h == name).ok_or_else(|| PublicError::MissingColumn {
            file: file.to_owned(),
            column: name.to_owned(),
        })
    };
    let (urn, leaver, date, status) =
        (col("urn")?, col("leaver")?, col("leave_date")?, col("registration_status_end")?);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|e| PublicError::csv(file, e))?;
        let get = |i: usize| record.get(i).unwrap_or("").to_owned();
        if get(leaver) == "True" && !get(date).is_empty() {
            rows.push([get(urn), get(date), get(status)]);
        }
    }
    rows.sort();
    rows.dedup();
    let mut writer = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| PublicError::csv(PACKED_NAME, e);
    writer.write_record(["urn", "leave_date", "registration_status_end"]).map_err(io)?;
    for r in rows {
        writer.write_record(&r).map_err(io)?;
    }
    writer.into_inner().map_err(|e| PublicError::Internal(format!("writing {PACKED_NAME}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closures_parse_and_are_found() {
        let all = closures();
        assert!(all.len() > 1_000, "{}", all.len());
        let c = &all[0];
        assert_eq!(closure_of(&c.urn), Some(c));
        // Leave dates are as published: a few rows of the 2017 table give dates years earlier.
        assert!(all.iter().all(|c| c.leave_date.year() <= 2023));
        assert!(all.iter().filter(|c| c.leave_date.year() < 2016).count() <= 3);
    }
}
