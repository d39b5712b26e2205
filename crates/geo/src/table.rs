//! The decoded postcode table: columns of unit postcodes plus district and sector centroids.

use std::ops::Range;
use std::thread::{Scope, ScopedJoinHandle};

use carelens_model::{Postcode, PostcodePrecision};

use crate::area::{Area, area_of_lad};
use crate::format::{
    Blocks, CHUNK_UNITS, COORDINATE_ESCAPE, INWARD_ESCAPE, MAGIC, Reader, corrupt, inward_code,
    inward_text, split_parts, unzigzag16,
};
use crate::{GeoError, GridPoint, Located};

/// One outward code (`E15`): its centroid and the range of its unit postcodes.
struct District {
    outward: Box<str>,
    start: u32,
    end: u32,
    point: GridPoint,
    lad: u16,
}

/// One sector (`E15 4`): its centroid.
struct Sector {
    district: u32,
    digit: u8,
    point: GridPoint,
    lad: u16,
}

/// Everything in `data/postcodes.lz4`, decoded into columns. Unit `i` is
/// (`inward[i]`, `easting[i]`, `northing[i]`), has the LAD of the run that holds `i`, and
/// belongs to the district whose range holds `i`.
pub(crate) struct Table {
    /// LAD codes (sorted) and their upper-tier areas; units refer to them by index.
    lads: Vec<(Box<str>, Option<Area>)>,
    districts: Vec<District>,
    sectors: Vec<Sector>,
    inward: Vec<u16>,
    easting: Vec<u32>,
    northing: Vec<u32>,
    /// The LAD column as runs: `lad_run_starts[k]..lad_run_starts[k + 1]` (or to the end) all
    /// have LAD `lad_run_values[k]`. About 60,000 runs instead of 2.7 million entries.
    lad_run_starts: Vec<u32>,
    lad_run_values: Vec<u16>,
}

impl Table {
    /// Decodes the packed file (see [`crate::format`]), the two coordinate parts on their own
    /// threads while this one decodes the tables.
    pub(crate) fn decode(packed: &[u8]) -> Result<Self, GeoError> {
        let [tables, eastings, northings] = split_parts(packed)?;
        std::thread::scope(|scope| {
            let eastings = spawn_decoding(scope, eastings);
            let northings = spawn_decoding(scope, northings);
            let mut table = Self::decode_tables(tables)?;
            table.easting = join(eastings)?;
            table.northing = join(northings)?;
            let n = table.inward.len();
            if table.easting.len() != n || table.northing.len() != n {
                return Err(corrupt("coordinate columns differ in length from the units", 0));
            }
            Ok(table)
        })
    }

    /// Part 1: everything but the coordinates.
    fn decode_tables(part: &[u8]) -> Result<Self, GeoError> {
        let mut blocks = Blocks::new(part);
        let mut header = Vec::new();
        blocks.next_into(&mut header)?;
        let mut r = Reader::new(&header);
        if r.bytes(MAGIC.len())? != MAGIC {
            return Err(corrupt("unknown format marker", 0));
        }

        let lad_count = r.u32()? as usize;
        let mut lads = Vec::with_capacity(lad_count);
        for _ in 0..lad_count {
            let at = r.position();
            let code = std::str::from_utf8(r.bytes(9)?).map_err(|_| corrupt("LAD code", at))?;
            lads.push((Box::from(code), area_of_lad(code)));
        }
        let lad_index = |r: &mut Reader<'_>| {
            let at = r.position();
            let i = r.varint()?;
            u16::try_from(i)
                .ok()
                .filter(|&i| usize::from(i) < lad_count)
                .ok_or_else(|| corrupt("LAD index out of range", at))
        };

        let district_count = r.u32()? as usize;
        let mut districts: Vec<District> = Vec::with_capacity(district_count);
        let mut units = 0u32;
        for _ in 0..district_count {
            let at = r.position();
            let len = usize::from(r.byte()?);
            let outward = std::str::from_utf8(r.bytes(len)?).map_err(|_| corrupt("outward", at))?;
            if districts.last().is_some_and(|d| *d.outward >= *outward) {
                return Err(corrupt("districts out of order", at));
            }
            let point = GridPoint { easting: r.u32()?, northing: r.u32()? };
            let lad = lad_index(&mut r)?;
            let count = r.u32()?;
            let end = units.checked_add(count).ok_or_else(|| corrupt("unit count", at))?;
            districts.push(District { outward: outward.into(), start: units, end, point, lad });
            units = end;
        }

        let sector_count = r.u32()? as usize;
        let mut sectors: Vec<Sector> = Vec::with_capacity(sector_count);
        let mut district = 0u32;
        for _ in 0..sector_count {
            let at = r.position();
            district = district.checked_add(r.u32()?).ok_or_else(|| corrupt("sector", at))?;
            let digit = r.byte()?;
            if district as usize >= district_count
                || sectors.last().is_some_and(|s| (s.district, s.digit) >= (district, digit))
            {
                return Err(corrupt("sector out of order or range", at));
            }
            let point = GridPoint { easting: r.u32()?, northing: r.u32()? };
            let lad = lad_index(&mut r)?;
            sectors.push(Sector { district, digit, point, lad });
        }

        let at = r.position();
        if r.u32()? != units {
            return Err(corrupt("unit count differs from the districts' sum", at));
        }
        let n = units as usize;
        let run_count = r.u32()?;
        let mut lad_run_starts = Vec::with_capacity(run_count as usize);
        let mut lad_run_values = Vec::with_capacity(run_count as usize);
        let mut covered = 0u32;
        for _ in 0..run_count {
            let at = r.position();
            let len = r.u32()?;
            lad_run_values.push(lad_index(&mut r)?);
            lad_run_starts.push(covered);
            covered = covered
                .checked_add(len)
                .filter(|&c| c <= units && len > 0)
                .ok_or_else(|| corrupt("LAD runs longer than the unit list", at))?;
        }
        if covered != units {
            return Err(corrupt("LAD runs shorter than the unit list", r.position()));
        }

        let count = r.u32()? as usize;
        let inward_escapes = r.bytes(count.saturating_mul(2))?;
        let mut inward_escapes =
            inward_escapes.chunks_exact(2).map(|b| u16::from_le_bytes([b[0], b[1]]));
        if !r.is_empty() {
            return Err(corrupt("trailing bytes in the tables", r.position()));
        }

        // Districts with no units are skipped; Σ unit counts = n keeps `d` in range.
        let mut inward = Vec::with_capacity(n);
        let mut chunk = Vec::with_capacity(CHUNK_UNITS);
        let (mut d, mut next) = (0, 0u16);
        while inward.len() < n {
            blocks.next_into(&mut chunk)?;
            if chunk.len() != (n - inward.len()).min(CHUNK_UNITS) {
                return Err(corrupt("inward block size", 0));
            }
            for &gap in &chunk {
                while districts[d].end as usize <= inward.len() {
                    (d, next) = (d + 1, 0);
                }
                let code = if gap == INWARD_ESCAPE {
                    inward_escapes.next()
                } else {
                    next.checked_add(gap.into())
                };
                let code = code.filter(|&c| c < 6760).ok_or_else(|| corrupt("inward codes", 0))?;
                inward.push(code);
                next = code + 1;
            }
        }
        if !blocks.is_done() {
            return Err(corrupt("trailing blocks after the inward column", 0));
        }
        Ok(Self {
            lads,
            districts,
            sectors,
            inward,
            easting: Vec::new(),
            northing: Vec::new(),
            lad_run_starts,
            lad_run_values,
        })
    }

    /// Number of unit postcodes.
    pub(crate) fn len(&self) -> usize {
        self.inward.len()
    }

    /// Looks a postcode up at its own precision: units in the unit columns, sectors and
    /// districts among the centroids.
    pub(crate) fn locate(&self, postcode: &Postcode) -> Option<Located> {
        let d = self.district(postcode.outward())?;
        let district = &self.districts[d];
        match postcode.precision() {
            PostcodePrecision::Unit => {
                let text = postcode.as_str().as_bytes();
                let code = inward_code(&text[text.len().checked_sub(3)?..])?;
                let (start, end) = (district.start as usize, district.end as usize);
                let i = self.inward[start..end].binary_search(&code).ok()? + start;
                self.unit(i)
            }
            PostcodePrecision::Sector => {
                let digit = postcode.as_str().bytes().last()?.checked_sub(b'0')?;
                let key = (u32::try_from(d).ok()?, digit);
                let i = self.sectors.binary_search_by_key(&key, |s| (s.district, s.digit)).ok()?;
                let s = &self.sectors[i];
                self.located(s.point, s.lad, PostcodePrecision::Sector)
            }
            PostcodePrecision::District => {
                self.located(district.point, district.lad, PostcodePrecision::District)
            }
        }
    }

    /// Unit postcode `i` with its location.
    pub(crate) fn unit_at(&self, i: usize) -> Option<(Postcode, Located)> {
        let code = *self.inward.get(i)?;
        let d = self.districts.partition_point(|d| d.start as usize <= i).checked_sub(1)?;
        let mut text = String::with_capacity(8);
        text.push_str(&self.districts[d].outward);
        text.push(' ');
        text.extend(inward_text(code).map(char::from));
        Some((Postcode::parse(&text).ok()?, self.unit(i)?))
    }

    /// Runs of consecutive unit indices that share an upper-tier area, in index order.
    pub(crate) fn area_runs(&self) -> impl Iterator<Item = (Range<u32>, Option<Area>)> + '_ {
        let ends = self.lad_run_starts.iter().skip(1).copied().chain([self.len_u32()]);
        self.lad_run_starts
            .iter()
            .zip(ends)
            .zip(&self.lad_run_values)
            .map(|((&start, end), &lad)| (start..end, self.lads[usize::from(lad)].1))
    }

    fn len_u32(&self) -> u32 {
        // decode() built the table from a u32 count.
        u32::try_from(self.inward.len()).unwrap_or(u32::MAX)
    }

    /// Every LAD code in the file with its area, for tests.
    #[cfg(test)]
    pub(crate) fn lads(&self) -> impl Iterator<Item = (&str, Option<Area>)> {
        self.lads.iter().map(|(code, area)| (&**code, *area))
    }

    fn district(&self, outward: &str) -> Option<usize> {
        self.districts.binary_search_by(|d| d.outward.as_bytes().cmp(outward.as_bytes())).ok()
    }

    fn unit(&self, i: usize) -> Option<Located> {
        let point = GridPoint { easting: self.easting[i], northing: self.northing[i] };
        let run = self.lad_run_starts.partition_point(|&s| s as usize <= i).checked_sub(1)?;
        self.located(point, self.lad_run_values[run], PostcodePrecision::Unit)
    }

    fn located(&self, point: GridPoint, lad: u16, precision: PostcodePrecision) -> Option<Located> {
        Some(Located { point, area: self.lads[usize::from(lad)].1?, precision })
    }
}

/// A coordinate column being decoded on its own thread, or the part itself if no thread could
/// be started.
type Decoding<'scope, 'env> =
    Result<ScopedJoinHandle<'scope, Result<Vec<u32>, GeoError>>, &'env [u8]>;

fn spawn_decoding<'scope, 'env>(
    scope: &'scope Scope<'scope, 'env>,
    part: &'env [u8],
) -> Decoding<'scope, 'env> {
    let builder = std::thread::Builder::new().name("carelens-geo-decode".to_owned());
    builder.spawn_scoped(scope, move || read_coordinates(part)).map_err(|_| part)
}

/// The column a decoding thread produced, or the column decoded here if no thread started.
fn join(decoding: Decoding<'_, '_>) -> Result<Vec<u32>, GeoError> {
    match decoding {
        Ok(handle) => handle.join().unwrap_or_else(|_| {
            Err(GeoError::Internal("the postcode decoding thread panicked".to_owned()))
        }),
        Err(part) => read_coordinates(part),
    }
}

/// Parts 2 and 3 (undoes `coordinate_part` in the packer): a header with the unit count and
/// escaped values, then blocks of low-byte and high-byte planes of 16-bit zigzag deltas.
fn read_coordinates(part: &[u8]) -> Result<Vec<u32>, GeoError> {
    let mut blocks = Blocks::new(part);
    let mut header = Vec::new();
    blocks.next_into(&mut header)?;
    let mut r = Reader::new(&header);
    let n = r.u32()? as usize;
    let count = r.u32()? as usize;
    let escapes = r.bytes(count.saturating_mul(4))?;
    if !r.is_empty() {
        return Err(corrupt("trailing bytes in a coordinate header", r.position()));
    }
    let mut escapes = escapes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]));
    let mut out = Vec::with_capacity(n);
    let mut chunk = Vec::with_capacity(2 * CHUNK_UNITS);
    let mut value = 0u32;
    while out.len() < n {
        blocks.next_into(&mut chunk)?;
        let k = (n - out.len()).min(CHUNK_UNITS);
        if chunk.len() != 2 * k {
            return Err(corrupt("coordinate block size", 0));
        }
        let (lo, hi) = chunk.split_at(k);
        for (&lo, &hi) in lo.iter().zip(hi) {
            let z = u16::from_le_bytes([lo, hi]);
            value = if z == COORDINATE_ESCAPE {
                escapes.next().ok_or_else(|| corrupt("too few coordinate escapes", 0))?
            } else {
                value.wrapping_add_signed(unzigzag16(z))
            };
            out.push(value);
        }
    }
    if !blocks.is_done() {
        return Err(corrupt("trailing blocks after a coordinate column", 0));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::postcodes::PACKED;

    #[test]
    fn corrupt_data_is_an_internal_error_not_a_panic() {
        assert!(matches!(Table::decode(&[]), Err(GeoError::Internal(_))));
        assert!(matches!(Table::decode(&PACKED[..PACKED.len() - 1]), Err(GeoError::Internal(_))));
        let mut wrong_part_length = PACKED.to_vec();
        wrong_part_length[0] ^= 1;
        assert!(matches!(Table::decode(&wrong_part_length), Err(GeoError::Internal(_))));
    }
}
