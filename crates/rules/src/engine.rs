//! Running the rules of a year over a return.

use carelens_model::{CollectionYear, LaCode, Returns};
use rayon::prelude::*;

use crate::context::Ctx;
use crate::finding::{Finding, Out};
use crate::providers::Providers;
use crate::rule::Rule;

/// What to validate and with what.
#[derive(Clone, Debug)]
pub struct ValidateOptions<'p> {
    year: CollectionYear,
    la: Option<LaCode>,
    select: Option<Vec<String>>,
    providers: Option<&'p Providers>,
}

impl<'p> ValidateOptions<'p> {
    /// Validate against `year`'s rulebook.
    pub fn new(year: CollectionYear) -> Self {
        Self { year, la: None, select: None, providers: None }
    }

    /// The responsible LA (needed by the distance and URN rules).
    pub fn la(mut self, la: Option<LaCode>) -> Self {
        self.la = la;
        self
    }

    /// Run only these rule codes.
    pub fn select(mut self, codes: Option<Vec<String>>) -> Self {
        self.select = codes;
        self
    }

    /// The Ofsted provider lists.
    pub fn providers(mut self, providers: Option<&'p Providers>) -> Self {
        self.providers = providers;
        self
    }
}

/// Why a rule was not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Last year's return was not given.
    NoLastYear,
    /// The Ofsted provider lists were not given.
    NoProviders,
    /// The LA was not given.
    NoLa,
}

/// The outcome of a validation.
#[derive(Debug)]
pub struct Validation {
    /// The year validated.
    pub year: CollectionYear,
    /// The LA, when known.
    pub la: Option<LaCode>,
    /// Rules run, by code.
    pub rules_run: Vec<&'static Rule>,
    /// Rules in force but not run, and why.
    pub skipped: Vec<(&'static Rule, SkipReason)>,
    /// Findings, sorted by rule code, table, row; each (rule, table, row) once.
    pub findings: Vec<Finding>,
}

/// The rules in force in `year`, sorted by code.
pub fn rules_for(year: CollectionYear) -> Vec<&'static Rule> {
    crate::ssda903::all().iter().copied().filter(|r| r.years.contains(year)).collect()
}

/// Validates `returns.current` (with `returns.previous` as last year and earlier).
pub fn validate(returns: &Returns, options: &ValidateOptions<'_>) -> Validation {
    let ctx = Ctx::new(
        options.year,
        options.la,
        &returns.current,
        returns.previous.first(),
        returns.previous.get(1..).unwrap_or(&[]),
        options.providers,
    );
    let mut rules_run = Vec::new();
    let mut skipped = Vec::new();
    for rule in rules_for(options.year) {
        if options
            .select
            .as_ref()
            .is_some_and(|s| !s.iter().any(|c| c.eq_ignore_ascii_case(rule.code)))
        {
            continue;
        }
        let reason = if rule.needs.last_year && ctx.last.is_none() {
            Some(SkipReason::NoLastYear)
        } else if rule.needs.providers && ctx.providers.is_none() {
            Some(SkipReason::NoProviders)
        } else if rule.needs.la && ctx.la.is_none() {
            Some(SkipReason::NoLa)
        } else {
            None
        };
        match reason {
            Some(r) => skipped.push((rule, r)),
            None => rules_run.push(rule),
        }
    }
    let mut findings: Vec<Finding> = rules_run
        .par_iter()
        .flat_map_iter(|rule| {
            let mut found = Vec::new();
            (rule.check)(&ctx, &mut Out::new(rule, &mut found));
            found
        })
        .collect();
    findings.sort_unstable();
    findings.dedup();
    Validation { year: options.year, la: options.la, rules_run, skipped, findings }
}
