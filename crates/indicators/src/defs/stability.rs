//! Placement stability: the DfE's measures (spec `indicators.md` a4, a5) and the Children's
//! Commissioner's Stability Index (spec (b)).

use carelens_model::TableKind;

use super::{cla, one};
use crate::catalogue::{
    Indicator, Item, Published, PublishedValue, Rule, Topic, Unit, ratio_of, share,
};

const CLA_TEXT: &str = "Children looked after at 31 March.";

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::One(Indicator {
            id: "placements_3plus",
            title: "Children with 3 or more placements during the year",
            topic: Topic::PlacementStability,
            unit: Unit::Percent,
            definition: "Children looked after at 31 March with 3 or more placements open at some time from 1 April to 31 March. A placement begins at an episode with RNE S, P, B, T or U and continues through RNE L episodes (spec ssda903.md §7); the one open on 1 April counts as the first; a placement that ended on 1 April does not count. Temporary placements (T0-T4) are not counted (spec indicators.md a4, option ii); the placement the child returns to after one starts with RNE P and so counts as a placement. Same-carer changes (RNE T, U) are new placements, and placements before a re-entry to care in the year count. Each of these choices is a switch (PlacementCounting; carelens indicators --same-carer-not-new, --count-temporary, --join-temporary-returns, --no-re-entries).",
            denominator: Some(CLA_TEXT),
            sources: &[
                "Episodes.DECOM",
                "Episodes.DEC",
                "Episodes.RNE",
                "Episodes.PLACE",
                "Episodes.PLACE_PROVIDER",
                "Episodes.PL_POST",
                "Episodes.URN",
            ],
            family: None,
            headline: true,
            published: Published::Dfe {
                get: |f| share(f.stability.three_or_more_placements, f.cla_at_31_march),
                note: "",
            },
            needs: None,
            rule: Rule::Sum {
                num: |c| one(cla(c) && c.placements >= 3),
                den: Some(|c| one(cla(c))),
            },
        }),
        Item::One(Indicator {
            id: "placements_3plus_two_years",
            title: "Children looked after for 2 years with 3 or more placements in those 2 years",
            topic: Topic::PlacementStability,
            unit: Unit::Percent,
            definition: "Of the denominator, children with 3 or more placements (counted as for placements_3plus) open at some time from 1 April two years before to 31 March.",
            denominator: Some(
                "Children looked after at 31 March whose period of care began on or before 31 March two years earlier. A period whose first episode is not in the returns given (its first episode seen has RNE other than S) is taken to begin at that episode, so give earlier years' returns for this measure.",
            ),
            sources: &["Episodes.DECOM", "Episodes.DEC", "Episodes.RNE", "Episodes.PLACE"],
            family: None,
            headline: false,
            published: Published::Dfe {
                get: |f| {
                    share(
                        f.stability.three_or_more_placements_in_two_years,
                        f.stability.looked_after_two_years,
                    )
                },
                note: "",
            },
            needs: None,
            rule: Rule::Sum {
                num: |c| one(c.two_year_placements.is_some_and(|n| n >= 3)),
                den: Some(|c| one(c.two_year_placements.is_some())),
            },
        }),
        Item::One(Indicator {
            id: "long_term_stability",
            title: "Long-term stability: living with the same carer for 2 years",
            topic: Topic::PlacementStability,
            unit: Unit::Percent,
            definition: "Of the denominator, children whose placement on 31 March, joined back through same-carer changes (RNE T or U, end to start) and legal-status changes (RNE L), began on or before 31 March two years earlier; or who are placed for adoption (A3-A6) and whose placement before the adoption placement began on or before that date (the adoption placement and the one before it together last 2 years). Temporary placements are skipped as for placements_3plus; a child in a temporary placement on 31 March is measured on the placement before it.",
            denominator: Some(
                "Children looked after at 31 March, aged under 16 then, whose period of care began on or before 31 March minus 2 years 6 months by the calendar (30 September three years before). A period whose first episode is not in the returns given is taken to begin at the first episode seen, so give earlier years' returns for this measure.",
            ),
            sources: &[
                "Episodes.DECOM",
                "Episodes.DEC",
                "Episodes.RNE",
                "Episodes.PLACE",
                "Header.DOB",
            ],
            family: None,
            headline: true,
            published: Published::Dfe {
                get: |f| share(f.stability.same_carer_two_years, f.stability.long_term_under_16),
                note: "",
            },
            needs: None,
            rule: Rule::Sum {
                num: |c| one(c.long_term_stable == Some(true)),
                den: Some(|c| one(c.long_term_stable.is_some())),
            },
        }),
        Item::One(Indicator {
            id: "moves_1plus",
            title: "Children with 1 or more placement changes in the year (Stability Index)",
            topic: Topic::StabilityIndex,
            unit: Unit::Percent,
            definition: "Children looked after at 31 March with at least one placement change from 1 April to 31 March. A change is a new placement with a change of carer (RNE P or B) or a re-entry to care (RNE S); a child's first entry to care in the year is not a change when the child was not looked after on 31 March the year before. Same-carer changes (RNE T, U) and legal-status changes (L) are not changes; nor are moves into a temporary placement (T0-T4) or back from one to the same placement (a move from a temporary placement to a different one is).",
            denominator: Some(CLA_TEXT),
            sources: &["Episodes.DECOM", "Episodes.RNE", "Episodes.PLACE", "Episodes.PL_POST"],
            family: None,
            headline: true,
            published: Published::None,
            needs: None,
            rule: Rule::Sum { num: |c| one(cla(c) && c.moves >= 1), den: Some(|c| one(cla(c))) },
        }),
        Item::One(Indicator {
            id: "moves_2plus",
            title: "Children with 2 or more placement changes in the year (Stability Index)",
            topic: Topic::StabilityIndex,
            unit: Unit::Percent,
            definition: "Children looked after at 31 March with at least two placement changes from 1 April to 31 March, changes counted as for moves_1plus (the Stability Index's \"multiple placement changes\").",
            denominator: Some(CLA_TEXT),
            sources: &["Episodes.DECOM", "Episodes.RNE", "Episodes.PLACE", "Episodes.PL_POST"],
            family: None,
            headline: true,
            published: Published::Quoted {
                values: &[(
                    2018,
                    PublishedValue {
                        numerator: Some(7_900.0),
                        denominator: Some(75_420.0),
                        value: Some(10.4),
                    },
                )],
                source: "Children's Commissioner, Stability Index 2019 technical report (children in care at 31 March 2018)",
            },
            needs: None,
            rule: Rule::Sum { num: |c| one(cla(c) && c.moves >= 2), den: Some(|c| one(cla(c))) },
        }),
        Item::One(Indicator {
            id: "sw_changes_2plus",
            title: "Children with 2 or more social worker changes in the year (Stability Index)",
            topic: Topic::StabilityIndex,
            unit: Unit::Percent,
            definition: "Children looked after at 31 March with 2 or more changes of social worker from 1 April to 31 March: a change is a SWEpisodes row whose SW_DECOM is in the year and whose SW_ID differs from that of the child's allocation just before it (rows ordered by SW_DECOM); the child's first allocation in the table is not a change.",
            denominator: Some(
                "Children looked after at 31 March, in LAs whose return includes SWEpisodes (2023/24 onwards).",
            ),
            sources: &["SWEpisodes.SW_ID", "SWEpisodes.SW_DECOM"],
            family: None,
            headline: true,
            published: Published::Quoted {
                values: &[(
                    2018,
                    PublishedValue { numerator: None, denominator: None, value: Some(25.0) },
                )],
                source: "Children's Commissioner, Stability Index 2019 (about 1 in 4, 2017/18, 140 LAs' bespoke returns)",
            },
            needs: Some(TableKind::SwEpisodes),
            rule: Rule::Sum {
                num: |c| one(cla(c) && c.social_worker_changes.is_some_and(|n| n >= 2)),
                den: Some(|c| one(cla(c))),
            },
        }),
        Item::One(Indicator {
            id: "social_workers_3plus",
            title: "Children with 3 or more social workers during the year (DfE)",
            topic: Topic::StabilityIndex,
            unit: Unit::Percent,
            definition: "Children looked after at 31 March with 3 or more distinct SW_IDs among SWEpisodes rows open at some time from 1 April to 31 March (SW_DECOM on or before 31 March, SW_DEC blank or on or after 1 April). A social worker who returns counts once.",
            denominator: Some(
                "Children looked after at 31 March, in LAs whose return includes SWEpisodes (2023/24 onwards).",
            ),
            sources: &["SWEpisodes.SW_ID", "SWEpisodes.SW_DECOM", "SWEpisodes.SW_DEC"],
            family: None,
            headline: true,
            published: Published::Dfe {
                get: |f| ratio_of(f.three_or_more_social_workers.number, f.social_worker_cla),
                note: "2024 only; the DfE's denominator excludes Barnet",
            },
            needs: Some(TableKind::SwEpisodes),
            rule: Rule::Sum {
                num: |c| one(cla(c) && c.social_workers.is_some_and(|n| n >= 3)),
                den: Some(|c| one(cla(c))),
            },
        }),
    ]
}
