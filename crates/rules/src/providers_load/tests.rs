//! The loader on small hand-made lists in each layout Ofsted (and the reference) uses.

use std::path::{Path, PathBuf};

use carelens_model::{Date, LaCode};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use super::*;

/// A cell to write: text, number or date.
enum W<'a> {
    S(&'a str),
    N(f64),
    D(u16, u8, u8),
    Blank,
}

/// Writes a workbook of `(sheet name, rows)`.
fn workbook(dir: &Path, name: &str, sheets: &[(&str, Vec<Vec<W<'_>>>)]) -> PathBuf {
    let mut wb = Workbook::new();
    let date = Format::new().set_num_format("dd/mm/yyyy");
    for (sheet, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(*sheet).unwrap();
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    W::S(s) => {
                        ws.write_string(r, c, *s).unwrap();
                    }
                    W::N(n) => {
                        ws.write_number(r, c, *n).unwrap();
                    }
                    W::D(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).unwrap();
                        ws.write_datetime_with_format(r, c, &dt, &date).unwrap();
                    }
                    W::Blank => {}
                }
            }
        }
    }
    let path = dir.join(name);
    wb.save(&path).unwrap();
    path
}

fn s(text: &str) -> W<'_> {
    W::S(text)
}

/// A unit postcode in Kent (886), from the shipped directory, and its text without spaces.
fn kent_postcode() -> String {
    let kent = LaCode::new(886).unwrap();
    let first = carelens_geo::postcodes_in(kent)[0];
    carelens_geo::postcode_at(first).unwrap().0.as_str().to_owned()
}

fn date(y: i16, m: i8, d: i8) -> Date {
    Date::new(y, m, d).unwrap()
}

#[test]
fn childrens_homes_list_with_a_title_row_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let kent = kent_postcode();
    let path = workbook(
        dir.path(),
        "ch.xlsx",
        &[
            ("Notes", vec![vec![s("Children's homes list, for SSDA903 validation only")]]),
            (
                "Provider information",
                vec![
                    vec![s("Children's homes at 31 March 2025")],
                    vec![
                        s("URN"),
                        s("Local Authority"),
                        s("Provider Code"),
                        s("Provider Placement Code"),
                        s("Closed Date"),
                        s("Setting Postcode"),
                    ],
                    vec![s("sc111111"), s("Newham"), s("PR4"), s("K2"), W::Blank, s("e15 4nj")],
                    vec![
                        s("SC222222"),
                        s("Kent"),
                        s("PR1/PR2"),
                        s("K1/K2"),
                        W::D(2024, 6, 30),
                        s(&kent),
                    ],
                    vec![W::Blank, s("Kent"), s("PR4"), s("K2")],
                    vec![],
                ],
            ),
        ],
    );
    let loaded = load_providers(&[&path]).unwrap();
    assert_eq!(loaded.lists[0].kind, ListKind::ChildrensHomes);
    assert_eq!(loaded.lists[0].records(), 2);
    assert_eq!(loaded.lists[0].blank_urn_rows(), 1, "the row with no URN is counted");
    assert_eq!(loaded.lists[0].sheets[0].role, SheetRole::Ignored);
    assert!(!loaded.is_complete(), "a children's homes list alone is not both lists");

    let p = &loaded.providers;
    let newham = p.get("SC111111").unwrap();
    assert_eq!(newham.la_name.as_deref(), Some("Newham"));
    assert_eq!(newham.place_codes, ["K2"]);
    assert_eq!(newham.provider_codes, ["PR4"]);
    assert_eq!(newham.reg_end, None);
    assert_eq!(newham.postcode.as_deref(), Some("E154NJ"));
    assert_eq!(newham.la_code_inferred.as_deref(), Some("316"));

    let kent_home = p.get("sc222222").unwrap();
    assert_eq!(kent_home.place_codes, ["K1", "K2"]);
    assert_eq!(kent_home.provider_codes, ["PR1", "PR2"]);
    assert_eq!(kent_home.reg_end, Some(date(2024, 6, 30)));
    assert_eq!(kent_home.postcode.as_deref(), Some(kent.replace(' ', "").as_str()));
    assert_eq!(kent_home.la_code_inferred.as_deref(), Some("886"));
}

#[test]
fn social_care_providers_list_reads_both_sheets_and_numeric_urns() {
    let dir = tempfile::tempdir().unwrap();
    let head = || {
        vec![
            s("URN"),
            s("Local authority"),
            s("Placement code"),
            s("Placement provider code"),
            s("Setting postcode"),
        ]
    };
    let mut closed_head = head();
    closed_head.push(s("Deregistration date"));
    let path = workbook(
        dir.path(),
        "scp.xlsx",
        &[
            (
                "Current providers",
                vec![
                    head(),
                    vec![W::N(1234567.0), s("Newham"), s("U4,U5"), s("PR4"), s("E15 4NJ")],
                ],
            ),
            (
                "Providers closed",
                vec![
                    closed_head,
                    vec![s("SC333333"), s("Newham"), s("U1"), s("PR5"), W::Blank, s("15/01/2025")],
                ],
            ),
        ],
    );
    let loaded = load_providers(&[&path]).unwrap();
    assert_eq!(loaded.lists[0].kind, ListKind::SocialCare);
    let agency = loaded.providers.get("1234567").unwrap();
    assert_eq!(agency.place_codes, ["U4", "U5"]);
    assert_eq!(agency.reg_end, None, "the current sheet has no deregistration date");
    let closed = loaded.providers.get("SC333333").unwrap();
    assert_eq!(closed.reg_end, Some(date(2025, 1, 15)));
    assert_eq!(closed.postcode, None);
    assert_eq!(closed.la_code_inferred, None);
}

#[test]
fn combined_list_with_supported_accommodation_sheet_defaults_k3_and_pr4() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        dir.path(),
        "combined.xlsx",
        &[
            (
                "Providers",
                vec![
                    vec![
                        s("urn"),
                        s("local authority"),
                        s("placement code"),
                        s("placement provider code"),
                        s("deregistration date"),
                        s("setting address postcode"),
                    ],
                    vec![s("SC444444"), s("Newham"), s("K2"), s("PR4"), W::Blank, s("E15 4NJ")],
                ],
            ),
            (
                "SA Providers",
                vec![
                    vec![
                        s("URN"),
                        s("Provider local authority"),
                        s("Closed date"),
                        s("Setting address postcode"),
                    ],
                    vec![s("2000001"), s("Havering"), W::D(2025, 2, 1), W::Blank],
                    vec![s("2000001"), s("Newham"), W::Blank, s("E15 4NJ")],
                ],
            ),
        ],
    );
    let loaded = load_providers(&[&path]).unwrap();
    assert_eq!(loaded.lists[0].kind, ListKind::Combined);
    assert!(loaded.is_complete());
    let sa: Vec<&ProviderRecord> = loaded.providers.get_all("2000001").collect();
    assert_eq!(sa.len(), 2, "a provider listed once per LA keeps every listing");
    assert_eq!(sa[0].place_codes, ["K3"]);
    assert_eq!(sa[0].provider_codes, ["PR4"]);
    assert_eq!(sa[0].la_name.as_deref(), Some("Havering"));
    assert_eq!(sa[0].reg_end, Some(date(2025, 2, 1)));
    assert_eq!(sa[1].la_code_inferred.as_deref(), Some("316"));
}

#[test]
fn settings_and_address_sheets_are_joined_by_urn_keeping_settings_without_address() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        dir.path(),
        "ch-old.xlsx",
        &[
            (
                "Settings and Inspection Info",
                vec![
                    vec![
                        s("URN"),
                        s("Local Authority"),
                        s("Provider Code"),
                        s("Provider Placement Code"),
                        s("Closed Date"),
                    ],
                    vec![s("SC555555"), s("Newham"), s("PR1"), s("K2")],
                    vec![s("SC666666"), s("Newham"), s("PR1"), s("K2")],
                ],
            ),
            (
                "Address Details",
                vec![
                    vec![s("URN"), s("Setting Address Postcode")],
                    vec![s("SC555555"), s("E15 4NJ")],
                ],
            ),
        ],
    );
    let loaded = load_providers(&[&path]).unwrap();
    let roles: Vec<SheetRole> = loaded.lists[0].sheets.iter().map(|s| s.role).collect();
    assert_eq!(roles, [SheetRole::Providers, SheetRole::Addresses]);
    assert_eq!(loaded.providers.get("SC555555").unwrap().postcode.as_deref(), Some("E154NJ"));
    let no_address = loaded.providers.get("SC666666").unwrap();
    assert_eq!(no_address.postcode, None, "kept, unlike the reference's inner merge");
    assert_eq!(loaded.providers.len(), 2);
}

#[test]
fn csv_list_is_read_like_a_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scp.csv");
    std::fs::write(
        &path,
        "\u{feff}URN,Local authority,Placement code,Placement provider code,Setting postcode,\
         Deregistration date\nSC777777,Newham,U1 / U4,pr4,e15 4nj,2024-04-30\n",
    )
    .unwrap();
    let loaded = load_providers(&[&path]).unwrap();
    let r = loaded.providers.get("SC777777").unwrap();
    assert_eq!(r.place_codes, ["U1", "U4"]);
    assert_eq!(r.provider_codes, ["PR4"]);
    assert_eq!(r.reg_end, Some(date(2024, 4, 30)));
    assert_eq!(r.la_code_inferred.as_deref(), Some("316"));
}

#[test]
fn bad_date_names_file_sheet_row_column_and_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.csv");
    std::fs::write(
        &path,
        "URN,Placement code,Placement provider code,Deregistration date\n\
         SC1,K2,PR4,01/01/2024\n\nSC2,K2,PR4,31/02/2024\n",
    )
    .unwrap();
    let err = load_providers(&[&path]).unwrap_err();
    // The header is line 1, SC1 line 2, a blank line 3, SC2 line 4; the date is column D.
    match &err {
        ProvidersError::BadCell(cell) => {
            assert_eq!((cell.row, cell.column.as_str()), (4, "D"));
            assert_eq!(
                (cell.header.as_str(), cell.value.as_str()),
                ("Deregistration date", "31/02/2024")
            );
        }
        other => panic!("expected a bad cell, got {other:?}"),
    }
    let text = err.to_string();
    assert!(text.contains("bad.csv") && text.contains("row 4 column D"), "{text}");
}

#[test]
fn sheet_with_urns_but_no_codes_is_a_missing_column() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(
        dir.path(),
        "x.xlsx",
        &[("List", vec![vec![s("URN"), s("Placement code"), s("Name")], vec![s("SC1"), s("K2")]])],
    );
    match load_providers(&[&path]).unwrap_err() {
        ProvidersError::MissingColumn { sheet, column, found, .. } => {
            assert_eq!(sheet, "List");
            assert_eq!(column, "placement provider code");
            assert_eq!(found, "URN, Placement code, Name");
        }
        other => panic!("expected a missing column, got {other:?}"),
    }
}

#[test]
fn workbook_without_urns_is_not_a_list_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = workbook(dir.path(), "y.xlsx", &[("Sheet1", vec![vec![s("Name"), s("Town")]])]);
    assert!(matches!(load_providers(&[&path]), Err(ProvidersError::NotAList { .. })));
    let pdf = dir.path().join("list.pdf");
    std::fs::write(&pdf, b"%PDF").unwrap();
    assert!(matches!(load_providers(&[&pdf]), Err(ProvidersError::UnknownFormat { .. })));
    let broken = dir.path().join("broken.xlsx");
    std::fs::write(&broken, b"not a zip").unwrap();
    assert!(matches!(load_providers(&[&broken]), Err(ProvidersError::Workbook { .. })));
    let missing = dir.path().join("missing.xlsx");
    assert!(matches!(load_providers(&[&missing]), Err(ProvidersError::Read { .. })));
}

#[test]
fn excel_serials_and_column_letters() {
    assert_eq!(excel_serial(45_473.0), Some(date(2024, 6, 30)));
    assert_eq!(excel_serial(61.0), Some(date(1900, 3, 1)));
    assert_eq!(excel_serial(12.0), None);
    assert_eq!(parse_date("2024-06-30 00:00:00"), Some(date(2024, 6, 30)));
    assert_eq!(parse_date("30/06/2024"), Some(date(2024, 6, 30)));
    assert_eq!(parse_date("30/06/24"), None);
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(27), "AB");
}
