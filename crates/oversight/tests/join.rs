//! The 903 join on hand-made and generated returns whose URNs are real.

use carelens_model::{CollectionYear, Episode, LaCode, Loc, Missing, Return903, Row, Urn};
use carelens_oversight::Oversight;

/// CHILD, DECOM, RNE, LS, PLACE, DEC, REC, REASON_PLACE_CHANGE, URN
fn ep(cells: [&str; 9]) -> Episode {
    let [child, decom, rne, ls, place, dec, rec, rpc, urn] = cells;
    let row = [child, decom, rne, ls, "N1", place, "PR4", dec, rec, rpc, "", "", urn];
    Episode::from_cells(Loc::default(), |i| row.get(i).copied())
}

fn missing(child: &str, start: &str) -> Missing {
    let row = [child, "01/01/2010", "M", start, ""];
    Missing::from_cells(Loc::default(), |i| row.get(i).copied())
}

/// Worked by hand from the shipped register:
/// * 2735938 (Young Foundations Limited, Calderdale) was registered 2023-08-07; its only full
///   inspection, 2024-06-19, was requires improvement.
/// * 1027164 (Your Chapter Limited) was graded good at 2024-01-02 and outstanding at
///   2025-01-14, so good on 2024-10-01.
///
/// Child A: 2735938 from 01/07/2024 (RI then), ends 01/10/2024 with STAND (unplanned), then
/// 1027164 (good then, open). Child B: 2735938 10/01/2024–01/03/2024 (before its first grade),
/// ends CARPL (planned). Child C: SC999998 (unknown). Child D: XXXXXXX (not Ofsted).
/// Missing: A on 15/08/2024 (in 2735938) and 20/10/2024 (in 1027164); B on 01/05/2024 (after
/// leaving care: counted nowhere).
#[test]
fn hand_made_return_joins_as_worked_out() {
    let mut ret = Return903::new(Some(CollectionYear::Y2024_25), LaCode::new(316).ok());
    ret.tables.episodes.rows = vec![
        ep(["A", "01/07/2024", "S", "C2", "K2", "01/10/2024", "X1", "STAND", "2735938"]),
        ep(["A", "01/10/2024", "P", "C2", "K2", "", "", "", "1027164"]),
        ep(["B", "10/01/2024", "S", "V2", "K2", "01/03/2024", "E4A", "CARPL", "2735938"]),
        ep(["C", "01/05/2024", "S", "C2", "K2", "", "", "", "SC999998"]),
        ep(["D", "01/05/2024", "S", "C2", "U4", "", "", "", "XXXXXXX"]),
    ];
    ret.tables.missing.rows =
        vec![missing("A", "15/08/2024"), missing("A", "20/10/2024"), missing("B", "01/05/2024")];
    let r = Oversight::shipped().join_903(&[&ret]);
    assert_eq!((r.placements, r.with_urn, r.not_ofsted, r.linked), (5, 5, 1, 3));
    assert_eq!((r.children_in_ri_or_inadequate, r.placements_in_ri_or_inadequate), (1, 1));
    assert_eq!(r.unknown_urns.len(), 1);
    assert_eq!(r.unknown_urns[0].urn, Urn::parse("SC999998").unwrap());
    assert_eq!(r.unknown_urns[0].place_codes, ["K2"]);
    let home = |urn: &str| r.per_home.iter().find(|h| h.urn.as_str() == urn).unwrap();
    let yf = home("2735938");
    assert_eq!((yf.placements, yf.children), (2, 2));
    assert_eq!((yf.placements_while_ri_or_inadequate, yf.placements_before_first_grade), (1, 1));
    assert_eq!((yf.ended, yf.ended_unplanned), (2, 1));
    assert_eq!((yf.missing_incidents, yf.children_missing), (1, 1));
    let yc = home("1027164");
    assert_eq!((yc.placements, yc.placements_while_ri_or_inadequate, yc.ended), (1, 0, 0));
    assert_eq!(yc.missing_incidents, 1);
    let owner = |name: &str| r.per_owner.iter().find(|o| o.owner.contains(name)).unwrap();
    assert_eq!(owner("Young Foundations").placements, 2);
    assert_eq!(owner("Your Chapter").missing_incidents, 1);
}

#[test]
fn generated_returns_link_real_urns_and_list_unknown_ones() {
    let opts = carelens_generate::GenerateOptions::new(CollectionYear::Y2024_25)
        .las(vec![LaCode::new(316).unwrap()])
        .seed(7);
    let mut las = carelens_generate::generate(&opts).unwrap();
    let mut la = las.remove(0);
    // Make one placement's URN unknown to the register: it must be listed, not dropped.
    let idx = la
        .current
        .tables
        .episodes
        .rows
        .iter()
        .position(|e| e.urn.value().is_some_and(|u| *u != Urn::NotOfsted))
        .unwrap();
    let row = ["Z999", "01/06/2024", "S", "C2", "N1", "K2", "PR4", "", "", "", "", "", "SC000001"];
    la.current
        .tables
        .episodes
        .rows
        .push(Episode::from_cells(Loc::default(), |i| row.get(i).copied()));
    let o = Oversight::shipped();
    let r = o.join_903(&[&la.current, &la.previous]);
    assert!(idx < la.current.tables.episodes.rows.len());
    assert!(r.linked > 50, "{}", r.linked);
    assert!(r.unknown_urns.iter().any(|u| u.urn.as_str() == "SC000001"));
    // Every placement with an Ofsted URN is linked or listed as unknown.
    let unknown: u32 = r.unknown_urns.iter().map(|u| u.placements).sum();
    assert_eq!(r.linked + unknown + r.not_ofsted, r.with_urn);
    let per_home: u32 = r.per_home.iter().map(|h| h.placements).sum();
    let per_owner: u32 = r.per_owner.iter().map(|h| h.placements).sum();
    assert_eq!((per_home, per_owner), (r.linked, r.linked));
    assert!(r.per_home.iter().all(|h| h.ended_unplanned <= h.ended && h.ended <= h.placements));
    assert!(r.per_home.iter().any(|h| h.ended > 0));
    let json = serde_json::to_value(&r).unwrap();
    assert!(json["per_owner"].as_array().is_some_and(|a| !a.is_empty()));
}
