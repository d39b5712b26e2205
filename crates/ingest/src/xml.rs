//! The DfE XML form of the return (`EXPSSDA903`, spec §5): a streaming reader and a writer.
//!
//! # Shape
//!
//! ```text
//! EXPSSDA903
//!   CHILD*                one per child
//!     HEADER              → one Header row per CHILD
//!       CHILDID UPN SEX DOB ETHNIC
//!       UASC              Header's UASC flag; a UASC row when it has text
//!       DUC               UASC.DUC
//!       AREVIEW*          REVIEW REVIEW_CODE → Reviews
//!       AMISSING*         MISSING MIS_START MIS_END → Missing
//!       MOTHER MC_DOB
//!       PERMANENCE*       PREV_PERM LA_PERM DATE_PERM → PrevPerm
//!       OC2*              SDQ_SCORE SDQ_REASON CONVICTED … INTERVENTION_OFFERED → OC2
//!       IN_TOUCH ACTIV ACCOM
//!                         → an OC3 row when IN_TOUCH has text
//!       DATE_INT DATE_MATCH FOSTER_CARE NB_ADOPTR SEX_ADOPTR LS_ADOPTR
//!                         → an AD1 row when DATE_INT has text
//!       AD_PLACED*        DATE_PLACED DATE_PLACED_CEASED REASON_PLACED_CEASED → PlacedAdoption
//!     EPISODE*            DECOM RNE LS CIN PL PL_POST HOME_POST URN PLACE_PROVIDER DEC REC
//!                         REASON_PLACE_CHANGE → Episodes (PL is PLACE)
//!     SOCIALWORKER*       SW_ID SW_DECOM SW_DEC SW_REASON → SWEpisodes (carelens extension)
//!     DOLO*               DOLO_START DOLO_END → DoLo (carelens extension)
//! ```
//!
//! Every row of a table other than Header takes `CHILD` and `DOB` (and UASC also `SEX`) from its
//! child's HEADER: the XML has no other place for them.
//!
//! **carelens's own extension.** The DfE's published schema and the reference validator know
//! no elements for SWEpisodes (2023/24+) or DoLo (2026/27+); their tag names are not pinned
//! (spec §5). carelens reads and writes them as `SOCIALWORKER` and `DOLO` elements directly
//! under `CHILD`, after the `EPISODE`s, holding the table's own columns. A file from an LA system
//! will not contain them; the reference validator ignores them.
//!
//! # Reading
//!
//! [`read_xml`] streams the text with `quick_xml` and holds one `CHILD` at a time in memory.
//! Lookups are scoped to the element's parent: an `EPISODE`'s leaves never change the header,
//! unlike the reference, which collects every leaf under `CHILD` in one dictionary. Element names
//! are compared case-insensitively and namespace prefixes are ignored; the `CHILD` and `PLACE`
//! spellings of `CHILDID` and `PL` are accepted (the reference's column names). Empty elements
//! (`<DEC/>`, `<DEC></DEC>`) and absent elements both read as blank cells; entity and character
//! references are resolved; text is kept as written (not trimmed); the declaration's `encoding`
//! is ignored because the caller has already decoded the bytes.
//!
//! Problems become diagnostics, never panics. Every XML diagnostic gives the 0-based **byte
//! offset** into `text` in [`Diagnostic::column`] (line is `None`; the message repeats the offset
//! and the line number for people). Malformed XML (a mismatched or unclosed tag, text that is not
//! XML, a truncated file, a character XML forbids such as a NUL) stops reading with one
//! [`DiagnosticKind::XmlSyntax`] error: every `CHILD` completed before it is kept, and a `CHILD`
//! that was open is dropped as a unit (the message says so). Unknown or misplaced elements give
//! one [`DiagnosticKind::UnknownElement`] warning per distinct name per file and are skipped with
//! everything inside them. A root other than `EXPSSDA903` is an error and nothing is read.
//!
//! # Writing
//!
//! [`write_xml`] writes the same shape, UTF-8, two-space indentation, each cell's raw text
//! escaped. It is deterministic: the same return gives byte-identical output. See its
//! documentation for what the XML form cannot carry.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::io::{self, Write};

use carelens_model::{AnyRow, Header, Loc, Return903, TableKind, Tables};
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::diagnostic::{Diagnostic, DiagnosticKind, Severity};

/// The root element of the SSDA903 XML return.
const ROOT: &str = "EXPSSDA903";

/// The tables the reference's XML reader always builds, even with no rows.
///
/// Reference behaviour: `read_xml_from_text` returns a DataFrame for each of these ten tables
/// whatever the file holds, so every rule that asks "is the table there?" runs on an XML return.
/// We mark them supplied as soon as the root is recognised so that rules skip and run exactly as
/// there. (An empty reference DataFrame has no columns at all, so a rule that indexes a column of
/// one raises and is counted as failed, reporting nothing; that is the rule engine's concern,
/// not the reader's.) SWEpisodes and DoLo are never built by the reference from XML, so they are
/// supplied only when the file has at least one `SOCIALWORKER` / `DOLO` element.
const REFERENCE_TABLES: [TableKind; 10] = [
    TableKind::Header,
    TableKind::Episodes,
    TableKind::Uasc,
    TableKind::Reviews,
    TableKind::Oc2,
    TableKind::Oc3,
    TableKind::Ad1,
    TableKind::PlacedAdoption,
    TableKind::PrevPerm,
    TableKind::Missing,
];

/// Leaves directly under `HEADER`, by column: the Header's own, then the items of the tables that
/// have at most one row per child (UASC, OC3, AD1).
const HEADER_LEAVES: &[(TableKind, &str)] = &[
    (TableKind::Header, "CHILD"),
    (TableKind::Header, "UPN"),
    (TableKind::Header, "SEX"),
    (TableKind::Header, "DOB"),
    (TableKind::Header, "ETHNIC"),
    (TableKind::Header, "UASC"),
    (TableKind::Uasc, "DUC"),
    (TableKind::Header, "MOTHER"),
    (TableKind::Header, "MC_DOB"),
    (TableKind::Oc3, "IN_TOUCH"),
    (TableKind::Oc3, "ACTIV"),
    (TableKind::Oc3, "ACCOM"),
    (TableKind::Ad1, "DATE_INT"),
    (TableKind::Ad1, "DATE_MATCH"),
    (TableKind::Ad1, "FOSTER_CARE"),
    (TableKind::Ad1, "NB_ADOPTR"),
    (TableKind::Ad1, "SEX_ADOPTR"),
    (TableKind::Ad1, "LS_ADOPTR"),
];

/// The tables held in `HEADER` leaves, and the column whose text makes a row (reference: a UASC
/// row when `UASC` has text, OC3 when `IN_TOUCH` has, AD1 when `DATE_INT` has).
const SINGLES: [(TableKind, &str); 4] = [
    (TableKind::Header, "CHILD"),
    (TableKind::Uasc, "UASC"),
    (TableKind::Oc3, "IN_TOUCH"),
    (TableKind::Ad1, "DATE_INT"),
];

/// Where an element holding one row sits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Parent {
    Header,
    Child,
}

/// Elements that each hold one row of a table.
const RECORDS: &[(&str, TableKind, Parent)] = &[
    ("AREVIEW", TableKind::Reviews, Parent::Header),
    ("AMISSING", TableKind::Missing, Parent::Header),
    ("PERMANENCE", TableKind::PrevPerm, Parent::Header),
    ("OC2", TableKind::Oc2, Parent::Header),
    ("AD_PLACED", TableKind::PlacedAdoption, Parent::Header),
    ("EPISODE", TableKind::Episodes, Parent::Child),
    ("SOCIALWORKER", TableKind::SwEpisodes, Parent::Child),
    ("DOLO", TableKind::DoLo, Parent::Child),
];

/// The columns a row element holds, in the order the writer puts them (spec §5's order for
/// EPISODE, DfE column order otherwise). CHILD and DOB come from the HEADER.
fn record_columns(kind: TableKind) -> &'static [&'static str] {
    match kind {
        TableKind::Episodes => &[
            "DECOM",
            "RNE",
            "LS",
            "CIN",
            "PLACE",
            "PL_POST",
            "HOME_POST",
            "URN",
            "PLACE_PROVIDER",
            "DEC",
            "REC",
            "REASON_PLACE_CHANGE",
        ],
        TableKind::Reviews => &["REVIEW", "REVIEW_CODE"],
        TableKind::Missing => &["MISSING", "MIS_START", "MIS_END"],
        TableKind::PrevPerm => &["PREV_PERM", "LA_PERM", "DATE_PERM"],
        TableKind::Oc2 => &[
            "SDQ_SCORE",
            "SDQ_REASON",
            "CONVICTED",
            "HEALTH_CHECK",
            "IMMUNISATIONS",
            "TEETH_CHECK",
            "HEALTH_ASSESSMENT",
            "SUBSTANCE_MISUSE",
            "INTERVENTION_RECEIVED",
            "INTERVENTION_OFFERED",
        ],
        TableKind::PlacedAdoption => &["DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
        TableKind::SwEpisodes => &["SW_ID", "SW_DECOM", "SW_DEC", "SW_REASON"],
        TableKind::DoLo => &["DOLO_START", "DOLO_END"],
        _ => &[],
    }
}

/// The XML element name of a column (spec §5: the only renames are CHILD and PLACE).
fn element_name(column: &'static str) -> &'static str {
    match column {
        "CHILD" => "CHILDID",
        "PLACE" => "PL",
        c => c,
    }
}

/// The column an element name stands for (either spelling of the renamed two).
fn column_name(element: &str) -> &str {
    if element.eq_ignore_ascii_case("CHILDID") {
        "CHILD"
    } else if element.eq_ignore_ascii_case("PL") {
        "PLACE"
    } else {
        element
    }
}

/// Whether XML 1.0 forbids a character outright (`Char` production): C0 controls other than
/// tab, line feed and carriage return, and U+FFFE / U+FFFF.
fn is_forbidden_char(c: char) -> bool {
    let c = u32::from(c);
    (c < 0x20 && !matches!(c, 0x9 | 0xA | 0xD)) || c == 0xFFFE || c == 0xFFFF
}

/// The first character XML forbids, by byte scan: in UTF-8 a byte below 0x20 is always a whole
/// character, and U+FFFE / U+FFFF are `EF BF BE` / `EF BF BF`.
fn first_forbidden_char(text: &str) -> Option<(usize, char)> {
    let bytes = text.as_bytes();
    let at = bytes.iter().enumerate().position(|(i, &b)| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r'))
            || (b == 0xEF && matches!(bytes.get(i + 1..i + 3), Some([0xBF, 0xBE | 0xBF])))
    })?;
    text[at..].chars().next().map(|c| (at, c))
}

/// Whether a trigger element (UASC, IN_TOUCH, DATE_INT) "has text". The reference tests the
/// element's text for `None`; we also treat whitespace alone as no text.
fn has_text(cell: Option<&str>) -> bool {
    cell.is_some_and(|t| !t.trim().is_empty())
}

// ------------------------------------------------------------------------------------------------
// Reading

/// Reads an SSDA903 XML return (`EXPSSDA903`) into `tables`, streaming.
///
/// * `text`: the whole file, already decoded to UTF-8 (a leading byte-order mark is skipped; the
///   declaration's `encoding` is ignored).
/// * `file`: the path label used in diagnostics.
/// * `source`: stored in every row's [`Loc::file`]; [`Loc::line`] is `None` for XML and
///   [`Loc::row`] is the row's index in its table.
///
/// The ten tables the reference validator builds from XML (all but SWEpisodes and DoLo) are
/// marked supplied once the root element is recognised, even when they get no rows; SWEpisodes
/// and DoLo are supplied when a `SOCIALWORKER` / `DOLO` element is read. Structural problems are
/// appended to `diagnostics` (see the module documentation); invalid cell values are not, since
/// the caller reports those from the rows.
pub fn read_xml(
    text: &str,
    file: &str,
    source: u16,
    tables: &mut Tables,
    diagnostics: &mut Vec<Diagnostic>,
) {
    let mut r = XmlReader::new(text, file, source);
    r.run(tables);
    r.finish(diagnostics);
}

/// One row being collected: a cell per column of its table, `None` while no element gave it.
struct PendingRow {
    kind: TableKind,
    element: &'static str,
    cells: Vec<Option<String>>,
}

impl PendingRow {
    fn new(kind: TableKind, element: &'static str) -> Self {
        Self { kind, element, cells: vec![None; kind.columns().len()] }
    }

    fn get(&self, column: &str) -> Option<&str> {
        self.kind.column_index(column).and_then(|i| self.cells.get(i)).and_then(|c| c.as_deref())
    }
}

/// The `CHILD` being read.
struct PendingChild {
    /// Byte offset of its start tag.
    start: usize,
    has_header: bool,
    /// Header, UASC, OC3 and AD1, in the order of [`SINGLES`].
    singles: [PendingRow; 4],
    /// Rows from AREVIEW, EPISODE…, in document order.
    rows: Vec<PendingRow>,
}

impl PendingChild {
    fn new(start: usize) -> Self {
        Self {
            start,
            has_header: false,
            singles: SINGLES.map(|(kind, _)| PendingRow::new(kind, "HEADER")),
            rows: Vec::new(),
        }
    }
}

/// Where a leaf's text goes.
#[derive(Clone, Copy)]
enum Slot {
    /// `singles[table][column]`.
    Single(usize, usize),
    /// `rows[row][column]`.
    Row(usize, usize),
}

/// One open element.
#[derive(Clone, Copy)]
enum Frame {
    Root,
    Child,
    Header,
    /// A row element; index into [`PendingChild::rows`].
    Row(usize),
    /// A value element.
    Leaf {
        slot: Slot,
        name: &'static str,
        parent: &'static str,
    },
    /// Inside an element that is ignored.
    Skip,
}

/// Things reported once per file with a count, keyed for stable order.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Note {
    /// An unexpected element, by upper-cased name.
    Unknown(String),
    /// A value element given twice in one parent: (parent, element).
    Duplicate(&'static str, &'static str),
    StrayText,
    BareAmpersand,
    UnknownEntity,
    NoHeader,
    /// Items of UASC / OC3 / AD1 without the element that makes the row.
    Orphan(TableKind),
}

struct Tally {
    count: usize,
    first: usize,
    /// Element or entity name as first written.
    name: String,
    /// The element it was in.
    parent: &'static str,
}

/// Whether to go on reading.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Flow {
    Go,
    Stop,
}

/// The reader's state: the open elements and the one `CHILD` being collected.
struct XmlReader<'t> {
    text: &'t str,
    file: &'t str,
    source: u16,
    stack: Vec<Frame>,
    child: Option<PendingChild>,
    /// Text of the value element being read.
    leaf: String,
    root_seen: bool,
    root_closed: bool,
    children_read: usize,
    notes: BTreeMap<Note, Tally>,
    /// The diagnostic that stopped reading, with its offset.
    fatal: Option<(usize, Diagnostic)>,
}

impl<'t> XmlReader<'t> {
    fn new(text: &'t str, file: &'t str, source: u16) -> Self {
        Self {
            text,
            file,
            source,
            stack: Vec::new(),
            child: None,
            leaf: String::new(),
            root_seen: false,
            root_closed: false,
            children_read: 0,
            notes: BTreeMap::new(),
            fatal: None,
        }
    }

    fn run(&mut self, tables: &mut Tables) {
        let text = self.text;
        // A byte-order mark the caller left in is not text before the root.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let base = text.len() - body.len();
        if body.trim().is_empty() {
            self.fatal = Some((
                0,
                self.diagnostic(
                    Severity::Warning,
                    DiagnosticKind::EmptyFile,
                    0,
                    "the file is empty (expected an <EXPSSDA903> XML return)",
                ),
            ));
            return;
        }
        // quick-xml lets through characters that XML forbids (NUL and other controls, typical of
        // binary files): find the first one and stop when the reader reaches it.
        let forbidden = first_forbidden_char(body);

        let mut reader = Reader::from_str(body);
        let config = reader.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = true;
        // A bare `&` is kept as text with a warning instead of ending the read.
        config.allow_dangling_amp = true;
        config.trim_text(false);

        loop {
            let at = base + to_usize(reader.buffer_position());
            let event = reader.read_event();
            let reached = base
                + to_usize(match &event {
                    Ok(_) => reader.buffer_position(),
                    Err(_) => reader.error_position().max(reader.buffer_position()),
                });
            if let Some((i, c)) = forbidden
                && base + i < reached
            {
                let message = format!(
                    "the XML is not well formed: character U+{:04X} is not allowed in XML (is \
                     this a binary file?)",
                    u32::from(c)
                );
                self.stop(DiagnosticKind::XmlSyntax, base + i, &message);
                return;
            }
            let event = match event {
                Ok(e) => e,
                Err(e) => {
                    let message = format!("the XML is not well formed: {e}");
                    let offset = base + to_usize(reader.error_position());
                    self.stop(DiagnosticKind::XmlSyntax, offset, &message);
                    return;
                }
            };
            let flow = match event {
                Event::Start(e) => self.start(&local_name(&e), at, tables),
                // Not produced with `expand_empty_elements`; handled the same way regardless.
                Event::Empty(e) => {
                    let flow = self.start(&local_name(&e), at, tables);
                    if flow == Flow::Go {
                        self.end(at, tables);
                    }
                    flow
                }
                Event::End(_) => {
                    self.end(at, tables);
                    Flow::Go
                }
                Event::Text(t) => {
                    let in_leaf = matches!(self.stack.last(), Some(Frame::Leaf { .. }));
                    if in_leaf && t.first() == Some(&b'&') {
                        // With `allow_dangling_amp`, an `&` that starts no reference comes as
                        // text beginning with `&`; proper references are `GeneralRef` events.
                        self.note(Note::BareAmpersand, at, "&", "");
                    }
                    match t.xml10_content() {
                        Ok(content) => self.text(&content, at),
                        Err(_) => self.text(&String::from_utf8_lossy(&t), at),
                    }
                }
                Event::CData(c) => self.text(&String::from_utf8_lossy(&c), at),
                Event::GeneralRef(r) => self.reference(&String::from_utf8_lossy(&r), at),
                Event::Eof => {
                    self.eof();
                    Flow::Stop
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => Flow::Go,
            };
            if flow == Flow::Stop {
                return;
            }
        }
    }

    fn start(&mut self, name: &str, at: usize, tables: &mut Tables) -> Flow {
        if !self.stack.is_empty() {
            let frame = self.open(name, at);
            if matches!(frame, Frame::Leaf { .. }) {
                self.leaf.clear();
            }
            self.stack.push(frame);
            return Flow::Go;
        }
        if self.root_closed {
            let message = format!(
                "the XML is not well formed: element <{name}> after the end of the <{ROOT}> \
                 element; it and the rest of the file were not read"
            );
            self.stop(DiagnosticKind::XmlSyntax, at, &message);
            return Flow::Stop;
        }
        if !name.eq_ignore_ascii_case(ROOT) {
            let hint = if name.eq_ignore_ascii_case("Message") {
                "; this looks like a CIN census file"
            } else {
                ""
            };
            let message = format!(
                "the root element is <{name}>, expected <{ROOT}> (the SSDA903 XML return){hint}; \
                 nothing was read"
            );
            self.stop(DiagnosticKind::UnknownTable, at, &message);
            return Flow::Stop;
        }
        self.root_seen = true;
        for kind in REFERENCE_TABLES {
            tables.mark_supplied(kind);
        }
        self.stack.push(Frame::Root);
        Flow::Go
    }

    /// The frame for an element opened inside the current one.
    fn open(&mut self, name: &str, at: usize) -> Frame {
        let top = self.stack.last().copied();
        let parent: &'static str = match top {
            None | Some(Frame::Skip) => return Frame::Skip,
            Some(Frame::Root) => {
                if name.eq_ignore_ascii_case("CHILD") {
                    self.child = Some(PendingChild::new(at));
                    return Frame::Child;
                }
                ROOT
            }
            Some(Frame::Child) => {
                if name.eq_ignore_ascii_case("HEADER") {
                    if let Some(c) = self.child.as_mut() {
                        c.has_header = true;
                    }
                    return Frame::Header;
                }
                if let Some(frame) = self.open_row(name, Parent::Child) {
                    return frame;
                }
                "CHILD"
            }
            Some(Frame::Header) => {
                let column = column_name(name);
                let found = HEADER_LEAVES.iter().find(|(_, c)| c.eq_ignore_ascii_case(column));
                if let Some(&(kind, column)) = found
                    && let Some(t) = SINGLES.iter().position(|(k, _)| *k == kind)
                    && let Some(i) = kind.column_index(column)
                {
                    return Frame::Leaf {
                        slot: Slot::Single(t, i),
                        name: column,
                        parent: "HEADER",
                    };
                }
                if let Some(frame) = self.open_row(name, Parent::Header) {
                    return frame;
                }
                "HEADER"
            }
            Some(Frame::Row(r)) => {
                let Some(row) = self.child.as_ref().and_then(|c| c.rows.get(r)) else {
                    return Frame::Skip;
                };
                let column = column_name(name);
                let found =
                    record_columns(row.kind).iter().find(|c| c.eq_ignore_ascii_case(column));
                if let Some(&column) = found
                    && let Some(i) = row.kind.column_index(column)
                {
                    return Frame::Leaf {
                        slot: Slot::Row(r, i),
                        name: column,
                        parent: row.element,
                    };
                }
                row.element
            }
            Some(Frame::Leaf { name: leaf, .. }) => element_name(leaf),
        };
        self.note(Note::Unknown(name.to_ascii_uppercase()), at, name, parent);
        Frame::Skip
    }

    /// Opens a row element (`AREVIEW`, `EPISODE`…) if `name` is one under `parent`.
    fn open_row(&mut self, name: &str, parent: Parent) -> Option<Frame> {
        let &(element, kind, _) =
            RECORDS.iter().find(|(e, _, p)| *p == parent && e.eq_ignore_ascii_case(name))?;
        let c = self.child.as_mut()?;
        c.rows.push(PendingRow::new(kind, element));
        Some(Frame::Row(c.rows.len() - 1))
    }

    fn end(&mut self, at: usize, tables: &mut Tables) {
        match self.stack.pop() {
            Some(Frame::Root) => self.root_closed = true,
            Some(Frame::Child) => {
                if let Some(c) = self.child.take() {
                    self.emit(&c, tables);
                }
            }
            Some(Frame::Leaf { slot, name, parent }) => {
                let Some(c) = self.child.as_mut() else { return };
                let cell = match slot {
                    Slot::Single(t, i) => c.singles.get_mut(t).and_then(|r| r.cells.get_mut(i)),
                    Slot::Row(r, i) => c.rows.get_mut(r).and_then(|r| r.cells.get_mut(i)),
                };
                match cell {
                    Some(cell @ None) => *cell = Some(std::mem::take(&mut self.leaf)),
                    Some(Some(_)) => {
                        let element = element_name(name);
                        self.note(Note::Duplicate(parent, element), at, element, parent);
                    }
                    None => {}
                }
            }
            Some(Frame::Header | Frame::Row(_) | Frame::Skip) | None => {}
        }
    }

    fn text(&mut self, content: &str, at: usize) -> Flow {
        match self.stack.last() {
            Some(Frame::Leaf { .. }) => self.leaf.push_str(content),
            // Inside an ignored element: already reported as such.
            Some(Frame::Skip) => {}
            _ if content.trim().is_empty() => {}
            _ => return self.stray_text(at),
        }
        Flow::Go
    }

    /// Text where no value belongs: before the root it means "not XML"; elsewhere it is ignored.
    fn stray_text(&mut self, at: usize) -> Flow {
        if !self.root_seen {
            self.stop(
                DiagnosticKind::XmlSyntax,
                at,
                "the XML is not well formed: text before the first element (expected an \
                 <EXPSSDA903> XML return)",
            );
            return Flow::Stop;
        }
        self.note(Note::StrayText, at, "", "");
        Flow::Go
    }

    /// An `&name;` reference.
    fn reference(&mut self, name: &str, at: usize) -> Flow {
        let resolved = resolve_reference(name);
        match self.stack.last() {
            Some(Frame::Leaf { .. }) => {}
            Some(Frame::Skip) => return Flow::Go,
            _ => return self.stray_text(at),
        }
        if resolved.is_none() {
            self.note(Note::UnknownEntity, at, name, "");
        }
        match resolved {
            Some(c) => self.leaf.push(c),
            None => {
                self.leaf.push('&');
                self.leaf.push_str(name);
                self.leaf.push(';');
            }
        }
        Flow::Go
    }

    fn eof(&mut self) {
        let Some(&open) = self.stack.last() else {
            if !self.root_seen {
                self.stop(
                    DiagnosticKind::XmlSyntax,
                    self.text.len(),
                    "the file has no root element (expected an <EXPSSDA903> XML return)",
                );
            }
            return;
        };
        let name = match open {
            Frame::Root => ROOT,
            Frame::Child => "CHILD",
            Frame::Header => "HEADER",
            Frame::Row(r) => {
                self.child.as_ref().and_then(|c| c.rows.get(r)).map_or("?", |r| r.element)
            }
            Frame::Leaf { name, .. } => element_name(name),
            Frame::Skip => "an ignored element",
        };
        let message = format!(
            "the XML is not well formed: the file ends inside <{name}> with {} element{} open \
             (is it truncated?)",
            self.stack.len(),
            if self.stack.len() == 1 { "" } else { "s" },
        );
        self.stop(DiagnosticKind::XmlSyntax, self.text.len(), &message);
    }

    /// Turns a complete `CHILD` into rows.
    fn emit(&mut self, c: &PendingChild, tables: &mut Tables) {
        self.children_read += 1;
        if !c.has_header {
            self.note(Note::NoHeader, c.start, "HEADER", "CHILD");
        }
        let loc = Loc { file: self.source, row: 0, line: None };
        let [header, uasc, oc3, ad1] = &c.singles;
        let id = (header.get("CHILD"), header.get("SEX"), header.get("DOB"));
        push_row(tables, header, id, loc);
        // spec §5 (reference): UASC, OC3 and AD1 rows exist only when their trigger has text.
        for (row, trigger) in
            [(uasc, header.get("UASC")), (oc3, oc3.get("IN_TOUCH")), (ad1, ad1.get("DATE_INT"))]
        {
            if has_text(trigger) {
                push_row(tables, row, id, loc);
            } else if row.cells.iter().any(|cell| has_text(cell.as_deref())) {
                let trigger = SINGLES.iter().find(|(k, _)| *k == row.kind).map_or("", |(_, t)| t);
                self.note(Note::Orphan(row.kind), c.start, trigger, "HEADER");
            }
        }
        for row in &c.rows {
            push_row(tables, row, id, loc);
        }
    }

    /// Stops reading with an error; a `CHILD` still open is lost.
    fn stop(&mut self, kind: DiagnosticKind, offset: usize, message: &str) {
        let mut message = message.to_owned();
        if let Some(c) = &self.child {
            message.push_str(&format!(
                "; the CHILD element starting at byte {} was incomplete and was not read",
                c.start
            ));
        }
        if self.root_seen {
            let n = self.children_read;
            message.push_str(&match n {
                0 => "; no complete CHILD element came before it".to_owned(),
                1 => "; the 1 complete CHILD element before it was read".to_owned(),
                n => format!("; the {n} complete CHILD elements before it were read"),
            });
        }
        let d = self.diagnostic(Severity::Error, kind, offset, &message);
        self.fatal = Some((offset, d));
    }

    fn note(&mut self, note: Note, offset: usize, name: &str, parent: &'static str) {
        self.notes.entry(note).and_modify(|t| t.count += 1).or_insert_with(|| Tally {
            count: 1,
            first: offset,
            name: name.to_owned(),
            parent,
        });
    }

    /// A diagnostic at a byte offset of the text.
    fn diagnostic(
        &self,
        severity: Severity,
        kind: DiagnosticKind,
        offset: usize,
        message: &str,
    ) -> Diagnostic {
        let offset = offset.min(self.text.len());
        let line = 1 + self.text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        Diagnostic::file(
            severity,
            kind,
            self.file,
            format!("{message} (byte {offset}, line {line})"),
        )
        .at_column(u32::try_from(offset).unwrap_or(u32::MAX))
    }

    /// Appends the once-per-file notes and the stopping error, in file order.
    fn finish(mut self, diagnostics: &mut Vec<Diagnostic>) {
        let notes = std::mem::take(&mut self.notes);
        let mut found: Vec<(usize, Diagnostic)> =
            notes.into_iter().map(|(note, t)| (t.first, self.note_diagnostic(&note, &t))).collect();
        found.extend(self.fatal.take());
        found.sort_by_key(|(offset, _)| *offset);
        diagnostics.extend(found.into_iter().map(|(_, d)| d));
    }

    fn note_diagnostic(&self, note: &Note, t: &Tally) -> Diagnostic {
        let times = match t.count {
            1 => "once".to_owned(),
            n => format!("{n} times"),
        };
        let (name, parent) = (&t.name, t.parent);
        let (kind, message) = match note {
            Note::Unknown(_) => (
                DiagnosticKind::UnknownElement,
                format!(
                    "element <{name}> is not part of the SSDA903 XML return where it appears; it \
                     and anything inside it were ignored ({times}, first inside <{parent}>)"
                ),
            ),
            Note::Duplicate(..) => (
                DiagnosticKind::DuplicateColumn,
                format!(
                    "element <{name}> appears more than once in one <{parent}> ({times} in this \
                     file); the first value is used"
                ),
            ),
            Note::StrayText => (
                DiagnosticKind::XmlSyntax,
                format!("text outside any value element was ignored ({times})"),
            ),
            Note::BareAmpersand => (
                DiagnosticKind::XmlSyntax,
                format!(
                    "an & that starts no reference (expected &amp;) was read as text ({times})"
                ),
            ),
            Note::UnknownEntity => (
                DiagnosticKind::XmlSyntax,
                format!(
                    "unknown entity reference &{name}; was kept as written ({times}; expected \
                     &amp; &lt; &gt; &quot; &apos; or a character reference)"
                ),
            ),
            Note::NoHeader => (
                DiagnosticKind::MissingColumns,
                format!(
                    "a CHILD element has no HEADER ({times}); its Header row is blank and its \
                     other rows have no CHILD or DOB"
                ),
            ),
            &Note::Orphan(table) => (
                DiagnosticKind::MissingColumns,
                format!(
                    "{table} items were given without text in <{name}> ({times}); as in the \
                     reference validator, no {table} row is read without it"
                ),
            ),
        };
        let mut d = self.diagnostic(Severity::Warning, kind, t.first, &message);
        match note {
            Note::Unknown(_) | Note::Duplicate(..) => d = d.with_field(name),
            Note::NoHeader => d = d.in_table(TableKind::Header),
            &Note::Orphan(table) => d = d.in_table(table).with_field(name),
            _ => {}
        }
        d
    }
}

/// Pushes one row, taking CHILD and DOB (and, for UASC, SEX) from the child's header.
fn push_row(
    tables: &mut Tables,
    row: &PendingRow,
    (child, sex, dob): (Option<&str>, Option<&str>, Option<&str>),
    loc: Loc,
) {
    let columns = row.kind.columns();
    let own = row.kind == TableKind::Header;
    let uasc = row.kind == TableKind::Uasc;
    tables.push_cells(row.kind, loc, |i| match columns.get(i) {
        Some(&"CHILD") if !own => child,
        Some(&"DOB") if !own => dob,
        Some(&"SEX") if uasc => sex,
        _ => row.cells.get(i).and_then(|c| c.as_deref()),
    });
}

/// The element's name without a namespace prefix (borrowed unless it is not UTF-8).
fn local_name<'a>(e: &'a quick_xml::events::BytesStart<'_>) -> Cow<'a, str> {
    String::from_utf8_lossy(e.local_name().into_inner())
}

fn to_usize(position: u64) -> usize {
    usize::try_from(position).unwrap_or(usize::MAX)
}

/// Resolves `&name;`: the five predefined entities (any case) and character references. Any
/// Unicode scalar value is accepted, including those XML 1.0 forbids, so that text carelens wrote
/// (see [`escape`]) reads back as it was.
fn resolve_reference(name: &str) -> Option<char> {
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => number.parse::<u32>().ok()?,
        };
        return char::from_u32(code);
    }
    const PREDEFINED: [(&str, char); 5] =
        [("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\'')];
    PREDEFINED.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|&(_, c)| c)
}

// ------------------------------------------------------------------------------------------------
// Writing

/// Writes `ret` as an SSDA903 XML return (`EXPSSDA903`), the shape [`read_xml`] reads.
///
/// Children are written in Header order, one `CHILD` per Header row, each holding its rows from
/// every other table (matched on the trimmed `CHILD` text) in their original order. Every value is
/// the cell's raw text, escaped; every column of a written row is written, a blank cell as an
/// empty element (`<DEC/>`), as LA systems do. The model does not tell a blank cell from an absent
/// one (both read as blank), so reading the output back gives the same cells. `<?xml
/// version="1.0" encoding="UTF-8"?>`, two-space indentation, `\n` line ends; the same return
/// always gives byte-identical output. The output is not checked against the DfE's XSD.
///
/// What the XML form cannot carry, and what is done instead:
/// * A child with rows in other tables but no Header row gets a `CHILD` whose `HEADER` holds only
///   `CHILDID` (and its UASC, OC3 and AD1 items), so that no row is lost; reading the file back
///   gives that child a Header row with only CHILD filled in. Such children follow the Header
///   children, in order of first appearance (tables in DfE order).
/// * Rows take CHILD and DOB (UASC also SEX) from the HEADER when read back: a row's own DOB is
///   not written, and its CHILD text becomes its Header's (they match once trimmed).
/// * Read back, each table's rows come grouped by child in the order above, not in their
///   original order across children. A repeated Header CHILD gets a `CHILD` element of its own;
///   the other tables' rows go with the first.
/// * UASC, OC3 and AD1 items sit directly in `HEADER`, so only a child's first row of each is
///   written (the tables allow one per child; extra rows are already an error in the return). An
///   OC3 row with blank `IN_TOUCH` or an AD1 row with blank `DATE_INT` is written but, as in the
///   reference validator, reads back as no row.
/// * The `UASC` element: the Header's UASC text when the child has a UASC row (`1` when that text
///   is blank); otherwise empty when the flag is blank or a valid "no" (`0`), because any text in
///   it makes a UASC row for every reader, the reference validator included; otherwise (a "yes"
///   or invalid flag with no UASC row) the text, which reads back with a UASC row.
/// * Characters XML 1.0 forbids (control characters) are written as character references; other
///   XML tools reject them, [`read_xml`] reads them back.
/// * SWEpisodes and DoLo use carelens's own `SOCIALWORKER` and `DOLO` elements (module docs).
///
/// # Errors
/// Any I/O error from `out`.
pub fn write_xml(ret: &Return903, out: impl Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    w.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EXPSSDA903>\n")?;
    for child in group_by_child(&ret.tables) {
        write_child(&mut w, &child)?;
    }
    w.write_all(b"</EXPSSDA903>\n")?;
    w.flush()
}

/// One `CHILD` to write.
struct ChildOut<'a> {
    /// `CHILDID`: the Header's raw CHILD, or the first row's for a child with no Header row.
    id: &'a str,
    header: Option<&'a Header>,
    /// Rows by table, in [`TableKind::ALL`] order (Header's slot is unused).
    rows: [Vec<&'a dyn AnyRow>; TABLES],
}

const TABLES: usize = TableKind::ALL.len();

fn table_index(kind: TableKind) -> usize {
    TableKind::ALL.iter().position(|&k| k == kind).unwrap_or(0)
}

fn child_key(row: &dyn AnyRow) -> &str {
    row.child().raw().trim()
}

/// Groups every row by child: Header order first, then children found only in other tables.
fn group_by_child(tables: &Tables) -> Vec<ChildOut<'_>> {
    let mut children: Vec<ChildOut<'_>> = Vec::with_capacity(tables.header.len());
    // Lookup only (never iterated), so a HashMap keeps the output deterministic.
    let mut by_key: HashMap<&str, usize> = HashMap::with_capacity(tables.header.len());
    for h in &tables.header {
        // A repeated Header CHILD gets its own element; other rows go to the first.
        by_key.entry(child_key(h)).or_insert(children.len());
        children.push(ChildOut {
            id: h.child.raw(),
            header: Some(h),
            rows: std::array::from_fn(|_| Vec::new()),
        });
    }
    for &kind in TableKind::ALL {
        if kind == TableKind::Header {
            continue;
        }
        for row in tables.rows(kind) {
            let i = *by_key.entry(child_key(row)).or_insert_with(|| {
                children.push(ChildOut {
                    id: row.child().raw(),
                    header: None,
                    rows: std::array::from_fn(|_| Vec::new()),
                });
                children.len() - 1
            });
            if let Some(c) = children.get_mut(i) {
                c.rows[table_index(kind)].push(row);
            }
        }
    }
    children
}

/// A cell's raw text by column name (`""` when the table has no such column).
fn raw<'a>(row: &'a dyn AnyRow, column: &str) -> &'a str {
    row.kind().column_index(column).and_then(|i| row.cell(i)).map_or("", |c| c.raw)
}

fn write_child(w: &mut impl Write, c: &ChildOut<'_>) -> io::Result<()> {
    let rows = |kind: TableKind| c.rows[table_index(kind)].as_slice();
    let header = c.header.map(|h| h as &dyn AnyRow);
    let uasc = rows(TableKind::Uasc).first();

    w.write_all(b"  <CHILD>\n    <HEADER>\n")?;
    leaf(w, 6, "CHILDID", c.id)?;
    if let Some(h) = header {
        for column in ["UPN", "SEX", "DOB", "ETHNIC"] {
            leaf(w, 6, column, raw(h, column))?;
        }
    }
    if let Some(flag) = uasc_text(c.header, uasc.is_some()) {
        leaf(w, 6, "UASC", flag)?;
    }
    if let Some(u) = uasc {
        leaf(w, 6, "DUC", raw(*u, "DUC"))?;
    }
    write_rows(w, 6, "AREVIEW", rows(TableKind::Reviews))?;
    write_rows(w, 6, "AMISSING", rows(TableKind::Missing))?;
    if let Some(h) = header {
        leaf(w, 6, "MOTHER", raw(h, "MOTHER"))?;
        leaf(w, 6, "MC_DOB", raw(h, "MC_DOB"))?;
    }
    write_rows(w, 6, "PERMANENCE", rows(TableKind::PrevPerm))?;
    write_rows(w, 6, "OC2", rows(TableKind::Oc2))?;
    for kind in [TableKind::Oc3, TableKind::Ad1] {
        if let Some(&row) = rows(kind).first() {
            for &(k, column) in HEADER_LEAVES {
                if k == kind {
                    leaf(w, 6, element_name(column), raw(row, column))?;
                }
            }
        }
    }
    write_rows(w, 6, "AD_PLACED", rows(TableKind::PlacedAdoption))?;
    w.write_all(b"    </HEADER>\n")?;
    write_rows(w, 4, "EPISODE", rows(TableKind::Episodes))?;
    write_rows(w, 4, "SOCIALWORKER", rows(TableKind::SwEpisodes))?;
    write_rows(w, 4, "DOLO", rows(TableKind::DoLo))?;
    w.write_all(b"  </CHILD>\n")
}

/// The `UASC` element's text, or `None` to leave the element out (a child with neither a Header
/// row nor a UASC row). See [`write_xml`].
fn uasc_text(header: Option<&Header>, has_uasc_row: bool) -> Option<&str> {
    let flag = header.map(|h| &h.uasc);
    let raw = flag.map_or("", |f| f.raw());
    if has_uasc_row {
        return Some(if raw.trim().is_empty() { "1" } else { raw });
    }
    let flag = flag?;
    Some(if flag.is_blank() || flag.get() == Some(false) { "" } else { raw })
}

fn write_rows(
    w: &mut impl Write,
    indent: usize,
    element: &str,
    rows: &[&dyn AnyRow],
) -> io::Result<()> {
    for &row in rows {
        tag(w, indent, "<", element, ">\n")?;
        for &column in record_columns(row.kind()) {
            leaf(w, indent + 2, element_name(column), raw(row, column))?;
        }
        tag(w, indent, "</", element, ">\n")?;
    }
    Ok(())
}

/// Indentation: the deepest element is at 8 spaces.
const SPACES: &[u8] = b"          ";

fn tag(
    w: &mut impl Write,
    indent: usize,
    open: &str,
    element: &str,
    close: &str,
) -> io::Result<()> {
    w.write_all(SPACES.get(..indent).unwrap_or(SPACES))?;
    w.write_all(open.as_bytes())?;
    w.write_all(element.as_bytes())?;
    w.write_all(close.as_bytes())
}

fn leaf(w: &mut impl Write, indent: usize, element: &str, text: &str) -> io::Result<()> {
    if text.is_empty() {
        return tag(w, indent, "<", element, "/>\n");
    }
    tag(w, indent, "<", element, ">")?;
    w.write_all(escape(text).as_bytes())?;
    tag(w, 0, "</", element, ">\n")
}

/// Escapes text content: `&`, `<`, `>`; a carriage return as `&#13;` (a literal one would be read
/// back as a line feed); characters XML 1.0 forbids as character references.
fn escape(text: &str) -> Cow<'_, str> {
    let needs = |c: char| matches!(c, '&' | '<' | '>' | '\r') || is_forbidden_char(c);
    if !text.chars().any(needs) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c if needs(c) => out.push_str(&format!("&#{};", u32::from(c))),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use carelens_model::Field;

    use super::*;

    fn read(text: &str) -> (Tables, Vec<Diagnostic>) {
        let mut tables = Tables::default();
        let mut diagnostics = Vec::new();
        read_xml(text, "t.xml", 0, &mut tables, &mut diagnostics);
        (tables, diagnostics)
    }

    fn one_child(header: &str, rest: &str) -> String {
        format!("<EXPSSDA903><CHILD><HEADER>{header}</HEADER>{rest}</CHILD></EXPSSDA903>")
    }

    fn kinds(d: &[Diagnostic]) -> Vec<DiagnosticKind> {
        d.iter().map(|d| d.kind).collect()
    }

    #[test]
    fn every_column_has_exactly_one_place_in_the_xml() {
        for &kind in TableKind::ALL {
            for &column in kind.columns() {
                let from_header = matches!(column, "CHILD" | "DOB") && kind != TableKind::Header
                    || (kind == TableKind::Uasc && column == "SEX");
                let leaves = HEADER_LEAVES.iter().filter(|&&(k, c)| k == kind && c == column);
                let places = usize::from(from_header)
                    + leaves.count()
                    + record_columns(kind).iter().filter(|&&c| c == column).count();
                assert_eq!(places, 1, "{kind}.{column}");
            }
        }
        for &(_, kind, _) in RECORDS {
            assert!(!record_columns(kind).is_empty(), "{kind}");
        }
    }

    #[test]
    fn names_are_matched_case_insensitively_and_without_prefixes() {
        let text = r#"<?xml version="1.0" encoding="windows-1252"?>
            <n:expssda903 xmlns:n="urn:x"><n:Child><n:header><n:ChildId>7</n:ChildId>
            <n:dob>01/01/2010</n:dob></n:header><n:episode><n:pl>U1</n:pl></n:episode>
            </n:Child></n:expssda903>"#;
        let (t, d) = read(text);
        assert!(d.is_empty(), "{d:#?}");
        assert_eq!(t.header.rows[0].child.raw(), "7");
        assert_eq!(t.episodes.rows[0].place.raw(), "U1");
        assert_eq!(t.episodes.rows[0].child.raw(), "7");
    }

    #[test]
    fn reference_column_spellings_are_accepted() {
        let (t, _) = read(&one_child("<CHILD>9</CHILD>", "<EPISODE><PLACE>U2</PLACE></EPISODE>"));
        assert_eq!(t.header.rows[0].child.raw(), "9");
        assert_eq!(t.episodes.rows[0].place.raw(), "U2");
    }

    #[test]
    fn a_byte_order_mark_is_skipped_and_counted_in_offsets() {
        let text = "\u{feff}<EXPSSDA903><CHILD><HEADER><X/></HEADER></CHILD></EXPSSDA903>";
        let (t, d) = read(text);
        assert_eq!(t.header.len(), 1);
        assert_eq!(kinds(&d), [DiagnosticKind::UnknownElement]);
        assert_eq!(d[0].column, text.find("<X/>").and_then(|i| u32::try_from(i).ok()));
    }

    #[test]
    fn a_repeated_value_keeps_the_first_and_warns_once() {
        let header = "<CHILDID>1</CHILDID><DOB>01/01/2010</DOB><DOB>02/02/2010</DOB>";
        let text = format!(
            "<EXPSSDA903>{c}{c}</EXPSSDA903>",
            c = format!("<CHILD><HEADER>{header}</HEADER></CHILD>")
        );
        let (t, d) = read(&text);
        assert_eq!(t.header.rows[1].dob.raw(), "01/01/2010");
        assert_eq!(kinds(&d), [DiagnosticKind::DuplicateColumn]);
        assert!(d[0].message.contains("2 times") && d[0].message.contains("<HEADER>"), "{}", d[0]);
    }

    #[test]
    fn a_child_without_header_still_gives_a_header_row() {
        let (t, d) = read(
            "<EXPSSDA903><CHILD><EPISODE><DECOM>01/04/2024</DECOM></EPISODE></CHILD></EXPSSDA903>",
        );
        assert_eq!((t.header.len(), t.episodes.len()), (1, 1));
        assert!(t.episodes.rows[0].child.is_blank());
        assert_eq!(kinds(&d), [DiagnosticKind::MissingColumns]);
        assert_eq!(d[0].table, Some(TableKind::Header));
    }

    #[test]
    fn single_row_tables_need_text_in_their_trigger_element() {
        // spec §5 / reference: `<DATE_INT/>` or a missing IN_TOUCH means no row.
        let header = "<CHILDID>1</CHILDID><UASC/><DUC>01/01/2025</DUC><DATE_INT/>\
                      <DATE_MATCH>01/02/2024</DATE_MATCH><ACTIV>F1</ACTIV>";
        let (t, d) = read(&one_child(header, ""));
        assert!(t.uasc.is_empty() && t.ad1.is_empty() && t.oc3.is_empty());
        assert!(t.is_supplied(TableKind::Ad1), "supplied, as in the reference");
        let tables: Vec<_> = d.iter().map(|d| (d.kind, d.table, d.field.as_deref())).collect();
        assert_eq!(tables.len(), 3, "{d:#?}");
        assert!(tables.contains(&(
            DiagnosticKind::MissingColumns,
            Some(TableKind::Ad1),
            Some("DATE_INT")
        )));
    }

    #[test]
    fn any_uasc_text_makes_a_uasc_row_as_in_the_reference() {
        let header = "<CHILDID>1</CHILDID><SEX>F</SEX><DOB>01/01/2010</DOB><UASC>0</UASC>";
        let (t, _) = read(&one_child(header, ""));
        assert_eq!(t.uasc.len(), 1);
        assert_eq!(t.uasc.rows[0].sex.raw(), "F");
        assert_eq!(t.header.rows[0].uasc.raw(), "0");
    }

    #[test]
    fn references_cdata_and_bare_ampersands_are_read_as_text() {
        let header = "<CHILDID>A&amp;B&#x43;&#68;</CHILDID><UPN><![CDATA[<U>]]></UPN>\
                      <ETHNIC>&nbsp;X</ETHNIC><SEX>M & F</SEX>";
        let (t, d) = read(&one_child(header, ""));
        let h = &t.header.rows[0];
        assert_eq!((h.child.raw(), h.upn.raw()), ("A&BCD", "<U>"));
        assert_eq!((h.ethnic.raw(), h.sex.raw()), ("&nbsp;X", "M & F"));
        assert_eq!(kinds(&d), [DiagnosticKind::XmlSyntax, DiagnosticKind::XmlSyntax]);
        assert!(d.iter().all(|d| d.severity == Severity::Warning));
    }

    #[test]
    fn an_element_inside_a_value_is_ignored_and_its_text_kept() {
        let (t, d) = read(&one_child("<CHILDID>1<B>x</B>2</CHILDID>", ""));
        assert_eq!(t.header.rows[0].child.raw(), "12");
        assert_eq!(kinds(&d), [DiagnosticKind::UnknownElement]);
        assert!(d[0].message.contains("inside <CHILDID>"), "{}", d[0]);
    }

    #[test]
    fn an_element_after_the_root_stops_reading() {
        let one = one_child("<CHILDID>1</CHILDID>", "");
        let (t, d) = read(&format!("{one}{one}"));
        assert_eq!(t.header.len(), 1);
        assert_eq!(kinds(&d), [DiagnosticKind::XmlSyntax]);
        assert_eq!(d[0].column, Some(u32::try_from(one.len()).unwrap()));
    }

    #[test]
    fn text_inside_ignored_elements_is_not_stray() {
        let (_, d) = read(&one_child("<CHILDID>1</CHILDID><NOTE>free &amp; text</NOTE>", ""));
        assert_eq!(kinds(&d), [DiagnosticKind::UnknownElement]);
    }

    #[test]
    fn whitespace_only_text_is_an_empty_file() {
        let (t, d) = read(" \n\t");
        assert_eq!(kinds(&d), [DiagnosticKind::EmptyFile]);
        assert!(!t.is_supplied(TableKind::Header));
    }

    #[test]
    fn escape_and_resolve_round_trip_every_awkward_character() {
        let text = "a&b<c>d\r\ne\u{0}\u{1f}\u{fffe}\"'é";
        let escaped = escape(text);
        assert!(!escaped.chars().any(|c| c == '\r' || is_forbidden_char(c)), "{escaped}");
        let (t, d) = read(&one_child(&format!("<CHILDID>{escaped}</CHILDID>"), ""));
        assert!(d.is_empty(), "{d:#?}");
        assert_eq!(t.header.rows[0].child.raw(), text);
        assert_eq!(escape("plain"), Cow::Borrowed("plain"));
    }

    #[test]
    fn forbidden_characters_are_found_by_byte_offset() {
        assert_eq!(first_forbidden_char("é\t\r\n<a>\u{fffd}"), None);
        assert_eq!(first_forbidden_char("é<a>\u{1}"), Some((5, '\u{1}')));
        assert_eq!(first_forbidden_char("é\u{fffe}\u{0}"), Some((2, '\u{fffe}')));
        assert_eq!(first_forbidden_char("\u{ffff}"), Some((0, '\u{ffff}')));
        for c in ['\u{0}', '\u{b}', '\u{1f}', '\u{fffe}', '\u{ffff}'] {
            assert!(is_forbidden_char(c), "{c:?}");
        }
        for c in ['\t', '\n', '\r', ' ', '\u{fffd}', '\u{10000}'] {
            assert!(!is_forbidden_char(c), "{c:?}");
        }
    }

    #[test]
    fn resolve_reference_knows_the_predefined_entities_and_numbers() {
        assert_eq!(resolve_reference("amp"), Some('&'));
        assert_eq!(resolve_reference("APOS"), Some('\''));
        assert_eq!(resolve_reference("#x41"), Some('A'));
        assert_eq!(resolve_reference("#65"), Some('A'));
        assert_eq!(resolve_reference("#xD800"), None);
        assert_eq!(resolve_reference("nbsp"), None);
        assert_eq!(resolve_reference("#"), None);
    }

    #[test]
    fn uasc_element_text_follows_the_uasc_rows() {
        let header = |flag: &str| {
            Header::from_cells(Loc::default(), |i| (i == 7).then_some(flag).or(Some("")))
        };
        use carelens_model::Row as _;
        assert_eq!(uasc_text(Some(&header("")), true), Some("1"));
        assert_eq!(uasc_text(Some(&header("0")), true), Some("0"));
        assert_eq!(uasc_text(Some(&header("0")), false), Some(""));
        assert_eq!(uasc_text(Some(&header("NULL")), false), Some(""));
        assert_eq!(uasc_text(Some(&header("1")), false), Some("1"));
        assert_eq!(uasc_text(Some(&header("?")), false), Some("?"));
        assert_eq!(uasc_text(None, true), Some("1"));
        assert_eq!(uasc_text(None, false), None);
        let mut h = header("");
        h.uasc = Field::new(false);
        assert_eq!(uasc_text(Some(&h), false), Some(""));
    }
}
