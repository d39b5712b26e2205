//! The XLSX report read back: the highlighted cells are exactly the cells the rules report, the
//! values are the values sent, and the "Findings" sheet lists every finding.
//!
//! calamine reads values but not cell formats, so formats are read from the workbook's XML
//! (`xl/styles.xml` and `xl/worksheets/sheetN.xml`) with the zip crate.

use std::collections::BTreeSet;
use std::io::Read as _;
use std::path::Path;

use calamine::{Data, Reader as _};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{CollectionYear, LaCode, Returns};
use carelens_rules::{ValidateOptions, validate};

/// A small 2024/25 return with three mistakes, worked by hand:
///
/// * Header row 1 (child C2) has ETHNIC `XXXX`: rule 103 reports ETHNIC.
/// * Episodes row 0 (child C1) is open although C1's next episode starts later: rule 142
///   reports DEC and REC.
/// * Episodes row 2 (child C3) has DECOM `2024-05-01`, not dd/mm/yyyy: rule 141 reports DECOM.
fn fixture(dir: &Path) -> Returns {
    std::fs::write(
        dir.join("header.csv"),
        "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\
         C1,M,01/01/2010,WBRI,UN1,,\n\
         C2,F,01/01/2011,XXXX,UN1,,\n\
         C3,M,01/01/2012,WBRI,UN1,,\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("episodes.csv"),
        "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
         C1,01/04/2024,S,C2,N1,U1,PR1,,,,E15 4NJ,E15 4NJ,\n\
         C1,01/06/2024,P,C2,N1,U1,PR1,,,,E15 4NJ,E15 4NJ,\n\
         C3,2024-05-01,S,C2,N1,U1,PR1,,,,E15 4NJ,E15 4NJ,\n",
    )
    .unwrap();
    let options =
        ReadOptions::new().year(Some(CollectionYear::Y2024_25)).la(Some(LaCode::new(316).unwrap()));
    read_paths(&[dir.to_path_buf()], &options).returns.into_iter().next().unwrap()
}

/// The workbook's parts as text.
struct Xlsx {
    sheets: Vec<String>,
    styles: String,
    sheet_xml: Vec<String>,
}

fn open(path: &Path) -> Xlsx {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut part = |name: &str| {
        let mut s = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
        s
    };
    let workbook = part("xl/workbook.xml");
    let sheets: Vec<String> =
        attrs(&workbook, "<sheet ").into_iter().map(|a| attr(&a, "name").unwrap()).collect();
    let styles = part("xl/styles.xml");
    // rust_xlsxwriter writes the sheets as sheet1.xml, sheet2.xml, … in workbook order.
    let sheet_xml =
        (1..=sheets.len()).map(|i| part(&format!("xl/worksheets/sheet{i}.xml"))).collect();
    Xlsx { sheets, styles, sheet_xml }
}

/// The text of every tag starting with `tag` (up to its `>`).
fn attrs(xml: &str, tag: &str) -> Vec<String> {
    xml.match_indices(tag)
        .map(|(i, _)| {
            let rest = &xml[i..];
            rest[..rest.find('>').unwrap_or(rest.len())].to_owned()
        })
        .collect()
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_owned())
}

impl Xlsx {
    /// Cell references filled with `rgb` (e.g. `FFFFC7CE`) on one sheet.
    fn filled(&self, sheet: &str, rgb: &str) -> BTreeSet<String> {
        // fills → the index of the fill with this colour; cellXfs → the styles using it.
        let fills = &self.styles[self.styles.find("<fills").unwrap()..];
        let fills = &fills[..fills.find("</fills>").unwrap()];
        let fill = fills.split("<fill>").skip(1).position(|f| f.contains(rgb)).unwrap();
        let xfs = &self.styles[self.styles.find("<cellXfs").unwrap()..];
        let xfs = &xfs[..xfs.find("</cellXfs>").unwrap()];
        let styles: BTreeSet<String> = attrs(xfs, "<xf ")
            .iter()
            .enumerate()
            .filter(|(_, x)| attr(x, "fillId").as_deref() == Some(&fill.to_string()))
            .map(|(i, _)| i.to_string())
            .collect();
        let i = self.sheets.iter().position(|s| s == sheet).unwrap();
        attrs(&self.sheet_xml[i], "<c ")
            .iter()
            .filter(|c| attr(c, "s").is_some_and(|s| styles.contains(&s)))
            .map(|c| attr(c, "r").unwrap())
            .collect()
    }
}

fn set(cells: &[&str]) -> BTreeSet<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

#[test]
fn highlighted_cells_are_exactly_the_cells_rules_report() {
    let dir = tempfile::tempdir().unwrap();
    let returns = fixture(dir.path());
    let codes = ["103", "141", "142"].map(str::to_owned).to_vec();
    let options = ValidateOptions::new(CollectionYear::Y2024_25)
        .la(LaCode::new(316).ok())
        .select(Some(codes));
    let validation = validate(&returns, &options);
    let details = carelens_report::details(&validation, &returns);
    let path = dir.path().join("report.xlsx");
    carelens_report::write_xlsx(&validation, &details, &returns, &path).unwrap();

    let x = open(&path);
    assert_eq!(x.sheets, ["Summary", "By child", "Findings", "Header", "Episodes"]);
    // Columns: A row, B line, then the table's columns from C. Header: C CHILD, D SEX, E DOB,
    // F ETHNIC. Episodes: C CHILD, D DECOM, … J DEC, K REC. Row 0 of a table is sheet row 2.
    assert_eq!(x.filled("Header", "FFFFC7CE"), set(&["F3"]));
    assert_eq!(x.filled("Episodes", "FFFFC7CE"), set(&["D4", "J2", "K2"]));
    // The rules column of flagged rows: K for Header (8 columns from C); S for Episodes (13
    // columns from C, then PL_LA, PL_LOCATION, PL_DISTANCE in P, Q, R).
    assert_eq!(x.filled("Header", "FFFFEB9C"), set(&["K3"]));
    assert_eq!(x.filled("Episodes", "FFFFEB9C"), set(&["S2", "S4"]));

    // Values as sent, and the findings sheet in report order.
    let mut wb = calamine::open_workbook_auto(&path).unwrap();
    let header = wb.worksheet_range("Header").unwrap();
    assert_eq!(header.get_value((2, 5)), Some(&Data::String("XXXX".into())));
    assert_eq!(header.get_value((2, 10)), Some(&Data::String("103".into())));
    let episodes = wb.worksheet_range("Episodes").unwrap();
    assert_eq!(episodes.get_value((3, 3)), Some(&Data::String("2024-05-01".into())));
    let findings = wb.worksheet_range("Findings").unwrap();
    let listed: Vec<(String, String, String)> = findings
        .rows()
        .skip(1)
        .map(|r| (r[0].to_string(), r[1].to_string(), r[2].to_string()))
        .collect();
    let expected = [("103", "Header", "1"), ("141", "Episodes", "2"), ("142", "Episodes", "0")];
    let expected: Vec<(String, String, String)> =
        expected.iter().map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into())).collect();
    assert_eq!(listed, expected);
}

#[test]
fn every_reported_field_cell_is_highlighted_and_nothing_else() {
    // The same check without hand-worked cells: every finding's field cells are filled, and
    // nothing else is, for all rules of the year on the fixture.
    let dir = tempfile::tempdir().unwrap();
    let returns = fixture(dir.path());
    let options = ValidateOptions::new(CollectionYear::Y2024_25).la(LaCode::new(316).ok());
    let validation = validate(&returns, &options);
    let details = carelens_report::details(&validation, &returns);
    assert!(!details.is_empty());
    let path = dir.path().join("all.xlsx");
    carelens_report::write_xlsx(&validation, &details, &returns, &path).unwrap();
    let x = open(&path);
    let mut expected: std::collections::BTreeMap<String, BTreeSet<String>> = Default::default();
    for d in &details {
        let cells = expected.entry(d.table_name()).or_default();
        let mut columns = d.table.columns().to_vec();
        if d.table == carelens_model::TableKind::Episodes {
            columns.extend(["PL_LA", "PL_LOCATION", "PL_DISTANCE"]);
        }
        for (i, c) in columns.iter().enumerate() {
            if d.rule.fields.contains(c) {
                cells.insert(format!("{}{}", column_letter(2 + i), d.row + 2));
            }
        }
    }
    for (sheet, cells) in expected {
        assert_eq!(x.filled(&sheet, "FFFFC7CE"), cells, "sheet {sheet}");
    }
}

fn column_letter(i: usize) -> String {
    let letters = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    if i < 26 {
        (letters[i] as char).to_string()
    } else {
        format!("{}{}", letters[i / 26 - 1] as char, letters[i % 26] as char)
    }
}

/// The workbook opens in LibreOffice: converted to PDF by tools/xlsx-to-pdf.sh, its first page
/// is the Summary sheet. Skipped (with a message) where LibreOffice is not installed.
#[test]
fn workbook_converts_to_pdf_in_libreoffice() {
    let has = |cmd: &str| {
        std::process::Command::new("sh")
            .args(["-c", &format!("command -v {cmd}")])
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if !has("soffice") && !has("libreoffice") {
        eprintln!("SKIPPED workbook_converts_to_pdf_in_libreoffice: LibreOffice is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let returns = fixture(dir.path());
    let options = ValidateOptions::new(CollectionYear::Y2024_25).la(LaCode::new(316).ok());
    let validation = validate(&returns, &options);
    let details = carelens_report::details(&validation, &returns);
    let path = dir.path().join("report.xlsx");
    carelens_report::write_xlsx(&validation, &details, &returns, &path).unwrap();
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tools/xlsx-to-pdf.sh");
    let out = std::process::Command::new("bash")
        .arg(script)
        .arg(&path)
        .arg(dir.path().join("pdf"))
        .arg("1")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let pdf = std::fs::read(dir.path().join("pdf/report.pdf")).unwrap();
    assert!(pdf.starts_with(b"%PDF"), "LibreOffice wrote a PDF");
    if has("pdftotext") {
        let text = std::process::Command::new("pdftotext")
            .args(["-f", "1", "-l", "1"])
            .arg(dir.path().join("pdf/report.pdf"))
            .arg("-")
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        assert!(text.contains("carelens: SSDA903 validation"), "{text}");
    }
}
