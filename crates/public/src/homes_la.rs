//! Children looked after in children's homes by LA, 2014–2024 (DfE FOI 2024-0040813): how
//! many of an authority's children in children's homes are placed outside its boundary, and
//! its net gain (children placed in its homes by other LAs minus its children placed in
//! others' areas).

use std::sync::OnceLock;

use carelens_model::LaCode;
use serde::Deserialize;

use crate::area::Area;
use crate::error::PublicError;

pub(crate) const PACKED_NAME: &str = "childrens_homes_la_2014_2024.csv";
const PACKED: &str = include_str!("../data/childrens_homes_la_2014_2024.csv");
#[cfg(any(test, feature = "pack"))]
pub(crate) const OUTSIDE_SOURCE: &str = "dfe_foi_cla_in_childrens_homes_outside_la_2014_2024.csv";
#[cfg(any(test, feature = "pack"))]
pub(crate) const NET_GAIN_SOURCE: &str = "dfe_foi_cla_in_childrens_homes_net_gain_la_2014_2024.csv";

/// One area's children's-home placement figures at 31 March of one year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChildrensHomesLa {
    /// England or one authority.
    pub area: Area,
    /// The year of the 31 March count.
    pub year: i16,
    /// The authority's children in children's homes placed outside its boundary; `None` where
    /// suppressed.
    pub placed_outside: Option<u32>,
    /// That number as a percentage of its children in children's homes.
    pub placed_outside_percent: Option<u8>,
    /// Children in children's homes placed inside the boundary by other authorities, minus the
    /// authority's own placed outside it: positive for a net importer.
    pub net_gain: Option<i32>,
}

/// Every area and year, England first, then authorities by code; years ascending.
///
/// # Panics
/// Only if the embedded file is corrupt, which the crate's tests rule out.
pub fn childrens_homes_by_la() -> &'static [ChildrensHomesLa] {
    static ALL: OnceLock<Vec<ChildrensHomesLa>> = OnceLock::new();
    ALL.get_or_init(|| parse(PACKED.as_bytes()).expect("embedded FOI figures are valid"))
}

/// One authority's figures for 31 March `year`.
pub fn childrens_homes_la(la: LaCode, year: i16) -> Option<&'static ChildrensHomesLa> {
    childrens_homes_by_la().iter().find(|f| f.area == Area::La(la) && f.year == year)
}

#[derive(Deserialize)]
struct Row<'a> {
    area: &'a str,
    year: &'a str,
    placed_outside: &'a str,
    placed_outside_pct: &'a str,
    net_gain: &'a str,
}

pub(crate) fn parse(csv_text: &[u8]) -> Result<Vec<ChildrensHomesLa>, PublicError> {
    let file = PACKED_NAME;
    let mut out = Vec::new();
    crate::packed::for_each_record(file, csv_text, |rec| {
        let row: Row<'_> = rec.row()?;
        let bad = |column: &str, value: &str, expected| rec.bad(column, value, expected);
        out.push(ChildrensHomesLa {
            area: match row.area {
                "england" => Area::England,
                c => Area::La(LaCode::parse(c).map_err(|_| bad("area", c, "a DfE LA code"))?),
            },
            year: row.year.parse().map_err(|_| bad("year", row.year, "a year"))?,
            placed_outside: row.placed_outside.parse().ok(),
            placed_outside_percent: row.placed_outside_pct.parse().ok(),
            net_gain: row.net_gain.parse().ok(),
        });
        Ok(())
    })?;
    out.sort_by_key(|f| (f.area, f.year));
    Ok(out)
}

/// Joins the two FOI files into `area,year,placed_outside,placed_outside_pct,net_gain`.
#[cfg(any(test, feature = "pack"))]
pub(crate) fn pack(outside_csv: &[u8], net_gain_csv: &[u8]) -> Result<Vec<u8>, PublicError> {
    use std::collections::BTreeMap;
    let mut rows: BTreeMap<(u16, i16), [String; 3]> = BTreeMap::new();
    for (bytes, file, cells) in [
        (outside_csv, OUTSIDE_SOURCE, &["number", "percentage"][..]),
        (net_gain_csv, NET_GAIN_SOURCE, &["number"][..]),
    ] {
        let mut reader = csv::Reader::from_reader(bytes);
        let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
        let col = |name: &str| {
            headers.iter().position(|h| h == name).ok_or_else(|| PublicError::MissingColumn {
                file: file.to_owned(),
                column: name.to_owned(),
            })
        };
        let (year, level, code) =
            (col("time_period")?, col("geographic_level")?, col("la_dfe_code")?);
        let value_cols = cells.iter().map(|c| col(c)).collect::<Result<Vec<_>, _>>()?;
        for record in reader.records() {
            let record = record.map_err(|e| PublicError::csv(file, e))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |i: usize| record.get(i).unwrap_or("");
            let area = match get(level) {
                "National" => 0,
                "Local authority" => get(code).parse().map_err(|_| {
                    PublicError::bad(file, line, "la_dfe_code", get(code), "a DfE LA code")
                })?,
                _ => continue,
            };
            let y: i16 = get(year)
                .parse()
                .map_err(|_| PublicError::bad(file, line, "time_period", get(year), "a year"))?;
            let slot = rows.entry((area, y)).or_default();
            let offset = if file == OUTSIDE_SOURCE { 0 } else { 2 };
            for (k, &c) in value_cols.iter().enumerate() {
                slot[offset + k] = get(c).to_owned();
            }
        }
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| PublicError::csv(PACKED_NAME, e);
    writer
        .write_record(["area", "year", "placed_outside", "placed_outside_pct", "net_gain"])
        .map_err(io)?;
    for ((area, year), cells) in rows {
        let area = if area == 0 { "england".to_owned() } else { format!("{area:03}") };
        let year = year.to_string();
        writer
            .write_record([area.as_str(), year.as_str(), &cells[0], &cells[1], &cells[2]])
            .map_err(io)?;
    }
    writer.into_inner().map_err(|e| PublicError::Internal(format!("writing {PACKED_NAME}: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn england_2024_matches_the_national_figure() {
        let england = childrens_homes_by_la()
            .iter()
            .find(|f| f.area == Area::England && f.year == 2024)
            .unwrap();
        assert_eq!(england.placed_outside, Some(5_760));
        assert_eq!(
            england.placed_outside.map(f64::from),
            crate::national_figure("cla_in_childrens_homes_outside_la", "2024")
        );
        assert_eq!(england.placed_outside_percent, Some(67));
        // Hartlepool, read from the FOI files: 25 (54%) outside, net gain -8.
        let hartlepool = childrens_homes_la(LaCode::new(805).unwrap(), 2024).unwrap();
        assert_eq!(hartlepool.placed_outside, Some(25));
        assert_eq!(hartlepool.placed_outside_percent, Some(54));
        assert_eq!(hartlepool.net_gain, Some(-8));
    }
}
