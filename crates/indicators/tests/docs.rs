//! docs/indicators.md is generated from the declarations: this test fails when it is stale.
//! `CARELENS_UPDATE_DOCS=1 cargo test -p carelens-indicators --test docs` rewrites it (as does
//! `carelens indicators --catalogue markdown > docs/indicators.md`).

use std::path::PathBuf;

#[test]
fn indicators_page_is_up_to_date() {
    let generated = carelens_indicators::catalogue_markdown();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/indicators.md");
    if std::env::var_os("CARELENS_UPDATE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/indicators.md");
        return;
    }
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == generated,
        "docs/indicators.md is stale: regenerate it with\n    \
         CARELENS_UPDATE_DOCS=1 cargo test -p carelens-indicators --test docs\nor\n    \
         cargo run --release -- indicators --catalogue markdown > docs/indicators.md"
    );
}
