//! Children's homes and supported / unregulated / "other arrangements" settings by age, and
//! under-16s in settings barred for them (spec `indicators.md` (c), (d)).

use super::{is_childrens_home, is_supported, one, place};
use crate::catalogue::share;
use crate::catalogue::{Breakdown, Category, Indicator, Item, Published, Rule, Topic, Unit};
use crate::record::ChildRecord;

fn in_home(c: &ChildRecord) -> bool {
    place(c).is_some_and(is_childrens_home)
}

fn in_supported(c: &ChildRecord) -> bool {
    place(c).is_some_and(is_supported)
}

fn aged_16_17(c: &ChildRecord) -> bool {
    c.is_cla() && matches!(c.age, Some(16..=17))
}

pub(super) fn items() -> Vec<Item> {
    vec![
        Item::Breakdown(Breakdown {
            id: "childrens_homes_age",
            title: "Children in secure homes and children's homes at 31 March by age",
            topic: Topic::Settings,
            total: "in_childrens_homes",
            cohort_text: "Children looked after at 31 March in K1 or K2.",
            sources: &["Episodes.PLACE", "Header.DOB"],
            needs: None,
            cohort: in_home,
            classify: age_band,
            categories: HOMES_AGE,
        }),
        Item::Breakdown(Breakdown {
            id: "supported_age",
            title: "Children in independent or semi-independent living or supported accommodation at 31 March by age",
            topic: Topic::Settings,
            total: "in_supported_accommodation",
            cohort_text: "Children looked after at 31 March in H5, P2 or K3.",
            sources: &["Episodes.PLACE", "Header.DOB"],
            needs: None,
            cohort: in_supported,
            classify: age_band,
            categories: SUPPORTED_AGE,
        }),
        Item::One(Indicator {
            id: "aged_16_17_in_supported",
            title: "16-17 year olds in independent or semi-independent living or supported accommodation",
            topic: Topic::Settings,
            unit: Unit::Percent,
            definition: "Of the denominator, children whose PLACE on 31 March is H5, P2 or K3 (unregulated \"other arrangements\" until registration with Ofsted became mandatory on 28 October 2023; registered supported accommodation since).",
            denominator: Some("Children looked after at 31 March aged 16 or 17 then."),
            sources: &["Episodes.PLACE", "Header.DOB"],
            family: None,
            headline: true,
            published: Published::Dfe {
                get: |f| share(f.placement.supported_accommodation, f.age.from_16.number),
                note: "derived: all children in the supported-accommodation group over all children aged 16 and over",
            },
            needs: None,
            rule: Rule::Sum {
                num: |c| one(aged_16_17(c) && in_supported(c)),
                den: Some(|c| one(aged_16_17(c))),
            },
        }),
        Item::One(Indicator {
            id: "under16_in_unregulated_or_supported",
            title: "Children under 16 placed in settings barred for them",
            topic: Topic::Settings,
            unit: Unit::Count,
            definition: "Children who were under 16 on at least one day of the year on which they were placed in H5, P2 or K3 (an episode covers DECOM to the day before DEC, or to 31 March when open). Placing looked-after children under 16 in these settings has been unlawful since 9 September 2021: any child counted here needs a look.",
            denominator: None,
            sources: &["Episodes.PLACE", "Episodes.DECOM", "Episodes.DEC", "Header.DOB"],
            family: None,
            headline: true,
            published: Published::None,
            needs: None,
            rule: Rule::Sum { num: |c| one(c.days_under_16_in_barred_settings > 0), den: None },
        }),
        Item::One(Indicator {
            id: "days_under16_in_unregulated_or_supported",
            title: "Days under-16s spent in settings barred for them",
            topic: Topic::Settings,
            unit: Unit::Count,
            definition: "The number of days, summed over children, counted by under16_in_unregulated_or_supported.",
            denominator: None,
            sources: &["Episodes.PLACE", "Episodes.DECOM", "Episodes.DEC", "Header.DOB"],
            family: None,
            headline: false,
            published: Published::None,
            needs: None,
            rule: Rule::Sum { num: |c| u32::from(c.days_under_16_in_barred_settings), den: None },
        }),
    ]
}

/// Under 10 (0), 10 to 15 (1), 16 and 17 (2), 18 and over (3), not known (4).
fn age_band(c: &ChildRecord) -> usize {
    match c.age {
        Some(..=9) => 0,
        Some(10..=15) => 1,
        Some(16..=17) => 2,
        Some(18..) => 3,
        None => 4,
    }
}

const fn band(id: &'static str, title: &'static str, definition: &'static str) -> Category {
    Category { id, title, definition, headline: false, published: Published::None }
}

const HOMES_AGE: &[Category] = &[
    band(
        "in_childrens_homes_aged_under_10",
        "In children's homes: aged under 10",
        "Age on 31 March under 10.",
    ),
    band(
        "in_childrens_homes_aged_10_to_15",
        "In children's homes: aged 10 to 15",
        "Age on 31 March 10 to 15.",
    ),
    band(
        "in_childrens_homes_aged_16_17",
        "In children's homes: aged 16 or 17",
        "Age on 31 March 16 or 17.",
    ),
    band(
        "in_childrens_homes_aged_18_plus",
        "In children's homes: aged 18 or over",
        "Age on 31 March 18 or more.",
    ),
    band(
        "in_childrens_homes_age_not_known",
        "In children's homes: age not known",
        "No valid date of birth.",
    ),
];

const SUPPORTED_AGE: &[Category] = &[
    band(
        "in_supported_aged_under_10",
        "In supported accommodation: aged under 10",
        "Age on 31 March under 10: barred since 9 September 2021.",
    ),
    band(
        "in_supported_aged_10_to_15",
        "In supported accommodation: aged 10 to 15",
        "Age on 31 March 10 to 15: barred since 9 September 2021.",
    ),
    band(
        "in_supported_aged_16_17",
        "In supported accommodation: aged 16 or 17",
        "Age on 31 March 16 or 17.",
    ),
    band(
        "in_supported_aged_18_plus",
        "In supported accommodation: aged 18 or over",
        "Age on 31 March 18 or more.",
    ),
    band(
        "in_supported_age_not_known",
        "In supported accommodation: age not known",
        "No valid date of birth.",
    ),
];
