//! A whole return: one LA's tables for one collection year, and several years together.

use std::fmt;

use crate::ids::{ChildId, LaCode};
use crate::tables::Tables;
use crate::year::CollectionYear;

/// The format a source file was in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// One CSV file per table.
    Csv,
    /// The DfE XML return.
    Xml,
}

impl fmt::Display for SourceFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Csv => "CSV",
            Self::Xml => "XML",
        })
    }
}

/// A file rows were read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// The path as given.
    pub path: String,
    /// CSV or XML.
    pub format: SourceFormat,
}

/// One local authority's return for one collection year.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Return903 {
    /// The collection year, when known (given, from the XML, or inferred from the data).
    pub year: Option<CollectionYear>,
    /// The responsible LA, when known (CSV returns do not name it).
    pub la: Option<LaCode>,
    /// The files the rows came from; [`crate::Loc::file`] indexes this list.
    pub sources: Vec<Source>,
    /// The tables.
    pub tables: Tables,
}

impl Return903 {
    /// An empty return.
    pub fn new(year: Option<CollectionYear>, la: Option<LaCode>) -> Self {
        Self { year, la, ..Self::default() }
    }

    /// Adds a source file and returns its index.
    pub fn add_source(&mut self, path: impl Into<String>, format: SourceFormat) -> u16 {
        self.sources.push(Source { path: path.into(), format });
        u16::try_from(self.sources.len() - 1).unwrap_or(u16::MAX)
    }

    /// The distinct children in the return (Header and Episodes), sorted.
    pub fn children(&self) -> Vec<&ChildId> {
        let mut ids: Vec<&ChildId> = self
            .tables
            .header
            .iter()
            .filter_map(|h| h.child.value())
            .chain(self.tables.episodes.iter().filter_map(|e| e.child.value()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Sets the derived `UASC` flag on every Header row from the UASC table, as the reference
    /// validator does for CSV returns (a child is UASC when it has a UASC row). Rows that already
    /// carry a flag (XML) are left alone.
    pub fn derive_uasc_flags(&mut self) {
        let mut uasc: Vec<&str> =
            self.tables.uasc.iter().filter_map(|u| u.child.value()).map(ChildId::as_str).collect();
        uasc.sort_unstable();
        let flags: Vec<bool> = self
            .tables
            .header
            .iter()
            .map(|h| h.child.value().is_some_and(|c| uasc.binary_search(&c.as_str()).is_ok()))
            .collect();
        for (h, flag) in self.tables.header.rows.iter_mut().zip(flags) {
            if h.uasc.is_blank() && h.uasc.raw().is_empty() {
                h.uasc = crate::Field::new(flag);
            }
        }
    }
}

/// Returns for several years of the same LA: the year being worked on, and earlier years.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Returns {
    /// The year being validated or measured.
    pub current: Return903,
    /// Earlier years, most recent first (`previous[0]` is "last year").
    pub previous: Vec<Return903>,
}

impl Returns {
    /// Last year's return, if given.
    pub fn last_year(&self) -> Option<&Return903> {
        self.previous.first()
    }
}
