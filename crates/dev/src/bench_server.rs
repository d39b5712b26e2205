//! `cargo dev bench-server`: API latency and throughput on national data, under load.
//!
//! The server runs in this process on a 127.0.0.1 ephemeral port (its own tokio runtime, two
//! worker threads: the target is "on 2 cores"); a small load generator, also here, keeps N
//! keep-alive HTTP/1.1 connections busy against one endpoint at a time for a fixed time and
//! records every request's latency. For each main dashboard endpoint it prints the cold
//! latency (the first request after the cache is dropped), then p50, p95, p99 and requests
//! per second under load, and finally the same for a mix of all of them.
//!
//! The load generator shares the machine's cores with the server, as `oha` or `wrk` on the
//! same machine would; loopback only, bounded in time, and it stops by itself.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use carelens_store::{NewUser, Principal, Role, Store};

/// Arguments of `bench-server`.
#[derive(Debug, clap::Args)]
pub(crate) struct ServerArgs {
    /// The store to serve. Default: `carelens-demo/carelens.db` (what `carelens demo` loads);
    /// loaded from `--data` first when it holds no returns.
    #[arg(long, default_value = "carelens-demo/carelens.db")]
    db: String,
    /// National demo returns to load into an empty store (`carelens demo` writes them).
    #[arg(long, default_value = "carelens-demo")]
    data: PathBuf,
    /// Concurrent connections.
    #[arg(long, default_value_t = 16)]
    connections: usize,
    /// Seconds of load per endpoint.
    #[arg(long, default_value_t = 5)]
    seconds: u64,
    /// Serve without the response cache (every request computes its answer).
    #[arg(long)]
    no_cache: bool,
}

/// The dashboard's main API calls: what the England, LA, lottery, validation and homes pages
/// ask for.
const ENDPOINTS: &[&str] = &[
    "/api/meta",
    "/api/england",
    "/api/la/316",
    "/api/lottery?indicator=dfe.cla_rate",
    "/api/lottery?indicator=placements_3plus",
    "/api/map",
    "/api/validation",
    "/api/la/316/validation",
    "/api/sector",
    "/api/homes/search?q=Lancashire",
];

#[expect(clippy::disallowed_methods, reason = "the bench user's creation time")]
fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

pub(crate) fn run(args: &ServerArgs, out: &mut dyn Write) -> anyhow::Result<()> {
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db))?;
    let national = Principal::new("bench", Role::National);
    if store.returns(&national)?.is_empty() {
        load(&store, &args.data, out)?;
    }
    let returns = store.returns(&national)?;
    let las = returns.iter().map(|r| r.la).collect::<std::collections::BTreeSet<_>>().len();
    writeln!(
        out,
        "store {} ({:?}): {} LA-years, {las} LAs",
        args.db,
        store.backend(),
        returns.len()
    )?;
    let token = bench_token(&store)?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the runtime")?;
    let config = carelens_server::Config {
        cache_ttl: if args.no_cache { Duration::ZERO } else { Duration::from_secs(3600) },
        ..Default::default()
    };
    let state = carelens_server::AppState::with_config(store, config);
    let bound = runtime.block_on(carelens_server::bind("127.0.0.1:0", state.clone()))?;
    let addr = bound.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = runtime.spawn(bound.run(async {
        let _ = stopped.await;
    }));

    writeln!(
        out,
        "{} connections, {} s per endpoint, cache {}\n",
        args.connections,
        args.seconds,
        if args.no_cache { "off" } else { "on" }
    )?;
    writeln!(
        out,
        "{:<42} {:>9} {:>8} {:>8} {:>8} {:>9} {:>7}",
        "endpoint", "cold ms", "p50 ms", "p95 ms", "p99 ms", "req/s", "errors"
    )?;
    let mut worst_p95: f64 = 0.0;
    for path in ENDPOINTS {
        state.invalidate_cache();
        let cold = one(addr, path, &token)?;
        let r =
            load_test(addr, &[path], &token, args.connections, Duration::from_secs(args.seconds));
        worst_p95 = worst_p95.max(r.p(0.95));
        print_row(out, path, Some(cold), &r)?;
    }
    let r = load_test(addr, ENDPOINTS, &token, args.connections, Duration::from_secs(args.seconds));
    print_row(out, "all of the above, mixed", None, &r)?;
    writeln!(out, "\nworst p95 {worst_p95:.1} ms (target: under 50 ms)")?;
    let _ = stop.send(());
    let _ = runtime.block_on(server);
    Ok(())
}

fn print_row(
    out: &mut dyn Write,
    name: &str,
    cold: Option<Duration>,
    r: &Results,
) -> anyhow::Result<()> {
    writeln!(
        out,
        "{:<42} {:>9} {:>8.1} {:>8.1} {:>8.1} {:>9.0} {:>7}",
        name,
        cold.map_or("".to_owned(), |c| format!("{:.1}", c.as_secs_f64() * 1000.0)),
        r.p(0.50),
        r.p(0.95),
        r.p(0.99),
        r.rate(),
        r.errors
    )?;
    Ok(())
}

/// Loads every LA-year under `dir` (validated, with indicators), as `carelens demo` does.
fn load(store: &Store, dir: &std::path::Path, out: &mut dyn Write) -> anyhow::Result<()> {
    if !dir.exists() {
        bail!(
            "{} does not exist: run `carelens demo --no-serve` first, or give --data",
            dir.display()
        );
    }
    writeln!(out, "loading {} into the store (once)…", dir.display())?;
    let ingested =
        carelens_ingest::read_paths(&[dir.to_path_buf()], &carelens_ingest::ReadOptions::new());
    let summary = store.load_returns(ingested.returns, now(), &|_, _| {})?;
    writeln!(out, "loaded {} LA-years", summary.la_years)?;
    Ok(())
}

/// A national user with a fresh API token.
fn bench_token(store: &Store) -> anyhow::Result<String> {
    if !store.users()?.iter().any(|u| u.name == "bench-national") {
        store.add_user(
            &NewUser { name: "bench-national", role: Role::National, admin: false, password: None },
            now(),
        )?;
    }
    Ok(store.create_token("bench-national", "bench-server", now())?)
}

/// Every request's latency, and failures.
struct Results {
    latencies: Vec<Duration>,
    errors: usize,
    elapsed: Duration,
}

impl Results {
    /// The `q` quantile in milliseconds (nearest rank).
    fn p(&self, q: f64) -> f64 {
        if self.latencies.is_empty() {
            return f64::NAN;
        }
        let i =
            ((self.latencies.len() as f64 * q).ceil() as usize).clamp(1, self.latencies.len()) - 1;
        self.latencies[i].as_secs_f64() * 1000.0
    }

    fn rate(&self) -> f64 {
        self.latencies.len() as f64 / self.elapsed.as_secs_f64()
    }
}

fn load_test(
    addr: SocketAddr,
    paths: &[&str],
    token: &str,
    connections: usize,
    time: Duration,
) -> Results {
    let started = Instant::now();
    let deadline = started + time;
    let threads: Vec<_> = (0..connections)
        .map(|i| {
            let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
            let token = token.to_owned();
            std::thread::spawn(move || {
                let mut lat = Vec::new();
                let mut errors = 0;
                let mut conn: Option<Conn> = None;
                let mut k = i;
                while Instant::now() < deadline {
                    let path = &paths[k % paths.len()];
                    k += 1;
                    let c = match conn.take() {
                        Some(c) => c,
                        None => match Conn::open(addr) {
                            Ok(c) => c,
                            Err(_) => {
                                errors += 1;
                                continue;
                            }
                        },
                    };
                    let t = Instant::now();
                    match c.get(path, &token) {
                        Ok((c, 200)) => {
                            lat.push(t.elapsed());
                            conn = Some(c);
                        }
                        Ok((c, _)) => {
                            errors += 1;
                            conn = Some(c);
                        }
                        Err(_) => errors += 1,
                    }
                }
                (lat, errors)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for t in threads {
        if let Ok((l, e)) = t.join() {
            latencies.extend(l);
            errors += e;
        }
    }
    latencies.sort_unstable();
    Results { latencies, errors, elapsed: started.elapsed() }
}

/// One request on a fresh connection.
fn one(addr: SocketAddr, path: &str, token: &str) -> anyhow::Result<Duration> {
    let c = Conn::open(addr)?;
    let t = Instant::now();
    let (_, status) = c.get(path, token)?;
    if status != 200 {
        bail!("{path}: status {status}");
    }
    Ok(t.elapsed())
}

/// A keep-alive HTTP/1.1 connection.
struct Conn {
    reader: BufReader<TcpStream>,
}

impl Conn {
    fn open(addr: SocketAddr) -> std::io::Result<Self> {
        let s = TcpStream::connect(addr)?;
        s.set_nodelay(true)?;
        s.set_read_timeout(Some(Duration::from_secs(30)))?;
        Ok(Self { reader: BufReader::new(s) })
    }

    /// Sends a GET and reads the whole response; gives the connection back with the status.
    fn get(mut self, path: &str, token: &str) -> std::io::Result<(Self, u16)> {
        let req =
            format!("GET {path} HTTP/1.1\r\nHost: bench\r\nAuthorization: Bearer {token}\r\n\r\n");
        self.reader.get_mut().write_all(req.as_bytes())?;
        let mut line = String::new();
        self.reader.read_line(&mut line)?;
        let status: u16 = line.split_whitespace().nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
        let mut length = None;
        loop {
            line.clear();
            if self.reader.read_line(&mut line)? == 0 {
                return Err(std::io::ErrorKind::UnexpectedEof.into());
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':')
                && k.eq_ignore_ascii_case("content-length")
            {
                length = v.trim().parse::<usize>().ok();
            }
        }
        let Some(n) = length else {
            return Err(std::io::Error::other("response without Content-Length"));
        };
        let mut body = vec![0u8; n];
        self.reader.read_exact(&mut body)?;
        Ok((self, status))
    }
}
