//! Messy and broken inputs, with expected results worked out by hand.

use std::fs;
use std::path::{Path, PathBuf};

use carelens_ingest::{DiagnosticKind, Ingested, ReadOptions, Severity, read_bytes, read_paths};
use carelens_model::{
    Coercion, CollectionYear, Date, TableKind,
    codes::{LegalStatus, PlacementType, ReviewParticipation, SexCode},
};

const REVIEWS: &str = "CHILD,DOB,REVIEW,REVIEW_CODE\r\nCAFÉ1,01/01/2010,01/05/2024,PN1\r\nC2,02/02/2012,03/06/2024,PN4\r\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

fn utf16(text: &str, bom: bool, little: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend(if little { [0xFF, 0xFE] } else { [0xFE, 0xFF] });
    }
    for u in text.encode_utf16() {
        out.extend(if little { u.to_le_bytes() } else { u.to_be_bytes() });
    }
    out
}

fn cp1252(text: &str) -> Vec<u8> {
    text.chars().map(|c| if c == 'É' { 0xC9 } else { c as u8 }).collect()
}

fn reviews_of(ing: &Ingested) -> Vec<(String, String, Option<ReviewParticipation>)> {
    ing.returns[0]
        .current
        .tables
        .reviews
        .iter()
        .map(|r| (r.child.raw().to_owned(), r.review.raw().to_owned(), r.review_code.get()))
        .collect()
}

#[test]
fn every_encoding_reads_to_the_same_rows() {
    let expected = vec![
        ("CAFÉ1".to_owned(), "01/05/2024".to_owned(), Some(ReviewParticipation::Pn1)),
        ("C2".to_owned(), "03/06/2024".to_owned(), Some(ReviewParticipation::Pn4)),
    ];
    let variants: Vec<(&str, Vec<u8>, Option<&str>)> = vec![
        ("utf8.csv", REVIEWS.as_bytes().to_vec(), None),
        ("utf8_bom.csv", [b"\xEF\xBB\xBF".as_slice(), REVIEWS.as_bytes()].concat(), None),
        ("utf16le.csv", utf16(REVIEWS, true, true), Some("UTF-16LE")),
        ("utf16be.csv", utf16(REVIEWS, true, false), Some("UTF-16BE")),
        ("utf16le_no_bom.csv", utf16(REVIEWS, false, true), Some("UTF-16LE")),
        ("cp1252.csv", cp1252(REVIEWS), Some("Windows-1252")),
    ];
    for (name, bytes, encoding) in variants {
        let ing = read_bytes(name, &bytes, &ReadOptions::new());
        assert_eq!(reviews_of(&ing), expected, "{name}");
        let notes: Vec<&str> = ing
            .diagnostics
            .iter()
            .filter(|d| d.kind == DiagnosticKind::Encoding)
            .map(|d| d.message.as_str())
            .collect();
        match encoding {
            None => assert!(ing.diagnostics.is_empty(), "{name}: {:?}", ing.diagnostics),
            Some(enc) => assert!(notes.len() == 1 && notes[0].contains(enc), "{name}: {notes:?}"),
        }
        // The year comes from the latest review date: May/June 2024 → 2024/25.
        assert_eq!(ing.returns[0].current.year, Some(CollectionYear::Y2024_25), "{name}");
    }
}

#[test]
fn messy_values_are_read_as_the_dfe_values_with_warnings() {
    // Columns out of order, mixed case, spaces; an extra column; blank lines; codes with labels;
    // Excel decimals; other date forms.
    let text = "\
 decom ,child,RNE,ls,CIN,place,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN,Notes

2024-04-01,A1,S,C2 - Full care order,N1,U4: Foster placement,PR1,01/05/24,X1,CARPL,e154nj,E15 1AA,,x
01/05/2024,A1,p,c2,N1,K2,PR4,45444,E8,,E15 4NJ,,SC123456,

";
    let ing = read_bytes("episodes.csv", text.as_bytes(), &ReadOptions::new());
    let eps = &ing.returns[0].current.tables.episodes;
    assert_eq!(eps.len(), 2);
    let (a, b) = (&eps.rows[0], &eps.rows[1]);
    assert_eq!(a.decom.get(), Some(Date::constant(2024, 4, 1)));
    assert_eq!(a.decom.note(), Some(Coercion::IsoDate));
    assert_eq!(a.ls.get(), Some(LegalStatus::C2));
    assert_eq!(a.ls.note(), Some(Coercion::CodeWithLabel));
    assert_eq!(a.place.get(), Some(PlacementType::U4));
    assert_eq!(a.dec.get(), Some(Date::constant(2024, 5, 1)));
    assert_eq!(a.dec.note(), Some(Coercion::TwoDigitYear));
    assert_eq!(a.home_post.value().map(|p| p.as_str()), Some("E15 4NJ"));
    assert_eq!(a.loc.line.map(|l| l.get()), Some(3));
    // 45444 days after 30/12/1899 is 1 June 2024.
    assert_eq!(b.dec.get(), Some(Date::constant(2024, 6, 1)));
    assert_eq!(b.dec.note(), Some(Coercion::ExcelSerial));
    assert_eq!(b.rne.raw(), "p");
    assert_eq!(b.loc.line.map(|l| l.get()), Some(4));
    let kinds: Vec<(DiagnosticKind, Option<u32>, Option<&str>)> =
        ing.diagnostics.iter().map(|d| (d.kind, d.line, d.field.as_deref())).collect();
    assert_eq!(
        kinds,
        [
            (DiagnosticKind::ExtraColumns, None, None),
            (DiagnosticKind::CoercedValue, Some(3), Some("DECOM")),
            (DiagnosticKind::CoercedValue, Some(3), Some("LS")),
            (DiagnosticKind::CoercedValue, Some(3), Some("PLACE")),
            (DiagnosticKind::CoercedValue, Some(3), Some("DEC")),
            (DiagnosticKind::CoercedValue, Some(4), Some("DEC")),
        ]
    );
    assert!(ing.diagnostics.iter().all(|d| d.severity != Severity::Error));
}

#[test]
fn excel_decimals_and_labels() {
    let text =
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n10.0,1.0,01/01/2010,White British,UN1,0.0,\n";
    let ing = read_bytes(
        "header.csv",
        text.as_bytes(),
        &ReadOptions::new().year(Some(CollectionYear::Y2023_24)),
    );
    let h = &ing.returns[0].current.tables.header.rows[0];
    assert_eq!(h.child.raw(), "10.0", "CHILD is opaque text and kept as sent");
    assert_eq!(h.sex.get(), Some(SexCode::Male1));
    assert_eq!(h.mother.get(), Some(false));
    assert_eq!(h.ethnic.note(), Some(Coercion::LabelOnly));
}

#[test]
fn a_folder_of_broken_files_reports_each_and_reads_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("316").join("2024-25");
    write(&d, "reviews_utf16.csv", &utf16(REVIEWS, true, true));
    write(&d, "missing_truncated.csv", b"CHILD,DOB,MISSING,MIS_START,MIS_END\nA1,01/01/2010,M,01/06/2024,02/06/2024\nA2,01/01/2011,A\n");
    let junk: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    write(&d, "junk.csv", &junk);
    write(&d, "workbook.csv", b"PK\x03\x04\x14\x00\x06\x00[Content_Types].xml");
    write(&d, "empty.csv", b"");
    write(&d, "unknown.csv", b"FOO,BAR\n1,2\n");
    write(&d, "notes.docx", b"irrelevant");
    write(&d, "broken.xml", b"<EXPSSDA903><CHILD><HEADER><CHILDID>X</CHILDID>");

    let ing = read_paths(&[dir.path().to_path_buf()], &ReadOptions::new());
    let ret = &ing.returns[0].current;
    assert_eq!(ret.la.map(|l| l.get()), Some(316));
    assert_eq!(ret.year, Some(CollectionYear::Y2024_25));
    assert_eq!(ret.tables.reviews.len(), 2);
    assert_eq!(ret.tables.missing.len(), 2, "the truncated row is kept with blank cells");
    assert!(ret.tables.missing.rows[1].mis_start.is_blank());

    let by_file = |name: &str| -> Vec<DiagnosticKind> {
        ing.diagnostics.iter().filter(|d| d.file.ends_with(name)).map(|d| d.kind).collect()
    };
    assert_eq!(by_file("reviews_utf16.csv"), [DiagnosticKind::Encoding]);
    assert_eq!(by_file("missing_truncated.csv"), [DiagnosticKind::RaggedRow]);
    assert_eq!(by_file("junk.csv"), [DiagnosticKind::NotText]);
    assert_eq!(by_file("workbook.csv"), [DiagnosticKind::NotText]);
    assert_eq!(by_file("empty.csv"), [DiagnosticKind::EmptyFile]);
    assert_eq!(by_file("unknown.csv"), [DiagnosticKind::UnknownTable]);
    assert_eq!(by_file("notes.docx"), [DiagnosticKind::UnsupportedFormat]);
    assert!(
        by_file("broken.xml").contains(&DiagnosticKind::XmlSyntax),
        "{:?}",
        by_file("broken.xml")
    );
    assert!(
        ing.diagnostics
            .iter()
            .find(|d| d.file.ends_with("workbook.csv"))
            .unwrap()
            .message
            .contains("xlsx")
    );
    // Every file is accounted for.
    assert_eq!(
        ing.files.len(),
        7,
        "the .docx is skipped by the folder walk, the rest are looked at"
    );
}

#[test]
fn years_and_las_group_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    for (la, year, review) in [
        ("316", "2023-24", "01/05/2023"),
        ("316", "2024-25", "01/05/2024"),
        ("317", "2024-25", "01/05/2024"),
    ] {
        let d = dir.path().join(la).join(year);
        write(
            &d,
            "reviews.csv",
            format!("CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/01/2010,{review},PN1\n").as_bytes(),
        );
        write(
            &d,
            "header.csv",
            b"CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA,1,01/01/2010,WBRI,UN1,,\n",
        );
    }
    let ing = read_paths(&[dir.path().to_path_buf()], &ReadOptions::new());
    assert_eq!(ing.returns.len(), 2);
    let newham = &ing.returns[0];
    assert_eq!(newham.current.la.map(|l| l.get()), Some(316));
    assert_eq!(newham.current.year, Some(CollectionYear::Y2024_25));
    assert_eq!(newham.last_year().and_then(|r| r.year), Some(CollectionYear::Y2023_24));
    assert_eq!(newham.current.tables.header.len(), 1);
    assert_eq!(newham.current.sources.len(), 2);
    // Header's derived UASC flag is set from the (absent) UASC table.
    assert_eq!(newham.current.tables.header.rows[0].uasc.get(), Some(false));
    assert!(ing.returns[1].previous.is_empty());
}

#[test]
fn rows_are_numbered_across_files_of_a_table_in_the_order_given() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(
        dir.path(),
        "a.csv",
        b"CHILD,DOB,REVIEW,REVIEW_CODE\nA,01/01/2010,01/05/2024,PN1\nB,01/01/2010,01/05/2024,PN1\n",
    );
    let b =
        write(dir.path(), "b.csv", b"CHILD,DOB,REVIEW,REVIEW_CODE\nC,01/01/2010,01/05/2024,PN1\n");
    let ing = read_paths(&[b, a], &ReadOptions::new());
    let reviews = &ing.returns[0].current.tables.reviews;
    let order: Vec<(&str, u32, u16)> =
        reviews.iter().map(|r| (r.child.raw(), r.loc.row, r.loc.file)).collect();
    assert_eq!(order, [("C", 0, 0), ("A", 1, 1), ("B", 2, 1)]);
    assert_eq!(TableKind::Reviews.csv_columns().len(), 4);
}

mod fuzz {
    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
            let _ = read_bytes("x.csv", &bytes, &ReadOptions::new());
            let _ = read_bytes("x.xml", &bytes, &ReadOptions::new());
        }

        #[test]
        fn arbitrary_csv_text_never_panics(text in "[A-Z_,;\"\\n\\r 0-9/.-]{0,600}") {
            let with_header = format!("CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n{text}");
            let ing = read_bytes("episodes.csv", with_header.as_bytes(), &ReadOptions::new());
            // Every data row is either read or reported.
            prop_assert!(ing.returns.len() <= 1);
        }
    }
}
