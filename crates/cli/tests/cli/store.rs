//! `carelens load` and `carelens user`: into a SQLite store in a temporary folder.

use carelens_store::{Principal, Role, Store};

use crate::support::{EPISODES, HEADER, carelens, code, stderr, stdout, write_return};

#[test]
fn load_stores_each_la_year_and_reloading_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    // returns/316/2024-25 and returns/316/2023-24: LA and years from the folder names.
    let root = dir.path().join("returns");
    write_return(
        &root.join("316"),
        "2024-25",
        &[("header.csv", HEADER), ("episodes.csv", EPISODES)],
    );
    write_return(&root.join("316"), "2023-24", &[("header.csv", HEADER)]);
    let db = dir.path().join("care.db");
    let db_arg = format!("sqlite:{}", db.display());
    let out = carelens(&["load", root.to_str().unwrap(), "--db", &db_arg]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    // 3 Header + 3 Episodes rows in 2024/25, 3 Header rows in 2023/24.
    assert!(stdout(&out).contains("Loaded 2 LA-years (0 replaced): 9 rows"), "{}", stdout(&out));

    let out = carelens(&[
        "load",
        root.join("316").join("2024-25").to_str().unwrap(),
        "--la",
        "316",
        "--db",
        &db_arg,
    ]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert!(stdout(&out).contains("Loaded 1 LA-years (1 replaced): 6 rows"), "{}", stdout(&out));

    let store = Store::open(&db_arg).unwrap();
    let las = store.returns(&Principal::new("e", Role::National)).unwrap();
    assert_eq!(las.len(), 2);
    assert!(las.iter().all(|r| r.la.get() == 316));
    // C2's ETHNIC XXXX fires rule 103 in both years.
    assert!(las.iter().all(|r| r.findings >= 1), "{las:?}");
}

#[test]
fn load_without_an_la_asks_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let ret = write_return(dir.path(), "somewhere", &[("header.csv", HEADER)]);
    let db = format!("sqlite:{}", dir.path().join("x.db").display());
    let out = carelens(&["load", ret.to_str().unwrap(), "--year", "2024/25", "--db", &db]);
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("give --la"), "{}", stderr(&out));
}

#[test]
fn users_and_tokens_are_managed_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite:{}", dir.path().join("u.db").display());
    let add = |args: &[&str]| {
        let mut all = vec!["user", "add"];
        all.extend(args);
        all.extend(["--db", &db]);
        carelens(&all)
    };
    let out = add(&["ana", "--role", "la", "--la", "316", "--password", "a long passphrase"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = add(&["hub", "--role", "regional", "--region", "london", "--no-password"]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let out = add(&["bad", "--role", "la", "--la", "999", "--no-password"]);
    assert_eq!(code(&out), 2, "an unknown LA is refused");
    let out = add(&["nola", "--role", "la", "--no-password"]);
    assert_eq!(code(&out), 2, "--la is required for an LA user");

    let out = carelens(&["user", "token", "hub", "--db", &db]);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let token = stdout(&out).trim().to_owned();
    assert!(token.starts_with("cl_") && token.len() == 67, "{token}");
    let store = Store::open(&db).unwrap();
    let hub = store.authenticate_token(&token).unwrap().unwrap();
    assert_eq!(hub.role, Role::Regional(carelens_store::Region::London));
    assert!(store.authenticate_password("ana", "a long passphrase").unwrap().is_some());

    let out = carelens(&["user", "list", "--db", &db]);
    let list = stdout(&out);
    assert!(list.contains("ana") && list.contains("la 316 (Newham)"), "{list}");
    assert!(list.contains("regional (London)") && list.contains("1 token(s)"), "{list}");

    let out = carelens(&["user", "remove", "hub", "--db", &db]);
    assert_eq!(code(&out), 0);
    assert!(store.authenticate_token(&token).unwrap().is_none());
}
