//! Generated documentation kept in step with the rule declarations.

use std::path::PathBuf;

use crate::support::{carelens, code, stdout};

/// docs/rules.md is `carelens rules --format markdown`; `CARELENS_UPDATE_DOCS=1` rewrites it.
#[test]
fn rules_page_is_up_to_date() {
    let out = carelens(&["rules", "--format", "markdown"]);
    assert_eq!(code(&out), 0);
    let generated = stdout(&out);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/rules.md");
    if std::env::var_os("CARELENS_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/rules.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/rules.md is stale: regenerate it with\n    \
         cargo run --release -- rules --format markdown > docs/rules.md\nor\n    \
         CARELENS_UPDATE_DOCS=1 cargo test -p carelens --test cli rules_page_is_up_to_date"
    );
}

/// The page lists every year's rules and documents each rule.
#[test]
fn rules_page_has_years_catalogue_and_rule_sections() {
    let page = stdout(&carelens(&["rules", "--format", "markdown"]));
    let list = stdout(&carelens(&["rules", "--year", "2024/25"]));
    // `carelens rules --year` starts "N rules in force in 2024/25".
    let in_force: usize = list.split_whitespace().next().and_then(|n| n.parse().ok()).unwrap();
    assert!(page.contains(&format!("| 2024/25 | {in_force} |")), "year table gives the count");
    assert!(page.contains("<a id=\"rule-103-2022-23\"></a>"));
    assert!(page.contains("### 103 — "));
    assert!(page.contains("#### What it checks"));
    assert!(page.contains("| Needs | Ofsted lists |"), "URN rules say they need the lists");
}
