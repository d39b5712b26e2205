//! Error injection: the mistakes real returns contain, put into a clean return after it is
//! built, by editing raw cells ([`AnyRow::set_cell`]) and by adding and removing rows.
//!
//! Every mistake is recorded as an [`Injected`], so that tests and the differential harness
//! know which findings to expect. Injection draws from its own random stream (seed, LA, year),
//! so the clean data underneath is the same with or without it.

use carelens_model::{Return903, TableKind};

use crate::random::Rand;

/// The kind of mistake injected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum InjectionKind {
    /// A code that is not in the DfE list (`U7`, `XX`).
    BadCode,
    /// A valid code written in lower case (`c2`).
    LowerCase,
    /// A required cell left blank.
    Blank,
    /// A date written `yyyy-mm-dd`.
    IsoDate,
    /// A date written `dd/mm/yy`.
    TwoDigitYear,
    /// A date that does not exist (`31/02/2024`).
    ImpossibleDate,
    /// A date after the end of the collection year.
    FutureDate,
    /// An episode that ends before it starts.
    DecBeforeDecom,
    /// An episode that runs on past the start of the next one.
    OverlappingEpisodes,
    /// A postcode that is not a postcode (`E15 4N`, `UNKNOWN`).
    MalformedPostcode,
    /// A UPN in the wrong format.
    BadUpn,
    /// A flag or number written as a spreadsheet decimal (`1.0`).
    ExcelDecimal,
    /// OC2 items that contradict each other (an SDQ score and a reason; an intervention
    /// without a substance misuse problem; a score over 40).
    Oc2Inconsistent,
    /// OC3 items that contradict each other (died but in education; in touch with activity 0).
    Oc3Inconsistent,
    /// A review months after it was due.
    LateReview,
    /// A missing incident with no end date.
    MissingWithoutEnd,
    /// A row sent twice.
    DuplicateRow,
    /// A row left out.
    RemovedRow,
}

/// One injected mistake.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Injected {
    /// The collection year of the return it was put in (end year, 2025 for 2024/25).
    pub year: i16,
    /// The table.
    pub table: TableKind,
    /// The row's index in the table after injection; for [`InjectionKind::RemovedRow`], the
    /// index the row had before it was removed.
    pub row: usize,
    /// The column, when a cell was edited.
    pub field: Option<&'static str>,
    /// What was done.
    pub kind: InjectionKind,
}

/// The code columns of each table, which [`InjectionKind::BadCode`] and
/// [`InjectionKind::LowerCase`] edit.
fn code_columns(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Header => &["SEX", "ETHNIC"],
        TableKind::Episodes => {
            &["RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "REC", "REASON_PLACE_CHANGE"]
        }
        TableKind::Reviews => &["REVIEW_CODE"],
        TableKind::Missing => &["MISSING"],
        TableKind::Oc3 => &["IN_TOUCH", "ACTIV", "ACCOM"],
        TableKind::Oc2 => &["SDQ_REASON"],
        TableKind::Ad1 => &["SEX_ADOPTR", "LS_ADOPTR"],
        TableKind::SwEpisodes => &["SW_REASON"],
        TableKind::PrevPerm => &["PREV_PERM"],
        TableKind::PlacedAdoption => &["REASON_PLACED_CEASED"],
        TableKind::Uasc => &["SEX"],
        TableKind::DoLo => &[],
    }
}

/// Columns that must not be blank.
fn required_columns(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Header => &["SEX", "DOB", "ETHNIC", "UPN"],
        TableKind::Episodes => &["DECOM", "RNE", "LS", "CIN", "PLACE", "HOME_POST", "PL_POST"],
        TableKind::Reviews => &["REVIEW", "REVIEW_CODE"],
        TableKind::Missing => &["MISSING", "MIS_START"],
        TableKind::Oc3 => &["IN_TOUCH", "ACCOM"],
        TableKind::Oc2 => &["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT"],
        TableKind::Ad1 => &["DATE_INT", "DATE_MATCH", "NB_ADOPTR"],
        TableKind::SwEpisodes => &["SW_ID", "SW_DECOM"],
        TableKind::PrevPerm => &["PREV_PERM"],
        TableKind::PlacedAdoption => &["DATE_PLACED"],
        TableKind::Uasc => &["DOB"],
        TableKind::DoLo => &["DOLO_START"],
    }
}

fn date_columns(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Header => &["DOB"],
        TableKind::Episodes => &["DECOM", "DEC"],
        TableKind::Reviews => &["REVIEW"],
        TableKind::Missing => &["MIS_START", "MIS_END"],
        TableKind::Ad1 => &["DATE_INT", "DATE_MATCH"],
        TableKind::SwEpisodes => &["SW_DECOM", "SW_DEC"],
        TableKind::PlacedAdoption => &["DATE_PLACED"],
        TableKind::Uasc => &["DUC"],
        TableKind::DoLo => &["DOLO_START", "DOLO_END"],
        TableKind::Oc2 | TableKind::Oc3 | TableKind::PrevPerm => &["DOB"],
    }
}

/// `dd/mm/yyyy` → (d, m, y).
fn split_date(raw: &str) -> Option<(u32, u32, i32)> {
    let mut it = raw.split('/');
    let d = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let y = it.next()?.parse().ok()?;
    Some((d, m, y))
}

fn raw(ret: &Return903, kind: TableKind, row: usize, col: &str) -> Option<String> {
    let i = kind.column_index(col)?;
    ret.tables.rows(kind).nth(row)?.cell(i).map(|c| c.raw.to_owned())
}

fn set(ret: &mut Return903, kind: TableKind, row: usize, col: &str, value: &str) -> bool {
    let Some(i) = kind.column_index(col) else { return false };
    ret.tables.rows_mut(kind).nth(row).is_some_and(|r| r.set_cell(i, value))
}

/// Runs `$body` with `$rows` bound to the `Vec` of rows of table `$kind`.
macro_rules! with_rows {
    ($tables:expr, $kind:expr, |$rows:ident| $body:expr) => {
        match $kind {
            TableKind::Header => {
                let $rows = &mut $tables.header.rows;
                $body
            }
            TableKind::Episodes => {
                let $rows = &mut $tables.episodes.rows;
                $body
            }
            TableKind::Reviews => {
                let $rows = &mut $tables.reviews.rows;
                $body
            }
            TableKind::Uasc => {
                let $rows = &mut $tables.uasc.rows;
                $body
            }
            TableKind::Oc2 => {
                let $rows = &mut $tables.oc2.rows;
                $body
            }
            TableKind::Oc3 => {
                let $rows = &mut $tables.oc3.rows;
                $body
            }
            TableKind::Ad1 => {
                let $rows = &mut $tables.ad1.rows;
                $body
            }
            TableKind::PlacedAdoption => {
                let $rows = &mut $tables.placed_adoption.rows;
                $body
            }
            TableKind::PrevPerm => {
                let $rows = &mut $tables.prev_perm.rows;
                $body
            }
            TableKind::Missing => {
                let $rows = &mut $tables.missing.rows;
                $body
            }
            TableKind::SwEpisodes => {
                let $rows = &mut $tables.sw_episodes.rows;
                $body
            }
            TableKind::DoLo => {
                let $rows = &mut $tables.dolo.rows;
                $body
            }
        }
    };
}

/// Tries to put one mistake of `kind` in row `row` of `table`; returns the edited column.
fn apply(
    ret: &mut Return903,
    table: TableKind,
    row: usize,
    kind: InjectionKind,
    year_end: i16,
    rng: &mut Rand,
) -> Option<Option<&'static str>> {
    use InjectionKind::*;
    let pick = |rng: &mut Rand, cols: &'static [&'static str]| rng.pick(cols).copied();
    match kind {
        BadCode => {
            let col = pick(rng, code_columns(table))?;
            let bad = *rng.pick(&["X9", "ZZ", "U7", "N0", "PR9", "E99", "Q"])?;
            set(ret, table, row, col, bad).then_some(Some(col))
        }
        LowerCase => {
            let col = pick(rng, code_columns(table))?;
            let v = raw(ret, table, row, col)?;
            let lower = v.to_ascii_lowercase();
            (lower != v && set(ret, table, row, col, &lower)).then_some(Some(col))
        }
        Blank => {
            let col = pick(rng, required_columns(table))?;
            let v = raw(ret, table, row, col)?;
            (!v.is_empty() && set(ret, table, row, col, "")).then_some(Some(col))
        }
        IsoDate | TwoDigitYear | ImpossibleDate | FutureDate => {
            let col = pick(rng, date_columns(table))?;
            let (d, m, y) = split_date(&raw(ret, table, row, col)?)?;
            let text = match kind {
                IsoDate => format!("{y:04}-{m:02}-{d:02}"),
                TwoDigitYear => format!("{d:02}/{m:02}/{:02}", y.rem_euclid(100)),
                ImpossibleDate => {
                    let (dd, mm) =
                        *rng.pick(&[(31u32, 2u32), (30, 2), (31, 4), (31, 6), (31, 9), (31, 11)])?;
                    format!("{dd:02}/{mm:02}/{y:04}")
                }
                _ => format!("{d:02}/{m:02}/{:04}", i32::from(year_end) + 1 + rng.range(0, 2)),
            };
            set(ret, table, row, col, &text).then_some(Some(col))
        }
        DecBeforeDecom if table == TableKind::Episodes => {
            let (d, m, y) = split_date(&raw(ret, table, row, "DECOM")?)?;
            raw(ret, table, row, "DEC").filter(|v| !v.is_empty())?;
            let earlier = crate::days::format(crate::days::from_ymd(y, m, d) - rng.range(1, 40));
            set(ret, table, row, "DEC", &earlier).then_some(Some("DEC"))
        }
        OverlappingEpisodes if table == TableKind::Episodes => {
            let (d, m, y) = split_date(&raw(ret, table, row, "DEC")?)?;
            let later = crate::days::format(crate::days::from_ymd(y, m, d) + rng.range(3, 60));
            let (yd, ym, yy) = (31, 3, i32::from(year_end));
            if crate::days::from_ymd(y, m, d) + 60 > crate::days::from_ymd(yy, ym, yd) {
                return None;
            }
            set(ret, table, row, "DEC", &later).then_some(Some("DEC"))
        }
        MalformedPostcode if table == TableKind::Episodes => {
            let col = *rng.pick(&["HOME_POST", "PL_POST"])?;
            let v = raw(ret, table, row, col).filter(|v| v.len() > 4)?;
            let bad = match rng.range(0, 2) {
                0 => v[..v.len() - 1].to_owned(),
                1 => "UNKNOWN".to_owned(),
                _ => format!("{v}X"),
            };
            set(ret, table, row, col, &bad).then_some(Some(col))
        }
        BadUpn if table == TableKind::Header => {
            let v = raw(ret, table, row, "UPN").filter(|v| v.len() == 13)?;
            let bad = if rng.chance(0.5) { format!("I{}", &v[1..]) } else { v[..12].to_owned() };
            set(ret, table, row, "UPN", &bad).then_some(Some("UPN"))
        }
        ExcelDecimal => {
            let cols: &'static [&'static str] = match table {
                TableKind::Oc2 => {
                    &["IMMUNISATIONS", "TEETH_CHECK", "HEALTH_ASSESSMENT", "SUBSTANCE_MISUSE"]
                }
                TableKind::Header => &["SEX", "MOTHER"],
                TableKind::Ad1 => &["NB_ADOPTR", "FOSTER_CARE"],
                _ => return None,
            };
            let col = pick(rng, cols)?;
            let v = raw(ret, table, row, col)
                .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))?;
            set(ret, table, row, col, &format!("{v}.0")).then_some(Some(col))
        }
        Oc2Inconsistent if table == TableKind::Oc2 => match rng.range(0, 2) {
            0 => set(ret, table, row, "SDQ_SCORE", "45").then_some(Some("SDQ_SCORE")),
            1 => {
                raw(ret, table, row, "SDQ_SCORE").filter(|v| !v.is_empty())?;
                set(ret, table, row, "SDQ_REASON", "SDQ4").then_some(Some("SDQ_REASON"))
            }
            _ => {
                raw(ret, table, row, "SUBSTANCE_MISUSE").filter(|v| v == "0")?;
                set(ret, table, row, "INTERVENTION_RECEIVED", "1")
                    .then_some(Some("INTERVENTION_RECEIVED"))
            }
        },
        Oc3Inconsistent if table == TableKind::Oc3 => {
            if rng.chance(0.5) {
                set(ret, table, row, "IN_TOUCH", "DIED").then_some(Some("IN_TOUCH"))
            } else {
                raw(ret, table, row, "IN_TOUCH").filter(|v| v == "YES")?;
                set(ret, table, row, "ACTIV", "0").then_some(Some("ACTIV"))
            }
        }
        LateReview if table == TableKind::Reviews => {
            let (d, m, y) = split_date(&raw(ret, table, row, "REVIEW")?)?;
            let day = crate::days::from_ymd(y, m, d) + rng.range(60, 200);
            if day > crate::days::year_end(year_end) {
                return None;
            }
            set(ret, table, row, "REVIEW", &crate::days::format(day)).then_some(Some("REVIEW"))
        }
        MissingWithoutEnd if table == TableKind::Missing => {
            raw(ret, table, row, "MIS_END").filter(|v| !v.is_empty())?;
            set(ret, table, row, "MIS_END", "").then_some(Some("MIS_END"))
        }
        _ => None,
    }
}

fn kinds_for(table: TableKind) -> &'static [(InjectionKind, f64)] {
    use InjectionKind::*;
    match table {
        TableKind::Episodes => &[
            (BadCode, 2.0),
            (LowerCase, 1.0),
            (Blank, 1.5),
            (IsoDate, 0.7),
            (TwoDigitYear, 0.5),
            (ImpossibleDate, 0.4),
            (FutureDate, 0.4),
            (DecBeforeDecom, 1.0),
            (OverlappingEpisodes, 1.0),
            (MalformedPostcode, 1.2),
            (DuplicateRow, 0.5),
            (RemovedRow, 0.4),
        ],
        TableKind::Header => &[
            (BadCode, 1.0),
            (LowerCase, 0.5),
            (Blank, 1.0),
            (IsoDate, 0.5),
            (ImpossibleDate, 0.3),
            (BadUpn, 1.5),
            (ExcelDecimal, 0.5),
            (DuplicateRow, 0.4),
            (RemovedRow, 0.3),
        ],
        TableKind::Reviews => {
            &[(BadCode, 1.0), (Blank, 0.7), (IsoDate, 0.5), (LateReview, 1.5), (DuplicateRow, 0.5)]
        }
        TableKind::Missing => &[
            (BadCode, 0.6),
            (MissingWithoutEnd, 1.5),
            (TwoDigitYear, 0.5),
            (FutureDate, 0.4),
            (DuplicateRow, 0.5),
        ],
        TableKind::Oc2 => {
            &[(Oc2Inconsistent, 2.0), (Blank, 1.0), (ExcelDecimal, 1.0), (BadCode, 0.5)]
        }
        TableKind::Oc3 => &[(Oc3Inconsistent, 2.0), (BadCode, 1.0), (LowerCase, 0.5)],
        _ => &[
            (BadCode, 1.0),
            (Blank, 1.0),
            (IsoDate, 0.6),
            (ImpossibleDate, 0.3),
            (DuplicateRow, 0.4),
        ],
    }
}

/// Puts about `rate × rows` mistakes into `ret` and returns what was done.
pub(crate) fn inject(ret: &mut Return903, rate: f64, rng: &mut Rand) -> Vec<Injected> {
    let year_end = ret.year.map_or(2025, |y| y.end_year());
    let tables: Vec<TableKind> =
        TableKind::ALL.iter().copied().filter(|&k| ret.tables.len(k) > 0).collect();
    let sizes: Vec<f64> = tables.iter().map(|&k| ret.tables.len(k) as f64).collect();
    let total: f64 = sizes.iter().sum();
    let wanted = rng.round(rate * total);
    let mut done: Vec<Injected> = Vec::with_capacity(wanted);
    let mut touched: std::collections::BTreeSet<(TableKind, usize)> =
        std::collections::BTreeSet::new();
    let mut removals: Vec<(TableKind, usize)> = Vec::new();
    let mut attempts = 0;
    while done.len() + removals.len() < wanted && attempts < wanted * 20 + 100 {
        attempts += 1;
        let table = tables[rng.weighted(&sizes).min(tables.len() - 1)];
        let n = ret.tables.len(table);
        let row = rng.below(n);
        if touched.contains(&(table, row)) {
            continue;
        }
        let kind = rng.choose(kinds_for(table));
        match kind {
            InjectionKind::DuplicateRow => {
                let new_row = with_rows!(ret.tables, table, |rows| {
                    let Some(copy) = rows.get(row).cloned() else { continue };
                    rows.push(copy);
                    let i = rows.len() - 1;
                    if let Some(r) = rows.last_mut() {
                        r.loc.row = u32::try_from(i).unwrap_or(u32::MAX);
                    }
                    i
                });
                touched.insert((table, row));
                touched.insert((table, new_row));
                done.push(Injected { year: year_end, table, row: new_row, field: None, kind });
            }
            InjectionKind::RemovedRow => {
                touched.insert((table, row));
                removals.push((table, row));
            }
            _ => {
                if let Some(field) = apply(ret, table, row, kind, year_end, rng) {
                    touched.insert((table, row));
                    done.push(Injected { year: year_end, table, row, field, kind });
                }
            }
        }
    }
    // Remove rows last, highest index first, and shift the recorded rows after them.
    removals.sort_by(|a, b| b.cmp(a));
    for (table, row) in removals {
        with_rows!(ret.tables, table, |rows| {
            if row < rows.len() {
                rows.remove(row);
                for (i, r) in rows.iter_mut().enumerate().skip(row) {
                    r.loc.row = u32::try_from(i).unwrap_or(u32::MAX);
                }
            }
        });
        for inj in done
            .iter_mut()
            .filter(|i| i.table == table && i.kind != InjectionKind::RemovedRow && i.row > row)
        {
            inj.row -= 1;
        }
        done.push(Injected {
            year: year_end,
            table,
            row,
            field: None,
            kind: InjectionKind::RemovedRow,
        });
    }
    ret.derive_uasc_flags();
    done
}
