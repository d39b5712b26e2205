//! Test harness: every test runs against SQLite (a temporary file), and also against
//! PostgreSQL when `CARELENS_TEST_POSTGRES` holds a `postgres://` URL. Each PostgreSQL run gets
//! its own schema, dropped afterwards, so tests run in parallel.

#![allow(dead_code, unreachable_pub, clippy::unwrap_used)]

use carelens_model::{CollectionYear, LaCode, Loc, Return903, TableKind};
use carelens_store::{Area, FindingRecord, IndicatorValue, LoadData, Store};

/// One backend to run a test on.
pub struct TestDb {
    pub store: Store,
    pub name: &'static str,
    /// The SQLite file, for tests that look at what is stored on disk.
    pub sqlite_path: Option<std::path::PathBuf>,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((admin, schema)) = &self.pg
            && let Ok(mut c) = postgres::Client::connect(admin, postgres::NoTls)
        {
            let _ = c.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

/// The PostgreSQL URL to test against, if any.
pub fn postgres_url() -> Option<String> {
    std::env::var("CARELENS_TEST_POSTGRES").ok().filter(|u| u.starts_with("postgres"))
}

/// The backends to run `test` on: SQLite always, PostgreSQL when configured.
pub fn backends(test: &str) -> Vec<TestDb> {
    let mut out = Vec::new();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("store.db");
    out.push(TestDb {
        store: Store::open(path.to_str().unwrap()).unwrap(),
        name: "sqlite",
        sqlite_path: Some(path),
        _dir: Some(dir),
        pg: None,
    });
    if let Some(url) = postgres_url() {
        out.push(postgres(&url, test));
    }
    out
}

/// A fresh schema in the test database, and a store opened on it.
pub fn postgres(url: &str, test: &str) -> TestDb {
    let schema = format!("t_{}_{}", test.to_lowercase(), std::process::id());
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    admin
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let store_url = format!("{url}{sep}options=-csearch_path%3D{schema}");
    TestDb {
        store: Store::open(&store_url).unwrap(),
        name: "postgres",
        sqlite_path: None,
        _dir: None,
        pg: Some((url.to_owned(), schema)),
    }
}

pub fn la(code: u16) -> LaCode {
    LaCode::new(code).unwrap()
}

pub const Y24: CollectionYear = CollectionYear::Y2023_24;
pub const Y25: CollectionYear = CollectionYear::Y2024_25;

pub fn now() -> jiff::Timestamp {
    "2025-06-01T09:00:00Z".parse().unwrap()
}

/// A return built from rows of raw cells: `(table, cells in DfE column order)`.
pub fn ret(year: CollectionYear, la: LaCode, rows: &[(TableKind, &[&str])]) -> Return903 {
    let mut r = Return903::new(Some(year), Some(la));
    let file = r.add_source("hand-made.csv", carelens_model::SourceFormat::Csv);
    for (i, (kind, cells)) in rows.iter().enumerate() {
        let line = std::num::NonZeroU32::new(u32::try_from(i).unwrap() + 2);
        r.tables.push_cells(*kind, Loc { file, row: 0, line }, |c| cells.get(c).copied());
    }
    carelens_geo::derive_placement_geo(&mut r, Some(la), true);
    r
}

pub fn finding(
    rule: &str,
    table: TableKind,
    row: u32,
    child: &str,
    fields: &[&str],
) -> FindingRecord {
    FindingRecord {
        rule: rule.to_owned(),
        table,
        last_year: false,
        row,
        line: Some(row + 2),
        child: Some(carelens_model::ChildId::new(child)),
        fields: fields.iter().map(|f| (*f).to_owned()).collect(),
        values: fields.iter().map(|_| "x".to_owned()).collect(),
        message: format!("message of {rule}"),
    }
}

pub fn value(
    id: &str,
    la: LaCode,
    year: CollectionYear,
    num: f64,
    den: Option<f64>,
) -> IndicatorValue {
    IndicatorValue {
        id: id.to_owned(),
        area: Area::La(la),
        year,
        numerator: Some(num),
        denominator: den,
        value: Some(den.map_or(num, |d| 100.0 * num / d)),
        las: None,
    }
}

pub fn data<'a>(
    ret: &'a Return903,
    findings: Vec<FindingRecord>,
    indicators: Vec<IndicatorValue>,
) -> LoadData<'a> {
    LoadData {
        la: ret.la.unwrap(),
        year: ret.year.unwrap(),
        ret,
        findings,
        rules_run: 7,
        indicators,
        loaded_at: now(),
    }
}

/// Newham (316, London) 2024/25, worked by hand:
/// * child A1: Header; two episodes (the first ends X1 into a move, RNE P), so 2 placements,
///   1 move in 2024/25 (01/09/2024); one review whose date is invalid text; one missing
///   episode; one social worker allocation.
/// * child B2: Header and one open episode.
///
/// Rows: 2 Header + 3 Episodes + 1 Reviews + 1 Missing + 1 SWEpisodes = 8; children: 2.
pub fn newham_2025() -> Return903 {
    use TableKind::*;
    ret(
        Y25,
        la(316),
        &[
            (Header, &["A1", "M", "01/06/2015", "WBRI", "A123456789012", "", ""]),
            (Header, &["B2", "F", "15/02/2010", "WBRI", "UN1", "", ""]),
            (
                Episodes,
                &[
                    "A1",
                    "01/04/2023",
                    "S",
                    "C2",
                    "N1",
                    "U4",
                    "PR1",
                    "01/09/2024",
                    "X1",
                    "CARPL",
                    "E15 4NJ",
                    "E15 1AA",
                    "",
                ],
            ),
            (
                Episodes,
                &[
                    "A1",
                    "01/09/2024",
                    "P",
                    "C2",
                    "N1",
                    "U5",
                    "PR4",
                    "",
                    "",
                    "",
                    "E15 4NJ",
                    "CM1 1AA",
                    "",
                ],
            ),
            (Episodes, &["B2", "01/01/2025", "S", "V2", "N2", "K2", "PR2", "", "", "", "", "", ""]),
            (Reviews, &["A1", "01/06/2015", "not a date", "PN1"]),
            (Missing, &["A1", "01/06/2015", "M", "20/03/2024", "02/04/2024"]),
            (Missing, &["A1", "01/06/2015", "M", "03/10/2024", "04/10/2024"]),
            (SwEpisodes, &["A1", "01/06/2015", "SW1", "01/04/2023", "", ""]),
        ],
    )
}

/// Newham 2023/24: A1's first episode still open at 31 March 2024, a review, and a missing
/// episode open at 31 March.
pub fn newham_2024() -> Return903 {
    use TableKind::*;
    ret(
        Y24,
        la(316),
        &[
            (Header, &["A1", "1", "01/06/2015", "WBRI", "A123456789012", "", ""]),
            (
                Episodes,
                &[
                    "A1",
                    "01/04/2023",
                    "S",
                    "C2",
                    "N1",
                    "U4",
                    "PR1",
                    "",
                    "",
                    "",
                    "E15 4NJ",
                    "E15 1AA",
                    "",
                ],
            ),
            (Reviews, &["A1", "01/06/2015", "01/10/2023", "PN1"]),
            // Still missing at 31 March: 2024/25 gives its end.
            (Missing, &["A1", "01/06/2015", "M", "20/03/2024", ""]),
        ],
    )
}

/// City of London (201, London) 2024/25: one child, C9, with one open episode. Its id is the
/// kind another LA's user might guess.
pub fn city_2025() -> Return903 {
    use TableKind::*;
    ret(
        Y25,
        la(201),
        &[
            (Header, &["C9", "F", "01/01/2012", "WBRI", "UN1", "", ""]),
            (Episodes, &["C9", "01/05/2024", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""]),
        ],
    )
}

/// Rutland (857, East Midlands) 2024/25: one child, R1.
pub fn rutland_2025() -> Return903 {
    use TableKind::*;
    ret(
        Y25,
        la(857),
        &[(Episodes, &["R1", "01/05/2024", "S", "C2", "N1", "U4", "PR1", "", "", "", "", "", ""])],
    )
}
