//! `carelens user …`: the store's users, API tokens and passwords.

use std::io::{BufRead as _, IsTerminal as _, Write};

use anyhow::Context as _;
use carelens_store::{NewUser, Region, Role, Store};

use crate::ExitStatus;

/// Arguments of `carelens user`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: UserCommand,
    /// The store: a SQLite file, `sqlite:PATH` or `postgres://…`. Default: $CARELENS_DB, else
    /// ./carelens.db.
    #[arg(long, global = true)]
    db: Option<String>,
}

#[derive(Debug, clap::Subcommand)]
enum UserCommand {
    /// Add a user: `carelens user add ana --role la --la 316` (asks for a password).
    Add {
        /// The user name (letters, digits, `.`, `_`, `-`, `@`).
        name: String,
        /// What the user may see: `la` (its LA's children and figures), `regional` or
        /// `national` (aggregates only, never a child).
        #[arg(long, value_enum)]
        role: RoleKind,
        /// The LA of an `la` user (DfE code, e.g. 316).
        #[arg(long, required_if_eq("role", "la"))]
        la: Option<String>,
        /// The region of a `regional` user (e.g. "London", "North West").
        #[arg(long, required_if_eq("role", "regional"))]
        region: Option<String>,
        /// May manage users in the web interface.
        #[arg(long)]
        admin: bool,
        #[command(flatten)]
        password: PasswordArgs,
        /// No password: the user only uses API tokens.
        #[arg(long, conflicts_with_all = ["password", "password_stdin"])]
        no_password: bool,
    },
    /// Issue a new API token for a user and print it (shown once; only its hash is kept).
    Token {
        /// The user.
        name: String,
        /// What the token is for (e.g. "power bi").
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Revoke every API token of a user.
    Revoke {
        /// The user.
        name: String,
    },
    /// Set a user's password (ends the user's web sessions).
    Password {
        /// The user.
        name: String,
        #[command(flatten)]
        password: PasswordArgs,
    },
    /// List the users.
    List,
    /// Remove a user, with its tokens and sessions.
    Remove {
        /// The user.
        name: String,
    },
}

#[derive(Debug, clap::Args)]
struct PasswordArgs {
    /// The password (visible to other users of this machine and kept in shell history: prefer
    /// the prompt or --password-stdin).
    #[arg(long)]
    password: Option<String>,
    /// Read the password from the first line of standard input.
    #[arg(long, conflicts_with = "password")]
    password_stdin: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum RoleKind {
    La,
    Regional,
    National,
}

#[expect(clippy::disallowed_methods, reason = "the CLI stamps users and tokens with the time")]
fn now() -> jiff::Timestamp {
    jiff::Timestamp::now()
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let store = crate::commands::load::open_store(args.db.as_deref())?;
    match &args.command {
        UserCommand::Add { name, role, la, region, admin, password, no_password } => {
            let role = match role {
                RoleKind::National => Role::National,
                RoleKind::Regional => {
                    let text = region.as_deref().unwrap_or_default();
                    Role::Regional(Region::from_name(text).with_context(|| {
                        let names: Vec<&str> = Region::ALL.iter().map(|r| r.name()).collect();
                        format!("--region {text:?}: expected one of {}", names.join(", "))
                    })?)
                }
                RoleKind::La => {
                    let la = la.as_deref().unwrap_or_default();
                    let codes = crate::commands::parse_las(&[la.to_owned()])?;
                    match codes.as_slice() {
                        [code] => Role::La(*code),
                        _ => anyhow::bail!("--la {la:?}: expected one DfE LA code"),
                    }
                }
            };
            let pw = if *no_password { None } else { Some(read_password(password)?) };
            store
                .add_user(&NewUser { name, role, admin: *admin, password: pw.as_deref() }, now())?;
            writeln!(out, "added {name}: {role}{}", if *admin { ", admin" } else { "" })?;
        }
        UserCommand::Token { name, label } => {
            let token = store.create_token(name, label, now())?;
            crate::progress::status(&format!(
                "new API token for {name} (shown once; send it as 'Authorization: Bearer …'):"
            ));
            writeln!(out, "{token}")?;
        }
        UserCommand::Revoke { name } => {
            let n = store.revoke_tokens(name)?;
            writeln!(out, "revoked {n} token(s) of {name}")?;
        }
        UserCommand::Password { name, password } => {
            let pw = read_password(password)?;
            store.set_password(name, Some(&pw))?;
            writeln!(out, "password of {name} set")?;
        }
        UserCommand::List => list(&store, out)?,
        UserCommand::Remove { name } => {
            if store.remove_user(name)? {
                writeln!(out, "removed {name}")?;
            } else {
                anyhow::bail!("no user named {name:?}");
            }
        }
    }
    Ok(ExitStatus::Clean)
}

fn list(store: &Store, out: &mut dyn Write) -> anyhow::Result<()> {
    for u in store.users()? {
        writeln!(
            out,
            "{:<20} {:<32} {}{} {} token(s)",
            u.name,
            u.role.to_string(),
            if u.admin { "admin, " } else { "" },
            if u.has_password { "password" } else { "no password" },
            u.tokens
        )?;
    }
    Ok(())
}

/// The password from `--password`, `--password-stdin`, or a prompt (twice, not echoed) when
/// standard input is a terminal.
fn read_password(args: &PasswordArgs) -> anyhow::Result<String> {
    if let Some(p) = &args.password {
        return Ok(p.clone());
    }
    if args.password_stdin || !std::io::stdin().is_terminal() {
        if !args.password_stdin {
            anyhow::bail!(
                "no password given: use --password-stdin, --password, or --no-password for a \
                 token-only user"
            );
        }
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line).context("reading the password from stdin")?;
        return Ok(line.trim_end_matches(['\r', '\n']).to_owned());
    }
    let first = rpassword::prompt_password("password: ").context("reading the password")?;
    let second = rpassword::prompt_password("again: ").context("reading the password")?;
    if first != second {
        anyhow::bail!("the two passwords differ");
    }
    Ok(first)
}
