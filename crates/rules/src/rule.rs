//! A rule's declaration: everything about it but its logic, in one place.

use std::fmt;

use carelens_model::CollectionYear;

use crate::context::Ctx;
use crate::finding::Out;

/// The collection years a rule version is in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Years {
    /// First year in force.
    pub from: CollectionYear,
    /// Last year in force; `None` while still in force.
    pub to: Option<CollectionYear>,
}

impl Years {
    /// Whether the rule is in force in `year`.
    pub fn contains(self, year: CollectionYear) -> bool {
        self.from <= year && self.to.is_none_or(|to| year <= to)
    }

    /// The supported years the rule is in force, in order.
    pub fn supported(self) -> impl Iterator<Item = CollectionYear> {
        CollectionYear::SUPPORTED.into_iter().filter(move |y| self.contains(*y))
    }
}

impl From<std::ops::RangeFrom<CollectionYear>> for Years {
    fn from(r: std::ops::RangeFrom<CollectionYear>) -> Self {
        Self { from: r.start, to: None }
    }
}

impl From<std::ops::RangeInclusive<CollectionYear>> for Years {
    fn from(r: std::ops::RangeInclusive<CollectionYear>) -> Self {
        Self { from: *r.start(), to: Some(*r.end()) }
    }
}

impl fmt::Display for Years {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ys: Vec<String> = self.supported().map(|y| y.to_string()).collect();
        f.write_str(&ys.join(", "))
    }
}

/// Inputs beyond this year's return that a rule needs; without them it is skipped, as the
/// reference validator skips it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Needs {
    /// Last year's return (`*_last` tables).
    pub last_year: bool,
    /// The Ofsted provider lists (URN lookups).
    pub providers: bool,
    /// The responsible LA's code.
    pub la: bool,
}

/// One validation rule (one version of it, when its logic changed between years).
pub struct Rule {
    /// The DfE code, e.g. `"103"`, `"503D"`, `"SW10aSTG2"`.
    pub code: &'static str,
    /// The defect, in snake case: what the rule finds.
    pub name: &'static str,
    /// The DfE message, verbatim.
    pub message: &'static str,
    /// Tables the rule reads or flags, as the reference declares them (`Episodes_last`,
    /// `Provider Info` for the Ofsted lists).
    pub tables: &'static [&'static str],
    /// The fields a finding highlights, as the reference declares them.
    pub fields: &'static [&'static str],
    /// Years in force.
    pub years: Years,
    /// Extra inputs needed.
    pub needs: Needs,
    /// The rule's documentation (Markdown: what it checks, why it matters, an example).
    pub doc: &'static str,
    /// Where it is declared.
    pub file: &'static str,
    /// The logic.
    pub check: fn(&Ctx<'_>, &mut Out<'_>),
}

impl fmt::Debug for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rule")
            .field("code", &self.code)
            .field("years", &self.years)
            .finish_non_exhaustive()
    }
}

/// Declares a rule: its documentation comment, name, code, tables, fields, years, needs and
/// message. The check function must be named `check` in the same file.
///
/// ```ignore
/// declare_rule! {
///     /// ## What it checks
///     /// …
///     pub(crate) ETHNICITY_CODE_IS_NOT_VALID,
///     code: "103",
///     tables: ["Header"],
///     fields: ["ETHNIC"],
///     years: Y2022_23..,
///     message: "The ethnicity code is either not valid or has not been entered.",
/// }
/// ```
#[macro_export]
#[doc(hidden)]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:expr])*
        $vis:vis $name:ident,
        code: $code:literal,
        tables: [$($table:literal),* $(,)?],
        fields: [$($field:literal),* $(,)?],
        years: $from:ident $dots:tt $($to:ident)?,
        $(needs: [$($need:ident),* $(,)?],)?
        message: $message:literal $(,)?
    ) => {
        $(#[doc = $doc])*
        $vis static $name: $crate::Rule = $crate::Rule {
            code: $code,
            name: stringify!($name),
            message: $message,
            tables: &[$($table),*],
            fields: &[$($field),*],
            years: $crate::Years {
                from: carelens_model::CollectionYear::$from,
                to: $crate::declare_rule!(@to $($to)?),
            },
            needs: $crate::Needs { $($($need: true,)*)? ..$crate::Needs { last_year: false, providers: false, la: false } },
            doc: concat!($($doc, "\n"),*),
            file: file!(),
            check,
        };
    };
    (@to) => { None };
    (@to $to:ident) => { Some(carelens_model::CollectionYear::$to) };
}
