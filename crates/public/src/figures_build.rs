//! Builds the wide `la_figures.csv` rows from DfE long-format files: used by the packer and by
//! `carelens public load` for newer DfE releases.

use std::collections::{BTreeMap, HashMap};

use crate::columns::{COLUMNS, Kind, Source, header};
use crate::error::PublicError;
use crate::figures;

fn column(headers: &csv::StringRecord, file: &str, name: &str) -> Result<usize, PublicError> {
    headers.iter().position(|h| h == name).ok_or_else(|| PublicError::MissingColumn {
        file: file.to_owned(),
        column: name.to_owned(),
    })
}

/// Area key for sorting: 0 is England, otherwise the DfE LA code.
pub(crate) type Key = (u16, i16);

/// One spec column to fill from a matching source row.
struct Target {
    /// Its index in [`COLUMNS`].
    spec: usize,
    /// (output column, source column) pairs: one, or two for a count and its percentage.
    cells: Vec<(usize, usize)>,
}

/// The LA and England rows of DfE long-format files, one wide row (every packed column) per
/// area and year, cells of other sources left empty. With `require_all`, every packed column
/// must be matched by some row (the packer's check that no source file changed shape).
pub(crate) fn build_table(
    inputs: &[(Source, &[u8])],
    require_all: bool,
) -> Result<BTreeMap<Key, Vec<String>>, PublicError> {
    let header = header();
    let position: HashMap<&str, usize> =
        header.iter().enumerate().map(|(i, h)| (h.as_str(), i)).collect();
    let mut table: BTreeMap<Key, Vec<String>> = BTreeMap::new();
    let mut matched = vec![false; COLUMNS.len()];
    for &(source, bytes) in inputs {
        let file = source.file();
        let mut reader = csv::Reader::from_reader(bytes);
        let headers = reader.headers().map_err(|e| PublicError::csv(file, e))?.clone();
        let col = |name| column(&headers, file, name);
        let (year_col, level_col, code_col) =
            (col("time_period")?, col("geographic_level")?, col("la_dfe_code")?);
        let group_cols =
            source.group_columns().iter().map(|c| col(c)).collect::<Result<Vec<_>, _>>()?;
        // The group values that select a row → the spec columns filled from it.
        let mut wanted: HashMap<Vec<&str>, Vec<Target>> = HashMap::new();
        for (n, c) in COLUMNS.iter().enumerate().filter(|(_, c)| c.source == source) {
            let cells = match c.kind {
                Kind::Value(raw) => vec![(position[c.key], col(raw)?)],
                Kind::Count => {
                    let (number, percent) = source.count_columns();
                    let pct = format!("{}_pct", c.key);
                    vec![(position[c.key], col(number)?), (position[pct.as_str()], col(percent)?)]
                }
            };
            wanted.entry(c.group.to_vec()).or_default().push(Target { spec: n, cells });
        }
        for record in reader.records() {
            let record = record.map_err(|e| PublicError::csv(file, e))?;
            let line = record.position().map_or(0, |p| p.line());
            let get = |i: usize| record.get(i).unwrap_or("");
            let area = match get(level_col) {
                "National" => 0,
                "Local authority" => get(code_col).parse().map_err(|_| {
                    PublicError::bad(file, line, "la_dfe_code", get(code_col), "a DfE LA code")
                })?,
                _ => continue,
            };
            let year: i16 = get(year_col).parse().map_err(|_| {
                PublicError::bad(file, line, "time_period", get(year_col), "a year such as 2025")
            })?;
            let group: Vec<&str> = group_cols.iter().map(|&i| get(i)).collect();
            let Some(targets) = wanted.get(&group) else { continue };
            let row =
                table.entry((area, year)).or_insert_with(|| vec![String::new(); header.len()]);
            for target in targets {
                matched[target.spec] = true;
                for &(out, raw) in &target.cells {
                    if !row[out].is_empty() {
                        return Err(PublicError::Internal(format!(
                            "{file} line {line}: a second row for {} in {year}",
                            header[out]
                        )));
                    }
                    row[out] = get(raw).to_owned();
                }
            }
        }
    }
    if let Some((c, _)) = COLUMNS.iter().zip(&matched).find(|(_, m)| require_all && !**m) {
        return Err(PublicError::Internal(format!(
            "{}: no row has {:?} (for column {})",
            c.source.file(),
            c.group,
            c.key
        )));
    }
    Ok(table)
}

/// Writes a table as `la_figures.csv`: areas in a year whose every cell is `z`/`x` left out.
pub(crate) fn table_to_csv(table: BTreeMap<Key, Vec<String>>) -> Result<Vec<u8>, PublicError> {
    let header = header();
    let mut rows = Vec::new();
    for ((area, year), mut row) in table {
        // An authority in a year before it existed, or after it was abolished, is all `z`/`x`.
        let published = row.iter().any(|c| !matches!(c.as_str(), "" | "z" | "x"));
        if !published {
            continue;
        }
        row[0] = if area == 0 { "england".to_owned() } else { format!("{area:03}") };
        row[1] = year.to_string();
        rows.push(row);
    }
    let mut writer = csv::Writer::from_writer(Vec::new());
    let io = |e: csv::Error| PublicError::csv(figures::PACKED_NAME, e);
    writer.write_record(&header).map_err(io)?;
    for row in rows {
        writer.write_record(&row).map_err(io)?;
    }
    writer
        .into_inner()
        .map_err(|e| PublicError::Internal(format!("writing {}: {e}", figures::PACKED_NAME)))
}
