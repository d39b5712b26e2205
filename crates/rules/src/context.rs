//! What a rule sees: this year's return, last year's when given, the LA, the Ofsted lists, and
//! shared indexes built once per validation and reused by every rule.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use carelens_model::{
    AnyRow, ChildId, CollectionYear, Date, Episode, Header, LaCode, Return903, Table,
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
        let mut order: Vec<u32> = (0..rows.len())
            .filter(|i| rows[*i].child().value().is_some())
            .filter_map(|i| u32::try_from(i).ok())
            .collect();
        let key = |i: u32| rows[i as usize].child().value().map_or("", ChildId::as_str);
        order.sort_by(|a, b| key(*a).cmp(key(*b)).then(a.cmp(b)));
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

/// Per-return caches.
#[derive(Default)]
struct Caches<'a> {
    header: OnceLock<ByChild<'a, Header>>,
    episodes: OnceLock<ByChild<'a, Episode>>,
    cla12: OnceLock<HashMap<&'a str, bool>>,
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

    /// This year's Header rows by child.
    pub fn header(&self) -> &ByChild<'a, Header> {
        self.cur_cache.header.get_or_init(|| ByChild::new(&self.cur.tables.header.rows))
    }

    /// This year's Episodes rows by child.
    pub fn episodes(&self) -> &ByChild<'a, Episode> {
        self.cur_cache.episodes.get_or_init(|| ByChild::new(&self.cur.tables.episodes.rows))
    }

    /// Last year's Header rows by child (empty when last year was not given).
    pub fn header_last(&self) -> &ByChild<'a, Header> {
        self.last_cache
            .header
            .get_or_init(|| ByChild::new(self.last.map_or(&[][..], |l| &l.tables.header.rows)))
    }

    /// Last year's Episodes rows by child (empty when last year was not given).
    pub fn episodes_last(&self) -> &ByChild<'a, Episode> {
        self.last_cache
            .episodes
            .get_or_init(|| ByChild::new(self.last.map_or(&[][..], |l| &l.tables.episodes.rows)))
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

    /// The table of this year's return, if it was supplied.
    pub fn table<R>(&self, table: &'a Table<R>) -> Option<&'a [R]> {
        table.if_supplied()
    }
}
