//! `carelens demo`: the main job for a new user. Generates the national demo returns (or reuses
//! them), validates them, computes the indicators, loads them into a store, creates demo users
//! and serves the dashboard.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use carelens_store::{NewUser, Principal, Region, Role, Store};

use crate::ExitStatus;
use crate::commands::generate::Format;

/// The demo users' password: the data is synthetic and the server answers this machine only.
const DEMO_PASSWORD: &str = "carelens-demo";

/// Arguments of `carelens demo`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Where the demo returns are written (and reused from, if already there).
    #[arg(long, default_value = "carelens-demo")]
    out: PathBuf,
    /// The store to load them into. Default: `<out>/carelens.db` (SQLite).
    #[arg(long)]
    db: Option<String>,
    /// The address to serve the dashboard on.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// The collection year.
    #[arg(long, default_value = "2024/25")]
    year: String,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Share of values made wrong on purpose, so that validation has something to find.
    #[arg(long, default_value_t = 0.005)]
    errors: f64,
    /// Only these LAs (e.g. `--la 316,340`); default all 153.
    #[arg(long, value_delimiter = ',')]
    la: Vec<String>,
    /// Load the returns again even if the store already holds them.
    #[arg(long)]
    reload: bool,
    /// Prepare everything but do not serve.
    #[arg(long)]
    no_serve: bool,
}

#[expect(clippy::disallowed_methods, reason = "the demo stamps loads and users with the time")]
fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let year = crate::commands::parse_year(&args.year)?;
    let las = crate::commands::parse_las(&args.la)?;
    writeln!(
        out,
        "carelens demo: synthetic national SSDA903 returns, validated, measured and served\n"
    )?;

    // 1. The returns: generated once, then reused.
    if has_csv(&args.out) {
        writeln!(
            out,
            "Reusing the demo returns in {} (delete it to generate afresh)",
            args.out.display()
        )?;
    } else {
        crate::commands::generate::generate_into(
            &las,
            year,
            args.seed,
            args.errors,
            None,
            Format::Csv,
            &args.out,
            out,
        )?;
    }

    // 2. The store.
    let url = args
        .db
        .clone()
        .unwrap_or_else(|| format!("sqlite:{}", args.out.join("carelens.db").display()));
    let store = Store::open(&url)
        .with_context(|| format!("opening the store {}", carelens_store::redact_url(&url)))?;
    let loaded = store.returns(&Principal::new("demo", Role::National))?.len();
    if loaded > 0 && !args.reload {
        writeln!(
            out,
            "The store {} already holds {loaded} LA-years (--reload loads them again)",
            carelens_store::redact_url(&url)
        )?;
    } else {
        load_dir(&store, &args.out, out)?;
    }

    // 3. Demo users, one of each role.
    let users = demo_users(&store)?;
    if args.no_serve {
        writeln!(out, "\nReady: `carelens serve --db {url}` serves the dashboard.")?;
        print_logins(out, &users)?;
        return Ok(ExitStatus::Clean);
    }

    // 4. Serve.
    let hint = format!(
        "Demo: sign in as {} with password {DEMO_PASSWORD}.",
        users.iter().map(|(n, _)| n.as_str()).collect::<Vec<_>>().join(", ")
    );
    let config = carelens_server::Config { login_hint: Some(hint), ..Default::default() };
    writeln!(out)?;
    crate::commands::serve::serve(store, &args.addr, config, out, |out, addr| {
        writeln!(out, "\nOpen http://{addr}/ in a browser and sign in:")?;
        print_logins(out, &users)
    })
}

fn print_logins(out: &mut dyn Write, users: &[(String, String)]) -> anyhow::Result<()> {
    for (name, what) in users {
        writeln!(out, "  {name:<10} / {DEMO_PASSWORD}   {what}")?;
    }
    Ok(())
}

fn has_csv(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut it| {
        it.any(|e| {
            e.is_ok_and(|e| e.path().is_dir() || e.path().extension().is_some_and(|x| x == "csv"))
        })
    })
}

/// Reads every return under `dir` and loads each LA-year (validated, with its indicators)
/// into the store, as `carelens load` does.
fn load_dir(store: &Store, dir: &Path, out: &mut dyn Write) -> anyhow::Result<()> {
    let (summary, seconds) = crate::commands::load::load_paths(
        store,
        &[dir.to_path_buf()],
        &carelens_ingest::ReadOptions::new(),
        now(),
    )?;
    writeln!(
        out,
        "Validated, measured and loaded {} LA-years into the store: {} rows, {} findings ({seconds:.1} s)",
        summary.la_years,
        crate::table::thousands(summary.rows),
        crate::table::thousands(summary.findings),
    )?;
    Ok(())
}

/// One user of each role, created or reset to the demo password: (name, what it sees).
fn demo_users(store: &Store) -> anyhow::Result<Vec<(String, String)>> {
    let newham = carelens_model::LaCode::new(316).map_err(|_| anyhow::anyhow!("LA code 316"))?;
    let users = [
        ("newham", Role::La(newham), "LA user: Newham's children and figures, England and regions"),
        ("london", Role::Regional(Region::London), "regional user: London's LAs, aggregates only"),
        ("england", Role::National, "national user: every LA, aggregates only"),
    ];
    let existing: Vec<String> = store.users()?.into_iter().map(|u| u.name).collect();
    let mut out = Vec::new();
    for (name, role, what) in users {
        if existing.iter().any(|e| e == name) {
            store.set_role(name, role, false)?;
            store.set_password(name, Some(DEMO_PASSWORD))?;
        } else {
            store.add_user(
                &NewUser { name, role, admin: false, password: Some(DEMO_PASSWORD) },
                now(),
            )?;
        }
        out.push((name.to_owned(), what.to_owned()));
    }
    Ok(out)
}
