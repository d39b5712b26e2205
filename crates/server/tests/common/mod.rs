//! Test fixture: a store holding generated returns for three LAs over two years, with one user
//! of each role. Every test runs on SQLite (a temporary file), and also on PostgreSQL when
//! `CARELENS_TEST_POSTGRES` holds a `postgres://` URL (each fixture in its own schema).
//!
//! LAs: Newham (316) and Camden (202) in London, Knowsley (340) in the North West.
//! Users (password `correct horse battery`): `newham` (LA 316), `camden` (LA 202), `london`
//! (regional, London), `england` (national).

#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use carelens_model::{ChildId, CollectionYear, LaCode, Returns};
use carelens_store::{NewUser, Principal, Region, Role, Store};

pub const PASSWORD: &str = "correct horse battery";
pub const YEAR: CollectionYear = CollectionYear::Y2024_25;

pub fn la(code: u16) -> LaCode {
    LaCode::new(code).unwrap()
}

/// One loaded store and what the tests need to know about it.
pub struct Fixture {
    pub backend: &'static str,
    pub store: Store,
    /// API tokens by user name.
    pub tokens: Vec<(String, String)>,
    /// A Newham child with episodes in the latest year.
    pub newham_child: String,
    /// A Camden child whose id does not occur in Newham's returns.
    pub camden_child: String,
    _dir: Option<tempfile::TempDir>,
}

impl Fixture {
    pub fn token(&self, user: &str) -> &str {
        &self.tokens.iter().find(|(u, _)| u == user).unwrap().1
    }
}

fn now() -> jiff::Timestamp {
    "2025-06-01T09:00:00Z".parse().unwrap()
}

/// The generated returns (the same for every backend).
fn generated() -> &'static [carelens_generate::GeneratedLa] {
    static GEN: OnceLock<Vec<carelens_generate::GeneratedLa>> = OnceLock::new();
    GEN.get_or_init(|| {
        let opts = carelens_generate::GenerateOptions::new(YEAR)
            .las(vec![la(316), la(202), la(340)])
            .seed(7)
            .error_rate(0.01);
        carelens_generate::generate(&opts).unwrap()
    })
}

/// Every fixture: SQLite, and PostgreSQL when configured. Built once per test binary.
pub fn fixtures() -> &'static [Fixture] {
    static ALL: OnceLock<Vec<Fixture>> = OnceLock::new();
    ALL.get_or_init(|| {
        // Built on a plain thread: the PostgreSQL client must not run inside a tokio runtime.
        std::thread::spawn(|| {
            let mut out = vec![sqlite()];
            if let Some(url) =
                std::env::var("CARELENS_TEST_POSTGRES").ok().filter(|u| u.starts_with("postgres"))
            {
                out.push(postgres(&url));
            }
            out
        })
        .join()
        .unwrap()
    })
}

fn sqlite() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path().join("store.db").to_str().unwrap()).unwrap();
    fill("sqlite", store, Some(dir))
}

fn postgres(url: &str) -> Fixture {
    let exe = std::env::current_exe().unwrap();
    let stem = exe.file_stem().and_then(|s| s.to_str()).unwrap_or("t");
    let stem: String = stem.chars().filter(char::is_ascii_alphanumeric).take(20).collect();
    let schema = format!("server_{}_{}", stem.to_lowercase(), std::process::id());
    let mut admin = postgres::Client::connect(url, postgres::NoTls).unwrap();
    // Schemas left by earlier runs of this test binary.
    let stale = admin
        .query(
            "SELECT nspname FROM pg_namespace WHERE nspname LIKE $1",
            &[&format!("server_{}_%", stem.to_lowercase())],
        )
        .unwrap();
    for row in stale {
        let name: String = row.get(0);
        let _ = admin.batch_execute(&format!("DROP SCHEMA IF EXISTS {name} CASCADE"));
    }
    admin
        .batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE; CREATE SCHEMA {schema}"))
        .unwrap();
    let sep = if url.contains('?') { '&' } else { '?' };
    let store = Store::open(&format!("{url}{sep}options=-csearch_path%3D{schema}")).unwrap();
    fill("postgres", store, None)
}

fn fill(backend: &'static str, store: Store, dir: Option<tempfile::TempDir>) -> Fixture {
    for g in generated() {
        let mut last = Returns { current: g.previous.clone(), previous: vec![] };
        let data = carelens_store::prepare(&mut last, g.la, YEAR.previous(), now());
        store.load(&data).unwrap();
        let mut this = Returns { current: g.current.clone(), previous: vec![g.previous.clone()] };
        let data = carelens_store::prepare(&mut this, g.la, YEAR, now());
        store.load(&data).unwrap();
    }
    store.refresh_aggregates(&[]).unwrap();
    let users = [
        ("newham", Role::La(la(316))),
        ("camden", Role::La(la(202))),
        ("london", Role::Regional(Region::London)),
        ("england", Role::National),
    ];
    let mut tokens = Vec::new();
    for (name, role) in users {
        store
            .add_user(&NewUser { name, role, admin: false, password: Some(PASSWORD) }, now())
            .unwrap();
        tokens.push((name.to_owned(), store.create_token(name, "tests", now()).unwrap()));
    }
    let children = |code: u16| -> Vec<ChildId> {
        let g = generated().iter().find(|g| g.la == la(code)).unwrap();
        g.current.children().into_iter().cloned().collect()
    };
    let newham = children(316);
    let newham_p = Principal::new("t", Role::La(la(316)));
    let newham_child = newham
        .iter()
        .find(|c| {
            store
                .child_timeline(&newham_p, la(316), YEAR, c)
                .unwrap()
                .is_some_and(|t| !t.placements.is_empty())
        })
        .expect("a Newham child with placements")
        .to_string();
    let camden_child = children(202)
        .into_iter()
        .find(|c| !newham.contains(c))
        .expect("a Camden child id unknown in Newham")
        .to_string();
    Fixture { backend, store, tokens, newham_child, camden_child, _dir: dir }
}
