//! `Store::load_file` on small files in the official Ofsted and DfE layouts.

use std::fs;
use std::path::Path;

use carelens_model::LaCode;
use carelens_public::{Area, Judgement, Loaded, PublicError, Sector, Store};

/// Ofsted's provider-level CSV as published: two title rows, a header with line breaks in
/// its cells, dd/mm/yyyy dates, "Local Authority" and "Requires Improvement to be good".
fn official_providers(overall_third: &str) -> String {
    format!(
        "Children's social care data in England 2026 – Provider level as at 31 March 2026,,,,,,,,,,,,,,,,,,,,,,,,\n\
         This worksheet contains one table.,,,,,,,,,,,,,,,,,,,,,,,,\n\
         Web link,URN,Linked Education URN,Provision type,Registration date,Registration status,Name,Ofsted Region,Government Office Region,Local authority,Parliamentary constituency,Sector,Places,Short-break-only children's home,Organisation which owns the provider,\"\nLatest Full inspection event type\",\"\nLatest full inspection date\",\"\nOverall experiences and progress of children and young people\"\n\
         link,2590934,,Children's home,25/06/2020,Active,REDACTED,London,London,Lewisham,Lewisham East,Private,2,,Zone Central Ltd,Full inspection,05/11/2025,Requires Improvement to be good\n\
         link,SC061439,,Children's Home,05/11/2004,Active,REDACTED,North East,North East,Darlington,Darlington,Local Authority,5,No,Darlington Borough Council,Full inspection,16/07/2025,Good\n\
         link,2781227,,Children's home,14/11/2024,Active,REDACTED,North West,North West,Oldham,Oldham East and Saddleworth,Private,4,,Zen Care and Education Limited,Full inspection,03/12/2025,{overall_third}\n"
    )
}

fn write(dir: &Path, name: &str, text: &str) -> std::path::PathBuf {
    let p = dir.join(name);
    fs::write(&p, text).unwrap();
    p
}

#[test]
fn official_provider_list_loads_and_a_second_load_replaces_the_year() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path().join("data"));
    let file = write(tmp.path(), "provider_level.csv", &official_providers("Outstanding"));
    let loaded = store.load_file(&file, None).unwrap();
    assert_eq!(
        loaded,
        [Loaded::Providers {
            sheet: "provider_level.csv".into(),
            year: 2026,
            rows: 3,
            replaced: false
        }]
    );
    let data = store.dataset().unwrap();
    let list = data.providers_at(2026);
    assert_eq!(list.len(), 3);
    assert_eq!(data.providers_at(2025).len(), 5_600, "the shipped years stay");
    let lewisham = list.iter().find(|p| p.urn.as_str() == "2590934").unwrap();
    assert_eq!(lewisham.overall_judgement, Some(Judgement::RequiresImprovement));
    assert_eq!(lewisham.la, LaCode::new(209).ok());
    let darlington = list.iter().find(|p| p.urn.as_str() == "SC061439").unwrap();
    assert_eq!(darlington.sector, Sector::LocalAuthority);
    assert_eq!(darlington.registration_date.map(|d| d.to_string()), Some("2004-11-05".into()));
    // The new inspection joins the inspection history.
    assert!(data.inspections.iter().any(|i| i.urn.as_str() == "2781227"
        && i.date.to_string() == "2025-12-03"
        && i.overall == Some(Judgement::Outstanding)));

    // The same year again, with two rows: replaces, never adds.
    // 2 title lines, the header (4 lines: three cells begin with a line break), 2 providers.
    let two: String =
        official_providers("Good").lines().take(8).map(|l| format!("{l}\n")).collect();
    let file = write(tmp.path(), "provider_level_revised.csv", &two);
    let loaded = store.load_file(&file, Some(2026)).unwrap();
    assert!(
        matches!(loaded[0], Loaded::Providers { year: 2026, rows: 2, replaced: true, .. }),
        "{loaded:?}"
    );
    assert_eq!(store.dataset().unwrap().providers_at(2026).len(), 2);
}

#[test]
fn a_malformed_cell_names_sheet_row_and_column() {
    let tmp = tempfile::tempdir().unwrap();
    let store = Store::new(tmp.path().join("data"));
    let file = write(tmp.path(), "bad.csv", &official_providers("Very good"));
    let err = store.load_file(&file, None).unwrap_err();
    let text = err.to_string();
    assert!(matches!(err, PublicError::Sheet { row: 6, .. }), "{text}");
    assert!(text.contains("sheet \"bad.csv\""), "{text}");
    assert!(text.contains("row 6"), "{text}");
    assert!(text.contains("Overall experiences and progress"), "{text}");
    assert!(text.contains("\"Very good\""), "{text}");
    assert!(store.dataset().unwrap().providers_at(2026).is_empty(), "nothing half-loaded");
}

#[test]
fn xlsx_workbooks_are_read_sheet_by_sheet() {
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("ilacs_outcomes.xlsx");
    let mut wb = rust_xlsxwriter::Workbook::new();
    let cover = wb.add_worksheet();
    cover.set_name("Cover").unwrap();
    cover.write_string(0, 0, "Local authority inspection outcomes as at 31 March 2026").unwrap();
    let ws = wb.add_worksheet();
    ws.set_name("ILACS inspection history").unwrap();
    ws.write_string(0, 0, "ILACS inspection history").unwrap();
    let header = [
        "LA code",
        "Local authority",
        "Inspection type",
        "Inspection start date",
        "Publication date",
        "Overall effectiveness",
        "Impact of leaders",
        "Help and protection",
        "Children in care",
        "Care leavers",
    ];
    for (c, h) in header.iter().enumerate() {
        ws.write_string(2, c as u16, *h).unwrap();
    }
    let rows = [
        [
            "316",
            "Newham",
            "ILACS Standard Inspection",
            "12/01/2026",
            "20/02/2026",
            "Inadequate",
            "Inadequate",
            "Requires improvement to be good",
            "Inadequate",
            "Inadequate",
        ],
        [
            "",
            "Barnet",
            "ILACS Short Inspection",
            "2026-02-02",
            "",
            "Outstanding",
            "Outstanding",
            "Good",
            "Outstanding",
            "Good",
        ],
    ];
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            ws.write_string(3 + r as u32, c as u16, *v).unwrap();
        }
    }
    wb.save(&path).unwrap();
    let store = Store::new(tmp.path().join("data"));
    let loaded = store.load_file(&path, None).unwrap();
    assert_eq!(loaded[0], Loaded::Skipped { sheet: "Cover".into() });
    assert_eq!(loaded[1], Loaded::Ilacs { sheet: "ILACS inspection history".into(), rows: 2 });
    let data = store.dataset().unwrap();
    let newham = LaCode::new(316).unwrap();
    let at = jiff::civil::Date::constant(2026, 6, 1);
    let latest = carelens_public::latest_of(&data.ilacs, newham, at).unwrap();
    assert_eq!(latest.overall, Some(Judgement::Inadequate));
    let barnet = carelens_public::latest_of(&data.ilacs, LaCode::new(302).unwrap(), at).unwrap();
    assert_eq!(barnet.overall, Some(Judgement::Outstanding));
    // Loading the same inspections again replaces them rather than adding duplicates.
    store.load_file(&path, None).unwrap();
    let again = store.dataset().unwrap();
    assert_eq!(again.ilacs.len(), data.ilacs.len());
}

/// The DfE's EES CSV layout names the 3-digit code `old_la_code`; a 2026 release overlays
/// the LA's figures for 2026 and leaves 2025 as shipped.
#[test]
fn dfe_release_in_the_ees_layout_overlays_its_year() {
    let tmp = tempfile::tempdir().unwrap();
    let text = "time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,la_name,old_la_code,population_type,population_estimate,children_count,rate_per_10000\n\
        2026,Reporting year,Local authority,E92000001,England,E12000007,London,E09000025,Newham,316,Children looked after on 31 March each year,85000,420,49\n\
        2026,Reporting year,Local authority,E92000001,England,E12000007,London,E09000025,Newham,316,Children starting to be looked after each year,85000,170,20\n";
    let file = write(tmp.path(), "cla_number_and_rate_per_10k_children.csv", text);
    let store = Store::new(tmp.path().join("data"));
    let loaded = store.load_file(&file, None).unwrap();
    assert!(matches!(&loaded[0], Loaded::Dfe { years, .. } if years == &[2026]));
    let data = store.dataset().unwrap();
    let newham = Area::La(LaCode::new(316).unwrap());
    let y2026 = data.figures_for(newham, 2026).unwrap();
    assert_eq!(
        (y2026.cla_at_31_march, y2026.cla_rate_per_10k, y2026.started),
        (Some(420), Some(49), Some(170))
    );
    assert_eq!(data.figures_for(newham, 2025).and_then(|f| f.cla_at_31_march), Some(404));
}

#[test]
fn a_file_of_no_known_layout_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let file = write(tmp.path(), "notes.csv", "a,b\n1,2\n");
    let err = Store::new(tmp.path().join("data")).load_file(&file, None).unwrap_err();
    assert!(matches!(err, PublicError::Unrecognised { .. }), "{err}");
}
