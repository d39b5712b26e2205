//! Findings: a rule that fires flags rows; the report adds the details.

use carelens_model::{AnyRow, TableKind};

use crate::rule::Rule;

/// One flagged row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Finding {
    /// The rule's code.
    pub code: &'static str,
    /// The table of the flagged row.
    pub table: TableKind,
    /// The row's 0-based index in its table ([`carelens_model::Loc::row`]).
    pub row: u32,
    /// Whether the row is in last year's return rather than this year's.
    pub last_year: bool,
}

/// Where a rule writes its findings.
pub struct Out<'o> {
    rule: &'static Rule,
    findings: &'o mut Vec<Finding>,
}

impl<'o> Out<'o> {
    pub(crate) fn new(rule: &'static Rule, findings: &'o mut Vec<Finding>) -> Self {
        Self { rule, findings }
    }

    /// Flags a row of this year's return.
    pub fn flag(&mut self, row: &dyn AnyRow) {
        self.findings.push(Finding {
            code: self.rule.code,
            table: row.kind(),
            row: row.loc().row,
            last_year: false,
        });
    }

    /// Flags a row of last year's return.
    pub fn flag_last(&mut self, row: &dyn AnyRow) {
        self.findings.push(Finding {
            code: self.rule.code,
            table: row.kind(),
            row: row.loc().row,
            last_year: true,
        });
    }

    /// The rule being run.
    pub fn rule(&self) -> &'static Rule {
        self.rule
    }
}
