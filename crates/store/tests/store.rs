//! The store's behaviour, run on every backend (see `common`).

mod common;

use carelens_model::{ChildId, TableKind};
use carelens_store::{
    Area, CellStatus, FindingFilter, IndicatorQuery, MoveKindView, NewUser, Principal, Region,
    Role, Store, StoreError,
};
use common::*;

fn newham() -> Principal {
    Principal::new("newham", Role::La(la(316)))
}

fn load_newham(store: &Store) {
    let r24 = newham_2024();
    let r25 = newham_2025();
    store.load(&data(&r24, vec![], vec![value("cla", la(316), Y24, 40.0, None)])).unwrap();
    let mut last = finding("1001", TableKind::Episodes, 0, "A1", &["DECOM"]);
    last.last_year = true;
    store
        .load(&data(
            &r25,
            vec![
                finding("101", TableKind::Reviews, 0, "A1", &["REVIEW"]),
                finding("102", TableKind::Episodes, 1, "A1", &["PLACE", "PL_DISTANCE"]),
                finding("102", TableKind::Episodes, 2, "B2", &["PLACE"]),
                last,
            ],
            vec![
                value("cla", la(316), Y25, 50.0, None),
                value("outside", la(316), Y25, 10.0, Some(40.0)),
            ],
        ))
        .unwrap();
}

#[test]
fn schema_is_migrated_once_and_reopening_is_harmless() {
    for db in backends("migrate") {
        let v = db.store.schema_version().unwrap();
        assert!(v >= 1, "{}", db.name);
        assert_eq!(db.store.data_version().unwrap(), 0);
        if let Some(path) = &db.sqlite_path {
            let again = Store::open(&format!("sqlite:{}", path.display())).unwrap();
            assert_eq!(again.schema_version().unwrap(), v);
        }
    }
}

#[test]
fn a_loaded_return_reads_back_with_its_counts() {
    for db in backends("readback") {
        let s = &db.store;
        load_newham(s);
        let all = s.returns(&Principal::new("e", Role::National)).unwrap();
        assert_eq!(all.len(), 2, "{}", db.name);
        let y25 = all.iter().find(|r| r.year == Y25).unwrap();
        // newham_2025: 9 rows, children A1 and B2, 4 findings on A1 (3) and B2 (1).
        assert_eq!((y25.rows, y25.children, y25.findings), (9, 2, 4), "{}", db.name);
        assert_eq!(y25.children_with_findings, 2);
        assert_eq!((y25.rules_run, y25.files), (7, 1));
        assert_eq!(y25.la_name, "Newham");
        assert_eq!(y25.region, Some(Region::London));
        assert_eq!(y25.loaded_at, "2025-06-01T09:00:00Z");
        assert!(s.data_version().unwrap() >= 2);

        let page = s.children(&newham(), la(316), Y25, None, 0, 10).unwrap();
        assert_eq!(page.total, 2);
        let a1 = &page.children[0];
        // A1: 1 Header + 2 Episodes + Reviews + 2 Missing + SWEpisodes = 7 rows; 3 findings.
        assert_eq!((a1.child.as_str(), a1.rows, a1.episodes, a1.findings), ("A1", 7, 2, 3));
        let found = s.children(&newham(), la(316), Y25, Some("b"), 0, 10).unwrap();
        assert_eq!(found.total, 1, "search ignores case on {}", db.name);
        assert_eq!(found.children[0].child.as_str(), "B2");
        let none = s.children(&newham(), la(316), Y25, Some("%"), 0, 10).unwrap();
        assert_eq!(none.total, 0, "% is searched as text");

        let summary = s.findings_summary(&newham(), Area::La(la(316)), Y25).unwrap();
        let codes: Vec<(&str, u64, u64)> =
            summary.iter().map(|r| (r.rule.as_str(), r.findings, r.children)).collect();
        assert_eq!(codes, [("102", 2, 2), ("1001", 1, 1), ("101", 1, 1)], "{}", db.name);

        let by_rule = s
            .findings(
                &newham(),
                la(316),
                Y25,
                &FindingFilter { rule: Some("102".into()), ..FindingFilter::default() },
            )
            .unwrap();
        assert_eq!(by_rule.len(), 2);
        assert_eq!(by_rule[0].fields, ["PLACE", "PL_DISTANCE"]);
        assert_eq!(by_rule[0].line, Some(3));
    }
}

#[test]
fn a_childs_rows_show_the_failing_cells() {
    for db in backends("childrows") {
        let s = &db.store;
        load_newham(s);
        let rows = s.child_rows(&newham(), la(316), Y25, &ChildId::new("A1")).unwrap().unwrap();
        let tables: Vec<TableKind> = rows.tables.iter().map(|t| t.table).collect();
        assert_eq!(
            tables,
            [
                TableKind::Header,
                TableKind::Episodes,
                TableKind::Reviews,
                TableKind::Missing,
                TableKind::SwEpisodes
            ]
        );
        let reviews = &rows.tables[2];
        let review = &reviews.rows[0];
        let i = reviews.columns.iter().position(|c| *c == "REVIEW").unwrap();
        assert_eq!(review.cells[i].raw, "not a date");
        assert_eq!(review.cells[i].status, CellStatus::Invalid, "{}", db.name);
        assert_eq!(review.cells[i].failing, ["101"]);
        assert_eq!(review.rules, ["101"]);
        assert!(review.cells[0].failing.is_empty(), "CHILD is not a field of 101");

        let episodes = &rows.tables[1];
        assert_eq!(episodes.columns.last(), Some(&"PL_DISTANCE"));
        let second = &episodes.rows[1];
        let place = episodes.columns.iter().position(|c| *c == "PLACE").unwrap();
        let dist = episodes.columns.len() - 1;
        assert_eq!(second.cells[place].failing, ["102"]);
        assert_eq!(second.cells[dist].failing, ["102"]);
        assert_eq!(second.cells[dist].status, CellStatus::Derived);
        // E15 4NJ (Newham) to CM1 1AA (Chelmsford, Essex): placed out of area, some miles away.
        let pl_la = episodes.columns.iter().position(|c| *c == "PL_LA").unwrap();
        assert_eq!(second.cells[pl_la].raw, "881", "Essex");
        assert!(second.cells[dist].raw.parse::<f64>().unwrap() > 20.0);
        assert!(episodes.rows[0].rules.is_empty());
        // Last year's finding on A1 is listed but highlights nothing this year.
        assert_eq!(rows.findings.len(), 3);
        assert!(rows.findings.iter().any(|f| f.last_year));

        assert!(s.child_rows(&newham(), la(316), Y25, &ChildId::new("ZZ")).unwrap().is_none());
    }
}

#[test]
fn a_childs_timeline_reaches_back_over_loaded_years() {
    for db in backends("timeline") {
        let s = &db.store;
        load_newham(s);
        let t = s.child_timeline(&newham(), la(316), Y25, &ChildId::new("A1")).unwrap().unwrap();
        // One period from 01/04/2023 (X1 then P continues it), still open.
        assert_eq!(t.periods.len(), 1, "{}", db.name);
        assert_eq!(t.periods[0].start.to_string(), "2023-04-01");
        assert_eq!(t.periods[0].end, None);
        // The 2023/24 copy of the first episode (open) is replaced by the 2024/25 one (ended).
        assert_eq!(t.placements.len(), 2);
        assert_eq!(t.placements[0].end.map(|d| d.to_string()).as_deref(), Some("2024-09-01"));
        assert_eq!(t.placements[0].move_kind, MoveKindView::Start);
        assert_eq!(t.placements[1].move_kind, MoveKindView::CarerChange);
        assert_eq!(t.placements[1].place.map(|c| c.code), Some("U5"));
        assert_eq!(t.placements[1].provider.map(|c| c.code), Some("PR4"));
        assert_eq!(t.placements[1].pl_location.as_deref(), Some("OUT"));
        assert!(t.placements[1].distance_miles.is_some_and(|d| d > 20.0));
        assert_eq!(t.placements[0].end_reason.map(|c| c.code), Some("CARPL"));
        assert_eq!(t.moves_in_year, 1);
        // C2 throughout: one legal-status spell.
        assert_eq!(t.legal_statuses.len(), 1);
        // The missing episode open at 31 March 2024 appears once, with 2024/25's end date.
        assert_eq!(t.missing.len(), 2, "{:?}", t.missing);
        assert_eq!(t.missing[0].end.map(|d| d.to_string()).as_deref(), Some("2024-04-02"));
        assert_eq!(t.missing[1].kind.map(|c| c.code), Some("M"));
        // Two reviews: 2023/24's and 2024/25's (whose date is invalid, so None).
        assert_eq!(t.reviews.len(), 2);
        assert_eq!(t.social_workers.len(), 1);
        assert_eq!(t.social_workers[0].sw_id, "SW1");
        assert_eq!(t.dob.map(|d| d.to_string()).as_deref(), Some("2015-06-01"));
        assert_eq!(t.sex.map(|c| c.code), Some("M"), "this year's Header");
        assert!(serde_json::to_string(&t).unwrap().contains("\"move_kind\":\"carer_change\""));

        // As at 2023/24 the first placement is still open.
        let t24 = s.child_timeline(&newham(), la(316), Y24, &ChildId::new("A1")).unwrap().unwrap();
        assert_eq!(t24.placements.len(), 1);
        assert_eq!(t24.placements[0].end, None);
        // B2 is not in 2023/24.
        assert!(s.child_timeline(&newham(), la(316), Y24, &ChildId::new("B2")).unwrap().is_none());
    }
}

#[test]
fn reloading_an_la_year_replaces_it() {
    for db in backends("reload") {
        let s = &db.store;
        load_newham(s);
        let before = s.data_version().unwrap();
        let smaller = city_2025();
        // Load City's rows as Newham 2024/25: everything of the old Newham 2024/25 goes.
        let mut d = data(&smaller, vec![], vec![value("cla", la(316), Y25, 1.0, None)]);
        d.la = la(316);
        let report = s.load(&d).unwrap();
        assert!(report.replaced);
        assert_eq!(report.rows, 2);
        assert!(s.data_version().unwrap() > before);
        let n = newham();
        assert!(s.child_rows(&n, la(316), Y25, &ChildId::new("A1")).unwrap().is_none());
        assert!(s.child_rows(&n, la(316), Y25, &ChildId::new("C9")).unwrap().is_some());
        assert!(s.findings_summary(&n, Area::La(la(316)), Y25).unwrap().is_empty());
        let cla =
            s.indicators(&n, &IndicatorQuery::new().area(Area::La(la(316))).year(Y25)).unwrap();
        assert_eq!(cla.len(), 1, "the old 'outside' value went with the old load");
        // 2023/24 was not touched.
        assert!(s.child_rows(&n, la(316), Y24, &ChildId::new("A1")).unwrap().is_some());

        assert!(s.delete_return(la(316), Y25).unwrap());
        assert!(!s.delete_return(la(316), Y25).unwrap());
        assert_eq!(s.returns(&n).unwrap().len(), 1);
    }
}

#[test]
fn a_failing_load_leaves_the_store_as_it_was() {
    for db in backends("rollback") {
        let s = &db.store;
        load_newham(s);
        let version = s.data_version().unwrap();
        let r = newham_2025();
        // The same finding twice breaks the findings table's key after the rows were
        // deleted and rewritten: the whole load must roll back.
        let dup = finding("101", TableKind::Reviews, 0, "A1", &["REVIEW"]);
        let err = s.load(&data(&r, vec![dup.clone(), dup], vec![])).unwrap_err();
        assert!(matches!(err, StoreError::Sqlite(_) | StoreError::Postgres(_)), "{err}");
        assert_eq!(s.data_version().unwrap(), version);
        let y25 = s.returns(&newham()).unwrap().into_iter().find(|r| r.year == Y25).unwrap();
        assert_eq!((y25.rows, y25.findings), (9, 4), "{}", db.name);
        let summary = s.findings_summary(&newham(), Area::La(la(316)), Y25).unwrap();
        assert_eq!(summary.len(), 3);
        // The store still works after the failure (the connection went back to the pool).
        assert_eq!(s.children(&newham(), la(316), Y25, None, 0, 5).unwrap().total, 2);
    }
}

#[test]
fn aggregates_sum_numerators_and_denominators() {
    for db in backends("aggregates") {
        let s = &db.store;
        load_newham(s);
        let city = city_2025();
        let rutland = rutland_2025();
        s.load(&data(
            &city,
            vec![finding("102", TableKind::Episodes, 0, "C9", &["PLACE"])],
            vec![
                value("cla", la(201), Y25, 5.0, None),
                value("outside", la(201), Y25, 30.0, Some(60.0)),
            ],
        ))
        .unwrap();
        s.load(&data(&rutland, vec![], vec![value("cla", la(857), Y25, 7.0, None)])).unwrap();
        s.refresh_aggregates(&[]).unwrap();
        let national = Principal::new("e", Role::National);
        let q =
            IndicatorQuery::new().area(Area::Region(Region::London)).area(Area::England).year(Y25);
        let got = s.indicators(&national, &q).unwrap();
        let find =
            |id: &str, area: Area| got.iter().find(|v| v.id == id && v.area == area).unwrap();
        // London = Newham 50 + City 5; England adds Rutland's 7.
        assert_eq!(find("cla", Area::Region(Region::London)).value, Some(55.0), "{}", db.name);
        assert_eq!(find("cla", Area::England).value, Some(62.0));
        assert_eq!(find("cla", Area::England).las, Some(3));
        // outside: (10 + 30) / (40 + 60) = 40 %, with the LAs' percentage scale.
        let outside = find("outside", Area::England);
        assert_eq!((outside.numerator, outside.denominator), (Some(40.0), Some(100.0)));
        assert!((outside.value.unwrap() - 40.0).abs() < 1e-9);
        // Trend over years for one LA and id.
        let trend = s
            .indicators(&national, &IndicatorQuery::new().area(Area::La(la(316))).id("cla"))
            .unwrap();
        let years: Vec<_> = trend.iter().map(|v| (v.year, v.value)).collect();
        assert_eq!(years, [(Y24, Some(40.0)), (Y25, Some(50.0))]);
        // Findings by rule, for London: 102 fired twice in Newham and once in City.
        let london = s.findings_summary(&national, Area::Region(Region::London), Y25).unwrap();
        let r102 = london.iter().find(|r| r.rule == "102").unwrap();
        assert_eq!((r102.findings, r102.children, r102.las), (3, 3, 2));
        // Refreshing again gives the same (it replaces, it does not add).
        s.refresh_aggregates(&[Y25]).unwrap();
        let again = s.indicators(&national, &q).unwrap();
        assert_eq!(again, got);
    }
}

#[test]
fn only_an_la_user_of_the_childs_la_reads_child_level_data() {
    for db in backends("boundaries") {
        let s = &db.store;
        load_newham(s);
        let city = city_2025();
        s.load(&data(&city, vec![], vec![value("cla", la(201), Y25, 5.0, None)])).unwrap();
        s.refresh_aggregates(&[]).unwrap();
        let a1 = ChildId::new("A1");
        let c9 = ChildId::new("C9");
        let city_user = Principal::new("city", Role::La(la(201)));
        let london = Principal::new("london", Role::Regional(Region::London));
        let national = Principal::new("england", Role::National);

        // Another LA's child: refused whatever the id.
        for p in [&city_user, &london, &national] {
            let forbidden = |r: Result<_, StoreError>| matches!(r, Err(StoreError::Forbidden(_)));
            assert!(forbidden(s.child_rows(p, la(316), Y25, &a1).map(drop)), "{}", p.name);
            assert!(forbidden(s.child_timeline(p, la(316), Y25, &a1).map(drop)), "{}", p.name);
            assert!(forbidden(s.children(p, la(316), Y25, None, 0, 10).map(drop)));
            assert!(forbidden(s.findings(p, la(316), Y25, &FindingFilter::default()).map(drop)));
        }
        // Regional and national users never read a child, not even in their own region.
        for p in [&london, &national] {
            assert!(matches!(s.child_rows(p, la(201), Y25, &c9), Err(StoreError::Forbidden(_))));
        }
        // Guessing another LA's child id under one's own LA finds nothing.
        assert!(s.child_rows(&newham(), la(316), Y25, &c9).unwrap().is_none());
        assert!(s.child_timeline(&newham(), la(316), Y25, &c9).unwrap().is_none());
        let f = FindingFilter { child: Some(c9.clone()), ..FindingFilter::default() };
        assert!(s.findings(&newham(), la(316), Y25, &f).unwrap().is_empty());
        // The rightful LA user does read it.
        assert!(s.child_rows(&city_user, la(201), Y25, &c9).unwrap().is_some());

        // Aggregates: an LA user sees its own LA, regions and England, not another LA.
        let q = |a: Area| IndicatorQuery::new().area(a);
        assert!(matches!(
            s.indicators(&city_user, &q(Area::La(la(316)))),
            Err(StoreError::Forbidden(_))
        ));
        assert!(s.indicators(&city_user, &q(Area::Region(Region::London))).is_ok());
        assert!(matches!(
            s.findings_summary(&city_user, Area::La(la(316)), Y25),
            Err(StoreError::Forbidden(_))
        ));
        let visible = s.indicators(&city_user, &IndicatorQuery::new()).unwrap();
        assert!(
            visible.iter().all(|v| v.area != Area::La(la(316))),
            "unfiltered reads are filtered"
        );
        assert!(visible.iter().any(|v| v.area == Area::La(la(201))));
        let listed = s.returns(&city_user).unwrap();
        assert!(listed.iter().all(|r| r.la == la(201)));
        // A regional user sees its region's LAs, not others'.
        assert!(s.indicators(&london, &q(Area::La(la(316)))).is_ok());
        let east_mids = Principal::new("em", Role::Regional(Region::EastMidlands));
        assert!(matches!(
            s.indicators(&east_mids, &q(Area::La(la(316)))),
            Err(StoreError::Forbidden(_))
        ));
        assert!(s.returns(&east_mids).unwrap().is_empty());
        assert_eq!(s.returns(&national).unwrap().len(), 3);
    }
}

#[test]
fn users_log_in_with_passwords_tokens_and_sessions() {
    for db in backends("users") {
        let s = &db.store;
        let user = NewUser {
            name: "ana",
            role: Role::La(la(316)),
            admin: false,
            password: Some("a long passphrase"),
        };
        s.add_user(&user, now()).unwrap();
        assert!(matches!(s.add_user(&user, now()), Err(StoreError::UserExists(_))));
        let bad_la = NewUser { name: "x", role: Role::La(la(999)), admin: false, password: None };
        assert!(matches!(s.add_user(&bad_la, now()), Err(StoreError::Invalid(_))));
        let short = NewUser { name: "y", password: Some("short"), ..user.clone() };
        assert!(matches!(s.add_user(&short, now()), Err(StoreError::Invalid(_))));
        s.add_user(
            &NewUser {
                name: "hub",
                role: Role::Regional(Region::London),
                admin: true,
                password: None,
            },
            now(),
        )
        .unwrap();

        let ana = s.authenticate_password("ana", "a long passphrase").unwrap().unwrap();
        assert_eq!(ana.role, Role::La(la(316)));
        assert!(s.authenticate_password("ana", "a long passphrasE").unwrap().is_none());
        assert!(s.authenticate_password("nobody", "a long passphrase").unwrap().is_none());
        assert!(s.authenticate_password("hub", "").unwrap().is_none(), "no password set");

        let token = s.create_token("hub", "power bi", now()).unwrap();
        assert!(token.starts_with("cl_"));
        let hub = s.authenticate_token(&token).unwrap().unwrap();
        assert_eq!(
            (hub.name.as_str(), hub.role, hub.admin),
            ("hub", Role::Regional(Region::London), true)
        );
        assert!(s.authenticate_token("cl_0000").unwrap().is_none());
        assert!(matches!(s.create_token("nobody", "", now()), Err(StoreError::UnknownUser(_))));

        let users = s.users().unwrap();
        let names: Vec<(&str, bool, u32)> =
            users.iter().map(|u| (u.name.as_str(), u.has_password, u.tokens)).collect();
        assert_eq!(names, [("ana", true, 0), ("hub", false, 1)]);

        // Sessions expire.
        let ttl = jiff::SignedDuration::from_hours(8);
        let cookie = s.create_session("ana", now(), ttl).unwrap();
        assert!(s.session(&cookie, now()).unwrap().is_some());
        let later = now().checked_add(jiff::SignedDuration::from_hours(9)).unwrap();
        assert!(s.session(&cookie, later).unwrap().is_none());
        assert_eq!(s.purge_sessions(later).unwrap(), 1);
        let cookie = s.create_session("ana", now(), ttl).unwrap();
        s.end_session(&cookie).unwrap();
        assert!(s.session(&cookie, now()).unwrap().is_none());
        // A new password ends sessions.
        let cookie = s.create_session("ana", now(), ttl).unwrap();
        s.set_password("ana", Some("another passphrase")).unwrap();
        assert!(s.session(&cookie, now()).unwrap().is_none());
        assert!(s.authenticate_password("ana", "another passphrase").unwrap().is_some());

        s.set_role("ana", Role::National, false).unwrap();
        assert_eq!(s.principal("ana").unwrap().unwrap().role, Role::National);

        assert_eq!(s.revoke_tokens("hub").unwrap(), 1);
        assert!(s.authenticate_token(&token).unwrap().is_none());
        let token = s.create_token("hub", "", now()).unwrap();
        assert!(s.remove_user("hub").unwrap());
        assert!(s.authenticate_token(&token).unwrap().is_none(), "{}", db.name);
        assert!(!s.remove_user("hub").unwrap());
    }
}

#[test]
fn secrets_are_stored_hashed() {
    let db = &backends("secrets")[0];
    let s = &db.store;
    s.add_user(
        &NewUser {
            name: "ana",
            role: Role::National,
            admin: false,
            password: Some("my passphrase!"),
        },
        now(),
    )
    .unwrap();
    let token = s.create_token("ana", "", now()).unwrap();
    let session = s.create_session("ana", now(), jiff::SignedDuration::from_hours(1)).unwrap();
    let c = rusqlite::Connection::open(db.sqlite_path.as_ref().unwrap()).unwrap();
    let dump: String = c
        .query_row(
            "SELECT (SELECT password_hash FROM users) || (SELECT token_hash FROM api_tokens) \
             || (SELECT token_hash FROM sessions)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(dump.starts_with("$argon2id$"));
    for secret in ["my passphrase!", token.as_str(), session.as_str()] {
        assert!(!dump.contains(secret));
    }
}

#[test]
fn readers_run_alongside_a_load() {
    for db in backends("concurrent") {
        let s = db.store.clone();
        load_newham(&s);
        std::thread::scope(|scope| {
            for _ in 0..4 {
                let s = s.clone();
                scope.spawn(move || {
                    for _ in 0..20 {
                        let page = s.children(&newham(), la(316), Y24, None, 0, 10).unwrap();
                        assert_eq!(page.total, 1);
                    }
                });
            }
            let r = newham_2025();
            for _ in 0..5 {
                s.load(&data(&r, vec![], vec![])).unwrap();
            }
        });
    }
}

#[test]
fn a_database_from_a_newer_carelens_is_refused() {
    let db = &backends("newer")[0];
    let path = db.sqlite_path.clone().unwrap();
    let c = rusqlite::Connection::open(&path).unwrap();
    c.execute("INSERT INTO schema_version (version, name) VALUES (9999, 'future')", []).unwrap();
    drop(c);
    let err = Store::open(path.to_str().unwrap()).unwrap_err();
    assert!(matches!(err, StoreError::SchemaTooNew { found: 9999, .. }), "{err}");
}
