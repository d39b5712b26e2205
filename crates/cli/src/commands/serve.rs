//! `carelens serve`: the dashboard and JSON API over a store.

use std::io::Write;

use anyhow::Context;
use carelens_server::{AppState, Config};
use carelens_store::Store;

use crate::ExitStatus;

/// Arguments of `carelens serve`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// The store: a SQLite file path, `sqlite:PATH`, or a `postgres://` URL. Default:
    /// `$CARELENS_DB`, else `./carelens.db`.
    #[arg(long)]
    db: Option<String>,
    /// The address to listen on. The default answers this machine only; to serve others, put
    /// an HTTPS proxy in front and pass `--secure-cookie`.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: String,
    /// Mark the session cookie `Secure` (when users reach carelens over HTTPS).
    #[arg(long)]
    secure_cookie: bool,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let url = args.db.clone().unwrap_or_else(carelens_store::default_url);
    let store = Store::open(&url)
        .with_context(|| format!("opening the store {}", carelens_store::redact_url(&url)))?;
    let config = Config { secure_cookie: args.secure_cookie, ..Config::default() };
    serve(store, &args.addr, config, out, |_, _| Ok(()))
}

/// Serves `store` on `addr` until Ctrl-C. `banner` is called with the bound address once the
/// server is listening (the demo prints its login there).
pub(crate) fn serve(
    store: Store,
    addr: &str,
    config: Config,
    out: &mut dyn Write,
    banner: impl FnOnce(&mut dyn Write, std::net::SocketAddr) -> anyhow::Result<()>,
) -> anyhow::Result<ExitStatus> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    runtime.block_on(async {
        let bound = carelens_server::bind(addr, AppState::with_config(store, config)).await?;
        let local = bound.local_addr()?;
        writeln!(out, "carelens: serving the dashboard at http://{local}/ (Ctrl-C stops it)")?;
        if !local.ip().is_loopback() {
            writeln!(
                out,
                "carelens: note: {local} is reachable from other machines; serve it behind HTTPS"
            )?;
        }
        banner(out, local)?;
        out.flush()?;
        bound
            .run(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        writeln!(out, "carelens: stopped")?;
        anyhow::Ok(())
    })?;
    Ok(ExitStatus::Clean)
}
