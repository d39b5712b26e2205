//! `cargo dev bench-store`: load the national set into a store, then time the read queries the
//! dashboard makes (p50/p95/p99 over many calls, alone and with several readers at once).

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::Context as _;
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{ChildId, LaCode};
use carelens_store::{
    Area, FindingFilter, IndicatorQuery, NewUser, Principal, Region, Role, Store,
};

use crate::mem::peak_rss_mib;

/// Arguments of `bench-store`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// A generated national set (both years); generated (seed 1, 2024/25) under target/ when
    /// not given.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// The store to load into: a SQLite file (deleted first) or a `postgres://` URL (an
    /// existing database; its carelens tables are reloaded).
    #[arg(long, default_value = "target/carelens-bench/store.db")]
    db: String,
    /// Skip the load and time the queries on the store as it is.
    #[arg(long)]
    no_load: bool,
    /// Calls per query.
    #[arg(long, default_value_t = 300)]
    calls: usize,
    /// Readers at once in the concurrent run.
    #[arg(long, default_value_t = 4)]
    readers: usize,
    /// Rayon threads for validation while loading: the target is "on 2 cores".
    #[arg(long, default_value_t = 2)]
    threads: usize,
}

fn fixed_time() -> jiff::Timestamp {
    jiff::Timestamp::UNIX_EPOCH
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    rayon::ThreadPoolBuilder::new().num_threads(args.threads).build_global().ok();
    let is_sqlite = !args.db.starts_with("postgres");
    if !args.no_load {
        let dir = crate::bench::national_dir(args.dir.as_deref())?;
        if is_sqlite {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", args.db));
            }
        }
        let store = Store::open(&args.db).context("opening the store")?;
        let t = Instant::now();
        let ingested = read_paths(std::slice::from_ref(&dir), &ReadOptions::new());
        let read_s = t.elapsed().as_secs_f64();
        let t = Instant::now();
        let summary = store.load_returns(ingested.returns, fixed_time(), &|done, total| {
            if done % 50 == 0 || done == total {
                eprintln!("  loaded {done}/{total} LA-years");
            }
        })?;
        let load_s = t.elapsed().as_secs_f64();
        #[expect(clippy::cast_precision_loss, reason = "a rate")]
        let rate = summary.rows as f64 / load_s;
        writeln!(out, "national set {}", dir.display())?;
        writeln!(
            out,
            "load: {} LA-years, {} rows, {} findings: read {read_s:.1} s, validate + measure + \
             store {load_s:.1} s ({rate:.0} rows/s), {} threads; peak RSS {:.0} MiB",
            summary.la_years,
            summary.rows,
            summary.findings,
            args.threads,
            peak_rss_mib().unwrap_or(0.0)
        )?;
        if is_sqlite {
            let size = std::fs::metadata(&args.db).map(|m| m.len()).unwrap_or(0);
            #[expect(clippy::cast_precision_loss, reason = "a size in MiB")]
            let mib = size as f64 / (1024.0 * 1024.0);
            writeln!(out, "SQLite file: {mib:.0} MiB")?;
        }
    }
    let store = Store::open(&args.db)?;
    queries(&store, args, out)
}

/// One timed query: its name and what to call.
type Query<'a> = (&'static str, Box<dyn Fn(usize) -> anyhow::Result<()> + Sync + 'a>);

fn queries(store: &Store, args: &Args, out: &mut dyn Write) -> anyhow::Result<()> {
    let national = Principal::new("england", Role::National);
    let summaries = store.returns(&national)?;
    let year = summaries.iter().map(|r| r.year).max().context("the store is empty")?;
    let las: Vec<LaCode> =
        summaries.iter().filter(|r| r.year == year).map(|r| r.la).collect::<Vec<_>>();
    // A sample of children per LA, for the child-level queries.
    let mut children: Vec<(LaCode, ChildId)> = Vec::new();
    for la in las.iter().step_by(7) {
        let p = Principal::new("la", Role::La(*la));
        let page = store.children(&p, *la, year, None, 0, 400)?;
        children.extend(page.children.into_iter().step_by(40).map(|c| (*la, c.child)));
    }
    let ids: Vec<String> = store
        .indicators(&national, &IndicatorQuery::new().area(Area::England).year(year))?
        .into_iter()
        .map(|v| v.id)
        .collect();
    anyhow::ensure!(!ids.is_empty() && !children.is_empty(), "no indicators or children stored");
    // A user with a token, for the authentication lookup.
    let _ = store.remove_user("bench");
    store.add_user(
        &NewUser { name: "bench", role: Role::National, admin: false, password: None },
        fixed_time(),
    )?;
    let token = store.create_token("bench", "bench", fixed_time())?;

    let la_of = |i: usize| las[i % las.len()];
    let la_user = |la: LaCode| Principal::new("la", Role::La(la));
    let qs: Vec<Query<'_>> = vec![
        (
            "authenticate_token",
            Box::new(|_| {
                store.authenticate_token(&token)?.context("token")?;
                Ok(())
            }),
        ),
        (
            "returns (national)",
            Box::new(|_| {
                store.returns(&national)?;
                Ok(())
            }),
        ),
        (
            "indicators england+regions, year",
            Box::new(|_| {
                let mut q = IndicatorQuery::new().area(Area::England).year(year);
                for r in Region::ALL {
                    q = q.area(Area::Region(r));
                }
                store.indicators(&national, &q)?;
                Ok(())
            }),
        ),
        (
            "indicators one LA, year",
            Box::new(|i| {
                let q = IndicatorQuery::new().area(Area::La(la_of(i))).year(year);
                store.indicators(&national, &q)?;
                Ok(())
            }),
        ),
        (
            "indicator trend (LA, id)",
            Box::new(|i| {
                let q =
                    IndicatorQuery::new().area(Area::La(la_of(i))).id(ids[i % ids.len()].clone());
                store.indicators(&national, &q)?;
                Ok(())
            }),
        ),
        (
            "indicator all LAs (id, year)",
            Box::new(|i| {
                let q = IndicatorQuery::new().id(ids[i % ids.len()].clone()).year(year);
                store.indicators(&national, &q)?;
                Ok(())
            }),
        ),
        (
            "findings summary england",
            Box::new(|_| {
                store.findings_summary(&national, Area::England, year)?;
                Ok(())
            }),
        ),
        (
            "findings summary LA",
            Box::new(|i| {
                store.findings_summary(&national, Area::La(la_of(i)), year)?;
                Ok(())
            }),
        ),
        (
            "findings of a rule (LA, 100)",
            Box::new(|i| {
                let la = la_of(i);
                let f = FindingFilter { limit: Some(100), ..FindingFilter::default() };
                store.findings(&la_user(la), la, year, &f)?;
                Ok(())
            }),
        ),
        (
            "children page (LA, 50)",
            Box::new(|i| {
                let la = la_of(i);
                store.children(&la_user(la), la, year, None, 0, 50)?;
                Ok(())
            }),
        ),
        (
            "children search (LA)",
            Box::new(|i| {
                let la = la_of(i);
                store.children(&la_user(la), la, year, Some("1"), 0, 50)?;
                Ok(())
            }),
        ),
        (
            "child rows",
            Box::new(|i| {
                let (la, child) = &children[i % children.len()];
                store.child_rows(&la_user(*la), *la, year, child)?.context("child")?;
                Ok(())
            }),
        ),
        (
            "child timeline",
            Box::new(|i| {
                let (la, child) = &children[i % children.len()];
                store.child_timeline(&la_user(*la), *la, year, child)?.context("child")?;
                Ok(())
            }),
        ),
    ];

    writeln!(out, "\nqueries ({} calls each, one reader; ms)", args.calls)?;
    writeln!(out, "{:<36} {:>7} {:>7} {:>7} {:>7}", "query", "p50", "p95", "p99", "max")?;
    for (name, f) in &qs {
        let mut times = Vec::with_capacity(args.calls);
        for i in 0..args.calls {
            let t = Instant::now();
            f(i)?;
            times.push(t.elapsed());
        }
        print_row(out, name, &mut times)?;
    }

    // Several readers at once, each cycling through every query: the dashboard under load.
    writeln!(out, "\nmixed queries, {} readers at once (ms)", args.readers)?;
    let mut all: Vec<Duration> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..args.readers)
            .map(|r| {
                let qs = &qs;
                scope.spawn(move || -> anyhow::Result<Vec<Duration>> {
                    let mut times = Vec::new();
                    for i in 0..args.calls {
                        let (_, f) = &qs[(i + r) % qs.len()];
                        let t = Instant::now();
                        f(i * args.readers + r)?;
                        times.push(t.elapsed());
                    }
                    Ok(times)
                })
            })
            .collect();
        let mut all = Vec::new();
        for h in handles {
            match h.join() {
                Ok(Ok(t)) => all.extend(t),
                Ok(Err(e)) => return Err(e),
                Err(_) => anyhow::bail!("a reader panicked"),
            }
        }
        Ok(all)
    })?;
    print_row(out, "all queries", &mut all)?;
    Ok(())
}

fn print_row(out: &mut dyn Write, name: &str, times: &mut [Duration]) -> anyhow::Result<()> {
    times.sort_unstable();
    let at = |q: f64| -> f64 {
        #[expect(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            clippy::cast_precision_loss,
            reason = "an index into a short list"
        )]
        let i = ((times.len() as f64 - 1.0) * q).round() as usize;
        times.get(i).map_or(0.0, |d| d.as_secs_f64() * 1000.0)
    };
    writeln!(
        out,
        "{name:<36} {:>7.2} {:>7.2} {:>7.2} {:>7.2}",
        at(0.50),
        at(0.95),
        at(0.99),
        at(1.0)
    )?;
    Ok(())
}
