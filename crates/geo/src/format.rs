//! The packed postcode format (`data/postcodes.lz4`), shared by the packer and the loader.
//!
//! The file is three parts, each a `u32` little-endian length and a run of blocks: the tables
//! and the inward column, then the eastings, then the northings. The three decode in parallel.
//! A block is a `u32` LE length, the `u32` LE uncompressed size, and an LZ4 block (`lz4_flex`).
//! Each part opens with one header block; the unit columns follow in blocks of
//! [`CHUNK_UNITS`] units, which decompress into one small, reused buffer: writing a whole
//! decompressed column first, then the decoded one, cost more in page faults than the decoding.
//!
//! Part 1 header block (small tables as unsigned LEB128 varints):
//!
//! ```text
//! magic      MAGIC
//! lads       count, then count × 9 ASCII bytes (GSS codes, sorted)
//! districts  count, then per district, sorted by outward code bytes:
//!            len (1 byte), outward code, easting, northing, lad index, unit count
//! sectors    count, then per sector, sorted by (district, digit):
//!            district index − previous sector's, digit (1 byte), easting, northing, lad index
//! units      count (= Σ unit counts), then
//!            LAD runs: run count, then run count × (run length, lad index)
//!            inward escapes: count, then count × u16 LE inward codes
//! ```
//!
//! Part 1 unit blocks, for the units in district then inward code order: one byte per unit,
//! code − (previous code + 1), or the code itself at a district's first unit; INWARD_ESCAPE
//! takes the next inward escape instead.
//!
//! Parts 2 and 3, one coordinate each: a header block (unit count, then escape count and that
//! many u32 LE values), then unit blocks each holding the low bytes, then the high bytes, of
//! the u16 zigzag(value − previous value) for its units; COORDINATE_ESCAPE takes the next
//! escape instead.
//!
//! Sorting by postcode keeps neighbouring postcodes together, so most coordinate deltas fit in
//! 16 bits and the LAD column collapses into about 60,000 runs. Splitting the deltas into byte
//! planes leaves the high bytes mostly small, which LZ4 compresses. The columns are fixed
//! width, so they decode without branching on every byte (a varint stream took twice as long).

use crate::GeoError;

/// First bytes of the uncompressed payload; bump the digit when the layout changes.
pub(crate) const MAGIC: &[u8; 8] = b"CLPCODE4";

/// Units per unit block. A coordinate block is then 64 KiB, LZ4's window, so splitting costs
/// almost nothing in compression.
pub(crate) const CHUNK_UNITS: usize = 1 << 15;

/// Largest uncompressed block accepted, so that a corrupt size cannot ask for gigabytes.
const MAX_BLOCK: usize = 1 << 24;

/// Splits the file into its three parts.
pub(crate) fn split_parts(packed: &[u8]) -> Result<[&[u8]; 3], GeoError> {
    let mut rest = packed;
    let mut parts = [&[][..]; 3];
    for part in &mut parts {
        let at = packed.len() - rest.len();
        let (len, tail) = rest.split_first_chunk::<4>().ok_or_else(|| corrupt("truncated", at))?;
        let len = u32::from_le_bytes(*len) as usize;
        if len > tail.len() {
            return Err(corrupt("part longer than the file", at));
        }
        (*part, rest) = tail.split_at(len);
    }
    if !rest.is_empty() {
        return Err(corrupt("trailing bytes", packed.len() - rest.len()));
    }
    Ok(parts)
}

/// The blocks of one part, decompressed one at a time.
pub(crate) struct Blocks<'a> {
    part: &'a [u8],
    pos: usize,
}

impl<'a> Blocks<'a> {
    pub(crate) const fn new(part: &'a [u8]) -> Self {
        Self { part, pos: 0 }
    }

    /// Decompresses the next block into `buf`, replacing its contents.
    pub(crate) fn next_into(&mut self, buf: &mut Vec<u8>) -> Result<(), GeoError> {
        let at = self.pos;
        let rest = &self.part[at..];
        let (len, rest) = rest.split_first_chunk::<4>().ok_or_else(|| corrupt("no block", at))?;
        let block = rest.get(..u32::from_le_bytes(*len) as usize);
        let block = block.ok_or_else(|| corrupt("block longer than its part", at))?;
        let (size, data) = block.split_first_chunk::<4>().ok_or_else(|| corrupt("block", at))?;
        let size = u32::from_le_bytes(*size) as usize;
        if size > MAX_BLOCK {
            return Err(corrupt("block too large", at));
        }
        buf.clear();
        buf.resize(size, 0);
        let written = lz4_flex::block::decompress_into(data, buf).map_err(|e| {
            GeoError::Internal(format!("packed postcode data does not decompress: {e}"))
        })?;
        if written != size {
            return Err(corrupt("block shorter than its stated size", at));
        }
        self.pos = at + 4 + block.len();
        Ok(())
    }

    /// Whether every block has been read.
    pub(crate) fn is_done(&self) -> bool {
        self.pos == self.part.len()
    }
}

/// Appends one compressed block, as [`Blocks::next_into`] reads it.
#[cfg(feature = "pack")]
pub(crate) fn put_block(out: &mut Vec<u8>, data: &[u8]) -> Result<(), GeoError> {
    let compressed = lz4_flex::block::compress(data);
    let too_big = || GeoError::Internal("a packed block exceeds 4 GiB".to_owned());
    let len = u32::try_from(compressed.len() + 4).map_err(|_| too_big())?;
    let size = u32::try_from(data.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&len.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&compressed);
    Ok(())
}

/// Joins three parts as [`split_parts`] reads them.
#[cfg(feature = "pack")]
pub(crate) fn join_parts(parts: [&[u8]; 3]) -> Result<Vec<u8>, GeoError> {
    let mut out = Vec::with_capacity(parts.iter().map(|p| p.len() + 4).sum());
    for part in parts {
        let len = u32::try_from(part.len())
            .map_err(|_| GeoError::Internal("a packed part exceeds 4 GiB".to_owned()))?;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(part);
    }
    Ok(out)
}

/// An inward gap too large for a byte: the code is in the inward escapes.
pub(crate) const INWARD_ESCAPE: u8 = u8::MAX;

/// A coordinate delta too large for 16 bits: the value is in the coordinate escapes.
pub(crate) const COORDINATE_ESCAPE: u16 = u16::MAX;

/// An inward code (`4NJ`) as a number: digit × 676 + letter × 26 + letter.
pub(crate) fn inward_code(inward: &[u8]) -> Option<u16> {
    match inward {
        [d @ b'0'..=b'9', a @ b'A'..=b'Z', b @ b'A'..=b'Z'] => {
            Some(u16::from(d - b'0') * 676 + u16::from(a - b'A') * 26 + u16::from(b - b'A'))
        }
        _ => None,
    }
}

/// The inverse of [`inward_code`].
pub(crate) fn inward_text(code: u16) -> [u8; 3] {
    // Each quotient is below 26 (or 10), so the narrowing casts cannot lose bits.
    let digit = (code / 676) as u8;
    let a = (code / 26 % 26) as u8;
    let b = (code % 26) as u8;
    [b'0' + digit, b'A' + a, b'A' + b]
}

#[cfg(test)]
pub(crate) const fn unzigzag(u: u64) -> i64 {
    ((u >> 1) as i64) ^ -((u & 1) as i64)
}

/// The signed delta in a 16-bit zigzag value.
pub(crate) const fn unzigzag16(z: u16) -> i32 {
    ((z >> 1) as i32) ^ -((z & 1) as i32)
}

#[cfg(any(feature = "pack", test))]
pub(crate) const fn zigzag(v: i64) -> u64 {
    ((v << 1) ^ (v >> 63)) as u64
}

#[cfg(any(feature = "pack", test))]
pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A cursor over the uncompressed payload. Every read checks bounds, so corrupt data becomes
/// [`GeoError::Internal`], never a panic.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) const fn new(buf: &'a [u8]) -> Self {
        Self { buf, pos: 0 }
    }

    pub(crate) fn bytes(&mut self, n: usize) -> Result<&'a [u8], GeoError> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.buf.len());
        let end = end.ok_or_else(|| corrupt("truncated", self.pos))?;
        let out = &self.buf[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    pub(crate) fn byte(&mut self) -> Result<u8, GeoError> {
        Ok(self.bytes(1)?[0])
    }

    pub(crate) fn varint(&mut self) -> Result<u64, GeoError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(corrupt("varint longer than 64 bits", self.pos))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, GeoError> {
        let at = self.pos;
        u32::try_from(self.varint()?).map_err(|_| corrupt("value out of range", at))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.pos == self.buf.len()
    }

    pub(crate) const fn position(&self) -> usize {
        self.pos
    }
}

pub(crate) fn corrupt(what: &str, at: usize) -> GeoError {
    GeoError::Internal(format!("packed postcode data is corrupt: {what} at byte {at}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inward_codes_round_trip() {
        for text in [b"0AA", b"4NJ", b"9ZZ"] {
            let code = inward_code(text).unwrap();
            assert_eq!(&inward_text(code), text);
        }
        assert_eq!(inward_code(b"0AA"), Some(0));
        assert_eq!(inward_code(b"9ZZ"), Some(6759));
        assert_eq!(inward_code(b"4nj"), None);
        assert_eq!(inward_code(b"4N"), None);
    }

    #[test]
    fn varints_and_zigzag_round_trip() {
        let values = [0, 1, 127, 128, 300, u64::from(u32::MAX), u64::MAX];
        let mut buf = Vec::new();
        for v in values {
            put_varint(&mut buf, v);
        }
        let mut r = Reader::new(&buf);
        for v in values {
            assert_eq!(r.varint().unwrap(), v);
        }
        assert!(r.is_empty());
        for v in [0, 1, -1, 63, -64, 1_000_000, -1_000_000, i64::MAX, i64::MIN] {
            assert_eq!(unzigzag(zigzag(v)), v);
        }
        assert_eq!(zigzag(-1), 1);
        assert_eq!(zigzag(1), 2);
        for v in [0i32, 1, -1, 32_767, -32_767] {
            assert_eq!(unzigzag16(zigzag(v.into()) as u16), v);
        }
    }

    #[test]
    fn truncated_input_is_an_error_not_a_panic() {
        let mut r = Reader::new(&[0x80, 0x80]);
        assert!(matches!(r.varint(), Err(GeoError::Internal(_))));
        assert!(Reader::new(&[1]).bytes(2).is_err());
    }
}
