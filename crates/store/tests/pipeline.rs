//! Generated returns through `prepare` (geography, rules, indicators) into the store, on every
//! backend: what is stored matches what the engine crates produce.

mod common;

use carelens_generate::{GenerateOptions, generate};
use carelens_model::{Returns, TableKind};
use carelens_store::{Area, FindingFilter, IndicatorQuery, Principal, Role, prepare};
use common::*;

#[test]
fn generated_returns_load_with_findings_and_indicators() {
    // City of London (201) and Westminster (213), both London; mistakes injected so that rules
    // fire.
    let opts = GenerateOptions::new(Y25).las(vec![la(201), la(213)]).seed(7).error_rate(0.02);
    let generated = generate(&opts).unwrap();
    for db in backends("pipeline") {
        let s = &db.store;
        let mut expected = Vec::new();
        for g in &generated {
            // Both years, each with the years before it, as `carelens load` does.
            let mut sets = vec![
                Returns { current: g.current.clone(), previous: vec![g.previous.clone()] },
                Returns { current: g.previous.clone(), previous: vec![] },
            ];
            for set in &mut sets {
                let year = set.current.year.unwrap();
                let data = prepare(set, g.la, year, now());
                let rows: usize = TableKind::ALL.iter().map(|k| data.ret.tables.len(*k)).sum();
                let report = s.load(&data).unwrap();
                assert_eq!(report.rows, rows as u64, "{}", db.name);
                assert_eq!(report.findings, data.findings.len() as u64);
                assert!(!data.indicators.is_empty(), "indicators computed");
                expected.push((g.la, year, data.findings.len(), data.indicators.clone()));
            }
        }
        s.refresh_aggregates(&[]).unwrap();
        let national = Principal::new("e", Role::National);
        let summaries = s.returns(&national).unwrap();
        assert_eq!(summaries.len(), 4);
        for (la, year, findings, indicators) in &expected {
            let sum = summaries.iter().find(|r| r.la == *la && r.year == *year).unwrap();
            assert_eq!(sum.findings, *findings as u64);
            let stored = s
                .indicators(&national, &IndicatorQuery::new().area(Area::La(*la)).year(*year))
                .unwrap();
            assert_eq!(stored.len(), indicators.len());
            for v in indicators {
                let got = stored.iter().find(|x| x.id == v.id).unwrap();
                assert_eq!(
                    (got.numerator, got.denominator, got.value),
                    (v.numerator, v.denominator, v.value)
                );
            }
        }
        // London is exactly the two LAs: its numerators are the LA sums.
        let london = s
            .indicators(
                &national,
                &IndicatorQuery::new().area(Area::Region(carelens_store::Region::London)).year(Y25),
            )
            .unwrap();
        for v in &london {
            let las: f64 = expected
                .iter()
                .filter(|(_, y, _, _)| *y == Y25)
                .filter_map(|(_, _, _, ind)| ind.iter().find(|x| x.id == v.id)?.numerator)
                .sum();
            assert_eq!(v.numerator, Some(las), "{} on {}", v.id, db.name);
            assert_eq!(v.las, Some(2));
        }

        // A child with findings: its rows mark the failing cells.
        let westminster = Principal::new("w", Role::La(la(213)));
        let findings = s.findings(&westminster, la(213), Y25, &FindingFilter::default()).unwrap();
        let f = findings
            .iter()
            .find(|f| !f.last_year && f.child.is_some() && !f.fields.is_empty())
            .expect("injected mistakes make rules fire");
        let child = f.child.clone().unwrap();
        let rows = s.child_rows(&westminster, la(213), Y25, &child).unwrap().unwrap();
        let table = rows.tables.iter().find(|t| t.table == f.table).unwrap();
        let row = table.rows.iter().find(|r| r.row == f.row).unwrap();
        assert!(row.rules.contains(&f.rule));
        let marked = row.cells.iter().any(|c| c.failing.contains(&f.rule));
        let named = f.fields.iter().any(|name| table.columns.iter().any(|c| c == name));
        assert_eq!(marked, named, "a cell is marked exactly when the rule names a column of it");
        let timeline = s.child_timeline(&westminster, la(213), Y25, &child).unwrap();
        assert!(timeline.is_some());
        let page = s.children(&westminster, la(213), Y25, None, 0, 5).unwrap();
        assert!(page.total > 5 && page.children.len() == 5);
    }
}
