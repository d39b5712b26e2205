//! The packer (feature `pack`): rebuilds `data/` from the reference CSVs.

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};

use carelens_model::{Postcode, PostcodePrecision};

use crate::GeoError;
use crate::format::{
    CHUNK_UNITS, COORDINATE_ESCAPE, INWARD_ESCAPE, MAGIC, inward_code, inward_text, join_parts,
    put_block, put_varint, zigzag,
};
use crate::la::split_csv_line;

/// What [`pack`] wrote.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct PackReport {
    /// Unit postcodes packed.
    pub units: usize,
    /// District centroids packed.
    pub districts: usize,
    /// Sector centroids packed.
    pub sectors: usize,
    /// Distinct LAD codes.
    pub lads: usize,
    /// Rows left out, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Size of `postcodes.lz4` before compression.
    pub raw_bytes: usize,
    /// Size of `postcodes.lz4`.
    pub packed_bytes: usize,
}

/// Rebuilds the shipped geography in `out_dir` (normally `crates/geo/data`) from the reference
/// files in `reference_dir`:
///
/// * `postcodes.lz4` from `postcodes.csv.gz`, `postcode-districts.csv` and
///   `postcode-sectors.csv` (layout in `src/format.rs`);
/// * `ltla-utla-2021.csv`, the ONS lookup without its byte-order mark and `FID` column.
///
/// `children-services-authorities.csv` is not touched: the repository's copy corrects the
/// regions of Derbyshire and Lincolnshire (East Midlands) that the reference file gets wrong.
///
/// Rows whose postcode carelens cannot read (the November 2025 file has 2,417 legacy `NPT …`
/// postcodes in Newport, whose outward code has no digit), or that have no grid reference or no
/// LAD, are left out and counted in [`PackReport::skipped`].
///
/// # Errors
/// [`GeoError::Read`] or [`GeoError::Write`] for file problems; [`GeoError::Parse`] for a row
/// whose shape is wrong, a duplicate postcode, or a postcode whose district or sector has no
/// centroid row.
pub fn pack(reference_dir: &Path, out_dir: &Path) -> Result<PackReport, GeoError> {
    let mut report = PackReport::default();
    let mut lads = LadInterner::default();

    let path = reference_dir.join("postcodes.csv.gz");
    let file = fs::File::open(&path).map_err(|source| read_error(&path, source))?;
    let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
    let mut units = read_units(&path, reader, &mut lads, &mut report)?;
    units.sort_unstable_by(|a, b| (&a.outward, a.inward).cmp(&(&b.outward, b.inward)));
    if let Some(w) =
        units.windows(2).find(|w| (&w[0].outward, w[0].inward) == (&w[1].outward, w[1].inward))
    {
        let inward = inward_text(w[1].inward).map(char::from);
        let message = format!("postcode {} {} repeated", w[1].outward, String::from_iter(inward));
        return Err(parse_error(&path, w[1].line, message));
    }

    let district_path = reference_dir.join("postcode-districts.csv");
    let districts =
        read_centroids(&district_path, PostcodePrecision::District, &mut lads, &mut report)?;
    let sector_path = reference_dir.join("postcode-sectors.csv");
    let sectors = read_centroids(&sector_path, PostcodePrecision::Sector, &mut lads, &mut report)?;

    for u in &units {
        if !districts.contains_key(&u.outward) {
            let message =
                format!("district {} has no row in {}", u.outward, district_path.display());
            return Err(parse_error(&path, u.line, message));
        }
        if !sectors.contains_key(&format!("{} {}", u.outward, u.inward / 676)) {
            let message = format!("its sector has no row in {}", sector_path.display());
            return Err(parse_error(&path, u.line, message));
        }
    }
    for (code, c) in &sectors {
        let outward = code.split_once(' ').map_or(code.as_str(), |(outward, _)| outward);
        if !districts.contains_key(outward) {
            let message =
                format!("sector {code} has no district row in {}", district_path.display());
            return Err(parse_error(&sector_path, c.line, message));
        }
    }

    let (lad_codes, remap) = lads.sorted();
    let mut tables = Vec::new();
    tables.extend_from_slice(MAGIC);
    put_len(&mut tables, lad_codes.len());
    for code in &lad_codes {
        tables.extend_from_slice(code.as_bytes());
    }
    encode_centroids(&mut tables, &units, &districts, &sectors, &remap);
    let gaps = encode_units(&mut tables, &units, &remap);
    let mut tables_part = Vec::new();
    put_block(&mut tables_part, &tables)?;
    for chunk in gaps.chunks(CHUNK_UNITS) {
        put_block(&mut tables_part, chunk)?;
    }
    let (eastings, easting_bytes) = coordinate_part(units.iter().map(|u| u.easting))?;
    let (northings, northing_bytes) = coordinate_part(units.iter().map(|u| u.northing))?;

    let packed = join_parts([&tables_part, &eastings, &northings])?;
    fs::create_dir_all(out_dir).map_err(|source| write_error(out_dir, source))?;
    write(&out_dir.join("postcodes.lz4"), &packed)?;
    write_ltla_utla(
        &reference_dir.join("ltla-utla-2021.csv"),
        &out_dir.join("ltla-utla-2021.csv"),
    )?;

    report.units = units.len();
    report.districts = districts.len();
    report.sectors = sectors.len();
    report.lads = lad_codes.len();
    report.raw_bytes = tables.len() + gaps.len() + easting_bytes + northing_bytes;
    report.packed_bytes = packed.len();
    Ok(report)
}

/// Districts (in byte order of the outward code, as a `BTreeMap<String, _>` iterates) with
/// their unit counts, then sectors by (district index, digit). `remap` takes first-seen LAD ids
/// to sorted indices.
fn encode_centroids(
    buf: &mut Vec<u8>,
    units: &[Unit],
    districts: &BTreeMap<String, Centroid>,
    sectors: &BTreeMap<String, Centroid>,
    remap: &[u16],
) {
    let mut unit_counts: BTreeMap<&str, usize> = BTreeMap::new();
    for u in units {
        *unit_counts.entry(&u.outward).or_default() += 1;
    }
    put_len(buf, districts.len());
    let mut district_index = BTreeMap::new();
    for (i, (code, c)) in districts.iter().enumerate() {
        buf.push(u8::try_from(code.len()).unwrap_or(u8::MAX)); // 2 to 4 characters
        buf.extend_from_slice(code.as_bytes());
        put_varint(buf, c.easting.into());
        put_varint(buf, c.northing.into());
        put_varint(buf, remap[c.lad].into());
        put_len(buf, unit_counts.get(code.as_str()).copied().unwrap_or(0));
        district_index.insert(code.as_str(), i);
    }

    // "E15 4" splits at its space; pack() checked that every sector's district exists.
    let mut rows: Vec<(usize, u8, &Centroid)> = sectors
        .iter()
        .filter_map(|(code, c)| {
            let (outward, digit) = code.split_once(' ')?;
            let digit = digit.bytes().next()?.checked_sub(b'0')?;
            Some((*district_index.get(outward)?, digit, c))
        })
        .collect();
    rows.sort_by_key(|&(d, digit, _)| (d, digit));
    put_len(buf, rows.len());
    let mut prev_district = 0;
    for (d, digit, c) in rows {
        put_len(buf, d - prev_district);
        prev_district = d;
        buf.push(digit);
        put_varint(buf, c.easting.into());
        put_varint(buf, c.northing.into());
        put_varint(buf, remap[c.lad].into());
    }
}

/// The unit count, LAD runs and inward escapes; returns the inward gaps (layout in
/// `format.rs`).
fn encode_units(buf: &mut Vec<u8>, units: &[Unit], remap: &[u16]) -> Vec<u8> {
    put_len(buf, units.len());
    let mut runs: Vec<(usize, u16)> = Vec::new();
    for u in units {
        match runs.last_mut() {
            Some((len, lad)) if *lad == remap[u.lad] => *len += 1,
            _ => runs.push((1, remap[u.lad])),
        }
    }
    put_len(buf, runs.len());
    for (len, lad) in runs {
        put_len(buf, len);
        put_varint(buf, lad.into());
    }

    let mut gaps = Vec::with_capacity(units.len());
    let mut inward_escapes = Vec::new();
    let mut next: Option<(&str, u16)> = None;
    for u in units {
        let gap = match next {
            Some((outward, code)) if outward == u.outward => u.inward - code,
            _ => u.inward,
        };
        match u8::try_from(gap) {
            Ok(gap) if gap != INWARD_ESCAPE => gaps.push(gap),
            _ => {
                gaps.push(INWARD_ESCAPE);
                inward_escapes.push(u.inward);
            }
        }
        next = Some((&u.outward, u.inward + 1));
    }
    put_len(buf, inward_escapes.len());
    for code in inward_escapes {
        buf.extend_from_slice(&code.to_le_bytes());
    }
    gaps
}

/// One coordinate column as a part of its own: a header block with the count and the values
/// whose delta does not fit 16 bits, then blocks of [`CHUNK_UNITS`] units, each the low bytes
/// then the high bytes of the zigzag deltas from the previous value. Also returns the
/// uncompressed size.
fn coordinate_part(
    values: impl ExactSizeIterator<Item = u32>,
) -> Result<(Vec<u8>, usize), GeoError> {
    let n = values.len();
    let mut deltas = Vec::with_capacity(n);
    let mut escapes = Vec::new();
    let mut prev = 0i64;
    for value in values {
        let z = match u16::try_from(zigzag(i64::from(value) - prev)) {
            Ok(z) if z != COORDINATE_ESCAPE => z,
            _ => {
                escapes.push(value);
                COORDINATE_ESCAPE
            }
        };
        deltas.push(z);
        prev = i64::from(value);
    }
    let mut header = Vec::with_capacity(4 * escapes.len() + 10);
    put_len(&mut header, n);
    put_len(&mut header, escapes.len());
    for value in escapes {
        header.extend_from_slice(&value.to_le_bytes());
    }
    let mut part = Vec::new();
    put_block(&mut part, &header)?;
    let mut planes = Vec::with_capacity(2 * CHUNK_UNITS);
    for chunk in deltas.chunks(CHUNK_UNITS) {
        planes.clear();
        planes.extend(chunk.iter().map(|z| z.to_le_bytes()[0]));
        planes.extend(chunk.iter().map(|z| z.to_le_bytes()[1]));
        put_block(&mut part, &planes)?;
    }
    Ok((part, header.len() + 2 * deltas.len()))
}

struct Unit {
    outward: String,
    inward: u16,
    easting: u32,
    northing: u32,
    lad: usize,
    line: usize,
}

struct Centroid {
    easting: u32,
    northing: u32,
    lad: usize,
    line: usize,
}

/// LAD codes numbered in first-seen order.
#[derive(Default)]
struct LadInterner {
    ids: BTreeMap<String, usize>,
}

impl LadInterner {
    fn id(&mut self, code: &str) -> usize {
        let next = self.ids.len();
        *self.ids.entry(code.to_owned()).or_insert(next)
    }

    /// The codes sorted, and a map from first-seen id to sorted index.
    fn sorted(self) -> (Vec<String>, Vec<u16>) {
        let mut remap = vec![0; self.ids.len()];
        let mut codes = Vec::with_capacity(self.ids.len());
        // BTreeMap iterates in key order, which is the sorted order.
        for (sorted, (code, id)) in self.ids.into_iter().enumerate() {
            remap[id] = u16::try_from(sorted).unwrap_or(u16::MAX);
            codes.push(code);
        }
        (codes, remap)
    }
}

/// `postcode,easting,northing,lad`, postcodes in the ONS 7-character form (`E1  6AN`).
fn read_units(
    path: &Path,
    reader: impl BufRead,
    lads: &mut LadInterner,
    report: &mut PackReport,
) -> Result<Vec<Unit>, GeoError> {
    let mut units = Vec::with_capacity(2_700_000);
    for (i, line) in reader.lines().enumerate() {
        let line_no = i + 1;
        let line = line.map_err(|source| read_error(path, source))?;
        if i == 0 {
            expect_header(path, &line, "postcode,easting,northing,lad")?;
            continue;
        }
        let [pc, easting, northing, lad] = fields(path, line_no, &line)?;
        let Some(postcode) =
            Postcode::parse(pc).ok().filter(|p| p.precision() == PostcodePrecision::Unit)
        else {
            skip(report, "postcode carelens does not read (legacy NPT codes)");
            continue;
        };
        let Some((easting, northing)) = coordinates(path, line_no, easting, northing)? else {
            skip(report, "unit postcode without a grid reference");
            continue;
        };
        let Some(lad) = lad_code(path, line_no, lad)? else {
            skip(report, "unit postcode without a LAD");
            continue;
        };
        let text = postcode.as_str();
        let (outward, inward) = text.split_once(' ').unwrap_or((text, ""));
        let inward = inward_code(inward.as_bytes()).ok_or_else(|| {
            parse_error(path, line_no, format!("inward code of {outward} unreadable"))
        })?;
        let lad = lads.id(lad);
        units.push(Unit {
            outward: outward.to_owned(),
            inward,
            easting,
            northing,
            lad,
            line: line_no,
        });
    }
    Ok(units)
}

/// `code,easting,northing,lad,postcodes`, keyed by normalised code.
fn read_centroids(
    path: &Path,
    precision: PostcodePrecision,
    lads: &mut LadInterner,
    report: &mut PackReport,
) -> Result<BTreeMap<String, Centroid>, GeoError> {
    let text = fs::read_to_string(path).map_err(|source| read_error(path, source))?;
    let mut out = BTreeMap::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if i == 0 {
            expect_header(path, line, "code,easting,northing,lad,postcodes")?;
            continue;
        }
        let [code, easting, northing, lad, _count] = fields(path, line_no, line)?;
        let Some(code) = Postcode::parse(code).ok().filter(|p| p.precision() == precision) else {
            skip(report, "district or sector carelens does not read (legacy NPT codes)");
            continue;
        };
        let Some((easting, northing)) = coordinates(path, line_no, easting, northing)? else {
            skip(report, "district or sector without a grid reference");
            continue;
        };
        let Some(lad) = lad_code(path, line_no, lad)? else {
            skip(report, "district or sector without a LAD");
            continue;
        };
        let centroid = Centroid { easting, northing, lad: lads.id(lad), line: line_no };
        if out.insert(code.as_str().to_owned(), centroid).is_some() {
            return Err(parse_error(path, line_no, format!("{} repeated", code.as_str())));
        }
    }
    Ok(out)
}

/// `LTLA21CD,LTLA21NM,UTLA21CD,UTLA21NM`, from the ONS file with a BOM and a leading `FID`.
fn write_ltla_utla(from: &Path, to: &Path) -> Result<(), GeoError> {
    let text = fs::read_to_string(from).map_err(|source| read_error(from, source))?;
    let mut out = String::with_capacity(text.len());
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let fields = split_csv_line(line);
        let [_fid, ltla, ltla_name, utla, utla_name] = fields.as_slice() else {
            let message = format!("expected 5 columns, found {}", fields.len());
            return Err(parse_error(from, i + 1, message));
        };
        let row = [ltla, ltla_name, utla, utla_name]
            .map(|f| if f.contains(',') { format!("\"{f}\"") } else { f.clone() });
        out.push_str(&row.join(","));
        out.push('\n');
    }
    write(to, out.as_bytes())
}

fn fields<'a, const N: usize>(
    path: &Path,
    line_no: usize,
    line: &'a str,
) -> Result<[&'a str; N], GeoError> {
    let parts: Vec<&str> = line.trim_end_matches('\r').split(',').collect();
    let found = parts.len();
    parts
        .try_into()
        .map_err(|_| parse_error(path, line_no, format!("expected {N} columns, found {found}")))
}

fn expect_header(path: &Path, line: &str, want: &str) -> Result<(), GeoError> {
    if line.trim_start_matches('\u{feff}').trim_end() == want {
        Ok(())
    } else {
        Err(parse_error(path, 1, format!("expected the header `{want}`")))
    }
}

fn coordinates(
    path: &Path,
    line_no: usize,
    e: &str,
    n: &str,
) -> Result<Option<(u32, u32)>, GeoError> {
    let (e, n) = (e.trim(), n.trim());
    if e.is_empty() || n.is_empty() {
        return Ok(None);
    }
    let parse = |v: &str| {
        v.parse::<u32>().map_err(|_| {
            parse_error(path, line_no, format!("grid value `{v}` is not whole metres"))
        })
    };
    Ok(Some((parse(e)?, parse(n)?)))
}

fn lad_code<'a>(path: &Path, line_no: usize, lad: &'a str) -> Result<Option<&'a str>, GeoError> {
    let lad = lad.trim();
    if lad.is_empty() {
        return Ok(None);
    }
    if lad.len() != 9 || !lad.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return Err(parse_error(
            path,
            line_no,
            format!("LAD `{lad}` is not a 9-character GSS code"),
        ));
    }
    Ok(Some(lad))
}

fn skip(report: &mut PackReport, reason: &str) {
    *report.skipped.entry(reason.to_owned()).or_default() += 1;
}

fn put_len(buf: &mut Vec<u8>, n: usize) {
    put_varint(buf, n as u64);
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), GeoError> {
    fs::write(path, bytes).map_err(|source| write_error(path, source))
}

fn read_error(path: &Path, source: std::io::Error) -> GeoError {
    GeoError::Read { path: PathBuf::from(path), source }
}

fn write_error(path: &Path, source: std::io::Error) -> GeoError {
    GeoError::Write { path: PathBuf::from(path), source }
}

fn parse_error(path: &Path, line: usize, message: String) -> GeoError {
    GeoError::Parse { path: PathBuf::from(path), line, message }
}

#[cfg(test)]
mod tests {
    use std::io::BufRead;

    use super::*;
    use crate::area::area_of_lad;
    use crate::table::Table;
    use crate::{GridPoint, Located};

    fn reference_dir() -> PathBuf {
        std::env::var_os("CARELENS_REFERENCE_DIR").map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/reference"),
            PathBuf::from,
        )
    }

    /// Packs the reference files again and checks that the shipped data is what they give,
    /// and that every usable row of `postcodes.csv.gz` is found with its own point and area.
    #[test]
    fn shipped_data_is_the_packed_reference_and_every_row_is_found() {
        let reference = reference_dir();
        assert!(reference.join("postcodes.csv.gz").exists(), "set CARELENS_REFERENCE_DIR");
        let out = tempfile::tempdir().unwrap();
        let report = pack(&reference, out.path()).unwrap();
        assert_eq!(report.units, 2_693_980);
        assert_eq!(report.skipped.values().sum::<usize>(), 2_417 + 11);

        let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
        for name in ["postcodes.lz4", "ltla-utla-2021.csv"] {
            let fresh = fs::read(out.path().join(name)).unwrap();
            let ours = fs::read(shipped.join(name)).unwrap();
            assert!(fresh == ours, "data/{name} is stale: run examples/pack_reference.rs");
        }

        let table = Table::decode(&fs::read(out.path().join("postcodes.lz4")).unwrap()).unwrap();
        let file = fs::File::open(reference.join("postcodes.csv.gz")).unwrap();
        let reader = BufReader::new(flate2::read::MultiGzDecoder::new(file));
        let mut found = 0;
        for line in reader.lines().skip(1) {
            let line = line.unwrap();
            let [pc, e, n, lad]: [&str; 4] =
                line.split(',').collect::<Vec<_>>().try_into().unwrap();
            let Ok(postcode) = Postcode::parse(pc) else { continue };
            let want = Located {
                point: GridPoint { easting: e.parse().unwrap(), northing: n.parse().unwrap() },
                area: area_of_lad(lad).unwrap(),
                precision: PostcodePrecision::Unit,
            };
            assert_eq!(table.locate(&postcode), Some(want), "{pc}");
            found += 1;
        }
        assert_eq!(found, report.units);
    }
}
