//! Properties that hold for any return: breakdowns add up to their totals, shares never exceed
//! their cohorts, row order does not matter, and short-break children change nothing.

use carelens_indicators::{IndicatorValue, Level, Options, Unit, compute, families, indicator};
use carelens_model::{CollectionYear, LaCode, Loc, Return903, Returns, TableKind};
use proptest::prelude::*;

const RNE: [&str; 6] = ["S", "P", "T", "B", "U", "L"];
const LS: [&str; 7] = ["C1", "C2", "V2", "V3", "E1", "J1", "L1"];
const PLACE: [&str; 14] =
    ["U1", "U4", "U6", "K2", "K1", "K3", "H5", "A5", "A6", "P1", "T4", "T1", "R1", "Z1"];
const PROVIDER: [&str; 5] = ["PR1", "PR2", "PR4", "PR5", ""];
const REC: [&str; 6] = ["E4A", "E11", "E3", "E17", "E8", "E45"];
const POSTCODES: [&str; 6] = ["E15 4NJ", "E13 9PJ", "CB2 1TN", "SW1A 2", "", "ZZ99 9ZZ"];

/// One episode: (days after the previous one ended, RNE, LS, PLACE, provider, length in days,
/// REC if leaving care, placement postcode).
type Ep = (u16, usize, usize, usize, usize, u16, Option<usize>, usize);

#[derive(Clone, Debug)]
struct Child {
    dob_days: u16,
    start_days: u16,
    eps: Vec<Ep>,
    open: bool,
    missing: Vec<(u16, bool)>,
}

fn child() -> impl Strategy<Value = Child> {
    let ep = (
        prop_oneof![4 => Just(0u16), 1 => 1u16..200],
        0..RNE.len(),
        0..LS.len(),
        0..PLACE.len(),
        0..PROVIDER.len(),
        1u16..400,
        prop::option::weighted(0.2, 0..REC.len()),
        0..POSTCODES.len(),
    );
    (
        0u16..6500,
        0u16..2200,
        prop::collection::vec(ep, 1..8),
        any::<bool>(),
        prop::collection::vec((0u16..800, any::<bool>()), 0..4),
    )
        .prop_map(|(dob_days, start_days, eps, open, missing)| Child {
            dob_days,
            start_days,
            eps,
            open,
            missing,
        })
}

fn day(base: jiff::civil::Date, days: i64) -> jiff::civil::Date {
    base.checked_add(jiff::Span::new().days(days)).unwrap()
}

fn fmt(d: jiff::civil::Date) -> String {
    format!("{:02}/{:02}/{}", d.day(), d.month(), d.year())
}

/// A 2024/25 return for Newham from the generated children, episodes in `order`.
fn build(children: &[Child], reverse: bool) -> Return903 {
    let mut ret = Return903::new(Some(CollectionYear::Y2024_25), LaCode::new(316).ok());
    let base = jiff::civil::date(2019, 1, 1);
    let mut episodes: Vec<Vec<String>> = Vec::new();
    for (i, c) in children.iter().enumerate() {
        let id = format!("C{i}");
        let dob = day(jiff::civil::date(2004, 1, 1), i64::from(c.dob_days));
        let dob_text = fmt(dob);
        ret.tables.push_cells(TableKind::Header, Loc::default(), |k| {
            [id.as_str(), "M", &dob_text, "WBRI", "UN1", "", ""].get(k).copied()
        });
        let mut t = day(base, i64::from(c.start_days));
        for (n, (gap, rne, ls, place, prov, len, rec, pc)) in c.eps.iter().enumerate() {
            t = day(t, i64::from(*gap));
            let end = day(t, i64::from(*len));
            let last = n + 1 == c.eps.len();
            let (dec, rec) = if last && c.open {
                (String::new(), String::new())
            } else if let Some(r) = rec {
                (fmt(end), REC[*r].to_owned())
            } else if last {
                (fmt(end), "E8".to_owned())
            } else {
                (fmt(end), "X1".to_owned())
            };
            let rne = if n == 0 { "S" } else { RNE[*rne] };
            episodes.push(vec![
                id.clone(),
                fmt(t),
                rne.to_owned(),
                LS[*ls].to_owned(),
                "N1".to_owned(),
                PLACE[*place].to_owned(),
                PROVIDER[*prov].to_owned(),
                dec,
                rec,
                String::new(),
                "E15 4NJ".to_owned(),
                POSTCODES[*pc].to_owned(),
                String::new(),
            ]);
            t = end;
        }
        for (d, away) in &c.missing {
            let start = day(jiff::civil::date(2023, 6, 1), i64::from(*d));
            let kind = if *away { "A" } else { "M" };
            let start_text = fmt(start);
            ret.tables.push_cells(TableKind::Missing, Loc::default(), |k| {
                [id.as_str(), &dob_text, kind, &start_text, ""].get(k).copied()
            });
        }
    }
    if reverse {
        episodes.reverse();
    }
    for e in &episodes {
        ret.tables
            .push_cells(TableKind::Episodes, Loc::default(), |k| e.get(k).map(String::as_str));
    }
    ret.tables.mark_supplied(TableKind::Missing);
    ret
}

fn values(ret: Return903) -> Vec<IndicatorValue> {
    let sets = [Returns { current: ret, previous: Vec::new() }];
    compute(&sets, &Options::new()).unwrap().values(&[Level::La])
}

fn get<'a>(v: &'a [IndicatorValue], id: &str) -> Option<&'a IndicatorValue> {
    v.iter().find(|x| x.id == id && x.year == CollectionYear::Y2024_25)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn breakdowns_add_up_and_shares_stay_within_their_cohorts(children in prop::collection::vec(child(), 1..12)) {
        let v = values(build(&children, false));
        for f in families() {
            let Some(total) = get(&v, f.total) else { continue };
            let sum: u64 = f.members.iter().filter_map(|m| get(&v, m)).filter_map(|x| x.numerator).sum();
            prop_assert_eq!(Some(sum), total.numerator, "{}", f.id);
        }
        for x in v.iter().filter(|x| indicator(x.id).is_some_and(|i| i.unit == Unit::Percent)) {
            prop_assert!(x.numerator <= x.denominator, "{}: {:?}", x.id, x);
        }
        let n = |id: &str| get(&v, id).and_then(|x| x.numerator).unwrap_or(0);
        prop_assert!(n("moves_2plus") <= n("moves_1plus"));
        prop_assert!(n("placements_3plus") <= n("cla_at_31_march"));
        prop_assert!(n("cla_at_31_march") <= n("looked_after_in_year"));
        prop_assert!(n("missing_in_year") <= n("looked_after_in_year"));
    }

    #[test]
    fn row_order_does_not_matter(children in prop::collection::vec(child(), 1..10)) {
        prop_assert_eq!(values(build(&children, false)), values(build(&children, true)));
    }

    #[test]
    fn a_child_with_short_breaks_only_changes_nothing(children in prop::collection::vec(child(), 1..10)) {
        let before = values(build(&children, false));
        let mut ret = build(&children, false);
        for (decom, dec) in [("01/05/2024", "03/05/2024"), ("01/02/2025", "")] {
            let cells = ["SB", decom, "S", "V3", "N2", "K2", "PR1", dec, if dec.is_empty() { "" } else { "E8" }, "", "E15 4NJ", "E15 4NJ", ""];
            ret.tables.push_cells(TableKind::Episodes, Loc::default(), |k| cells.get(k).copied());
        }
        prop_assert_eq!(before, values(ret));
    }
}
