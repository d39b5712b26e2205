//! Every indicator family on a small hand-made return whose answers were worked out by hand.
//!
//! Newham (316), collection year 2024/25: 1 April 2024 to 31 March 2025. Last year's return
//! (2023/24) holds only the episodes that ended before this year, for the children whose
//! history matters (K, P, R). Distances are between the OS grid points of the shipped ONS
//! postcode table, by the reference formula: from E15 4NJ (Stratford, Newham) to E13 9PJ
//! (Plaistow, Newham) 1.5 miles; SW1A 2AA (Westminster) 6.5; RM1 3BD (Romford, Havering) 7.9;
//! CB2 1TN (Cambridge) 46.0; B1 1BB (Birmingham) 104.2.
//!
//! The children:
//! * A (12): foster carer across 1 April, two moves in the year (15/04, 20/08), now in a
//!   children's home in Cambridge, 46.0 miles away: 3 placements, 2 moves, over 20 miles,
//!   outside, in a children's home. Period began 01/06/2023: in neither 2-year cohort. Three
//!   social workers in the year (changes 01/06 and 01/12).
//! * B (16): a holiday placement (T4, 10/06–14/06) and back to the same foster carers, then a
//!   legal-status change (L, to V2): placements by default U4 + the return = 2 (the temporary
//!   one not counted), 0 moves. Social worker SW4 → SW5 → SW4: 2 changes, 2 workers.
//! * C (10): moved on 1 April (the old placement ended that day, so it is not a placement of
//!   the year) and again on 31 March: 2 placements, 2 moves; in the 2-year cohort (began
//!   01/02/2023) with 3 placements in those 2 years.
//! * D (turned 18 on 10/10/2024 and left care that day, E17): looked after in the year, ceased
//!   (staying put), not looked after on 31 March.
//! * E (17, UASC): started 15/08/2024 (CIN N8) in supported accommodation (K3); no home
//!   postcode, so distance not known; placement inside Newham.
//! * F (4): foster care from 01/03/2021, placed for adoption (A6) on 01/10/2024 with no
//!   placement postcode (confidential): long-term stable by the adoption rule (the foster
//!   placement began before 31/03/2023); location and distance not known.
//! * G: short breaks only (V3): in nothing.
//! * H (16 on 01/02/2025): moved to supported accommodation (K3) on 15/01/2025, aged 15: 17
//!   days under 16 in a barred setting (15/01 to 31/01).
//! * I (12): in a private foster placement in Birmingham (104.2 miles): missing 3 times in the
//!   year (one still missing on 31 March; one before the year not counted), away once.
//! * J (13): started 01/04/2024, 4 placements, left care 01/12/2024 (returned home, E4A), came
//!   back 15/01/2025: 5 placements, 4 moves (the first entry is not a move, the re-entry is),
//!   started once, ceased once.
//! * K (12): same carers since 01/06/2021 (RNE B), long-term fostering from 01/06/2023 (RNE
//!   T); this year's return shows only the T episode, last year's the one before. Postcodes
//!   cut to sectors (E15 4, RM1 3): distance from centroids, about 8 miles.
//! * P (11): in care since 2020 (last year's return), moved 01/02/2024: in the long-term
//!   cohort, not stable.
//! * Care leavers: L (20, EET, suitable), M (19, NEET, unsuitable), N (21, died: excluded),
//!   O (22: outside 17–21), Q (17, EET, suitable), R (19, left care in 2023 with REC E3:
//!   excluded when last year's return is given).

use std::path::Path;

use carelens_indicators::{
    Area, IndicatorValue, Level, Options, OutlierReason, OutlierThresholds, PlacementCounting,
    compute,
};
use carelens_ingest::{ReadOptions, read_paths};
use carelens_model::{CollectionYear, LaCode, Returns};

const EPISODES_HEADER: &str =
    "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN";

const EPISODES: &str = "\
A,01/06/2023,S,C2,N1,U6,PR1,15/04/2024,X1,CARPL,E15 4NJ,E13 9PJ,
A,15/04/2024,P,C2,N1,U6,PR4,20/08/2024,X1,CREQB,E15 4NJ,RM1 3BD,
A,20/08/2024,P,C2,N1,K2,PR4,,,,E15 4NJ,CB2 1TN,
B,01/01/2020,S,C2,N1,U4,PR1,10/06/2024,X1,,E15 4NJ,E13 9PJ,
B,10/06/2024,P,C2,N1,T4,,14/06/2024,X1,,E15 4NJ,E15 4NJ,
B,14/06/2024,P,C2,N1,U4,PR1,01/11/2024,X1,,E15 4NJ,E13 9PJ,
B,01/11/2024,L,V2,N1,U4,PR1,,,,E15 4NJ,E13 9PJ,
C,01/02/2023,S,C2,N1,U4,PR1,01/04/2024,X1,CARPL,E15 4NJ,E13 9PJ,
C,01/04/2024,P,C2,N1,U6,PR1,31/03/2025,X1,CARPL,E15 4NJ,RM1 3BD,
C,31/03/2025,P,C2,N1,U6,PR4,,,,E15 4NJ,SW1A 2AA,
D,01/01/2021,S,V2,N4,U4,PR1,10/10/2024,E17,,E15 4NJ,E13 9PJ,
E,15/08/2024,S,V2,N8,K3,PR4,,,,,E15 4NJ,
F,01/03/2021,B,E1,N1,U4,PR1,01/10/2024,X1,CARPL,E15 4NJ,RM1 3BD,
F,01/10/2024,P,E1,N1,A6,PR1,,,,E15 4NJ,,
G,01/06/2024,S,V3,N2,K2,PR1,03/06/2024,E8,,E15 4NJ,E13 9PJ,
G,01/09/2024,S,V3,N2,K2,PR1,03/09/2024,E8,,E15 4NJ,E13 9PJ,
H,01/06/2022,S,C2,N5,U4,PR1,15/01/2025,X1,CARPL,E15 4NJ,E13 9PJ,
H,15/01/2025,P,C2,N5,K3,PR4,,,,E15 4NJ,RM1 3BD,
I,01/01/2024,S,C1,N1,U6,PR4,,,,E15 4NJ,B1 1BB,
J,01/04/2024,S,V2,N6,U6,PR1,01/05/2024,X1,CREQB,E15 4NJ,E13 9PJ,
J,01/05/2024,P,V2,N6,U6,PR4,01/07/2024,X1,CREQB,E15 4NJ,RM1 3BD,
J,01/07/2024,P,V2,N6,K2,PR4,01/09/2024,X1,CHILD,E15 4NJ,CB2 1TN,
J,01/09/2024,P,V2,N6,K2,PR4,01/12/2024,E4A,,E15 4NJ,B1 1BB,
J,15/01/2025,S,C1,N6,U6,PR1,,,,E15 4NJ,E13 9PJ,
K,01/06/2023,T,C2,N1,U4,PR1,,,,E15 4,RM1 3,
P,01/02/2024,P,C2,N1,U6,PR4,,,,E15 4NJ,SW1A 2AA,
";

const LAST_YEAR_EPISODES: &str = "\
K,01/06/2021,B,C2,N1,U6,PR1,01/06/2023,X1,PLACE,E15 4,RM1 3,
K,01/06/2023,T,C2,N1,U4,PR1,,,,E15 4,RM1 3,
P,01/01/2020,S,C2,N1,U4,PR1,01/02/2024,X1,CARPL,E15 4NJ,E13 9PJ,
P,01/02/2024,P,C2,N1,U6,PR4,,,,E15 4NJ,SW1A 2AA,
R,01/01/2022,S,V2,N1,U4,PR1,01/06/2023,E3,,E15 4NJ,E13 9PJ,
";

const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
A,M,10/06/2012,WBRI,UN1,,
B,F,15/05/2008,BAFR,UN1,0,
C,M,01/01/2015,MWBC,UN1,,
D,F,10/10/2006,WBRI,UN1,0,
E,M,01/03/2008,AOTH,UN2,,
F,F,01/09/2020,WBRI,UN1,0,
G,M,05/05/2010,WBRI,UN1,,
H,M,01/02/2009,WBRI,UN1,,
I,F,01/01/2013,WBRI,UN1,0,
J,M,01/07/2011,WBRI,UN1,,
K,F,12/12/2012,WBRI,UN1,0,
P,M,01/01/2014,WBRI,UN1,,
L,F,01/06/2004,WBRI,UN1,0,
M,M,01/02/2006,WBRI,UN1,,
N,M,01/05/2003,WBRI,UN1,,
O,M,01/01/2003,WBRI,UN1,,
Q,F,01/09/2007,WBRI,UN1,0,
R,M,01/05/2005,WBRI,UN1,,
";

const LAST_YEAR_HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
K,2,12/12/2012,WBRI,UN1,0,
P,1,01/01/2014,WBRI,UN1,,
R,1,01/05/2005,WBRI,UN1,,
";

const UASC: &str = "CHILD,SEX,DOB,DUC\nE,M,01/03/2008,\n";

const MISSING: &str = "CHILD,DOB,MISSING,MIS_START,MIS_END
I,01/01/2013,M,20/03/2024,21/03/2024
I,01/01/2013,M,05/05/2024,06/05/2024
I,01/01/2013,M,10/07/2024,11/07/2024
I,01/01/2013,A,01/08/2024,01/08/2024
I,01/01/2013,M,30/03/2025,
";

const SW: &str = "CHILD,DOB,SW_ID,SW_DECOM,SW_DEC,SW_REASON
A,10/06/2012,SW1,01/01/2024,01/06/2024,FCONTA
A,10/06/2012,SW2,01/06/2024,01/12/2024,LEFTRL
A,10/06/2012,SW3,01/12/2024,,MANAGE
B,15/05/2008,SW4,01/01/2020,01/05/2024,FCONTA
B,15/05/2008,SW5,01/05/2024,01/07/2024,ABSENC
B,15/05/2008,SW4,01/07/2024,,ABSENC
";

const OC2: &str = "CHILD,DOB,SDQ_SCORE,SDQ_REASON,CONVICTED,HEALTH_CHECK,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE,INTERVENTION_RECEIVED,INTERVENTION_OFFERED
B,15/05/2008,12,,0,,1,1,1,0,,
H,01/02/2009,18,,1,,1,0,0,1,1,
F,01/09/2020,,SDQ1,,1,1,1,1,0,,
";

const OC3: &str = "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM
L,01/06/2004,YES,F2,D1
M,01/02/2006,YES,G5,S2
N,01/05/2003,DIED,0,0
O,01/01/2003,YES,F1,U1
Q,01/09/2007,YES,F5,E1
R,01/05/2005,YES,F1,U1
";

fn write(dir: &Path, year: &str, files: &[(&str, String)]) {
    let folder = dir.join("316").join(year);
    std::fs::create_dir_all(&folder).unwrap();
    for (name, text) in files {
        std::fs::write(folder.join(name), text).unwrap();
    }
}

/// Both years (`history`) or this year alone, read as a user's folder would be.
fn returns(history: bool) -> (tempfile::TempDir, Vec<Returns>) {
    let dir = tempfile::tempdir().unwrap();
    write(
        dir.path(),
        "2024-25",
        &[
            ("episodes.csv", format!("{EPISODES_HEADER}\n{EPISODES}")),
            ("header.csv", HEADER.to_owned()),
            ("uasc.csv", UASC.to_owned()),
            ("missing.csv", MISSING.to_owned()),
            ("sw_episodes.csv", SW.to_owned()),
            ("oc2.csv", OC2.to_owned()),
            ("oc3.csv", OC3.to_owned()),
        ],
    );
    if history {
        write(
            dir.path(),
            "2023-24",
            &[
                ("episodes.csv", format!("{EPISODES_HEADER}\n{LAST_YEAR_EPISODES}")),
                ("header.csv", LAST_YEAR_HEADER.to_owned()),
            ],
        );
    }
    let ing = read_paths(&[dir.path().to_path_buf()], &ReadOptions::new());
    assert!(
        ing.diagnostics.iter().all(|d| d.severity != carelens_ingest::Severity::Error),
        "{:?}",
        ing.diagnostics
    );
    (dir, ing.returns)
}

fn newham() -> Area {
    Area::La(LaCode::new(316).unwrap())
}

struct Values(Vec<IndicatorValue>);

impl Values {
    fn of(options: &Options, history: bool) -> Self {
        let (_dir, sets) = returns(history);
        let c = compute(&sets, options).unwrap();
        Self(c.values(&[Level::La]))
    }

    fn get(&self, id: &str) -> &IndicatorValue {
        self.0
            .iter()
            .find(|v| v.id == id && v.area == newham() && v.year == CollectionYear::Y2024_25)
            .unwrap_or_else(|| panic!("no value for {id}"))
    }

    /// (numerator, denominator, value)
    fn nd(&self, id: &str) -> (Option<u64>, Option<u64>, Option<f64>) {
        let v = self.get(id);
        (v.numerator, v.denominator, v.value)
    }
}

fn pct(n: u64, d: u64) -> (Option<u64>, Option<u64>, Option<f64>) {
    (Some(n), Some(d), Some(((1000.0 * n as f64 / d as f64).round()) / 10.0))
}

fn count(n: u64) -> (Option<u64>, Option<u64>, Option<f64>) {
    (Some(n), None, Some(n as f64))
}

#[test]
fn children_looked_after_and_flows() {
    let v = Values::of(&Options::new(), true);
    // A B C E F H I J K P; D left, G had short breaks only.
    assert_eq!(v.nd("cla_at_31_march"), count(10));
    assert_eq!(v.nd("looked_after_in_year"), count(11));
    // E and J (J twice, counted once); G's short-break starts are left out.
    assert_eq!(v.nd("started_in_year"), count(2));
    assert_eq!(v.nd("started_cin_n8"), pct(1, 2));
    assert_eq!(v.nd("started_cin_n6"), pct(1, 2));
    // D (E17) and J (E4A).
    assert_eq!(v.nd("ceased_in_year"), count(2));
    assert_eq!(v.nd("ceased_staying_put"), pct(1, 2));
    assert_eq!(v.nd("ceased_returned_home"), pct(1, 2));
    // Ages on 31 March: F 4; A C I J K P 10-15; B E H 16-17.
    assert_eq!(v.nd("cla_age_1_to_4"), pct(1, 10));
    assert_eq!(v.nd("cla_age_10_to_15"), pct(6, 10));
    assert_eq!(v.nd("cla_age_16_plus"), pct(3, 10));
    assert_eq!(v.nd("cla_sex_male"), pct(6, 10));
    assert_eq!(v.nd("cla_uasc"), pct(1, 10));
    // Legal status on 31 March: C2 A C H K P; V2 B E; C1 I J; E1 F.
    assert_eq!(v.nd("cla_legal_status_full_care_order"), pct(5, 10));
    assert_eq!(v.nd("cla_legal_status_section_20"), pct(2, 10));
    assert_eq!(v.nd("cla_legal_status_interim_care_order"), pct(2, 10));
    assert_eq!(v.nd("cla_legal_status_placement_order"), pct(1, 10));
    // Placement on 31 March: foster B C I J K P; K2 A; K3 E H; A6 F.
    assert_eq!(v.nd("cla_placement_foster"), pct(6, 10));
    assert_eq!(v.nd("in_childrens_homes"), pct(1, 10));
    assert_eq!(v.nd("in_supported_accommodation"), pct(2, 10));
    assert_eq!(v.nd("cla_placement_adoption"), pct(1, 10));
    // Providers: PR1 B F J K; PR4 A C E H I P.
    assert_eq!(v.nd("cla_provider_own_la"), pct(4, 10));
    assert_eq!(v.nd("cla_provider_private"), pct(6, 10));
}

#[test]
fn placement_stability() {
    let v = Values::of(&Options::new(), true);
    // A 3, J 5; B 2 (temporary placement not counted, the return is), C 2 (the placement
    // that ended on 1 April is not one of the year's).
    assert_eq!(v.nd("placements_3plus"), pct(2, 10));
    // 2-year cohort: B C F H K P (K and P through last year's return). C alone has 3.
    assert_eq!(v.nd("placements_3plus_two_years"), pct(1, 6));
    // Long-term cohort (under 16, in care since 30/09/2022 or before): F K P. F by the
    // adoption rule, K through the same-carer change; P moved on 01/02/2024.
    assert_eq!(v.nd("long_term_stability"), pct(2, 3));
    // Stability Index: A 2, C 2, F 1, H 1, J 4 (3 carer changes and the re-entry).
    assert_eq!(v.nd("moves_1plus"), pct(5, 10));
    assert_eq!(v.nd("moves_2plus"), pct(3, 10));
    // A: SW1 → SW2 → SW3; B: SW4 → SW5 → SW4 (2 changes, 2 workers).
    assert_eq!(v.nd("sw_changes_2plus"), pct(2, 10));
    assert_eq!(v.nd("social_workers_3plus"), pct(1, 10));
}

#[test]
fn without_last_years_return_the_two_year_cohorts_are_what_this_year_shows() {
    let v = Values::of(&Options::new(), false);
    // K's first episode here began 01/06/2023 and P's 01/02/2024: both out of the cohorts.
    assert_eq!(v.nd("placements_3plus_two_years"), pct(1, 4));
    assert_eq!(v.nd("long_term_stability"), pct(1, 1));
    // R's transfer (E3) is in last year's return only: R now counts as a care leaver.
    assert_eq!(v.nd("care_leavers_19_21"), count(3));
    assert_eq!(v.nd("care_leavers_eet"), pct(2, 3));
}

#[test]
fn placement_counting_switches() {
    let with = |c: PlacementCounting| Values::of(&Options::new().counting(c), true);
    // B: U4, T4, U4 again → 3 when temporary placements count.
    let temps = with(PlacementCounting::new().count_temporary(true));
    assert_eq!(temps.nd("placements_3plus"), pct(3, 10));
    // Joining the return: B has 1; still A and J.
    let joined = with(PlacementCounting::new().join_temporary_returns(true));
    assert_eq!(joined.nd("placements_3plus"), pct(2, 10));
    // Without re-entries J has 1 (the U6 since 15/01/2025).
    let no_re = with(PlacementCounting::new().count_re_entries(false));
    assert_eq!(no_re.nd("placements_3plus"), pct(1, 10));
}

#[test]
fn distance_location_and_settings() {
    let v = Values::of(&Options::new(), true);
    // Over 20 miles: A (46.0) and I (104.2). Not known: E (no home postcode), F (no placement
    // postcode). The rest within: B J (1.5), C P (6.5), H (7.9), K (sectors, ~8).
    assert_eq!(v.nd("placed_over_20_miles"), pct(2, 10));
    assert_eq!(v.nd("placed_within_20_miles"), pct(6, 10));
    assert_eq!(v.nd("distance_not_known"), pct(2, 10));
    assert_eq!(v.nd("distance_from_centroids"), count(1));
    // Outside Newham: A (873) C P (213) H K (311) I (330); inside B E J; F not known.
    assert_eq!(v.nd("placed_outside_la"), pct(6, 10));
    assert_eq!(v.nd("placed_inside_la"), pct(3, 10));
    assert_eq!(v.nd("location_not_known"), pct(1, 10));
    assert_eq!(v.nd("outside_la_over_20_miles"), pct(2, 10));
    // 16-17 year olds: B E H; in supported accommodation E H.
    assert_eq!(v.nd("aged_16_17_in_supported"), pct(2, 3));
    assert_eq!(v.nd("in_childrens_homes_aged_10_to_15"), pct(1, 1));
    // H: 15/01/2025 to 31/01/2025 in K3 before turning 16.
    assert_eq!(v.nd("under16_in_unregulated_or_supported"), count(1));
    assert_eq!(v.nd("days_under16_in_unregulated_or_supported"), count(17));
}

#[test]
fn missing_health_and_care_leavers() {
    let v = Values::of(&Options::new(), true);
    // I: three missing incidents in the year (one open on 31 March), one away.
    assert_eq!(v.nd("missing_in_year"), pct(1, 11));
    assert_eq!(v.nd("missing_incidents"), count(3));
    assert_eq!(v.nd("missing_incidents_per_child"), (Some(3), Some(1), Some(3.0)));
    assert_eq!(v.nd("missing_more_than_once"), pct(1, 1));
    assert_eq!(v.nd("missing_at_31_march"), count(1));
    assert_eq!(v.nd("missing_incidents_aged_10_to_15"), count(3));
    assert_eq!(v.nd("away_in_year"), pct(1, 11));
    // OC2: B (16) H (16) F (4).
    assert_eq!(v.nd("oc2_children"), count(3));
    assert_eq!(v.nd("oc2_health_assessment"), pct(2, 3));
    assert_eq!(v.nd("oc2_development_assessments"), pct(1, 1));
    assert_eq!(v.nd("oc2_convicted"), pct(1, 2));
    assert_eq!(v.nd("oc2_sdq_recorded"), pct(2, 3));
    assert_eq!(v.nd("oc2_sdq_mean"), (Some(30), Some(2), Some(15.0)));
    assert_eq!(v.nd("oc2_sdq_concern"), pct(1, 2));
    // 19-21: L M (N died, O is 22, R transferred). 17-18: Q.
    assert_eq!(v.nd("care_leavers_19_21"), count(2));
    assert_eq!(v.nd("care_leavers_eet"), pct(1, 2));
    assert_eq!(v.nd("care_leavers_neet"), pct(1, 2));
    assert_eq!(v.nd("care_leavers_suitable_accommodation"), pct(1, 2));
    assert_eq!(v.nd("care_leavers_17_18"), count(1));
    assert_eq!(v.nd("care_leavers_eet_17_18"), pct(1, 1));
}

#[test]
fn outliers_are_listed_with_their_reasons() {
    let (_dir, sets) = returns(true);
    let c = compute(&sets, &Options::new()).unwrap();
    let list = c.outliers(&OutlierThresholds::new());
    let this_year: Vec<_> = list.iter().filter(|o| o.year == CollectionYear::Y2024_25).collect();
    let find = |id: &str| this_year.iter().find(|o| o.child.as_str() == id).map(|o| &o.reasons);
    assert_eq!(find("J"), Some(&vec![OutlierReason::ManyPlacements(5)]));
    assert_eq!(find("I"), Some(&vec![OutlierReason::FarFromHome(104.2)]));
    assert_eq!(find("H"), Some(&vec![OutlierReason::Under16InBarredSetting(17)]));
    assert_eq!(this_year.len(), 3, "{this_year:?}");
    let strict = c.outliers(&OutlierThresholds::new().missing_incidents(3).miles(40.0));
    let i = strict.iter().find(|o| o.child.as_str() == "I" && o.year == CollectionYear::Y2024_25);
    assert_eq!(i.map(|o| o.reasons.len()), Some(2));
    assert!(strict.iter().any(|o| o.child.as_str() == "A"), "A is 46.0 miles away");
}

#[test]
fn one_year_can_be_picked_and_last_year_still_gives_history() {
    let (_dir, sets) = returns(true);
    let c = compute(&sets, &Options::new().year(Some(CollectionYear::Y2024_25))).unwrap();
    assert_eq!(c.years(), [CollectionYear::Y2024_25]);
    let v = c.values(&[Level::La, Level::England]);
    let lt = v.iter().find(|v| v.id == "long_term_stability" && v.area == newham()).unwrap();
    assert_eq!((lt.numerator, lt.denominator), (Some(2), Some(3)));
    // One LA: England is the same numbers.
    let e = v.iter().find(|v| v.id == "long_term_stability" && v.area == Area::England).unwrap();
    assert_eq!((e.numerator, e.denominator), (Some(2), Some(3)));
}
