//! A second, deliberately naive implementation of the headline indicators, written from the
//! definitions in the catalogue (docs/indicators.md) alone: it reads the generated CSV files
//! with the `csv` crate (not through ingest or the model's care histories), chains episodes
//! itself, and must agree exactly, numerator and denominator, with the crate on returns
//! generated with a seed used nowhere else.
//!
//! Only the postcode table (`carelens_geo::locate`) and `Postcode::parse` are shared: they are
//! reference data, not indicator logic. The distance formula is written out again here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use carelens_generate::{GenerateOptions, OutputFormat, generate, write};
use carelens_indicators::{Area, Level, Options, compute};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{CollectionYear, LaCode, Postcode};
use jiff::civil::Date;

/// A seed no other test, benchmark or demo uses.
const SEED: u64 = 58_113;

/// Newham, the City of London (a handful of children), Cambridgeshire, Lancashire (large),
/// Isles of Scilly (almost none).
const LAS: [u16; 5] = [316, 201, 873, 888, 420];

fn date(s: &str) -> Option<Date> {
    let mut it = s.trim().split('/');
    let d: i8 = it.next()?.parse().ok()?;
    let m: i8 = it.next()?.parse().ok()?;
    let y: i16 = it.next()?.parse().ok()?;
    Date::new(y, m, d).ok()
}

type Row = BTreeMap<String, String>;

fn read(path: &Path) -> Vec<Row> {
    let Ok(mut r) = csv::Reader::from_path(path) else { return Vec::new() };
    let headers = r.headers().unwrap().clone();
    r.records()
        .map(|rec| {
            let rec = rec.unwrap();
            headers.iter().zip(rec.iter()).map(|(h, v)| (h.to_owned(), v.to_owned())).collect()
        })
        .collect()
}

#[derive(Clone, Debug)]
struct Ep {
    child: String,
    decom: Date,
    rne: String,
    ls: String,
    place: String,
    provider: String,
    dec: Option<Date>,
    rec: String,
    home: String,
    pl: String,
    urn: String,
}

fn episodes(rows: &[Row]) -> Vec<Ep> {
    rows.iter()
        .map(|r| Ep {
            child: r["CHILD"].clone(),
            decom: date(&r["DECOM"]).expect("generated DECOM"),
            rne: r["RNE"].clone(),
            ls: r["LS"].clone(),
            place: r["PLACE"].clone(),
            provider: r["PLACE_PROVIDER"].clone(),
            dec: date(&r["DEC"]),
            rec: r["REC"].clone(),
            home: r["HOME_POST"].clone(),
            pl: r["PL_POST"].clone(),
            urn: r["URN"].clone(),
        })
        .collect()
}

fn age(dob: Date, on: Date) -> i16 {
    let mut a = on.year() - dob.year();
    if (on.month(), on.day()) < (dob.month(), dob.day()) {
        a -= 1;
    }
    a
}

fn minus(d: Date, years: i16, months: i8) -> Date {
    // Calendar arithmetic: the same day `years` and `months` earlier, the end of the month
    // when that day does not exist (31 March - 6 months = 30 September).
    let mut y = d.year() - years;
    let mut m = d.month() - months;
    if m < 1 {
        m += 12;
        y -= 1;
    }
    let last = Date::new(y, m, 1).unwrap().days_in_month();
    Date::new(y, m, d.day().min(last)).unwrap()
}

struct Placement {
    period: usize,
    start: Date,
    end: Option<Date>,
    first_ep: usize,
    new_period: bool,
}

struct Child {
    eps: Vec<Ep>,
    /// (start, end, reason of the last episode)
    periods: Vec<(Date, Option<Date>, String)>,
    placements: Vec<Placement>,
}

fn chain(mut eps: Vec<Ep>) -> Child {
    eps.sort_by(|a, b| {
        a.decom.cmp(&b.decom).then(match (a.dec, b.dec) {
            (Some(x), Some(y)) => x.cmp(&y),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        })
    });
    for w in eps.windows(2) {
        assert_ne!(w[0].decom, w[1].decom, "generated data has no duplicate DECOM");
    }
    let mut periods: Vec<(Date, Option<Date>, String)> = Vec::new();
    let mut placements: Vec<Placement> = Vec::new();
    for i in 0..eps.len() {
        let e = &eps[i];
        let new_period =
            i == 0 || e.rne == "S" || eps[i - 1].rec != "X1" || eps[i - 1].dec != Some(e.decom);
        if new_period {
            periods.push((e.decom, None, String::new()));
        }
        let p = periods.len() - 1;
        periods[p].1 = e.dec;
        periods[p].2 = e.rec.clone();
        if new_period || e.rne != "L" {
            placements.push(Placement {
                period: p,
                start: e.decom,
                end: e.dec,
                first_ep: i,
                new_period,
            });
        } else if let Some(last) = placements.last_mut() {
            last.end = e.dec;
        }
    }
    Child { eps, periods, placements }
}

fn temporary(place: &str) -> bool {
    matches!(place, "T0" | "T1" | "T2" | "T3" | "T4")
}

/// A kept placement: (start, end, period, place, kind) where kind is 'E'ntry, 'C'arer change
/// or 'S'ame carer.
type Stay = (Date, Option<Date>, usize, String, char);

fn stays(c: &Child, join: bool) -> Vec<Stay> {
    let mut out: Vec<(Stay, usize)> = Vec::new();
    let mut after_temp = false;
    for p in &c.placements {
        let e = &c.eps[p.first_ep];
        if temporary(&e.place) {
            after_temp = true;
            continue;
        }
        let prev_same = out.last().filter(|(s, _)| s.2 == p.period).map(|(_, i)| *i);
        if join && after_temp {
            if let Some(pi) = prev_same {
                let pe = &c.eps[pi];
                if pe.place == e.place
                    && pe.provider == e.provider
                    && pe.pl == e.pl
                    && pe.urn == e.urn
                {
                    let last = out.last_mut().unwrap();
                    last.0.1 = p.end;
                    last.1 = p.first_ep;
                    after_temp = false;
                    continue;
                }
            }
        }
        let kind = if prev_same.is_none() {
            'E'
        } else if e.rne == "T" || e.rne == "U" {
            'S'
        } else {
            'C'
        };
        let _ = p.new_period;
        out.push(((p.start, p.end, p.period, e.place.clone(), kind), p.first_ep));
        after_temp = false;
    }
    out.into_iter().map(|(s, _)| s).collect()
}

fn overlaps(s: &Stay, from: Date, to: Date) -> bool {
    s.0 <= to && s.1.is_none_or(|e| e > from)
}

fn miles(a: &str, b: &str) -> Option<f64> {
    let (a, b) = (Postcode::parse(a).ok()?, Postcode::parse(b).ok()?);
    let (a, b) = (carelens_geo::locate(&a)?, carelens_geo::locate(&b)?);
    let ni = |l: &carelens_geo::Located| l.area == carelens_geo::Area::NorthernIreland;
    if ni(&a) != ni(&b) {
        return None;
    }
    let de = f64::from(a.point.easting) - f64::from(b.point.easting);
    let dn = f64::from(a.point.northing) - f64::from(b.point.northing);
    let m = (de * de + dn * dn).sqrt() / 1000.0 / 1.6093;
    Some((m * 10.0).round_ties_even() / 10.0)
}

/// The naive numerators and denominators of one LA and year.
fn naive(
    la: LaCode,
    dir: &Path,
    year: CollectionYear,
    earlier: Option<&Path>,
) -> BTreeMap<&'static str, (u64, u64)> {
    let (ys, ye) = (year.start(), year.end());
    let cur = episodes(&read(&dir.join("episodes.csv")));
    let header = read(&dir.join("header.csv"));
    let dob: BTreeMap<String, Date> =
        header.iter().filter_map(|h| Some((h["CHILD"].clone(), date(&h["DOB"])?))).collect();
    let oc3 = read(&dir.join("oc3.csv"));
    // History: earlier closed episodes ending on or before the child's first episode here.
    let mut first: BTreeMap<String, Date> = BTreeMap::new();
    for e in &cur {
        let f = first.entry(e.child.clone()).or_insert(e.decom);
        *f = (*f).min(e.decom);
    }
    let mut all = cur;
    if let Some(prev) = earlier {
        let leavers: BTreeSet<String> = oc3.iter().map(|o| o["CHILD"].clone()).collect();
        for e in episodes(&read(&prev.join("episodes.csv"))) {
            let Some(dec) = e.dec else { continue };
            let limit = match first.get(&e.child) {
                Some(d) => *d,
                None if leavers.contains(&e.child) => Date::MAX,
                None => continue,
            };
            if e.decom < limit && dec <= limit {
                all.push(e);
            }
        }
    }
    let mut by_child: BTreeMap<String, Vec<Ep>> = BTreeMap::new();
    for e in all.into_iter().filter(|e| e.ls != "V3" && e.ls != "V4") {
        by_child.entry(e.child.clone()).or_default().push(e);
    }
    let children: BTreeMap<String, Child> =
        by_child.into_iter().map(|(k, v)| (k, chain(v))).collect();

    let uasc: BTreeSet<String> = read(&dir.join("uasc.csv"))
        .iter()
        .filter(|u| date(&u["DUC"]).is_none_or(|d| d > ye))
        .map(|u| u["CHILD"].clone())
        .collect();
    let mut sw: BTreeMap<String, Vec<(Date, Option<Date>, String)>> = BTreeMap::new();
    for s in read(&dir.join("sw_episodes.csv")) {
        if let Some(d) = date(&s["SW_DECOM"]) {
            sw.entry(s["CHILD"].clone()).or_default().push((
                d,
                date(&s["SW_DEC"]),
                s["SW_ID"].clone(),
            ));
        }
    }
    let mut missing: BTreeMap<String, u64> = BTreeMap::new();
    for m in read(&dir.join("missing.csv")) {
        if m["MISSING"] == "M" && date(&m["MIS_START"]).is_some_and(|d| d >= ys && d <= ye) {
            *missing.entry(m["CHILD"].clone()).or_default() += 1;
        }
    }

    let mut out: BTreeMap<&'static str, (u64, u64)> = BTreeMap::new();
    let mut add = |id: &'static str, num: bool, den: bool| {
        let e = out.entry(id).or_insert((0, 0));
        e.0 += u64::from(num);
        e.1 += u64::from(den);
    };
    let mut incidents = 0;
    let two_years_ago = minus(ye, 2, 0);
    let cohort_cutoff = minus(ye, 2, 6);
    for (id, c) in &children {
        let in_year = c.periods.iter().any(|p| p.0 <= ye && p.1.is_none_or(|e| e >= ys));
        add("looked_after_in_year", in_year, false);
        add(
            "started_in_year",
            c.eps.iter().any(|e| e.rne == "S" && e.decom >= ys && e.decom <= ye),
            false,
        );
        add(
            "ceased_in_year",
            c.periods
                .iter()
                .any(|p| !p.2.is_empty() && p.2 != "X1" && p.1.is_some_and(|d| d >= ys && d <= ye)),
            false,
        );
        let n_missing = missing.get(id).copied().unwrap_or(0);
        add("missing_in_year", in_year && n_missing > 0, in_year);
        if in_year {
            incidents += n_missing;
        }
        // Under 16 in H5, P2 or K3 on some day of the year.
        if let (true, Some(dob)) = (in_year, dob.get(id)) {
            let last_under_16 = Date::new(dob.year() + 16, dob.month(), dob.day())
                .unwrap_or_else(|_| Date::new(dob.year() + 16, 3, 1).unwrap())
                .yesterday()
                .unwrap();
            let barred = c.eps.iter().any(|e| {
                matches!(e.place.as_str(), "H5" | "P2" | "K3") && {
                    let last = e.dec.map_or(ye, |d| d.yesterday().unwrap());
                    e.decom.max(ys) <= last.min(ye).min(last_under_16)
                }
            });
            add("under16_in_unregulated_or_supported", barred, false);
        }
        // Looked after on 31 March: the last episode open then.
        let Some(open) = c.eps.iter().rev().find(|e| e.decom <= ye && e.dec.is_none_or(|d| d > ye))
        else {
            continue;
        };
        add("cla_at_31_march", true, false);
        let kept = stays(c, false);
        let placements = kept.iter().filter(|s| overlaps(s, ys, ye)).count();
        add("placements_3plus", placements >= 3, true);
        let current =
            c.periods.iter().rposition(|p| p.0 <= ye && p.1.is_none_or(|e| e > ye)).unwrap();
        if c.periods[current].0 <= two_years_ago {
            let from = two_years_ago.tomorrow().unwrap();
            let n = kept.iter().filter(|s| overlaps(s, from, ye)).count();
            add("placements_3plus_two_years", n >= 3, true);
        }
        let joined = stays(c, true);
        let in_y = |d: Date| d >= ys && d <= ye;
        let changes = joined.iter().filter(|s| s.4 == 'C' && in_y(s.0)).count();
        let mut entries = joined.iter().filter(|s| s.4 == 'E' && in_y(s.0)).count();
        let eve = ys.yesterday().unwrap();
        let in_care_before = c.periods.iter().any(|p| p.0 <= eve && p.1.is_none_or(|e| e > eve));
        if entries > 0 && !in_care_before {
            entries -= 1;
        }
        add("moves_1plus", changes + entries >= 1, true);
        add("moves_2plus", changes + entries >= 2, true);
        if let Some(dob) = dob.get(id)
            && age(*dob, ye) < 16
            && c.periods[current].0 <= cohort_cutoff
        {
            let open_stay = joined.iter().rposition(|s| s.2 == current && s.0 <= ye);
            let stable = open_stay.is_some_and(|o| {
                let mut f = o;
                while joined[f].4 == 'S'
                    && f > 0
                    && joined[f - 1].2 == current
                    && joined[f - 1].1 == Some(joined[f].0)
                {
                    f -= 1;
                }
                let adoption = matches!(joined[o].3.as_str(), "A3" | "A4" | "A5" | "A6")
                    && o > 0
                    && joined[o - 1].2 == current
                    && joined[o - 1].0 <= two_years_ago;
                joined[f].0 <= two_years_ago || adoption
            });
            add("long_term_stability", stable, true);
        }
        let rows = sw.get(id).cloned().unwrap_or_default();
        let mut sorted = rows.clone();
        sorted.sort_by_key(|r| r.0);
        let sw_changes = sorted.windows(2).filter(|w| in_y(w[1].0) && w[0].2 != w[1].2).count();
        let workers: BTreeSet<&String> = rows
            .iter()
            .filter(|r| r.0 <= ye && r.1.is_none_or(|d| d >= ys))
            .map(|r| &r.2)
            .collect();
        add("sw_changes_2plus", sw_changes >= 2, true);
        add("social_workers_3plus", workers.len() >= 3, true);
        let distance = miles(&open.home, &open.pl);
        add("placed_over_20_miles", distance.is_some_and(|d| d > 20.0), true);
        add("placed_within_20_miles", distance.is_some_and(|d| d <= 20.0), true);
        add("distance_not_known", distance.is_none(), true);
        let area =
            Postcode::parse(&open.pl).ok().and_then(|p| carelens_geo::locate(&p)).map(|l| l.area);
        add("placed_outside_la", area.is_some_and(|a| a != carelens_geo::Area::La(la)), true);
        add("placed_inside_la", area == Some(carelens_geo::Area::La(la)), true);
        add("in_childrens_homes", matches!(open.place.as_str(), "K1" | "K2"), true);
        let supported = matches!(open.place.as_str(), "H5" | "P2" | "K3");
        add("in_supported_accommodation", supported, true);
        let sixteen_seventeen = dob.get(id).is_some_and(|d| (16..=17).contains(&age(*d, ye)));
        add("aged_16_17_in_supported", sixteen_seventeen && supported, sixteen_seventeen);
        add("cla_uasc", uasc.contains(id), true);
    }
    // Care leavers aged 19-21.
    for o in &oc3 {
        let Some(dob) = date(&o["DOB"]) else { continue };
        let transferred = children
            .get(&o["CHILD"])
            .is_some_and(|c| c.periods.last().is_some_and(|p| p.2 == "E3"));
        let cohort = (19..=21).contains(&age(dob, ye))
            && o["IN_TOUCH"] != "DIED"
            && o["IN_TOUCH"] != "RHOM"
            && !transferred;
        let eet =
            matches!(o["ACTIV"].as_str(), "F1" | "P1" | "F2" | "P2" | "F4" | "P4" | "F5" | "P5");
        let suitable = o["ACCOM"].len() == 2 && o["ACCOM"].ends_with('1');
        add("care_leavers_19_21", cohort, false);
        add("care_leavers_eet", cohort && eet, cohort);
        add("care_leavers_suitable_accommodation", cohort && suitable, cohort);
    }
    out.insert("missing_incidents", (incidents, 0));
    out
}

#[test]
fn every_headline_indicator_matches_a_naive_reimplementation() {
    let las: Vec<LaCode> = LAS.iter().map(|c| LaCode::new(*c).unwrap()).collect();
    let generated =
        generate(&GenerateOptions::new(CollectionYear::Y2024_25).las(las.clone()).seed(SEED))
            .unwrap();
    let dir = tempfile::tempdir().unwrap();
    write(&generated, dir.path(), OutputFormat::Csv, |_| {}).unwrap();
    let ing = read_paths(&[dir.path().to_path_buf()], &ReadOptions::new());
    let values = compute(&ing.returns, &Options::new()).unwrap().values(&[Level::La]);

    let mut compared = 0;
    for la in las {
        for (year, earlier) in [
            (CollectionYear::Y2023_24, None),
            (CollectionYear::Y2024_25, Some(dir.path().join(la.to_string()).join("2023-24"))),
        ] {
            let folder = dir.path().join(la.to_string()).join(year.to_string().replace('/', "-"));
            let expected = naive(la, &folder, year, earlier.as_deref());
            for (id, (num, den)) in expected {
                let v = values
                    .iter()
                    .find(|v| v.id == id && v.area == Area::La(la) && v.year == year)
                    .unwrap_or_else(|| panic!("{la} {year}: no value for {id}"));
                let ind = carelens_indicators::indicator(id).unwrap();
                let got = (v.numerator.unwrap_or(0), v.denominator.unwrap_or(0));
                let want = if ind.denominator.is_some() { (num, den) } else { (num, 0) };
                assert_eq!(
                    got, want,
                    "{la} {year} {id}: crate (numerator, denominator) against the naive one"
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 200, "{compared} values compared");
}
