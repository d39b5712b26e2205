//! `carelens indicators`: formats, suppression, child-level files and the catalogue.

use std::path::PathBuf;

use crate::support::{CLEAN_HEADER, EPISODES, carelens, code, stderr, stdout, write_return};

/// docs/indicators.md is `carelens indicators --catalogue markdown`.
#[test]
fn indicators_page_is_the_catalogue() {
    let out = carelens(&["indicators", "--catalogue", "markdown"]);
    assert_eq!(code(&out), 0);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/indicators.md");
    let current = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        current == stdout(&out),
        "docs/indicators.md is stale: CARELENS_UPDATE_DOCS=1 cargo test -p carelens-indicators --test docs"
    );
    let text = stdout(&carelens(&["indicators", "--catalogue", "text"]));
    assert!(text.contains("placements_3plus") && text.contains("Care leavers (OC3)"));
}

fn newham(dir: &std::path::Path) -> PathBuf {
    write_return(dir, "returns", &[("header.csv", CLEAN_HEADER), ("episodes.csv", EPISODES)])
}

#[test]
fn json_has_the_fixed_shape() {
    let dir = tempfile::tempdir().unwrap();
    let ret = newham(dir.path());
    let out = carelens(&[
        "indicators",
        ret.to_str().unwrap(),
        "--la",
        "316",
        "--by",
        "la,england",
        "--format",
        "json",
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = doc["indicators"].as_array().unwrap();
    let cla: Vec<&serde_json::Value> =
        list.iter().filter(|v| v["id"] == "cla_at_31_march").collect();
    assert_eq!(cla.len(), 2, "Newham and England");
    let v = cla[0];
    let mut keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(keys, ["area", "denominator", "id", "numerator", "value", "year"]);
    // In this order in the text.
    assert!(stdout(&out).starts_with(r#"{"indicators":[{"id":"#));
    assert!(stdout(&out).contains(r#"{"id":"cla_at_31_march","area":"england","year":"2024/25","numerator":3,"denominator":null,"value":3.0}"#));
    assert_eq!((&v["area"], &v["year"]), (&"england".into(), &"2024/25".into()));
    // C1, C2, C3 are all in care on 31 March 2025.
    assert_eq!(
        (&v["numerator"], &v["denominator"], &v["value"]),
        (&3.into(), &serde_json::Value::Null, &3.0.into())
    );
    let homes =
        list.iter().find(|v| v["id"] == "in_childrens_homes" && v["area"] == "316").unwrap();
    assert_eq!((&homes["numerator"], &homes["denominator"]), (&2.into(), &3.into()));
}

#[test]
fn publish_suppresses_small_counts_and_refuses_child_lists() {
    let dir = tempfile::tempdir().unwrap();
    let ret = newham(dir.path());
    let path = ret.to_str().unwrap();
    let out = carelens(&["indicators", path, "--la", "316", "--format", "json", "--publish"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let cla = doc["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .find(|v| v["id"] == "cla_at_31_march")
        .unwrap();
    assert_eq!(cla["value"], "c", "3 children: suppressed");
    let children = dir.path().join("children.csv");
    let out = carelens(&[
        "indicators",
        path,
        "--la",
        "316",
        "--publish",
        "--children",
        children.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("cannot be written with --publish"));
}

#[test]
fn csv_xlsx_charts_and_child_lists_are_written() {
    let dir = tempfile::tempdir().unwrap();
    let ret = newham(dir.path());
    let path = ret.to_str().unwrap();
    let out = carelens(&["indicators", path, "--la", "316", "--format", "csv"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.starts_with(
        "id,title,topic,unit,area_level,area,area_name,year,numerator,denominator,value,"
    ));
    assert!(text.contains("\ncla_at_31_march,Children looked after at 31 March,"));
    let xlsx = dir.path().join("ind.xlsx");
    let charts = dir.path().join("charts");
    let children = dir.path().join("children.csv");
    let outliers = dir.path().join("outliers.csv");
    let out = carelens(&[
        "indicators",
        path,
        "--la",
        "316",
        "--format",
        "xlsx",
        "--out",
        xlsx.to_str().unwrap(),
        "--charts",
        charts.to_str().unwrap(),
        "--children",
        children.to_str().unwrap(),
        "--outliers",
        outliers.to_str().unwrap(),
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(std::fs::metadata(&xlsx).unwrap().len() > 1000);
    let svg = std::fs::read_to_string(charts.join("316.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("Newham"));
    let rows = std::fs::read_to_string(&children).unwrap();
    assert_eq!(rows.lines().count(), 4, "a header and C1-C3");
    assert!(std::fs::read_to_string(&outliers).unwrap().starts_with("la,year,child,reasons"));
    let out = carelens(&["indicators", path, "--la", "316", "--format", "xlsx"]);
    assert_eq!(code(&out), 2, "xlsx needs --out");
}

#[test]
fn a_csv_return_without_an_la_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let ret = newham(dir.path());
    let out = carelens(&["indicators", ret.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("--la"), "{}", stderr(&out));
}
