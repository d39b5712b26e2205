//! `carelens validate`: exit codes, the four formats, and the Ofsted lists.

use serde_json::Value;

use crate::support::{
    CLEAN_HEADER, EPISODES, HEADER, PROVIDERS, carelens, code, stderr, stdout, write_return,
};

const YEAR: [&str; 4] = ["--year", "2024/25", "--la", "316"];

fn validate(path: &std::path::Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["validate", path.to_str().unwrap()];
    args.extend(YEAR);
    args.extend(extra);
    carelens(&args)
}

#[test]
fn exit_code_is_0_when_clean() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "316", &[("header.csv", CLEAN_HEADER)]);
    let out = validate(&ret, &["--rules", "103"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("No findings"));
}

#[test]
fn exit_code_is_1_when_there_are_findings() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "316", &[("header.csv", HEADER)]);
    let out = validate(&ret, &["--rules", "103"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
}

#[test]
fn exit_code_is_2_when_the_input_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = validate(&dir.path().join("missing"), &[]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("error"), "{}", stderr(&out));

    // A folder with nothing readable in it.
    let ret = write_return(dir.path(), "316", &[("notes.csv", "a,b\n1,2\n")]);
    assert_eq!(code(&validate(&ret, &[])), 2);

    // An Ofsted list that cannot be read stops the run too.
    let ret = write_return(dir.path(), "317", &[("header.csv", HEADER)]);
    let bad = dir.path().join("list.csv");
    std::fs::write(&bad, "Name,Town\nA,B\n").unwrap();
    let out = validate(&ret, &["--providers", bad.to_str().unwrap()]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("list.csv"), "{}", stderr(&out));
}

#[test]
fn json_has_the_fixed_shape_sorted_by_rule_table_row() {
    let dir = tempfile::tempdir().unwrap();
    let ret =
        write_return(dir.path(), "316", &[("header.csv", HEADER), ("episodes.csv", EPISODES)]);
    let out = validate(&ret, &["--format", "json"]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let v: Value = serde_json::from_str(&stdout(&out)).unwrap();
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = vec!["collection_year", "la", "rules_run", "findings"];
    expected.sort_unstable();
    assert_eq!(keys, expected);
    assert_eq!(v["collection_year"], "2024/25");
    assert_eq!(v["la"], "316");
    assert!(v["rules_run"].as_array().unwrap().iter().any(|c| c == "103"));
    let findings = v["findings"].as_array().unwrap();
    let f103 = findings.iter().find(|f| f["rule"] == "103").expect("rule 103 reported");
    // Header row 1 (0-based) is line 3 of header.csv: C2 with ETHNIC XXXX.
    assert_eq!(
        *f103,
        serde_json::json!({
            "rule": "103", "table": "Header", "row": 1, "line": 3, "child": "C2",
            "fields": ["ETHNIC"], "values": {"ETHNIC": "XXXX"},
            "message": "The ethnicity code is either not valid or has not been entered.",
        })
    );
    for f in findings {
        let mut k: Vec<&str> = f.as_object().unwrap().keys().map(String::as_str).collect();
        k.sort_unstable();
        assert_eq!(k, ["child", "fields", "line", "message", "row", "rule", "table", "values"]);
    }
    // Sorted by rule (in the order `rules_run` lists them), then table, then row.
    let order: Vec<&str> =
        v["rules_run"].as_array().unwrap().iter().filter_map(Value::as_str).collect();
    let key = |f: &Value| {
        let rule = order.iter().position(|c| *c == f["rule"]).unwrap();
        (rule, f["table"].as_str().unwrap().to_owned(), f["row"].as_u64().unwrap())
    };
    let keys: Vec<_> = findings.iter().map(key).collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
}

#[test]
fn csv_has_one_finding_per_line_with_the_json_fields() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "316", &[("header.csv", HEADER)]);
    let out = validate(&ret, &["--rules", "103", "--format", "csv"]);
    assert_eq!(code(&out), 1);
    assert_eq!(
        stdout(&out),
        "rule,table,row,line,child,fields,values,message\n\
         103,Header,1,3,C2,ETHNIC,ETHNIC=XXXX,The ethnicity code is either not valid or has not been entered.\n"
    );
}

#[test]
fn text_gives_the_summary_by_rule_then_the_worst_children() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "316", &[("header.csv", HEADER)]);
    let out = validate(&ret, &["--rules", "103,101"]);
    assert_eq!(code(&out), 1);
    let text = stdout(&out);
    let table = text.find("rule  findings  children  message").expect("summary table");
    let row = text.find("103          1         1  The ethnicity code").expect("rule 103 row");
    let worst = text.find("Children with the most findings").expect("worst children");
    assert!(table < row && row < worst, "{text}");
    assert!(text.contains("  C2: 1 findings (103)"), "{text}");
}

#[test]
fn xlsx_needs_out_and_writes_the_workbook() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "316", &[("header.csv", HEADER)]);
    assert_eq!(code(&validate(&ret, &["--format", "xlsx"])), 2);
    let book = dir.path().join("316.xlsx");
    let out =
        validate(&ret, &["--rules", "103", "--format", "xlsx", "--out", book.to_str().unwrap()]);
    assert_eq!(code(&out), 1, "{}", stderr(&out));
    let bytes = std::fs::read(&book).unwrap();
    assert!(bytes.starts_with(b"PK"), "an XLSX file is a zip archive");
}

#[test]
fn ofsted_list_rules_are_skipped_without_lists_and_run_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let ret =
        write_return(dir.path(), "316", &[("header.csv", HEADER), ("episodes.csv", EPISODES)]);
    let list = dir.path().join("ofsted.csv");
    std::fs::write(&list, PROVIDERS).unwrap();

    let without = validate(&ret, &["--rules", "219,1008", "--format", "json"]);
    let v: Value = serde_json::from_str(&stdout(&without)).unwrap();
    assert_eq!(v["rules_run"], serde_json::json!([]));
    assert_eq!(code(&without), 0);
    let text = stdout(&validate(&ret, &["--rules", "219,1008"]));
    assert!(
        text.contains(
            "Skipped 2 rules: they need the Ofsted provider lists (--providers): 219, 1008"
        ),
        "{text}"
    );

    let with = validate(
        &ret,
        &["--rules", "219,1008", "--format", "json", "--providers", list.to_str().unwrap()],
    );
    assert_eq!(code(&with), 1, "{}", stderr(&with));
    assert!(!stderr(&with).contains("warning"), "a combined list is both lists");
    let v: Value = serde_json::from_str(&stdout(&with)).unwrap();
    assert_eq!(v["rules_run"], serde_json::json!(["219", "1008"]));
    let found: Vec<(String, u64, String)> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let rule = f["rule"].as_str().unwrap().to_owned();
            (rule, f["row"].as_u64().unwrap(), f["child"].as_str().unwrap().to_owned())
        })
        .collect();
    // Worked in support::EPISODES: 219 on rows 1 and 2, 1008 on row 1.
    let expected = [("219", 1, "C3"), ("219", 2, "C2"), ("1008", 1, "C3")];
    let expected: Vec<(String, u64, String)> =
        expected.iter().map(|(r, n, c)| ((*r).to_owned(), *n, (*c).to_owned())).collect();
    assert_eq!(found, expected);
}

#[test]
fn a_single_childrens_homes_list_warns_that_the_other_list_is_missing() {
    let dir = tempfile::tempdir().unwrap();
    let ret =
        write_return(dir.path(), "316", &[("header.csv", HEADER), ("episodes.csv", EPISODES)]);
    let list = dir.path().join("ch.csv");
    std::fs::write(
        &list,
        "URN,Local Authority,Provider Code,Provider Placement Code,Closed Date,Setting Postcode\n\
         SC111111,Newham,PR4,K2,,E15 4NJ\n",
    )
    .unwrap();
    let out = validate(&ret, &["--rules", "1008", "--providers", list.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    assert!(
        stderr(&out).contains("warning: the Ofsted lists given are not both"),
        "{}",
        stderr(&out)
    );
}
