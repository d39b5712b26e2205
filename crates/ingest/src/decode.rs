//! Turning a file's bytes into text: byte-order marks, UTF-16 with or without a BOM,
//! Windows-1252 fallback, and recognising files that are not text at all.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// Why bytes are not a text file we can read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum NotText {
    /// A ZIP container: an Excel workbook (xlsx), OpenDocument sheet (ods) or archive.
    Zip,
    /// An old binary Excel workbook (xls) or other OLE document.
    Ole,
    /// A PDF.
    Pdf,
    /// Binary content (NUL or many control bytes).
    Binary,
}

impl NotText {
    pub(crate) fn message(&self) -> &'static str {
        match self {
            Self::Zip => {
                "this is a spreadsheet or ZIP archive (xlsx/ods/zip), not a text file: open it in \
                 Excel and save each sheet as CSV UTF-8"
            }
            Self::Ole => {
                "this is an old Excel workbook (xls) or Office document, not a text file: save each \
                 sheet as CSV UTF-8"
            }
            Self::Pdf => "this is a PDF, not a CSV or XML file",
            Self::Binary => "this file holds binary data, not text: it is not a CSV or XML return",
        }
    }
}

/// Text decoded from a file, and the encoding when it was not plain UTF-8.
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    /// `Some("UTF-16LE")` etc. when the file was not UTF-8 (with or without BOM).
    pub(crate) encoding: Option<&'static str>,
}

pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, NotText> {
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Err(NotText::Zip);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(NotText::Ole);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(NotText::Pdf);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return utf8_or_fallback(rest);
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return utf16(&bytes[2..], UTF_16LE);
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return utf16(&bytes[2..], UTF_16BE);
    }
    // UTF-16 without a BOM: ASCII text has a NUL in every other byte.
    let sample = &bytes[..bytes.len().min(4096)];
    if sample.len() >= 4 {
        let zeros_at = |parity: usize| {
            sample.iter().skip(parity).step_by(2).filter(|b| **b == 0).count() * 2 * 10
                > sample.len() * 8
        };
        if zeros_at(1) && !zeros_at(0) {
            return utf16(bytes, UTF_16LE);
        }
        if zeros_at(0) && !zeros_at(1) {
            return utf16(bytes, UTF_16BE);
        }
    }
    utf8_or_fallback(bytes)
}

fn utf8_or_fallback(bytes: &[u8]) -> Result<Decoded<'_>, NotText> {
    let decoded = match std::str::from_utf8(bytes) {
        Ok(text) => Decoded { text: Cow::Borrowed(text), encoding: None },
        Err(_) => {
            let (text, _, _) = WINDOWS_1252.decode(bytes);
            Decoded { text, encoding: Some("Windows-1252") }
        }
    };
    check_text(decoded)
}

fn utf16<'a>(bytes: &'a [u8], enc: &'static Encoding) -> Result<Decoded<'a>, NotText> {
    let (text, _) = enc.decode_without_bom_handling(bytes);
    check_text(Decoded { text, encoding: Some(enc.name()) })
}

/// Rejects text with NULs or more than 1% control characters (other than tab, CR, LF) in its
/// first 8 KiB (enough to tell a text file from binary junk). Works on bytes: ASCII control bytes, C1 controls (UTF-8 `C2 80`–`C2 9F`) and
/// replacement characters (`EF BF BD`, from undecodable UTF-16) count as junk.
fn check_text(d: Decoded<'_>) -> Result<Decoded<'_>, NotText> {
    let bytes = &d.text.as_bytes()[..d.text.len().min(1 << 13)];
    let mut junk = 0usize;
    let mut chars = 0usize;
    for (i, &b) in bytes.iter().enumerate() {
        if b == 0 {
            return Err(NotText::Binary);
        }
        // Count characters, not continuation bytes.
        if b & 0xC0 != 0x80 {
            chars += 1;
        }
        let control = (b < 0x20 && !matches!(b, b'\t' | b'\r' | b'\n'))
            || b == 0x7F
            || (b == 0xC2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9F).contains(n)))
            || (b == 0xEF && bytes.get(i + 1) == Some(&0xBF) && bytes.get(i + 2) == Some(&0xBD));
        junk += usize::from(control);
    }
    if junk * 100 > chars.max(1) {
        return Err(NotText::Binary);
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(bytes: &[u8]) -> (String, Option<&'static str>) {
        let d = decode(bytes).unwrap();
        (d.text.into_owned(), d.encoding)
    }

    #[test]
    fn reads_every_encoding() {
        assert_eq!(text(b"CHILD,SEX\n"), ("CHILD,SEX\n".into(), None));
        assert_eq!(text(b"\xEF\xBB\xBFCHILD\n"), ("CHILD\n".into(), None));
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("CHILD\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(text(&le), ("CHILD\n".into(), Some("UTF-16LE")));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("CHILD\n".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(text(&be), ("CHILD\n".into(), Some("UTF-16BE")));
        let le_no_bom: Vec<u8> = "CHILD,SEX\n".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(text(&le_no_bom), ("CHILD,SEX\n".into(), Some("UTF-16LE")));
        assert_eq!(text(b"caf\xE9\n"), ("caf\u{e9}\n".into(), Some("Windows-1252")));
    }

    #[test]
    fn refuses_what_is_not_text() {
        assert_eq!(decode(b"PK\x03\x04rest").err(), Some(NotText::Zip));
        assert_eq!(decode(&[0xD0, 0xCF, 0x11, 0xE0, 1, 2]).err(), Some(NotText::Ole));
        assert_eq!(decode(b"abc\0\x01\x02\x03").err(), Some(NotText::Binary));
        let junk: Vec<u8> = (0..2000u32).map(|i| (i * 7919 % 251) as u8).collect();
        assert!(decode(&junk).is_err());
    }
}
