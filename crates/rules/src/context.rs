//! What a rule sees: this year's return, last year's when given, the LA, the Ofsted lists, and
//! shared indexes built once per validation and reused by every rule.

use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::OnceLock;

use carelens_model::codes::LegalStatus;
use carelens_model::{
    Ad1, AnyRow, ChildId, CollectionYear, Date, DoLo, Episode, Header, LaCode, Missing, Oc2, Oc3,
    PlacedAdoption, PrevPerm, Return903, Review, SwEpisode, Table, Uasc,
};

use crate::providers::Providers;

/// Rows of one table grouped by `CHILD` (rows whose CHILD is blank are left out), each group
/// in file order.
pub struct ByChild<'a, R> {
    rows: &'a [R],
    order: Vec<u32>,
    groups: Vec<(&'a str, Range<usize>)>,
    index: HashMap<&'a str, usize>,
}

impl<'a, R: AnyRow> ByChild<'a, R> {
    /// Groups `rows`.
    pub fn new(rows: &'a [R]) -> Self {
        Self::sorted(rows, |_, _| Ordering::Equal)
    }

    /// Groups `rows`, each child's rows ordered by `cmp` and, among equals, in file order: what
    /// pandas' (stable) `sort_values(["CHILD", …])` gives.
    pub fn sorted(rows: &'a [R], cmp: impl Fn(&R, &R) -> Ordering) -> Self {
        let mut order: Vec<u32> = (0..rows.len())
            .filter(|i| rows[*i].child().value().is_some())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let key = |i: u32| rows[i as usize].child().value().map_or("", ChildId::as_str);
        order.sort_by(|a, b| {
            key(*a)
                .cmp(key(*b))
                .then_with(|| cmp(&rows[*a as usize], &rows[*b as usize]))
                .then(a.cmp(b))
        });
        let mut groups: Vec<(&'a str, Range<usize>)> = Vec::new();
        for (pos, &i) in order.iter().enumerate() {
            let k = key(i);
            match groups.last_mut() {
                Some((last, range)) if *last == k => range.end = pos + 1,
                _ => groups.push((k, pos..pos + 1)),
            }
        }
        let index = groups.iter().enumerate().map(|(g, (k, _))| (*k, g)).collect();
        Self { rows, order, groups, index }
    }

    /// The rows of one child, in file order.
    pub fn get(&self, child: &str) -> impl Iterator<Item = &'a R> + '_ {
        let range = self.index.get(child).map_or(0..0, |g| self.groups[*g].1.clone());
        self.order[range].iter().map(|i| &self.rows[*i as usize])
    }

    /// Whether the child has any row.
    pub fn contains(&self, child: &str) -> bool {
        self.index.contains_key(child)
    }

    /// Every child and its rows, children in sorted order.
    pub fn iter(&self) -> impl Iterator<Item = (&'a str, Vec<&'a R>)> + '_ {
        self.groups.iter().map(|(k, r)| {
            (*k, self.order[r.clone()].iter().map(|i| &self.rows[*i as usize]).collect())
        })
    }

    /// Number of distinct children.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// Whether there are no children.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }
}

/// Declares the per-return caches of rows by child and their accessors on [`Ctx`]: one
/// `OnceLock` per table, built on first use and shared by every rule of the validation.
macro_rules! by_child_indexes {
    ($($table:ident: $row:ty, $this:ident, $last:ident;)+) => {
        /// Per-return caches.
        #[derive(Default)]
        struct Caches<'a> {
            $($table: OnceLock<ByChild<'a, $row>>,)+
            episodes_by_decom: OnceLock<ByChild<'a, Episode>>,
            cla12: OnceLock<HashMap<&'a str, bool>>,
            cla_31_march: OnceLock<HashSet<&'a str>>,
        }

        impl<'a> Ctx<'a> {
            $(
                #[doc = concat!("This year's `", stringify!($table), "` rows by child.")]
                pub fn $this(&self) -> &ByChild<'a, $row> {
                    self.cur_cache.$table.get_or_init(|| ByChild::new(&self.cur.tables.$table.rows))
                }

                #[doc = concat!("Last year's `", stringify!($table), "` rows by child (empty when last year was not given).")]
                pub fn $last(&self) -> &ByChild<'a, $row> {
                    self.last_cache.$table.get_or_init(|| {
                        ByChild::new(self.last.map_or(&[][..], |l| &l.tables.$table.rows))
                    })
                }
            )+
        }
    };
}

by_child_indexes! {
    header: Header, header, header_last;
    episodes: Episode, episodes, episodes_last;
    reviews: Review, reviews, reviews_last;
    uasc: Uasc, uasc, uasc_last;
    oc2: Oc2, oc2, oc2_last;
    oc3: Oc3, oc3, oc3_last;
    ad1: Ad1, ad1, ad1_last;
    placed_adoption: PlacedAdoption, placed_adoption, placed_adoption_last;
    prev_perm: PrevPerm, prev_perm, prev_perm_last;
    missing: Missing, missing, missing_last;
    sw_episodes: SwEpisode, sw_episodes, sw_episodes_last;
    dolo: DoLo, dolo, dolo_last;
}

/// The validation context handed to every rule.
pub struct Ctx<'a> {
    /// The collection year being validated.
    pub year: CollectionYear,
    /// The responsible LA, when known.
    pub la: Option<LaCode>,
    /// This year's return.
    pub cur: &'a Return903,
    /// Last year's return, when given.
    pub last: Option<&'a Return903>,
    /// Earlier years (before last year), most recent first: rules that need more history
    /// (199, 1000–1002) use them when given.
    pub older: &'a [Return903],
    /// The Ofsted provider lists, when given.
    pub providers: Option<&'a Providers>,
    cur_cache: Caches<'a>,
    last_cache: Caches<'a>,
}

impl<'a> Ctx<'a> {
    /// A context for one validation.
    pub fn new(
        year: CollectionYear,
        la: Option<LaCode>,
        cur: &'a Return903,
        last: Option<&'a Return903>,
        older: &'a [Return903],
        providers: Option<&'a Providers>,
    ) -> Self {
        Self {
            year,
            la,
            cur,
            last,
            older,
            providers,
            cur_cache: Caches::default(),
            last_cache: Caches::default(),
        }
    }

    /// 1 April at the start of the collection year (`collection_start`).
    pub fn start(&self) -> Date {
        self.year.start()
    }

    /// 31 March at the end of the collection year (`collection_end`).
    pub fn end(&self) -> Date {
        self.year.end()
    }

    /// The ONS GSS code of the responsible LA (`E09000025`), as the reference compares it.
    pub fn la_gss(&self) -> Option<&'static str> {
        self.la.and_then(carelens_geo::la).map(|l| l.gss.as_str())
    }

    /// This year's Episodes rows by child, each child's in the order of the reference's
    /// `sort_values(["CHILD", "DECOM"])`: by `DECOM` read strictly, blank or unreadable dates
    /// last, file order among equal dates (the multi-column sort is stable).
    pub fn episodes_by_decom(&self) -> &ByChild<'a, Episode> {
        self.cur_cache.episodes_by_decom.get_or_init(|| {
            ByChild::sorted(&self.cur.tables.episodes.rows, |a, b| {
                crate::order::nat_last(a.decom.strict(), b.decom.strict())
            })
        })
    }

    /// Last year's Episodes rows by child, in `DECOM` order (see [`Ctx::episodes_by_decom`]).
    pub fn episodes_last_by_decom(&self) -> &ByChild<'a, Episode> {
        self.last_cache.episodes_by_decom.get_or_init(|| {
            ByChild::sorted(self.last.map_or(&[][..], |l| &l.tables.episodes.rows), |a, b| {
                crate::order::nat_last(a.decom.strict(), b.decom.strict())
            })
        })
    }

    /// The child's date of birth from this year's Header (the first row with a valid DOB, in the
    /// DfE format).
    pub fn dob(&self, child: &str) -> Option<Date> {
        self.header().get(child).find_map(|h| h.dob.strict())
    }

    /// Whether the child was looked after continuously for at least 12 months at 31 March: the
    /// OC2 cohort. As the reference validator computes it (`CONTINUOUSLY_LOOKED_AFTER`): the child
    /// had an episode open at some point in the year, and no episode that started after
    /// 1 April with RNE S, ended in the year with a REC other than X1, or had legal status V3 or
    /// V4 during the year.
    pub fn continuously_looked_after(&self, child: &str) -> bool {
        let map =
            self.cur_cache.cla12.get_or_init(|| crate::cohorts::continuously_looked_after(self));
        map.get(child).copied().unwrap_or(false)
    }

    /// Whether the child was looked after at 31 March as the DfE defines `CLA_AT_31_MARCH` (and
    /// the reference's SW01STG1 reads it): one of its episodes this year has a blank `DEC` and a
    /// legal status other than V3 or V4 (short breaks). An unreadable `DEC` is not blank.
    pub fn looked_after_at_31_march(&self, child: &str) -> bool {
        let set = self.cur_cache.cla_31_march.get_or_init(|| {
            self.cur
                .tables
                .episodes
                .rows
                .iter()
                .filter(|e| {
                    e.dec.is_blank() && !e.ls.strict().is_some_and(LegalStatus::is_short_break)
                })
                .filter_map(|e| e.child.value().map(ChildId::as_str))
                .collect()
        });
        set.contains(child)
    }

    /// The table of this year's return, if it was supplied.
    pub fn table<R>(&self, table: &'a Table<R>) -> Option<&'a [R]> {
        table.if_supplied()
    }
}
