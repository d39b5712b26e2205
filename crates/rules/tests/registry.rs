//! Meta-tests: the declarations agree with the checked-in rule catalogue
//! (`spec/ssda903-rules.csv`, extracted from the reference validator 0.1.17), codes are unique
//! per year, the registry is sorted, and every rule is documented.

use std::collections::BTreeSet;

use carelens_model::CollectionYear;
use carelens_rules::{Rule, all_rules, rules_for};

/// One row of the catalogue: a rule version.
struct CatalogueRow {
    code: String,
    years: Vec<String>,
    tables: Vec<String>,
    fields: Vec<String>,
    message: String,
}

fn catalogue() -> Vec<CatalogueRow> {
    let text = include_str!("../spec/ssda903-rules.csv");
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    rdr.records()
        .map(|r| {
            let r = r.expect("catalogue row");
            let list = |i: usize| -> Vec<String> {
                r.get(i)
                    .unwrap_or("")
                    .split(';')
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect()
            };
            CatalogueRow {
                code: r[0].to_owned(),
                years: list(1),
                tables: list(2),
                fields: list(3),
                message: r[4].to_owned(),
            }
        })
        .collect()
}

/// The reference's declared table names with its typos mended (rules-overview.md §7).
fn mend_table(t: &str) -> String {
    match t {
        "HEader_last" => "Header_last".into(),
        "OC2s" => "OC2".into(),
        "MIssing" => "Missing".into(),
        "EPISODES" => "Episodes".into(),
        "DOLO_last" => "DoLo_last".into(),
        other => other.into(),
    }
}

fn years_of(rule: &Rule) -> Vec<String> {
    rule.years.supported().map(|y| y.to_string()).collect()
}

#[test]
fn every_declared_rule_matches_its_catalogue_row() {
    let cat = catalogue();
    for rule in all_rules() {
        let ys = years_of(rule);
        let row = cat.iter().find(|c| c.code == rule.code && c.years == ys).unwrap_or_else(|| {
            panic!("{} ({}): no catalogue row with these years {ys:?}", rule.code, rule.name)
        });
        assert_eq!(rule.message, row.message, "{}: message", rule.code);
        let tables: Vec<String> = row.tables.iter().map(|t| mend_table(t)).collect();
        assert_eq!(rule.tables, tables, "{}: tables", rule.code);
        let fields: Vec<String> = row
            .fields
            .iter()
            .map(|f| if f == "NB_ADOPTER" { "NB_ADOPTR".into() } else { f.clone() })
            .collect();
        assert_eq!(rule.fields, fields, "{}: fields", rule.code);
    }
}

/// Every catalogue row is declared, so `carelens rules --year Y` lists exactly the codes of the
/// reference's registry for `Y` (the catalogue's year columns are that registry; `cargo dev
/// diff-reference` also checks it against the installed reference itself).
#[test]
fn every_catalogue_code_is_declared_for_exactly_its_years() {
    let cat = catalogue();
    for year in CollectionYear::SUPPORTED {
        let y = year.to_string();
        let want: BTreeSet<&str> =
            cat.iter().filter(|c| c.years.contains(&y)).map(|c| c.code.as_str()).collect();
        let have: BTreeSet<&str> = rules_for(year).iter().map(|r| r.code).collect();
        let missing: Vec<&&str> = want.difference(&have).collect();
        let extra: Vec<&&str> = have.difference(&want).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "{y}: missing {missing:?}, extra {extra:?}"
        );
    }
}

#[test]
fn codes_are_unique_in_each_year_and_the_registry_is_sorted() {
    for year in CollectionYear::SUPPORTED {
        let mut seen = BTreeSet::new();
        for r in rules_for(year) {
            assert!(seen.insert(r.code), "{} twice in {year}", r.code);
        }
    }
    let keys: Vec<(u32, u32, String, CollectionYear)> = all_rules()
        .iter()
        .map(|r| {
            let digits: String = r.code.chars().take_while(char::is_ascii_digit).collect();
            let (a, b) = digits.parse::<u32>().map_or((1, 0), |n| (0, n));
            (a, b, r.code[digits.len()..].to_owned(), r.years.from)
        })
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn every_rule_is_documented_and_named_after_its_defect() {
    for r in all_rules() {
        for heading in ["## What it checks", "## Why it matters", "## Example"] {
            assert!(r.doc.contains(heading), "{} ({}) lacks {heading}", r.code, r.name);
        }
        assert!(
            !r.name.starts_with("RULE_") && !r.name.starts_with("CHECK"),
            "{}: name the defect",
            r.code
        );
        assert!(
            r.name.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_'),
            "{}",
            r.name
        );
    }
}
