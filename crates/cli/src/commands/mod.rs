//! One module per subcommand.

use std::io::Write;

use crate::ExitStatus;

mod demo;
mod generate;
mod indicators;
pub(crate) mod inspect;
mod las;
pub(crate) mod load;
mod providers;
mod public;
mod rules;
mod serve;
mod user;
mod validate;

/// The subcommands.
#[derive(Debug, clap::Subcommand)]
pub(crate) enum Command {
    /// Say what was read from returns: tables, rows, children, years, LAs and every problem.
    Inspect(inspect::Args),
    /// Generate national demo returns, validate them, compute indicators, load them into a store
    /// and serve the dashboard (the main job for a new user).
    Demo(demo::Args),
    /// Write realistic synthetic SSDA903 returns, calibrated LA by LA to published DfE figures.
    Generate(generate::Args),
    /// Validate returns against a collection year's DfE rules.
    Validate(validate::Args),
    /// Stability and safety indicators per LA, region and England: `carelens indicators DIR`.
    Indicators(indicators::Args),
    /// List the rules in force, or explain one: `carelens rules 103`.
    Rules(rules::Args),
    /// Children's homes, owners and sectors; national headline figures; the 903 join.
    Providers(providers::Args),
    /// LA league tables, profiles, regions and the map of England.
    Las(las::Args),
    /// Load newer Ofsted and DfE releases over the shipped public data.
    Public(public::Args),
    /// Serve the dashboard and JSON API over a store: `carelens serve --db carelens.db`.
    Serve(serve::Args),
    /// Load returns into the store (SQLite or PostgreSQL): validated, measured, per LA-year.
    Load(load::Args),
    /// Users, API tokens and passwords of the store: `carelens user add ana --role la --la 316`.
    User(user::Args),
}

pub(crate) fn run(command: Command, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    match command {
        Command::Inspect(args) => inspect::run(&args, out),
        Command::Demo(args) => demo::run(&args, out),
        Command::Generate(args) => generate::run(&args, out),
        Command::Validate(args) => validate::run(&args, out),
        Command::Indicators(args) => indicators::run(&args, out),
        Command::Rules(args) => rules::run(&args, out),
        Command::Providers(args) => providers::run(&args, out),
        Command::Las(args) => las::run(&args, out),
        Command::Public(args) => public::run(&args, out),
        Command::Serve(args) => serve::run(&args, out),
        Command::Load(args) => load::run(&args, out),
        Command::User(args) => user::run(&args, out),
    }
}

/// Parses `--la 316,317` style lists.
pub(crate) fn parse_las(list: &[String]) -> anyhow::Result<Vec<carelens_model::LaCode>> {
    let mut out = Vec::new();
    for item in list.iter().flat_map(|s| s.split(',')).map(str::trim).filter(|s| !s.is_empty()) {
        let code = carelens_model::LaCode::parse(item)
            .map_err(|e| anyhow::anyhow!("--la {item:?}: {e}"))?;
        if carelens_geo::la(code).is_none() {
            anyhow::bail!(
                "--la {item}: no English children's services authority has DfE code {item}"
            );
        }
        out.push(code);
    }
    Ok(out)
}

/// Parses `--year 2024/25`.
pub(crate) fn parse_year(text: &str) -> anyhow::Result<carelens_model::CollectionYear> {
    text.parse().map_err(|e| anyhow::anyhow!("--year: {e}"))
}
