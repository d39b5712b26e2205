//! DfE code lists as enums: each variant knows its DfE code and label.
//!
//! An enum holds every code valid in ANY supported year (e.g. `PlacementType::H5` and
//! `PlacementType::K3`); which codes a given year accepts is a validation rule's business, so a
//! code outside one year's list is still read as what it is. Anything not in the list is kept
//! as invalid raw text. Lists: spec §4 and the reference validator's rule code lists.

use std::fmt;

use compact_str::CompactString;

use crate::field::{CellValue, Coercion, strip_decimal_zero, upper_small};
use crate::ids::LaCode;

/// Lower case, letters and digits only: how labels are compared.
fn fold(text: &str) -> String {
    text.chars().filter(char::is_ascii_alphanumeric).map(|c| c.to_ascii_lowercase()).collect()
}

/// Reads a code given as `code`, `code - label`, `code: label`, or the label alone.
pub(crate) fn parse_coded<T: Copy>(
    text: &str,
    from_code: impl Fn(&str) -> Option<T>,
    all: &[T],
    label: impl Fn(T) -> &'static str,
) -> Option<(T, Option<Coercion>)> {
    let (t, dec) = strip_decimal_zero(text);
    let mut buf = [0u8; 24];
    if let Some(upper) = upper_small(t, &mut buf)
        && let Some(v) = from_code(upper)
    {
        return Some((v, dec.then_some(Coercion::DecimalInteger)));
    }
    let upper = t.to_ascii_uppercase();
    for sep in [" - ", " – ", ":", " -", "- ", "–"] {
        if let Some((head, _)) = upper.split_once(sep)
            && let Some(v) = from_code(head.trim())
        {
            return Some((v, Some(Coercion::CodeWithLabel)));
        }
    }
    let key = fold(t);
    if key.is_empty() {
        return None;
    }
    all.iter().copied().find(|v| fold(label(*v)) == key).map(|v| (v, Some(Coercion::LabelOnly)))
}

macro_rules! dfe_codes {
    (
        $(#[$meta:meta])*
        $name:ident, $expected:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal, $label:literal; )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( #[doc = concat!("`", $code, "`: ", $label, ".")] $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every code, in DfE order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The DfE code.
            pub const fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            /// The DfE label.
            pub const fn label(self) -> &'static str {
                match self { $(Self::$variant => $label,)+ }
            }

            /// The variant for an exact (upper-case) code.
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }

        impl CellValue for $name {
            const EXPECTED: &'static str = $expected;

            fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
                parse_coded(text, Self::from_code, Self::ALL, Self::label)
            }

            fn write_text(&self, out: &mut CompactString) {
                out.push_str(self.code());
            }
        }
    };
}

dfe_codes! {
    /// `SEX` (Header, UASC). 1/2 to 2023/24; M/F/U from 2024/25.
    SexCode, "a sex code (1, 2 to 2023/24; M, F, U from 2024/25)" {
        Male1 = "1", "Male (code 1, to 2023/24)";
        Female2 = "2", "Female (code 2, to 2023/24)";
        M = "M", "Male";
        F = "F", "Female";
        U = "U", "Unknown";
    }
}

impl SexCode {
    /// Whether the code means male, whichever year's coding it uses.
    pub const fn is_male(self) -> bool {
        matches!(self, Self::Male1 | Self::M)
    }

    /// Whether the code means female, whichever year's coding it uses.
    pub const fn is_female(self) -> bool {
        matches!(self, Self::Female2 | Self::F)
    }

    /// The same sex in the 2024/25 coding (1 → M, 2 → F), for comparing across years.
    pub const fn to_letter(self) -> Self {
        match self {
            Self::Male1 => Self::M,
            Self::Female2 => Self::F,
            other => other,
        }
    }
}

dfe_codes! {
    /// `ETHNIC`: ethnicity.
    Ethnicity, "an ethnicity code such as WBRI" {
        Wbri = "WBRI", "White British";
        Wiri = "WIRI", "White Irish";
        Woth = "WOTH", "Any other White background";
        Wirt = "WIRT", "Traveller of Irish heritage";
        Wrom = "WROM", "Gypsy/Roma";
        Mwbc = "MWBC", "White and Black Caribbean";
        Mwba = "MWBA", "White and Black African";
        Mwas = "MWAS", "White and Asian";
        Moth = "MOTH", "Any other Mixed background";
        Aind = "AIND", "Indian";
        Apkn = "APKN", "Pakistani";
        Aban = "ABAN", "Bangladeshi";
        Aoth = "AOTH", "Any other Asian background";
        Bcrb = "BCRB", "Caribbean";
        Bafr = "BAFR", "African";
        Both = "BOTH", "Any other Black background";
        Chne = "CHNE", "Chinese";
        Ooth = "OOTH", "Any other ethnic group";
        Refu = "REFU", "Refused";
        Nobt = "NOBT", "Information not yet obtained";
    }
}

/// The DfE's top-level ethnicity groups, used in published statistics.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EthnicGroup {
    /// White.
    White,
    /// Mixed or multiple ethnic groups.
    Mixed,
    /// Asian or Asian British.
    Asian,
    /// Black, African, Caribbean or Black British.
    Black,
    /// Other ethnic group (includes Chinese in DfE tables).
    Other,
    /// Refused or not yet obtained.
    NotKnown,
}

impl Ethnicity {
    /// The top-level group.
    pub const fn group(self) -> EthnicGroup {
        use Ethnicity::*;
        match self {
            Wbri | Wiri | Woth | Wirt | Wrom => EthnicGroup::White,
            Mwbc | Mwba | Mwas | Moth => EthnicGroup::Mixed,
            Aind | Apkn | Aban | Aoth => EthnicGroup::Asian,
            Bcrb | Bafr | Both => EthnicGroup::Black,
            Chne | Ooth => EthnicGroup::Other,
            Refu | Nobt => EthnicGroup::NotKnown,
        }
    }
}

dfe_codes! {
    /// `RNE`: reason for new episode.
    ReasonNewEpisode, "a reason for new episode (S, L, P, T, B or U)" {
        S = "S", "Started to be looked after";
        L = "L", "Change of legal status only";
        P = "P", "Change of placement and carer(s) only";
        T = "T", "Change of placement but same carer(s)";
        B = "B", "Change of legal status and placement and carer(s) at the same time";
        U = "U", "Change of legal status and change of placement but same carer(s) at the same time";
    }
}

impl ReasonNewEpisode {
    /// Whether a new placement begins (S, P, T, B, U); L continues the placement.
    pub const fn starts_placement(self) -> bool {
        !matches!(self, Self::L)
    }

    /// Whether the carer changes (P, B): a "real" move in the Stability Index's sense.
    pub const fn changes_carer(self) -> bool {
        matches!(self, Self::P | Self::B)
    }
}

dfe_codes! {
    /// `LS`: legal status.
    LegalStatus, "a legal status code such as C2" {
        C1 = "C1", "Interim care order";
        C2 = "C2", "Full care order";
        D1 = "D1", "Freeing order granted";
        E1 = "E1", "Placement order granted";
        V2 = "V2", "Single period of accommodation under section 20";
        V3 = "V3", "Accommodated under an agreed series of short-term breaks, when individual episodes of care are recorded";
        V4 = "V4", "Accommodated under an agreed series of short-term breaks, when agreements are recorded";
        L1 = "L1", "Under police protection and in local authority accommodation";
        L2 = "L2", "Under an emergency protection order";
        L3 = "L3", "Under a child assessment order and in local authority accommodation";
        J1 = "J1", "Remanded to local authority accommodation or to youth detention accommodation";
        J2 = "J2", "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984";
        J3 = "J3", "Sentenced to a youth rehabilitation order with residence or intensive fostering requirement";
    }
}

impl LegalStatus {
    /// V3 or V4: short breaks, excluded from DfE statistics.
    pub const fn is_short_break(self) -> bool {
        matches!(self, Self::V3 | Self::V4)
    }
}

dfe_codes! {
    /// `CIN`: category of need.
    CategoryOfNeed, "a category of need (N1 to N8)" {
        N1 = "N1", "Abuse or neglect";
        N2 = "N2", "Child's disability";
        N3 = "N3", "Parental illness or disability";
        N4 = "N4", "Family in acute stress";
        N5 = "N5", "Family dysfunction";
        N6 = "N6", "Socially unacceptable behaviour";
        N7 = "N7", "Low income";
        N8 = "N8", "Absent parenting";
    }
}

dfe_codes! {
    /// `PLACE` (XML `PL`): placement type.
    PlacementType, "a placement type code such as U4" {
        A3 = "A3", "Placed for adoption with parental/guardian consent with current foster carer(s)";
        A4 = "A4", "Placed for adoption with parental/guardian consent not with current foster carer(s)";
        A5 = "A5", "Placed for adoption with placement order with current foster carer(s)";
        A6 = "A6", "Placed for adoption with placement order not with current foster carer(s)";
        H5 = "H5", "Semi-independent living accommodation not subject to children's homes regulations";
        K1 = "K1", "Secure children's homes";
        K2 = "K2", "Children's homes subject to Children's Homes Regulations";
        K3 = "K3", "Registered supported accommodation";
        P1 = "P1", "Placed with own parent(s) or other person(s) with parental responsibility";
        P2 = "P2", "Independent living, for example in a flat, lodgings, bedsit, bed and breakfast or with friends";
        P3 = "P3", "Residential employment";
        R1 = "R1", "Residential care home";
        R2 = "R2", "NHS or health trust or other establishment providing medical or nursing care";
        R3 = "R3", "Family centre or mother and baby unit";
        R5 = "R5", "Young offender institution";
        S1 = "S1", "All residential schools, except where dual-registered as a school and children's home";
        T0 = "T0", "All types of temporary move";
        T1 = "T1", "Temporary periods in hospital";
        T2 = "T2", "Temporary absences of the child on holiday";
        T3 = "T3", "Temporary accommodation whilst normal foster carer(s) is/are on holiday";
        T4 = "T4", "Temporary accommodation of seven days or less, for any reason, not covered by codes T1 to T3";
        U1 = "U1", "Foster placement with relative(s) or friend(s) – long term fostering";
        U2 = "U2", "Fostering with relative(s) or friend(s) who is/are also an approved adopter(s) – fostering for adoption / concurrent planning";
        U3 = "U3", "Fostering with relative(s) or friend(s) who is/are not long-term or FFA/concurrent planning";
        U4 = "U4", "Foster placement with other foster carer(s) – long term fostering";
        U5 = "U5", "Foster placement with other foster carer(s) who is/are also an approved adopter(s) – fostering for adoption / concurrent planning";
        U6 = "U6", "Foster placement with other foster carer(s) – not long term or FFA/concurrent planning";
        Z1 = "Z1", "Other placements";
        Z11 = "Z11", "Other placements (Z11)";
        Z12 = "Z12", "Other placements (Z12)";
        Z13 = "Z13", "Other placements (Z13)";
        Z14 = "Z14", "Other placements (Z14)";
    }
}

/// The placement groups the DfE publishes (characteristics table, top level).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlacementGroup {
    /// Foster placements (U1–U6).
    Foster,
    /// Placed for adoption (A3–A6).
    Adoption,
    /// Placed with parents or other person with parental responsibility (P1).
    WithParents,
    /// Other placements in the community (P3, Z1, Z11–Z14).
    Community,
    /// Secure units, children's homes and semi-independent living (K1, K2).
    ChildrensHomes,
    /// Independent and semi-independent living arrangements / supported accommodation (H5, P2, K3).
    IndependentOrSupported,
    /// Residential schools (S1).
    ResidentialSchools,
    /// Other residential settings (R1, R2, R3, R5).
    OtherResidential,
    /// Temporary placements (T0–T4).
    Temporary,
}

impl PlacementType {
    /// The DfE's published group.
    pub const fn group(self) -> PlacementGroup {
        use PlacementType::*;
        match self {
            U1 | U2 | U3 | U4 | U5 | U6 => PlacementGroup::Foster,
            A3 | A4 | A5 | A6 => PlacementGroup::Adoption,
            P1 => PlacementGroup::WithParents,
            P3 | Z1 | Z11 | Z12 | Z13 | Z14 => PlacementGroup::Community,
            K1 | K2 => PlacementGroup::ChildrensHomes,
            H5 | P2 | K3 => PlacementGroup::IndependentOrSupported,
            S1 => PlacementGroup::ResidentialSchools,
            R1 | R2 | R3 | R5 => PlacementGroup::OtherResidential,
            T0 | T1 | T2 | T3 | T4 => PlacementGroup::Temporary,
        }
    }

    /// T0–T4.
    pub const fn is_temporary(self) -> bool {
        matches!(self.group(), PlacementGroup::Temporary)
    }

    /// U1–U6.
    pub const fn is_foster(self) -> bool {
        matches!(self.group(), PlacementGroup::Foster)
    }

    /// A3–A6.
    pub const fn is_adoption(self) -> bool {
        matches!(self.group(), PlacementGroup::Adoption)
    }
}

dfe_codes! {
    /// `PLACE_PROVIDER`: who provides the placement.
    PlacementProvider, "a placement provider code (PR0 to PR5)" {
        Pr0 = "PR0", "Parent(s) or other person(s) with parental responsibility";
        Pr1 = "PR1", "Own provision (by the local authority)";
        Pr2 = "PR2", "Other local authority provision";
        Pr3 = "PR3", "Other public provision";
        Pr4 = "PR4", "Private provision";
        Pr5 = "PR5", "Voluntary/third sector provision";
    }
}

dfe_codes! {
    /// `REC`: reason episode ceased.
    ReasonEpisodeCeased, "a reason episode ceased such as X1 or E4A" {
        X1 = "X1", "Episode ceases, and new episode begins on same day, for any reason";
        E11 = "E11", "Adopted - application for an adoption order unopposed";
        E12 = "E12", "Adopted - consent dispensed with by the court";
        E2 = "E2", "Died";
        E3 = "E3", "Care taken over by another local authority in the UK";
        E4A = "E4A", "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility as part of the care planning process";
        E4B = "E4B", "Returned home to live with parent(s), relative(s), or other person(s) with parental responsibility which was not part of the current care planning process";
        E13 = "E13", "Left care to live with parent(s), relative(s), or other person(s) with no parental responsibility";
        E41 = "E41", "Residence order (or, from 22 April 2014, a child arrangement order which sets out with whom the child is to live) granted";
        E45 = "E45", "Special guardianship order made to former foster carer(s), who was/are a relative(s) or friend(s)";
        E46 = "E46", "Special guardianship order made to former foster carer(s), other than relative(s) or friend(s)";
        E47 = "E47", "Special guardianship order made to carer(s), other than former foster carer(s), who was/are a relative(s) or friend(s)";
        E48 = "E48", "Special guardianship order made to carer(s), other than former foster carer(s), other than relative(s) or friend(s)";
        E5 = "E5", "Moved into independent living arrangement and no longer looked-after: supportive accommodation providing formalised advice/support arrangements";
        E6 = "E6", "Moved into independent living arrangement and no longer looked-after: accommodation providing no formalised advice/support arrangements";
        E7 = "E7", "Transferred to residential care funded by adult social care services";
        E8 = "E8", "Period of being looked-after ceased for any other reason";
        E9 = "E9", "Sentenced to custody";
        E14 = "E14", "Accommodation on remand ended";
        E15 = "E15", "Age assessment determined child is aged 18 or over and E5, E6 and E7 do not apply";
        E16 = "E16", "Child moved abroad";
        E17 = "E17", "Aged 18 (or over) and remained with current carers (inc under staying put arrangements)";
    }
}

impl ReasonEpisodeCeased {
    /// Any code but X1: the child left care.
    pub const fn leaves_care(self) -> bool {
        !matches!(self, Self::X1)
    }

    /// E11 or E12.
    pub const fn is_adoption(self) -> bool {
        matches!(self, Self::E11 | Self::E12)
    }
}

dfe_codes! {
    /// `REASON_PLACE_CHANGE`: why a placement ended (on the ending episode).
    ReasonPlaceChange, "a reason for placement change such as CARPL" {
        Carpl = "CARPL", "Change to/implementation of care plan";
        Close = "CLOSE", "Resignation/closure of provision";
        Alleg = "ALLEG", "Allegation (s47)";
        Stand = "STAND", "Standards of care concern";
        Apprr = "APPRR", "Approval removed";
        Creqb = "CREQB", "Carer(s) requests placement end due to child's behaviour";
        Creqo = "CREQO", "Carer(s) requests placement end other than due to child's behaviour";
        Child = "CHILD", "Child requests placement end";
        Lareq = "LAREQ", "Responsible/area authority requests placement end";
        Place = "PLACE", "Change in the status of placement only";
        Custod = "CUSTOD", "Custody arrangement";
        Other = "OTHER", "Other";
    }
}

impl ReasonPlaceChange {
    /// Endings the carer, provider or child did not plan: allegations, standards concerns,
    /// approval removed, carer or child requests, LA requests.
    pub const fn is_unplanned(self) -> bool {
        use ReasonPlaceChange::*;
        matches!(self, Alleg | Stand | Apprr | Creqb | Creqo | Child | Lareq)
    }
}

dfe_codes! {
    /// `REVIEW_CODE`: how the child took part in the review.
    ReviewParticipation, "a participation code (PN0 to PN7)" {
        Pn0 = "PN0", "Child aged under 4 at the time of the review";
        Pn1 = "PN1", "Child physically attends and speaks for him or herself";
        Pn2 = "PN2", "Child physically attends and an advocate speaks on his or her behalf";
        Pn3 = "PN3", "Child attends and conveys his or her view symbolically (non-verbally)";
        Pn4 = "PN4", "Child physically attends but does not speak for him or herself";
        Pn5 = "PN5", "Child does not attend physically but briefs an advocate to speak for him or her";
        Pn6 = "PN6", "Child does not attend but conveys his or her feelings to the review by a facilitative medium";
        Pn7 = "PN7", "Child does not attend nor are his or her views conveyed to the review";
    }
}

dfe_codes! {
    /// `MISSING`: missing (whereabouts unknown) or away without authorisation.
    MissingKind, "M (missing) or A (away without authorisation)" {
        M = "M", "Missing";
        A = "A", "Away from placement without authorisation";
    }
}

dfe_codes! {
    /// `SDQ_REASON`: why there is no SDQ score.
    SdqReason, "an SDQ reason (SDQ1 to SDQ5)" {
        Sdq1 = "SDQ1", "No form returned as child was aged under 4 or over 17 at date of latest assessment";
        Sdq2 = "SDQ2", "Carer(s) refused to complete and return questionnaire";
        Sdq3 = "SDQ3", "Not possible to complete the questionnaire due to severity of the child's disability";
        Sdq4 = "SDQ4", "Other";
        Sdq5 = "SDQ5", "Child or young person refuses to allow an SDQ to be completed";
    }
}

dfe_codes! {
    /// `IN_TOUCH`: whether the LA is in touch with the care leaver.
    InTouch, "YES, NO, DIED, REFU, NREQ or RHOM" {
        Yes = "YES", "Yes";
        No = "NO", "No";
        Died = "DIED", "Young person has died";
        Refu = "REFU", "Young person refuses contact";
        Nreq = "NREQ", "Young person no longer requires services";
        Rhom = "RHOM", "Young person has returned home to parents or someone with parental responsibility for a continuous period of at least 6 months";
    }
}

dfe_codes! {
    /// `ACTIV`: a care leaver's main activity.
    Activity, "an activity code such as F1, G4 or 0" {
        F1 = "F1", "Full-time in higher education";
        P1 = "P1", "Part-time in higher education";
        F2 = "F2", "Full-time in education other than higher education";
        P2 = "P2", "Part-time in education other than higher education";
        F4 = "F4", "Young person engaged full-time in an apprenticeship";
        P4 = "P4", "Young person engaged part-time in an apprenticeship";
        F5 = "F5", "Young person engaged full-time in training or employment (not apprenticeship)";
        P5 = "P5", "Young person engaged part-time in training or employment (not apprenticeship)";
        G4 = "G4", "Not in education, training or employment, owing to illness or disability";
        G5 = "G5", "Not in education, training or employment, owing to other reasons";
        G6 = "G6", "Not in education, training or employment, owing to pregnancy or parenting";
        NotApplicable = "0", "Not applicable";
    }
}

impl Activity {
    /// In education, employment or training (F*, P*).
    pub const fn is_eet(self) -> bool {
        !matches!(self, Self::G4 | Self::G5 | Self::G6 | Self::NotApplicable)
    }
}

dfe_codes! {
    /// `ACCOM`: a care leaver's accommodation (letter) and whether it is suitable (1) or not (2).
    Accommodation, "an accommodation code such as B1, U2 or 0" {
        B1 = "B1", "With parents or relatives, suitable";
        B2 = "B2", "With parents or relatives, not suitable";
        C1 = "C1", "Community home or other form of residential care, suitable";
        C2 = "C2", "Community home or other form of residential care, not suitable";
        D1 = "D1", "Semi-independent, transitional accommodation, suitable";
        D2 = "D2", "Semi-independent, transitional accommodation, not suitable";
        E1 = "E1", "Supported lodgings, suitable";
        E2 = "E2", "Supported lodgings, not suitable";
        G1 = "G1", "Gone abroad, suitable";
        G2 = "G2", "Gone abroad, not suitable";
        H1 = "H1", "Deported, suitable";
        H2 = "H2", "Deported, not suitable";
        K1 = "K1", "Ordinary lodgings, without formal support, suitable";
        K2 = "K2", "Ordinary lodgings, without formal support, not suitable";
        R1 = "R1", "Residence not known, suitable";
        R2 = "R2", "Residence not known, not suitable";
        S1 = "S1", "No fixed abode or homeless, suitable";
        S2 = "S2", "No fixed abode or homeless, not suitable";
        T1 = "T1", "Foyers and similar supported accommodation, suitable";
        T2 = "T2", "Foyers and similar supported accommodation, not suitable";
        U1 = "U1", "Independent living, suitable";
        U2 = "U2", "Independent living, not suitable";
        V1 = "V1", "Emergency accommodation, suitable";
        V2 = "V2", "Emergency accommodation, not suitable";
        W1 = "W1", "Bed and breakfast, suitable";
        W2 = "W2", "Bed and breakfast, not suitable";
        X1 = "X1", "In custody, suitable";
        X2 = "X2", "In custody, not suitable";
        Y1 = "Y1", "Other accommodation, suitable";
        Y2 = "Y2", "Other accommodation, not suitable";
        Z1 = "Z1", "With former foster carers, suitable";
        Z2 = "Z2", "With former foster carers, not suitable";
        NotApplicable = "0", "Not applicable";
    }
}

impl Accommodation {
    /// `Some(true)` suitable, `Some(false)` not suitable, `None` for `0`.
    pub fn is_suitable(self) -> Option<bool> {
        match self.code().as_bytes() {
            [_, b'1'] => Some(true),
            [_, b'2'] => Some(false),
            _ => None,
        }
    }
}

dfe_codes! {
    /// `PREV_PERM`: permanence order before this period of care.
    PreviousPermanence, "P1, P2, P3, P4 or Z1" {
        P1 = "P1", "Adoption";
        P2 = "P2", "Special guardianship order";
        P3 = "P3", "Residence order or child arrangements order";
        P4 = "P4", "Unknown";
        Z1 = "Z1", "Child has not previously been subject to any of the permanence options";
    }
}

dfe_codes! {
    /// `REASON_PLACED_CEASED`: why the decision to place for adoption was reversed.
    ReasonPlacedCeased, "RD1 to RD4" {
        Rd1 = "RD1", "The child's needs changed subsequent to the decision";
        Rd2 = "RD2", "The Court did not make a placement order";
        Rd3 = "RD3", "Prospective adopters could not be found";
        Rd4 = "RD4", "Any other reason";
    }
}

dfe_codes! {
    /// `SEX_ADOPTR`: sex of the adopter(s).
    AdopterSex, "M1, F1, MM, FF or MF" {
        M1 = "M1", "Male adopter";
        F1 = "F1", "Female adopter";
        Mm = "MM", "Male couple";
        Ff = "FF", "Female couple";
        Mf = "MF", "Male and female couple";
    }
}

dfe_codes! {
    /// `LS_ADOPTR`: legal status of the adopter(s).
    AdopterLegalStatus, "L0, L11, L12, L2, L3 or L4" {
        L0 = "L0", "Child adopted by single adopter";
        L11 = "L11", "Child adopted by a different gender married couple";
        L12 = "L12", "Child adopted by a same gender married couple";
        L2 = "L2", "Child adopted by a couple in a civil partnership";
        L3 = "L3", "Child adopted by a different gender couple who are not married";
        L4 = "L4", "Child adopted by a same gender couple who are not married or in a civil partnership";
    }
}

dfe_codes! {
    /// `SW_REASON`: why the social worker changed.
    SwReason, "a reason for social worker change such as MANAGE" {
        Manage = "MANAGE", "Managing caseloads";
        Fconta = "FCONTA", "First contact or re-referral";
        Leftrl = "LEFTRL", "Previous social worker left role";
        Orgrst = "ORGRST", "New social worker assigned following organisational restructure";
        Tsproc = "TSPROC", "New social worker assigned following child transfer due to standard process";
        Absenc = "ABSENC", "Absence cover or return from absence";
        Chchan = "CHCHAN", "Child requested change from previous social worker";
        Pcchan = "PCCHAN", "Parent/carer requested change from previous social worker";
        Swdied = "SWDIED", "Previous social worker died";
        Others = "OTHERS", "Other reason";
    }
}

/// `LA_PERM`: the authority that made the previous permanence order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LaPerm {
    /// An English LA's DfE code (999 is also accepted by the reference).
    La(LaCode),
    /// Wales.
    Wal,
    /// Scotland.
    Sco,
    /// Northern Ireland.
    Nir,
    /// Outside the UK.
    Nuk,
}

impl CellValue for LaPerm {
    const EXPECTED: &'static str = "a 3-digit DfE LA code, WAL, SCO, NIR or NUK";

    fn parse_text(text: &str) -> Option<(Self, Option<Coercion>)> {
        let (t, dec) = strip_decimal_zero(text);
        let note = dec.then_some(Coercion::DecimalInteger);
        let mut buf = [0u8; 24];
        match upper_small(t, &mut buf).unwrap_or("") {
            "WAL" => Some((Self::Wal, note)),
            "SCO" => Some((Self::Sco, note)),
            "NIR" => Some((Self::Nir, note)),
            "NUK" => Some((Self::Nuk, note)),
            other => LaCode::parse(other).ok().map(|c| (Self::La(c), note)),
        }
    }

    fn write_text(&self, out: &mut CompactString) {
        match self {
            Self::La(c) => {
                use std::fmt::Write;
                let _ = write!(out, "{c}");
            }
            Self::Wal => out.push_str("WAL"),
            Self::Sco => out.push_str("SCO"),
            Self::Nir => out.push_str("NIR"),
            Self::Nuk => out.push_str("NUK"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Field;

    #[test]
    fn codes_in_every_spelling() {
        let read = |raw| {
            let f = Field::<LegalStatus>::parse(raw);
            (f.get(), f.note())
        };
        assert_eq!(read("C2"), (Some(LegalStatus::C2), None));
        assert_eq!(read("c2"), (Some(LegalStatus::C2), None));
        assert_eq!(read(" C2 "), (Some(LegalStatus::C2), None));
        assert_eq!(
            read("C2 - Full care order"),
            (Some(LegalStatus::C2), Some(Coercion::CodeWithLabel))
        );
        assert_eq!(
            read("C2: Full care order"),
            (Some(LegalStatus::C2), Some(Coercion::CodeWithLabel))
        );
        assert_eq!(read("full care order"), (Some(LegalStatus::C2), Some(Coercion::LabelOnly)));
        assert_eq!(read("C9"), (None, None));
        assert!(Field::<LegalStatus>::parse("section 20").is_invalid());
    }

    #[test]
    fn numeric_codes_tolerate_excel_decimals() {
        let f = Field::<SexCode>::parse("1.0");
        assert_eq!((f.get(), f.note()), (Some(SexCode::Male1), Some(Coercion::DecimalInteger)));
        assert_eq!(Field::<SexCode>::parse("Female").get(), Some(SexCode::F));
        assert_eq!(Field::<Activity>::parse("0").get(), Some(Activity::NotApplicable));
    }

    #[test]
    fn every_code_round_trips() {
        for p in PlacementType::ALL {
            assert_eq!(Field::<PlacementType>::parse(p.code()).get(), Some(*p));
            assert_eq!(Field::new(*p).raw(), p.code());
        }
        for r in ReasonEpisodeCeased::ALL {
            assert_eq!(ReasonEpisodeCeased::from_code(r.code()), Some(*r));
        }
    }

    #[test]
    fn groups() {
        assert_eq!(PlacementType::K2.group(), PlacementGroup::ChildrensHomes);
        assert!(PlacementType::T3.is_temporary());
        assert_eq!(Accommodation::S2.is_suitable(), Some(false));
        assert_eq!(Accommodation::NotApplicable.is_suitable(), None);
        assert!(Activity::F5.is_eet() && !Activity::G6.is_eet());
    }

    #[test]
    fn la_perm() {
        assert_eq!(Field::<LaPerm>::parse("sco").get(), Some(LaPerm::Sco));
        assert_eq!(Field::<LaPerm>::parse("316").raw(), "316");
        assert!(Field::<LaPerm>::parse("E09000025").is_invalid());
    }
}
