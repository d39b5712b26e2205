//! The SSDA903 tables (spec §2), declared once: each table's struct, its DfE column names, the
//! year it first appears, and generic access to its cells for ingest, writers and reports.

use std::fmt;
use std::num::NonZeroU32;

use jiff::civil::Date;

use crate::codes::*;
use crate::dates::PartialDate;
use crate::field::{CellValue, Coercion, Field, Parsed};
use crate::geo::PlacementGeo;
use crate::ids::{ChildId, SwId, Upn, Urn};
use crate::postcode::Postcode;
use crate::year::CollectionYear;

/// Where a row came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Loc {
    /// Index of the source file in [`crate::Return903::sources`].
    pub file: u16,
    /// 0-based index of the row within its table as read (CSV: data rows in file order across
    /// that table's files in the order given; XML: document order).
    pub row: u32,
    /// 1-based line in the source file (CSV), `None` for XML.
    pub line: Option<NonZeroU32>,
}

/// Whether a cell is blank, valid or invalid.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CellState {
    /// No value.
    Blank,
    /// A valid value.
    Valid,
    /// Text that is not a valid value for the column.
    Invalid,
}

/// A read-only view of one cell, for code that treats tables generically.
#[derive(Clone, Copy, Debug)]
pub struct Cell<'a> {
    /// The DfE column name, e.g. `DECOM`.
    pub column: &'static str,
    /// The text as sent.
    pub raw: &'a str,
    /// Blank, valid or invalid.
    pub state: CellState,
    /// How the value was read, if not in the DfE format.
    pub note: Option<Coercion>,
    /// What a valid value looks like.
    pub expected: &'static str,
}

fn cell<'a, T: CellValue>(column: &'static str, f: &'a Field<T>) -> Cell<'a> {
    let state = match f.parsed() {
        Parsed::Blank => CellState::Blank,
        Parsed::Valid(_) => CellState::Valid,
        Parsed::Invalid => CellState::Invalid,
    };
    Cell { column, raw: f.raw(), state, note: f.note(), expected: T::EXPECTED }
}

/// Object-safe access to any table's rows.
pub trait AnyRow {
    /// The table this row belongs to.
    fn kind(&self) -> TableKind;
    /// Where the row came from.
    fn loc(&self) -> &Loc;
    /// The child the row is about.
    fn child(&self) -> &Field<ChildId>;
    /// The cell in column `index` of [`TableKind::columns`].
    fn cell(&self, index: usize) -> Option<Cell<'_>>;
    /// Replaces the cell in column `index` with what `raw` parses to; `false` if there is no
    /// such column. (Used to edit returns, e.g. by the generator's error injection.)
    fn set_cell(&mut self, index: usize, raw: &str) -> bool;
    /// The value of a valid cell written in the DfE's format (`None` if blank or invalid).
    fn canonical(&self, index: usize) -> Option<String>;
}

/// A row type of one table.
pub trait Row: AnyRow + Sized {
    /// Its table.
    const KIND: TableKind;
    /// Builds a row from raw cell texts, one per column of [`TableKind::columns`] (`None` when
    /// the source had no such column).
    fn from_cells<'a>(loc: Loc, cells: impl FnMut(usize) -> Option<&'a str>) -> Self;
}

/// One table: its rows and whether it was supplied at all. The reference validator skips a
/// rule when a table it needs is absent, but runs it on an empty table; so do we.
#[derive(Clone, Debug, PartialEq)]
pub struct Table<R> {
    /// The rows, in the order read.
    pub rows: Vec<R>,
    /// Whether the return included this table (a file, or XML elements of it).
    pub supplied: bool,
}

impl<R> Default for Table<R> {
    fn default() -> Self {
        Self { rows: Vec::new(), supplied: false }
    }
}

impl<R> Table<R> {
    /// Iterates over the rows.
    pub fn iter(&self) -> std::slice::Iter<'_, R> {
        self.rows.iter()
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The rows if the table was supplied.
    pub fn if_supplied(&self) -> Option<&[R]> {
        self.supplied.then_some(self.rows.as_slice())
    }
}

impl<'a, R> IntoIterator for &'a Table<R> {
    type Item = &'a R;
    type IntoIter = std::slice::Iter<'a, R>;
    fn into_iter(self) -> Self::IntoIter {
        self.rows.iter()
    }
}

macro_rules! tables {
    ($(
        $(#[$meta:meta])*
        $name:ident, $kind:ident, $field_name:ident, $dfe_name:literal, since $since:ident, csv_columns $ncsv:literal {
            $( $(#[$fmeta:meta])* $col:literal $field:ident : $ty:ty, )+
            $( ; extra $( $(#[$emeta:meta])* $efield:ident : $ety:ty, )+ )?
        }
    )+) => {
        /// The tables of the return.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum TableKind { $( #[doc = concat!("`", $dfe_name, "`")] $kind, )+ }

        impl TableKind {
            /// Every table, in DfE order.
            pub const ALL: &'static [TableKind] = &[$(TableKind::$kind),+];

            /// The table's name as the DfE and the reference validator write it.
            pub const fn name(self) -> &'static str {
                match self { $(Self::$kind => $dfe_name,)+ }
            }

            /// All columns: the CSV columns, then any that only XML carries or that are derived.
            pub const fn columns(self) -> &'static [&'static str] {
                match self { $(Self::$kind => &[$($col),+],)+ }
            }

            /// The columns a CSV file of this table has.
            pub fn csv_columns(self) -> &'static [&'static str] {
                match self { $(Self::$kind => &self.columns()[..$ncsv],)+ }
            }

            /// The first collection year that has this table.
            pub const fn since(self) -> CollectionYear {
                match self { $(Self::$kind => CollectionYear::$since,)+ }
            }

            /// The table with this name (case-insensitive).
            pub fn from_name(name: &str) -> Option<Self> {
                Self::ALL.iter().copied().find(|k| k.name().eq_ignore_ascii_case(name.trim()))
            }

            /// The index of a column in [`TableKind::columns`].
            pub fn column_index(self, column: &str) -> Option<usize> {
                self.columns().iter().position(|c| c.eq_ignore_ascii_case(column))
            }
        }

        impl fmt::Display for TableKind {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.name())
            }
        }

        $(
            $(#[$meta])*
            #[derive(Clone, Debug, PartialEq)]
            pub struct $name {
                /// Where the row came from.
                pub loc: Loc,
                $( $(#[$fmeta])* pub $field: Field<$ty>, )+
                $( $( $(#[$emeta])* pub $efield: $ety, )+ )?
            }

            impl AnyRow for $name {
                fn kind(&self) -> TableKind { TableKind::$kind }
                fn loc(&self) -> &Loc { &self.loc }
                fn child(&self) -> &Field<ChildId> { &self.child }
                fn cell(&self, index: usize) -> Option<Cell<'_>> {
                    let mut i = 0usize;
                    $(
                        if index == i { return Some(cell($col, &self.$field)); }
                        i += 1;
                    )+
                    let _ = i;
                    None
                }
                fn canonical(&self, index: usize) -> Option<String> {
                    let mut i = 0usize;
                    $(
                        if index == i {
                            return self.$field.value().is_some().then(|| self.$field.to_string());
                        }
                        i += 1;
                    )+
                    let _ = i;
                    None
                }
                fn set_cell(&mut self, index: usize, raw: &str) -> bool {
                    let mut i = 0usize;
                    $(
                        if index == i { self.$field = Field::parse(raw); return true; }
                        i += 1;
                    )+
                    let _ = i;
                    false
                }
            }

            impl Row for $name {
                const KIND: TableKind = TableKind::$kind;
                fn from_cells<'a>(loc: Loc, mut cells: impl FnMut(usize) -> Option<&'a str>) -> Self {
                    let mut i = 0usize;
                    $(
                        let $field = cells(i).map_or_else(Field::blank, Field::parse);
                        i += 1;
                    )+
                    let _ = i;
                    Self { loc, $($field,)+ $( $( $efield: Default::default(), )+ )? }
                }
            }
        )+

        /// All tables of one return.
        #[derive(Clone, Debug, Default, PartialEq)]
        pub struct Tables {
            $( #[doc = concat!("`", $dfe_name, "`")] pub $field_name: Table<$name>, )+
        }

        impl Tables {
            /// The rows of one table, generically.
            pub fn rows(&self, kind: TableKind) -> Box<dyn Iterator<Item = &dyn AnyRow> + '_> {
                match kind { $( TableKind::$kind => Box::new(self.$field_name.rows.iter().map(|r| r as &dyn AnyRow)), )+ }
            }

            /// The rows of one table, generically and mutably.
            pub fn rows_mut(&mut self, kind: TableKind) -> Box<dyn Iterator<Item = &mut dyn AnyRow> + '_> {
                match kind { $( TableKind::$kind => Box::new(self.$field_name.rows.iter_mut().map(|r| r as &mut dyn AnyRow)), )+ }
            }

            /// Number of rows in a table.
            pub fn len(&self, kind: TableKind) -> usize {
                match kind { $( TableKind::$kind => self.$field_name.rows.len(), )+ }
            }

            /// Whether a table was supplied.
            pub fn is_supplied(&self, kind: TableKind) -> bool {
                match kind { $( TableKind::$kind => self.$field_name.supplied, )+ }
            }

            /// Moves every row of `other` to the end of this return's tables, adding `file_offset`
            /// to each row's `loc.file` and renumbering `loc.row` within each table.
            pub fn append(&mut self, other: Tables, file_offset: u16) {
                $(
                    let theirs = other.$field_name;
                    if theirs.supplied {
                        let t = &mut self.$field_name;
                        t.supplied = true;
                        let base = t.rows.len();
                        let mut rows = theirs.rows;
                        for (i, r) in rows.iter_mut().enumerate() {
                            r.loc.file = r.loc.file.saturating_add(file_offset);
                            r.loc.row = u32::try_from(base + i).unwrap_or(u32::MAX);
                        }
                        // The usual case, one file per table: take the rows without copying them.
                        if t.rows.is_empty() {
                            t.rows = rows;
                        } else {
                            t.rows.append(&mut rows);
                        }
                    }
                )+
            }

            /// Makes room for `additional` more rows of a table (reading a file whose lines
            /// are counted saves the copies of a growing table).
            pub fn reserve(&mut self, kind: TableKind, additional: usize) {
                match kind { $( TableKind::$kind => self.$field_name.rows.reserve(additional), )+ }
            }

            /// Marks a table as supplied (even if it has no rows).
            pub fn mark_supplied(&mut self, kind: TableKind) {
                match kind { $( TableKind::$kind => self.$field_name.supplied = true, )+ }
            }

            /// Appends a row built from raw cells (see [`Row::from_cells`]); its `loc.row` is set
            /// to its index in the table.
            pub fn push_cells<'a>(&mut self, kind: TableKind, mut loc: Loc, cells: impl FnMut(usize) -> Option<&'a str>) -> &dyn AnyRow {
                match kind {
                    $( TableKind::$kind => {
                        let t = &mut self.$field_name;
                        t.supplied = true;
                        loc.row = u32::try_from(t.rows.len()).unwrap_or(u32::MAX);
                        t.rows.push($name::from_cells(loc, cells));
                        t.rows.last().map(|r| r as &dyn AnyRow).unwrap_or_else(|| unreachable!())
                    } )+
                }
            }
        }
    };
}

tables! {
    /// One row per child (`Header`).
    Header, Header, header, "Header", since Y2022_23, csv_columns 7 {
        /// `CHILD`: the LA's identifier for the child.
        "CHILD" child: ChildId,
        /// `SEX`: sex (1/2 to 2023/24, M/F/U from 2024/25).
        "SEX" sex: SexCode,
        /// `DOB`: date of birth.
        "DOB" dob: Date,
        /// `ETHNIC`: ethnicity.
        "ETHNIC" ethnic: Ethnicity,
        /// `UPN`: unique pupil number, or UN1–UN5.
        "UPN" upn: Upn,
        /// `MOTHER`: 1 if the (female) child is a mother.
        "MOTHER" mother: bool,
        /// `MC_DOB`: date of birth of the mother's child.
        "MC_DOB" mc_dob: Date,
        /// `UASC`: whether the child was an unaccompanied asylum-seeking child in the year. An
        /// element of the XML return; for CSV returns it is derived from the UASC table.
        "UASC" uasc: bool,
    }

    /// One row per episode of care (`Episodes`).
    Episode, Episodes, episodes, "Episodes", since Y2022_23, csv_columns 13 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DECOM`: date the episode commenced.
        "DECOM" decom: Date,
        /// `RNE`: reason for new episode.
        "RNE" rne: ReasonNewEpisode,
        /// `LS`: legal status.
        "LS" ls: LegalStatus,
        /// `CIN`: category of need.
        "CIN" cin: CategoryOfNeed,
        /// `PLACE` (XML `PL`): placement type.
        "PLACE" place: PlacementType,
        /// `PLACE_PROVIDER`: placement provider.
        "PLACE_PROVIDER" place_provider: PlacementProvider,
        /// `DEC`: date the episode ceased; blank while open.
        "DEC" dec: Date,
        /// `REC`: reason the episode ceased.
        "REC" rec: ReasonEpisodeCeased,
        /// `REASON_PLACE_CHANGE`: why the placement changed (on the ending episode).
        "REASON_PLACE_CHANGE" reason_place_change: ReasonPlaceChange,
        /// `HOME_POST`: postcode of the child's home when the period of care began.
        "HOME_POST" home_post: Postcode,
        /// `PL_POST`: postcode of the placement.
        "PL_POST" pl_post: Postcode,
        /// `URN`: Ofsted unique reference number of the setting.
        "URN" urn: Urn,
        ; extra
        /// `PL_LA`, `PL_LOCATION`, `PL_DISTANCE`, derived from the postcodes (spec §6); `None`
        /// until the geography has been applied.
        geo: Option<PlacementGeo>,
    }

    /// One row per statutory review (`Reviews`).
    Review, Reviews, reviews, "Reviews", since Y2022_23, csv_columns 4 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `REVIEW`: date of the review.
        "REVIEW" review: Date,
        /// `REVIEW_CODE`: how the child took part.
        "REVIEW_CODE" review_code: ReviewParticipation,
    }

    /// One row per child who was an unaccompanied asylum-seeking child (`UASC`).
    Uasc, Uasc, uasc, "UASC", since Y2022_23, csv_columns 4 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `SEX`.
        "SEX" sex: SexCode,
        /// `DOB`.
        "DOB" dob: Date,
        /// `DUC`: date UASC status ceased.
        "DUC" duc: Date,
    }

    /// Outcomes for children looked after continuously for 12 months at 31 March (`OC2`).
    Oc2, Oc2, oc2, "OC2", since Y2022_23, csv_columns 12 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `SDQ_SCORE`: Strengths and Difficulties Questionnaire total, 0–40.
        "SDQ_SCORE" sdq_score: u8,
        /// `SDQ_REASON`: why there is no SDQ score.
        "SDQ_REASON" sdq_reason: SdqReason,
        /// `CONVICTED`.
        "CONVICTED" convicted: bool,
        /// `HEALTH_CHECK`: development assessments up to date (under 5s).
        "HEALTH_CHECK" health_check: bool,
        /// `IMMUNISATIONS`.
        "IMMUNISATIONS" immunisations: bool,
        /// `TEETH_CHECK`.
        "TEETH_CHECK" teeth_check: bool,
        /// `HEALTH_ASSESSMENT`.
        "HEALTH_ASSESSMENT" health_assessment: bool,
        /// `SUBSTANCE_MISUSE`.
        "SUBSTANCE_MISUSE" substance_misuse: bool,
        /// `INTERVENTION_RECEIVED`.
        "INTERVENTION_RECEIVED" intervention_received: bool,
        /// `INTERVENTION_OFFERED`.
        "INTERVENTION_OFFERED" intervention_offered: bool,
    }

    /// Care leavers (`OC3`).
    Oc3, Oc3, oc3, "OC3", since Y2022_23, csv_columns 5 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `IN_TOUCH`.
        "IN_TOUCH" in_touch: InTouch,
        /// `ACTIV`: main activity.
        "ACTIV" activ: Activity,
        /// `ACCOM`: accommodation and its suitability.
        "ACCOM" accom: Accommodation,
    }

    /// Children adopted during the year (`AD1`).
    Ad1, Ad1, ad1, "AD1", since Y2022_23, csv_columns 8 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `DATE_INT`: date of the decision that the child should be placed for adoption.
        "DATE_INT" date_int: Date,
        /// `DATE_MATCH`: date matched with the adopter(s).
        "DATE_MATCH" date_match: Date,
        /// `FOSTER_CARE`: adopted by former foster carer(s).
        "FOSTER_CARE" foster_care: bool,
        /// `NB_ADOPTR`: number of adopters.
        "NB_ADOPTR" nb_adoptr: u8,
        /// `SEX_ADOPTR`.
        "SEX_ADOPTR" sex_adoptr: AdopterSex,
        /// `LS_ADOPTR`.
        "LS_ADOPTR" ls_adoptr: AdopterLegalStatus,
    }

    /// Decisions that a child should be placed for adoption (`PlacedAdoption`).
    PlacedAdoption, PlacedAdoption, placed_adoption, "PlacedAdoption", since Y2022_23, csv_columns 5 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `DATE_PLACED`: date of the decision.
        "DATE_PLACED" date_placed: Date,
        /// `DATE_PLACED_CEASED`: date the decision was reversed.
        "DATE_PLACED_CEASED" date_placed_ceased: Date,
        /// `REASON_PLACED_CEASED`.
        "REASON_PLACED_CEASED" reason_placed_ceased: ReasonPlacedCeased,
    }

    /// Permanence before this period of care (`PrevPerm`).
    PrevPerm, PrevPerm, prev_perm, "PrevPerm", since Y2022_23, csv_columns 5 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `PREV_PERM`.
        "PREV_PERM" prev_perm: PreviousPermanence,
        /// `LA_PERM`: the authority that made the order.
        "LA_PERM" la_perm: LaPerm,
        /// `DATE_PERM`: date of the order (parts may be `ZZ`).
        "DATE_PERM" date_perm: PartialDate,
    }

    /// Missing and away-from-placement incidents (`Missing`).
    Missing, Missing, missing, "Missing", since Y2022_23, csv_columns 5 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `MISSING`: M missing, A away.
        "MISSING" missing: MissingKind,
        /// `MIS_START`.
        "MIS_START" mis_start: Date,
        /// `MIS_END`: blank while still missing.
        "MIS_END" mis_end: Date,
    }

    /// Social worker episodes (`SWEpisodes`, from 2023/24).
    SwEpisode, SwEpisodes, sw_episodes, "SWEpisodes", since Y2023_24, csv_columns 6 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `SW_ID`: social worker identifier.
        "SW_ID" sw_id: SwId,
        /// `SW_DECOM`: start of the allocation.
        "SW_DECOM" sw_decom: Date,
        /// `SW_DEC`: end of the allocation.
        "SW_DEC" sw_dec: Date,
        /// `SW_REASON`: reason for the change of social worker.
        "SW_REASON" sw_reason: SwReason,
    }

    /// Deprivation of liberty orders (`DoLo`, from 2026/27).
    DoLo, DoLo, dolo, "DoLo", since Y2026_27, csv_columns 4 {
        /// `CHILD`.
        "CHILD" child: ChildId,
        /// `DOB`.
        "DOB" dob: Date,
        /// `DOLO_START`.
        "DOLO_START" dolo_start: Date,
        /// `DOLO_END`: blank while open.
        "DOLO_END" dolo_end: Date,
    }
}

impl TableKind {
    /// The file name stem carelens writes the table's CSV under (the demand model's names,
    /// plus `sw_episodes` and `dolo`).
    pub const fn file_stem(self) -> &'static str {
        match self {
            Self::Header => "header",
            Self::Episodes => "episodes",
            Self::Reviews => "reviews",
            Self::Uasc => "uasc",
            Self::Oc2 => "oc2",
            Self::Oc3 => "oc3",
            Self::Ad1 => "ad1",
            Self::PlacedAdoption => "placed_for_adoption",
            Self::PrevPerm => "previous_permanence",
            Self::Missing => "missing",
            Self::SwEpisodes => "sw_episodes",
            Self::DoLo => "dolo",
        }
    }

    /// Whether the table exists in a collection year.
    pub fn exists_in(self, year: CollectionYear) -> bool {
        year >= self.since()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_and_columns_follow_the_spec() {
        assert_eq!(TableKind::ALL.len(), 12);
        assert_eq!(TableKind::Episodes.csv_columns().len(), 13);
        assert_eq!(
            TableKind::Header.csv_columns(),
            ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
        );
        assert_eq!(TableKind::Header.columns().last(), Some(&"UASC"));
        assert_eq!(TableKind::from_name("swepisodes"), Some(TableKind::SwEpisodes));
        assert!(!TableKind::DoLo.exists_in(CollectionYear::Y2025_26));
    }

    #[test]
    fn rows_parse_from_cells_and_expose_them_generically() {
        let raw = [
            "C1",
            "01/04/2024",
            "S",
            "c2",
            "N1",
            "U4 - long term foster",
            "PR1",
            "",
            "",
            "",
            "e15 4nj",
            "XX",
            "SC123456",
        ];
        let ep = Episode::from_cells(Loc::default(), |i| raw.get(i).copied());
        assert_eq!(ep.ls.get(), Some(LegalStatus::C2));
        assert_eq!(ep.place.get(), Some(PlacementType::U4));
        assert!(ep.dec.is_blank());
        assert_eq!(ep.home_post.value().map(Postcode::as_str), Some("E15 4NJ"));
        assert!(ep.pl_post.is_invalid());
        let c = ep.cell(11).unwrap();
        assert_eq!((c.column, c.raw, c.state), ("PL_POST", "XX", CellState::Invalid));
        assert!(ep.cell(13).is_none());
    }

    #[test]
    fn push_numbers_rows_within_a_table() {
        let mut t = Tables::default();
        for id in ["A", "B"] {
            t.push_cells(TableKind::Reviews, Loc::default(), |i| (i == 0).then_some(id));
        }
        assert_eq!(t.reviews.rows[1].loc.row, 1);
        assert!(t.is_supplied(TableKind::Reviews) && !t.is_supplied(TableKind::Oc3));
        assert_eq!(t.rows(TableKind::Reviews).count(), 2);
    }
}
