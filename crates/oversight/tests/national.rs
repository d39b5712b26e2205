//! Headline figures, owners and LAs on the shipped data.

use carelens_model::LaCode;
use carelens_oversight::{LaMetric, Oversight, ProviderGroup, SizeBand, owner_key};

/// Done means: the published national headline figures for children's homes are reproduced
/// exactly from the shipped data. Every figure of `national_calibration_figures.csv` dated
/// 31 March 2025 that the register can give is computed and must equal the published value.
#[test]
fn national_headline_figures_match_the_published_ones_exactly() {
    let o = Oversight::shipped();
    let checks = o.national_headlines(2025);
    let measures: Vec<&str> = checks.iter().map(|c| c.measure.as_str()).collect();
    for m in [
        "childrens_homes_mainstream",
        "childrens_homes_all_types",
        "childrens_homes_mainstream_places",
        "childrens_homes_mean_places",
        "childrens_homes_share_private",
        "childrens_homes_share_local_authority",
        "childrens_homes_share_voluntary",
        "childrens_homes_latest_judgement_outstanding",
        "childrens_homes_latest_judgement_good",
        "childrens_homes_latest_judgement_requires_improvement",
        "childrens_homes_latest_judgement_inadequate",
        "childrens_homes_not_yet_inspected",
        "private_childrens_home_owners_distinct",
        "private_childrens_homes_share_top10_owners",
        "las_ilacs_outstanding",
        "las_ilacs_inadequate",
    ] {
        assert!(measures.contains(&m), "{m} is not checked");
    }
    let wrong: Vec<String> = checks
        .iter()
        .filter(|c| !c.matches)
        .map(|c| format!("{}: computed {} published {}", c.measure, c.computed, c.published))
        .collect();
    assert!(wrong.is_empty(), "{wrong:#?}");
    // The good-or-outstanding share FINDINGS quotes: 12.5% + 72.9% = 85.4%.
    let all = o.sector_comparison(2025);
    let mut total = carelens_oversight::RatingCounts::default();
    for r in all.rows.iter().filter(|r| !matches!(r.group, ProviderGroup::Private(_))) {
        total.merge(&r.ratings);
    }
    assert_eq!(total.total(), 3_946);
    let good = total.good_or_outstanding_pct().unwrap();
    assert_eq!((good * 10.0).round() / 10.0, 85.4);
}

#[test]
fn sector_comparison_covers_every_home_and_band() {
    let o = Oversight::shipped();
    let c = o.sector_comparison(2025);
    let get = |g| c.rows.iter().find(|r| r.group == g).unwrap();
    let private = get(ProviderGroup::AllPrivate);
    let bands: u32 =
        SizeBand::ALL.iter().map(|b| get(ProviderGroup::Private(*b)).ratings.total()).sum();
    assert_eq!(bands, private.ratings.total());
    // 84.1% of 3,946 homes are private (FINDINGS §2).
    assert_eq!(private.ratings.total(), 3_320);
    assert!(get(ProviderGroup::Private(SizeBand::One)).owners > 300);
    assert!(!c.finding.is_empty());
}

#[test]
fn a_named_owner_page_lists_its_homes_ratings_and_share() {
    let o = Oversight::shipped();
    let key = o.find_owner("Cambian Childcare Ltd").unwrap();
    assert_eq!(key, owner_key("Cambian Childcare Limited").unwrap());
    let page = o.owner_profile(&key).unwrap();
    // FINDINGS §2: the largest owner, Cambian Childcare, has 182 homes at 31 March 2025.
    assert_eq!(page.summary.homes, 182);
    let open = page.homes.iter().filter(|h| h.home.status == carelens_oversight::HomeStatus::Open);
    assert_eq!(open.count(), 182);
    assert!(page.homes.iter().all(|h| !h.ratings_by_year.is_empty()));
    assert!(page.over_time.iter().any(|y| y.year == 2018));
    assert!(page.summary.share_of_homes_pct > 4.0 && page.summary.share_of_homes_pct < 5.0);
    let regional: u32 = page.regions.iter().map(|r| r.homes).sum();
    assert_eq!(regional, 182);
    assert!(!page.closed.is_empty(), "Cambian has closed homes since 2018");
    let svg = carelens_oversight::owner_map_svg(&page);
    assert!(svg.starts_with("<svg") && svg.contains("Cambian"));
}

#[test]
fn league_table_covers_all_153_las_with_ilacs_and_dfe_figures() {
    let o = Oversight::shipped();
    let rows = o.la_table(2025);
    assert_eq!(rows.len(), 153);
    assert!(rows.iter().all(|r| r.ilacs.as_ref().is_some_and(|i| i.overall.is_some())));
    assert!(rows.iter().all(|r| r.dfe_year == 2025));
    // Every LA but the City of London and Isles of Scilly (suppressed) has its CLA count.
    assert_eq!(rows.iter().filter(|r| r.cla.is_none()).count(), 2);
    let newham = rows.iter().find(|r| r.code == LaCode::new(316).unwrap()).unwrap();
    // Read from the DfE files (2025): 404 CLA, 48 per 10,000, 11% with 3+ placements,
    // 63% outside the LA, 26 UASC; 28 children in secure and children's homes.
    assert_eq!((newham.cla, newham.cla_rate_per_10k), (Some(404), Some(48)));
    assert_eq!(newham.three_plus_placements_pct, Some(11));
    assert_eq!(newham.outside_la_pct, Some(63));
    assert_eq!(newham.uasc, Some(26));
    assert_eq!(newham.children_in_homes, Some(28));
    assert_eq!(newham.places_minus_children, Some(i64::from(newham.places_in_la) - 28));
    let places: u32 = rows.iter().map(|r| r.places_in_la).sum();
    assert_eq!(places, 14_275, "every home's places fall in one LA");
    let league = o.la_league(2025, LaMetric::Ilacs);
    assert_eq!(league[0].ilacs.as_ref().and_then(|i| i.overall).map(|g| g.grade()), Some(4));
    for metric in LaMetric::ALL {
        let svg = carelens_oversight::la_map_svg(&rows, metric);
        assert_eq!(svg.matches("<circle").count(), 153, "{metric:?}");
    }
    let regions = o.region_table(2025);
    assert_eq!(regions.iter().map(|r| r.las).sum::<u32>(), 153);
    assert_eq!(regions.iter().map(|r| r.homes).sum::<u32>(), 3_946);
}

#[test]
fn la_profile_has_history_and_ranks() {
    let o = Oversight::shipped();
    let p = o.la_profile(LaCode::new(316).unwrap(), 2025).unwrap();
    assert!(!p.ilacs_history.is_empty());
    assert!(p.years.iter().any(|y| y.year == 2021 && y.cla.is_some()));
    assert_eq!(p.homes.len() as u32, p.row.homes_in_la);
    assert!(p.ranks.iter().all(|(_, r)| (1..=153).contains(r)));
}

#[test]
fn homes_are_found_with_their_history() {
    let o = Oversight::shipped();
    let found = o.search_homes("Your Chapter", false);
    assert!(found.len() >= 10, "{}", found.len());
    let profile = o.home_profile(&found[0].urn).unwrap();
    assert!(!profile.years.is_empty());
    assert!(profile.inspections.windows(2).all(|w| w[0].date <= w[1].date));
    let json = serde_json::to_string(&profile).unwrap();
    assert!(json.contains(found[0].urn.as_str()));
}

#[test]
fn ratings_over_time_span_2015_to_2025() {
    let o = Oversight::shipped();
    let series = o.ratings_over_time();
    let years: std::collections::BTreeSet<i16> = series.iter().map(|s| s.year).collect();
    assert_eq!(years.first(), Some(&2015));
    assert_eq!(years.last(), Some(&2025));
    let svg = carelens_oversight::ratings_chart_svg(&series);
    assert_eq!(svg.matches("<polyline").count(), 3);
}
