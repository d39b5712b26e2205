//! The indicator catalogue: every indicator declared once, with its definition, denominator,
//! source fields and the published figure it is compared with. Reports, the CLI catalogue,
//! `docs/indicators.md` and every output format are generated from these declarations.

use std::sync::OnceLock;

use carelens_model::{CollectionYear, TableKind};
use carelens_public::{Count, LaFigures};
use serde::Serialize;

use crate::area::Area;
use crate::defs;
use crate::record::ChildRecord;

/// What an indicator's value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// A percentage: 100 × numerator / denominator.
    Percent,
    /// A count of children or incidents: the numerator; there is no denominator.
    Count,
    /// A mean: numerator / denominator (incidents per child, mean score).
    Mean,
}

impl Unit {
    /// `%`, `count` or `mean`, as reports label the unit.
    pub const fn label(self) -> &'static str {
        match self {
            Self::Percent => "%",
            Self::Count => "count",
            Self::Mean => "mean",
        }
    }
}

/// The group an indicator is listed under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Topic {
    /// Children looked after at 31 March and who they are.
    ChildrenLookedAfter,
    /// Starting and ceasing to be looked after.
    StartsAndCeases,
    /// The DfE's placement stability measures.
    PlacementStability,
    /// The Children's Commissioner's Stability Index measures.
    StabilityIndex,
    /// Distance from home and placement outside the LA.
    Location,
    /// Children's homes, supported accommodation and settings barred for under-16s.
    Settings,
    /// Who provides the placement.
    Providers,
    /// Missing and away from placement.
    Missing,
    /// Health of children looked after for 12 months (OC2).
    Health,
    /// Care leavers (OC3).
    CareLeavers,
}

impl Topic {
    /// Every topic, in catalogue order.
    pub const ALL: [Topic; 10] = [
        Self::ChildrenLookedAfter,
        Self::StartsAndCeases,
        Self::PlacementStability,
        Self::StabilityIndex,
        Self::Location,
        Self::Settings,
        Self::Providers,
        Self::Missing,
        Self::Health,
        Self::CareLeavers,
    ];

    /// The heading.
    pub const fn title(self) -> &'static str {
        match self {
            Self::ChildrenLookedAfter => "Children looked after at 31 March",
            Self::StartsAndCeases => "Starting and ceasing to be looked after",
            Self::PlacementStability => "Placement stability (DfE)",
            Self::StabilityIndex => "Stability Index (Children's Commissioner)",
            Self::Location => "Distance from home and placement outside the LA",
            Self::Settings => "Children's homes and supported accommodation",
            Self::Providers => "Placement providers",
            Self::Missing => "Missing and away from placement",
            Self::Health => "Health of children looked after for 12 months (OC2)",
            Self::CareLeavers => "Care leavers (OC3)",
        }
    }
}

/// A published figure: the numbers the DfE (or another source) printed for an area and year.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct PublishedValue {
    /// The published count, when printed (national counts are rounded to the nearest 10).
    pub numerator: Option<f64>,
    /// The published denominator, when printed.
    pub denominator: Option<f64>,
    /// The value in the indicator's unit: for a percentage, computed from the published counts
    /// where both are printed (more precise than the rounded percentage), else the printed
    /// percentage.
    pub value: Option<f64>,
}

impl PublishedValue {
    /// A published count.
    pub fn count(n: f64) -> Self {
        Self { numerator: Some(n), denominator: None, value: Some(n) }
    }
}

/// Where an indicator's published figure comes from.
#[derive(Clone, Copy, Debug)]
pub enum Published {
    /// Nothing comparable is published.
    None,
    /// The DfE's figures shipped in `carelens-public`, for each LA and England, years ending
    /// 31 March 2020–2025 ([`carelens_public::la_figures`], [`carelens_public::england_figures`]).
    Dfe {
        /// Reads the figure from one area's published row.
        get: fn(&LaFigures) -> Option<PublishedValue>,
        /// What is compared, when it is not exactly the same measure.
        note: &'static str,
    },
    /// National figures quoted in the spec (`shared/spec/indicators.md`) from a named source.
    Quoted {
        /// (year ending 31 March, value).
        values: &'static [(i16, PublishedValue)],
        /// The source.
        source: &'static str,
    },
}

/// How an indicator is computed from child records (crate-internal).
#[derive(Clone, Copy)]
pub(crate) enum Rule {
    /// Numerator and (for percentages and means) denominator summed over children.
    Sum { num: fn(&ChildRecord) -> u32, den: Option<fn(&ChildRecord) -> u32> },
    /// One category of a breakdown: children of the cohort whose class is `index`.
    Category { family: usize, index: usize },
}

/// One indicator.
#[derive(Clone, Copy)]
#[non_exhaustive]
pub struct Indicator {
    /// Stable identifier, snake case (`placements_3plus`).
    pub id: &'static str,
    /// Short title for people.
    pub title: &'static str,
    /// Its group.
    pub topic: Topic,
    /// Percentage, count or mean.
    pub unit: Unit,
    /// The exact definition (what the numerator counts).
    pub definition: &'static str,
    /// The denominator, for percentages and means.
    pub denominator: Option<&'static str>,
    /// The SSDA903 fields it reads (`Episodes.DECOM`, derived `PL_DISTANCE`).
    pub sources: &'static [&'static str],
    /// The breakdown it belongs to, if any ([`Family::id`]).
    pub family: Option<&'static str>,
    /// Among the headline measures (charts, the default text report).
    pub headline: bool,
    /// The published figure it is compared with.
    pub published: Published,
    /// The table it needs: an LA whose return lacks it has no value (not zero).
    pub needs: Option<TableKind>,
    pub(crate) rule: Rule,
}

impl std::fmt::Debug for Indicator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Indicator").field("id", &self.id).finish_non_exhaustive()
    }
}

impl Indicator {
    /// The published figure for `area` and `year`, when there is one: the DfE's row for the LA
    /// or England (regions are not shipped), or a figure quoted for England.
    pub fn published_value(&self, area: Area, year: CollectionYear) -> Option<PublishedValue> {
        let y = year.end_year();
        match self.published {
            Published::None => None,
            Published::Dfe { get, .. } => {
                let row = match area {
                    Area::England => carelens_public::england_figures(y),
                    Area::La(code) => carelens_public::la_figures(code, y),
                    Area::Region(_) => None,
                }?;
                get(row)
            }
            Published::Quoted { values, .. } => match area {
                Area::England => values.iter().find(|(vy, _)| *vy == y).map(|(_, v)| *v),
                _ => None,
            },
        }
    }

    /// Where the published figure comes from, in words.
    pub fn published_source(&self) -> Option<String> {
        match self.published {
            Published::None => None,
            Published::Dfe { note, .. } => Some(if note.is_empty() {
                "DfE, Children looked after in England including adoptions".to_owned()
            } else {
                format!("DfE, Children looked after in England including adoptions ({note})")
            }),
            Published::Quoted { source, .. } => Some(source.to_owned()),
        }
    }
}

/// A breakdown: categories that partition a cohort, whose numerators add up to the numerator
/// of the indicator that counts the cohort ([`Family::total`]).
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Family {
    /// Identifier (`cla_placement`).
    pub id: &'static str,
    /// Title.
    pub title: &'static str,
    /// The indicator whose numerator is the cohort the categories divide.
    pub total: &'static str,
    /// The categories' indicator ids, in order.
    pub members: Vec<&'static str>,
    pub(crate) cohort: fn(&ChildRecord) -> bool,
    pub(crate) classify: fn(&ChildRecord) -> usize,
}

/// A declaration in `defs`: one indicator, or a breakdown with its categories.
pub(crate) enum Item {
    One(Indicator),
    Breakdown(Breakdown),
}

/// A breakdown as declared.
pub(crate) struct Breakdown {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) topic: Topic,
    pub(crate) total: &'static str,
    /// The cohort in words (the denominator of every category).
    pub(crate) cohort_text: &'static str,
    pub(crate) sources: &'static [&'static str],
    pub(crate) needs: Option<TableKind>,
    pub(crate) cohort: fn(&ChildRecord) -> bool,
    /// The index of the category a child of the cohort is in.
    pub(crate) classify: fn(&ChildRecord) -> usize,
    pub(crate) categories: &'static [Category],
}

/// One category of a breakdown as declared.
pub(crate) struct Category {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) definition: &'static str,
    pub(crate) headline: bool,
    pub(crate) published: Published,
}

struct Catalogue {
    indicators: Vec<Indicator>,
    families: Vec<Family>,
}

fn built() -> &'static Catalogue {
    static CATALOGUE: OnceLock<Catalogue> = OnceLock::new();
    CATALOGUE.get_or_init(|| {
        let mut indicators = Vec::new();
        let mut families = Vec::new();
        for item in defs::items() {
            match item {
                Item::One(i) => indicators.push(i),
                Item::Breakdown(b) => {
                    let family = families.len();
                    let mut members = Vec::new();
                    for (index, c) in b.categories.iter().enumerate() {
                        members.push(c.id);
                        indicators.push(Indicator {
                            id: c.id,
                            title: c.title,
                            topic: b.topic,
                            unit: Unit::Percent,
                            definition: c.definition,
                            denominator: Some(b.cohort_text),
                            sources: b.sources,
                            family: Some(b.id),
                            headline: c.headline,
                            published: c.published,
                            needs: b.needs,
                            rule: Rule::Category { family, index },
                        });
                    }
                    families.push(Family {
                        id: b.id,
                        title: b.title,
                        total: b.total,
                        members,
                        cohort: b.cohort,
                        classify: b.classify,
                    });
                }
            }
        }
        Catalogue { indicators, families }
    })
}

/// Every indicator, in catalogue order (by topic, as declared).
///
/// ```
/// let all = carelens_indicators::catalogue();
/// assert!(all.iter().any(|i| i.id == "placements_3plus"));
/// ```
pub fn catalogue() -> &'static [Indicator] {
    &built().indicators
}

/// Every breakdown.
pub fn families() -> &'static [Family] {
    &built().families
}

/// The indicator with this id.
pub fn indicator(id: &str) -> Option<&'static Indicator> {
    catalogue().iter().find(|i| i.id == id)
}

/// A published count.
pub(crate) fn number(n: Option<u32>) -> Option<PublishedValue> {
    n.map(|n| PublishedValue::count(f64::from(n)))
}

/// A published count as a percentage of a published total.
pub(crate) fn share(c: Count, of: Option<u32>) -> Option<PublishedValue> {
    let value = match (c.number, of) {
        (Some(n), Some(d)) if d > 0 => Some(100.0 * f64::from(n) / f64::from(d)),
        _ => c.percent.map(f64::from),
    }?;
    Some(PublishedValue {
        numerator: c.number.map(f64::from),
        denominator: of.map(f64::from),
        value: Some(value),
    })
}

/// A published count of `n` out of `of`.
pub(crate) fn ratio_of(n: Option<u32>, of: Option<u32>) -> Option<PublishedValue> {
    share(Count { number: n, percent: None, symbol: None }, of)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_snake_case_and_families_are_consistent() {
        let all = catalogue();
        let mut ids: Vec<&str> = all.iter().map(|i| i.id).collect();
        ids.sort_unstable();
        let n = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), n, "duplicate indicator ids");
        for i in all {
            assert!(
                i.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
                "{}",
                i.id
            );
            assert!(!i.definition.is_empty() && !i.title.is_empty(), "{}", i.id);
            assert_eq!(i.denominator.is_some(), i.unit != Unit::Count, "{}", i.id);
        }
        for f in families() {
            // A total may itself be a category of a wider breakdown (children's homes by age).
            let total = indicator(f.total).unwrap_or_else(|| panic!("{}: no {}", f.id, f.total));
            assert_ne!(total.family, Some(f.id), "{}", f.id);
            for m in &f.members {
                assert_eq!(indicator(m).and_then(|i| i.family), Some(f.id));
            }
        }
    }

    #[test]
    fn the_ids_the_issue_names_exist() {
        for id in [
            "cla_at_31_march",
            "started_in_year",
            "ceased_in_year",
            "placements_3plus",
            "long_term_stability",
            "moves_1plus",
            "moves_2plus",
            "sw_changes_2plus",
            "placed_over_20_miles",
            "placed_outside_la",
            "in_childrens_homes",
            "under16_in_unregulated_or_supported",
            "missing_in_year",
            "care_leavers_eet",
            "care_leavers_suitable_accommodation",
        ] {
            assert!(indicator(id).is_some(), "{id}");
        }
    }

    #[test]
    fn published_values_are_found_for_england_and_las() {
        let y = CollectionYear::Y2024_25;
        let cla = indicator("cla_at_31_march").unwrap();
        assert_eq!(cla.published_value(Area::England, y).and_then(|p| p.value), Some(81_770.0));
        let newham = Area::La(carelens_model::LaCode::new(316).unwrap());
        assert_eq!(cla.published_value(newham, y).and_then(|p| p.value), Some(404.0));
        let three = indicator("placements_3plus").unwrap().published_value(Area::England, y);
        let v = three.and_then(|p| p.value).unwrap();
        assert!((v - 100.0 * 8_500.0 / 81_770.0).abs() < 1e-9);
    }
}
