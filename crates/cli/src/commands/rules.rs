//! `carelens rules [CODE] [--year Y]`: the catalogue, generated from the rule declarations.

use std::io::Write;

use carelens_model::CollectionYear;
use carelens_rules::{Rule, all_rules, rules_for};

use crate::ExitStatus;

/// Arguments of `carelens rules`.
#[derive(Debug, clap::Args)]
pub(crate) struct Args {
    /// Explain one rule (e.g. 103); without it, list the rules.
    code: Option<String>,
    /// Only the rules in force in this collection year (e.g. 2024/25).
    #[arg(long)]
    year: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    Text,
    Csv,
    Json,
    Markdown,
}

pub(crate) fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<ExitStatus> {
    let year = args.year.as_deref().map(crate::commands::parse_year).transpose()?;
    let rules: Vec<&'static Rule> = match year {
        Some(y) => rules_for(y),
        None => all_rules().to_vec(),
    };
    if let Some(code) = &args.code {
        let matching: Vec<&&Rule> =
            rules.iter().filter(|r| r.code.eq_ignore_ascii_case(code)).collect();
        if matching.is_empty() {
            anyhow::bail!("no rule {code}{}", year.map(|y| format!(" in {y}")).unwrap_or_default());
        }
        for r in matching {
            writeln!(out, "# Rule {} ({})\n", r.code, r.name.to_lowercase())?;
            writeln!(
                out,
                "Message: {}\nYears: {}\nTables: {}\nFields: {}\n",
                r.message,
                r.years,
                r.tables.join(", "),
                r.fields.join(", ")
            )?;
            writeln!(out, "{}", unindent(r.doc))?;
        }
        return Ok(ExitStatus::Clean);
    }
    match args.format {
        Format::Text => {
            writeln!(
                out,
                "{} rules{}",
                rules.len(),
                year.map(|y| format!(" in force in {y}")).unwrap_or_default()
            )?;
            for r in &rules {
                writeln!(out, "{:<10} {:<18} {}", r.code, r.tables.join(","), r.message)?;
            }
        }
        Format::Csv => {
            let mut w =
                csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(out);
            w.write_record(["code", "years", "tables", "fields", "message"])?;
            for r in &rules {
                let years: Vec<String> = r.years.supported().map(|y| y.to_string()).collect();
                w.write_record([
                    r.code,
                    &years.join(";"),
                    &r.tables.join(";"),
                    &r.fields.join(";"),
                    r.message,
                ])?;
            }
            w.flush()?;
        }
        Format::Json => {
            let list: Vec<serde_json::Value> = rules
                .iter()
                .map(|r| {
                    serde_json::json!({
                        "code": r.code,
                        "name": r.name.to_lowercase(),
                        "years": r.years.supported().map(|y| y.to_string()).collect::<Vec<_>>(),
                        "tables": r.tables,
                        "fields": r.fields,
                        "message": r.message,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut *out, &list)?;
            writeln!(out)?;
        }
        Format::Markdown => write!(out, "{}", markdown(&rules))?,
    }
    Ok(ExitStatus::Clean)
}

/// The rule book as Markdown (docs/rules.md is this output for every year): the rules in force
/// year by year, then one section per rule version with its message, years, tables, fields,
/// the inputs it needs and its documentation.
pub(crate) fn markdown(rules: &[&'static Rule]) -> String {
    use std::fmt::Write as _;
    let years: Vec<CollectionYear> = CollectionYear::SUPPORTED
        .into_iter()
        .filter(|y| rules.iter().any(|r| r.years.contains(*y)))
        .collect();
    let mut codes: Vec<&str> = rules.iter().map(|r| r.code).collect();
    codes.dedup();
    let mut s = String::new();
    s.push_str("# The SSDA903 rulebook in carelens\n\n");
    s.push_str(
        "Generated from the rule declarations in `crates/rules/src/ssda903/` by \
         `carelens rules --format markdown > docs/rules.md`; do not edit by hand. A test \
         (`cargo test -p carelens --test cli`) fails when this page is stale.\n\n",
    );
    let _ = writeln!(
        s,
        "{} rule codes, {} rule versions (a rule whose logic changed between years has one \
         version per range of years). Messages are the DfE's, verbatim. Rules that compare \
         with last year run only with `--last-year`; rules that look URNs up in the Ofsted \
         lists only with `--providers`; rules about the LA's own area only with `--la`.\n",
        codes.len(),
        rules.len()
    );
    s.push_str("## Rules in force by year\n\n");
    s.push_str("| year | rules in force | new since the year before | no longer in force |\n|---|---:|---|---|\n");
    for (i, y) in years.iter().enumerate() {
        let now: Vec<&str> = in_force(rules, *y);
        let before: Vec<&str> =
            i.checked_sub(1).map(|p| in_force(rules, years[p])).unwrap_or_default();
        let added: Vec<&str> =
            now.iter().filter(|c| i > 0 && !before.contains(c)).copied().collect();
        let gone: Vec<&str> = before.iter().filter(|c| !now.contains(c)).copied().collect();
        let _ = writeln!(
            s,
            "| {y} | {} | {} | {} |",
            now.len(),
            if added.is_empty() { "—".to_owned() } else { added.join(", ") },
            if gone.is_empty() { "—".to_owned() } else { gone.join(", ") },
        );
    }
    s.push_str("\n## Catalogue\n\nEach mark links to the version of the rule in force that year.\n\n| code | message |");
    for y in &years {
        let _ = write!(s, " {y} |");
    }
    s.push_str(" needs |\n|---|---|");
    for _ in &years {
        s.push_str(":-:|");
    }
    s.push_str("---|\n");
    for code in &codes {
        let versions: Vec<&&Rule> = rules.iter().filter(|r| r.code == *code).collect();
        let latest = versions.last().map_or("", |r| r.message);
        let _ = write!(s, "| [{code}](#{}) | {} |", anchor(versions[0]), cell(latest));
        for y in &years {
            match versions.iter().find(|r| r.years.contains(*y)) {
                Some(r) => {
                    let _ = write!(s, " [✓](#{}) |", anchor(r));
                }
                None => s.push_str(" |"),
            }
        }
        let _ = writeln!(s, " {} |", needs(versions[0]));
    }
    s.push_str("\n## Rules\n\n");
    for r in rules {
        let doc = unindent(r.doc);
        let doc = doc.trim().replace("\n## ", "\n#### ");
        let doc = doc.strip_prefix("## ").map_or(doc.clone(), |d| format!("#### {d}"));
        let range = match r.years.to {
            Some(to) if to == r.years.from => format!("{}", r.years.from),
            Some(to) => format!("{} to {to}", r.years.from),
            None => format!("from {}", r.years.from),
        };
        let _ = write!(
            s,
            "<a id=\"{}\"></a>\n\n### {} — {} ({range})\n\n> {}\n\n\
             | | |\n|---|---|\n| Years | {} |\n| Tables | {} |\n| Fields | {} |\n\
             | Needs | {} |\n| Declared in | `{}` |\n\n{doc}\n\n",
            anchor(r),
            r.code,
            r.name.to_lowercase().replace('_', " "),
            r.message,
            r.years,
            r.tables.join(", "),
            if r.fields.is_empty() { "—".to_owned() } else { r.fields.join(", ") },
            needs(r),
            r.file,
        );
    }
    s.truncate(s.trim_end().len());
    s.push('\n');
    s
}

/// Codes in force in `year`, in registry order.
fn in_force(rules: &[&'static Rule], year: CollectionYear) -> Vec<&'static str> {
    rules.iter().filter(|r| r.years.contains(year)).map(|r| r.code).collect()
}

/// The HTML anchor of a rule version: `rule-103-2022-23`.
fn anchor(r: &Rule) -> String {
    let from = r.years.from.to_string().replace('/', "-");
    format!("rule-{}-{from}", r.code.to_lowercase())
}

/// What a rule needs beyond this year's return.
fn needs(r: &Rule) -> String {
    let mut n = Vec::new();
    if r.needs.last_year {
        n.push("last year's return");
    }
    if r.needs.providers {
        n.push("Ofsted lists");
    }
    if r.needs.la {
        n.push("LA");
    }
    if n.is_empty() { "—".to_owned() } else { n.join(", ") }
}

/// Text safe in a Markdown table cell.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// Doc comments captured by the macro keep one leading space per line.
fn unindent(doc: &str) -> String {
    doc.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect::<Vec<_>>().join("\n")
}
