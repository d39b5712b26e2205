//! The values the store hands out: summaries, indicator values, findings, a child's rows and
//! timeline. All of them serialise to JSON (serde) in the shape the web API returns, so the
//! server does not need a second set of types: LA codes, years and child ids as strings
//! (`"316"`, `"2024/25"`), dates as `yyyy-mm-dd`.

use std::fmt;

use carelens_geo::Region;
use carelens_model::{ChildId, CollectionYear, Date, LaCode, TableKind};
use serde::Serialize;

/// Serialisers for the model's types, which do not implement `Serialize` themselves.
pub(crate) mod ser {
    use serde::Serializer;

    pub(crate) fn display<T: std::fmt::Display, S: Serializer>(
        v: &T,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }

    pub(crate) fn display_opt<T: std::fmt::Display, S: Serializer>(
        v: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => s.collect_str(v),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn year<S: Serializer>(
        v: &carelens_model::CollectionYear,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_str(v)
    }
}

/// Which database a store is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// An embedded SQLite file.
    Sqlite,
    /// A PostgreSQL server.
    Postgres,
}

/// An area that indicator values and aggregates are reported for: one LA, a region, or England.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Area {
    /// One local authority.
    La(LaCode),
    /// One of the nine regions.
    Region(Region),
    /// England as a whole.
    England,
}

impl Area {
    /// The key stored in the `area` column: the LA code (`"316"`), the region's name
    /// (`"London"`) or `"england"`.
    pub fn key(self) -> String {
        self.to_string()
    }

    /// Reads a key written by [`Area::key`]; region names are read forgivingly
    /// (`"east of england"`, `"Yorkshire & the Humber"`) and `england` ignoring case.
    pub fn parse(text: &str) -> Option<Self> {
        let t = text.trim();
        if t.eq_ignore_ascii_case("england") {
            return Some(Self::England);
        }
        if let Ok(code) = LaCode::parse(t) {
            return Some(Self::La(code));
        }
        Region::from_name(t).map(Self::Region)
    }

    /// The region this area lies in (an LA's region; a region itself; `None` for England or an
    /// LA code carelens does not know).
    pub fn region(self) -> Option<Region> {
        match self {
            Self::La(code) => carelens_geo::la(code).map(|la| la.region),
            Self::Region(r) => Some(r),
            Self::England => None,
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::La(code) => write!(f, "{code}"),
            Self::Region(r) => f.write_str(r.name()),
            Self::England => f.write_str("england"),
        }
    }
}

impl Serialize for Area {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// One loaded LA-year, with counts precomputed at load time.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReturnSummary {
    /// The LA.
    #[serde(serialize_with = "ser::display")]
    pub la: LaCode,
    /// The LA's name (`""` for a code carelens does not know).
    pub la_name: String,
    /// The LA's region, when known.
    #[serde(serialize_with = "ser::display_opt")]
    pub region: Option<Region>,
    /// The collection year.
    #[serde(serialize_with = "ser::year")]
    pub year: CollectionYear,
    /// When it was loaded (RFC 3339, UTC).
    pub loaded_at: String,
    /// Distinct children (Header and Episodes).
    pub children: u64,
    /// Rows over all tables.
    pub rows: u64,
    /// Validation findings.
    pub findings: u64,
    /// Children with at least one finding.
    pub children_with_findings: u64,
    /// Rules run.
    pub rules_run: u64,
    /// Files the return was read from.
    pub files: u64,
}

/// One indicator value for one area and year. Counts are kept apart from the value so that
/// reports can suppress small numbers and show both.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IndicatorValue {
    /// The indicator's id (as `carelens-indicators` names it).
    pub id: String,
    /// The area.
    pub area: Area,
    /// The collection year.
    #[serde(serialize_with = "ser::year")]
    pub year: CollectionYear,
    /// The numerator (or the count, for a count indicator).
    pub numerator: Option<f64>,
    /// The denominator, for a ratio.
    pub denominator: Option<f64>,
    /// The value as the indicator defines it (a count, a percentage, a rate…).
    pub value: Option<f64>,
    /// For a region or England: how many LAs' values were aggregated; `None` for an LA.
    pub las: Option<u32>,
}

/// Which indicator values to read. Empty lists mean "all"; an empty `areas` means every area
/// the principal may see.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct IndicatorQuery {
    /// Areas.
    pub areas: Vec<Area>,
    /// Collection years.
    pub years: Vec<CollectionYear>,
    /// Indicator ids.
    pub ids: Vec<String>,
}

impl IndicatorQuery {
    /// Everything (that the principal may see).
    pub fn new() -> Self {
        Self::default()
    }

    /// Adds an area.
    pub fn area(mut self, area: Area) -> Self {
        self.areas.push(area);
        self
    }

    /// Adds a year.
    pub fn year(mut self, year: CollectionYear) -> Self {
        self.years.push(year);
        self
    }

    /// Adds an indicator id.
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.ids.push(id.into());
        self
    }
}

/// How often one rule fired in an area and year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// The rule's code.
    pub rule: String,
    /// The DfE message.
    pub message: String,
    /// Findings (flagged rows).
    pub findings: u64,
    /// Children with a finding of this rule (summed over LAs for a region or England).
    pub children: u64,
    /// LAs where it fired (1 or 0 for an LA).
    pub las: u64,
}

/// One validation finding, resolved to what a person needs (the report's JSON shape).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FindingRecord {
    /// The rule's code.
    pub rule: String,
    /// The table of the flagged row.
    #[serde(serialize_with = "ser::display")]
    pub table: TableKind,
    /// Whether the row is in last year's return.
    pub last_year: bool,
    /// 0-based row within its table.
    pub row: u32,
    /// 1-based line in the source file (CSV).
    pub line: Option<u32>,
    /// The child (`None` when the row's `CHILD` is blank).
    #[serde(serialize_with = "ser::display_opt")]
    pub child: Option<ChildId>,
    /// The rule's fields present in the table.
    pub fields: Vec<String>,
    /// Their values as sent, in the same order.
    pub values: Vec<String>,
    /// The DfE message.
    pub message: String,
}

/// Which findings of an LA-year to read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FindingFilter {
    /// Only this rule.
    pub rule: Option<String>,
    /// Only this child.
    pub child: Option<ChildId>,
    /// At most this many (default 1000).
    pub limit: Option<u32>,
    /// Skip this many first.
    pub offset: u32,
}

/// One child in an LA-year's children list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChildSummary {
    /// The child.
    #[serde(serialize_with = "ser::display")]
    pub child: ChildId,
    /// Rows over all tables.
    pub rows: u32,
    /// Episodes rows.
    pub episodes: u32,
    /// Findings on the child's rows.
    pub findings: u32,
}

/// A page of the children list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChildPage {
    /// Children matching the search, in all.
    pub total: u64,
    /// This page, ordered by child id.
    pub children: Vec<ChildSummary>,
}

/// Whether a cell is blank, valid or invalid (as `carelens-model` reads it, forgivingly).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CellStatus {
    /// No value.
    Blank,
    /// A value carelens could read.
    Valid,
    /// Text that is not a value of the column.
    Invalid,
    /// A value carelens derived (`PL_LA`, `PL_LOCATION`, `PL_DISTANCE`), not sent by the LA.
    Derived,
}

/// One cell of a child's row.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellView {
    /// The text as sent (or derived).
    pub raw: String,
    /// Blank, valid, invalid or derived.
    pub status: CellStatus,
    /// Codes of the rules that flagged this row and name this column: the cells to highlight.
    pub failing: Vec<String>,
}

/// One row of a child's table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RowView {
    /// 0-based row within its table.
    pub row: u32,
    /// 1-based line in the source file (CSV).
    pub line: Option<u32>,
    /// The cells, one per column of [`ChildTable::columns`].
    pub cells: Vec<CellView>,
    /// Every rule that flagged the row (some name no column of this table).
    pub rules: Vec<String>,
}

/// One table's rows for a child.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChildTable {
    /// The table.
    #[serde(serialize_with = "ser::display")]
    pub table: TableKind,
    /// The column names (for Episodes, the derived `PL_LA`, `PL_LOCATION`, `PL_DISTANCE` last).
    pub columns: Vec<&'static str>,
    /// The rows, in the order read.
    pub rows: Vec<RowView>,
}

/// Every row of one child in one LA-year, with the failing cells marked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ChildRows {
    /// The LA.
    #[serde(serialize_with = "ser::display")]
    pub la: LaCode,
    /// The collection year.
    #[serde(serialize_with = "ser::year")]
    pub year: CollectionYear,
    /// The child.
    #[serde(serialize_with = "ser::display")]
    pub child: ChildId,
    /// The tables with rows for the child, in DfE order.
    pub tables: Vec<ChildTable>,
    /// Every finding on the child's rows (this year's and last year's).
    pub findings: Vec<FindingRecord>,
}

/// A DfE code with its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Code {
    /// The code, e.g. `U4`.
    pub code: &'static str,
    /// Its DfE label.
    pub label: &'static str,
}

/// A period of care in a timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelinePeriod {
    /// First day.
    #[serde(serialize_with = "ser::display")]
    pub start: Date,
    /// Last day; `None` while still looked after.
    #[serde(serialize_with = "ser::display_opt")]
    pub end: Option<Date>,
    /// Why it ended (`REC`).
    pub end_reason: Option<Code>,
}

/// How a placement began.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveKindView {
    /// The first placement of a period of care.
    Start,
    /// A change of carer: a move.
    CarerChange,
    /// Same carer, new placement details: not a move.
    SameCarer,
}

/// A placement in a timeline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelinePlacement {
    /// First day.
    #[serde(serialize_with = "ser::display")]
    pub start: Date,
    /// Last day; `None` while open.
    #[serde(serialize_with = "ser::display_opt")]
    pub end: Option<Date>,
    /// Placement type (`PLACE`).
    pub place: Option<Code>,
    /// Provider (`PLACE_PROVIDER`).
    pub provider: Option<Code>,
    /// How it began.
    pub move_kind: MoveKindView,
    /// Why it ended (`REASON_PLACE_CHANGE`).
    pub end_reason: Option<Code>,
    /// `PL_POST` as sent.
    pub postcode: String,
    /// `URN` as sent.
    pub urn: String,
    /// Derived `PL_LA` (an LA code, `WAL`, `SCO`, `NIR`, `NUK`).
    pub pl_la: Option<String>,
    /// Derived `PL_LOCATION`: `IN` or `OUT`.
    pub pl_location: Option<String>,
    /// Derived `PL_DISTANCE` in miles, home to placement.
    pub distance_miles: Option<f64>,
}

/// A spell with one legal status.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineLegalStatus {
    /// First day.
    #[serde(serialize_with = "ser::display")]
    pub start: Date,
    /// Last day; `None` while open.
    #[serde(serialize_with = "ser::display_opt")]
    pub end: Option<Date>,
    /// The legal status (`LS`).
    pub legal_status: Option<Code>,
}

/// A missing or away-from-placement episode.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineMissing {
    /// `M` missing or `A` away.
    pub kind: Option<Code>,
    /// Start.
    #[serde(serialize_with = "ser::display_opt")]
    pub start: Option<Date>,
    /// End; `None` while missing.
    #[serde(serialize_with = "ser::display_opt")]
    pub end: Option<Date>,
}

/// A statutory review.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineReview {
    /// Date of the review.
    #[serde(serialize_with = "ser::display_opt")]
    pub date: Option<Date>,
    /// How the child took part.
    pub participation: Option<Code>,
}

/// A social worker allocation.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TimelineSocialWorker {
    /// The social worker's id as sent.
    pub sw_id: String,
    /// Start.
    #[serde(serialize_with = "ser::display_opt")]
    pub start: Option<Date>,
    /// End.
    #[serde(serialize_with = "ser::display_opt")]
    pub end: Option<Date>,
    /// Reason for the change.
    pub reason: Option<Code>,
}

/// A child's care history as a timeline: what the dashboard draws. Built from the child's
/// rows in every loaded year of the LA up to the year asked for, so that a history reaches
/// back past the current return.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Timeline {
    /// The LA.
    #[serde(serialize_with = "ser::display")]
    pub la: LaCode,
    /// The collection year the timeline is as at.
    #[serde(serialize_with = "ser::year")]
    pub year: CollectionYear,
    /// The child.
    #[serde(serialize_with = "ser::display")]
    pub child: ChildId,
    /// Date of birth (Header).
    #[serde(serialize_with = "ser::display_opt")]
    pub dob: Option<Date>,
    /// Sex (Header).
    pub sex: Option<Code>,
    /// Periods of care, in order.
    pub periods: Vec<TimelinePeriod>,
    /// Placements, in order.
    pub placements: Vec<TimelinePlacement>,
    /// Legal statuses, in order.
    pub legal_statuses: Vec<TimelineLegalStatus>,
    /// Missing and away episodes.
    pub missing: Vec<TimelineMissing>,
    /// Reviews.
    pub reviews: Vec<TimelineReview>,
    /// Social worker allocations.
    pub social_workers: Vec<TimelineSocialWorker>,
    /// Moves (changes of carer) that began during the collection year.
    pub moves_in_year: u32,
    /// What was odd in the chain of episodes (as `carelens-model` names it).
    pub issues: Vec<String>,
}
