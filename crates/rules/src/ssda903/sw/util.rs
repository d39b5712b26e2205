//! Helpers shared by the social worker rules: the SWEpisodes rows grouped by child as the
//! reference's merges and sorts group them, dates read the two ways the reference reads them,
//! the cohort of children looked after at 31 March, and the orders the reference sorts a
//! child's social worker episodes in.

use carelens_model::codes::SwReason;
use carelens_model::{Date, Field, SwEpisode};
use jiff::Span;

use crate::context::{ByChild, Ctx};
use crate::dates::plus_days;

/// This year's SWEpisodes rows by child ([`Ctx::sw_episodes`]), plus the rows whose `CHILD` is
/// blank. pandas' `merge` matches a missing key with a missing key, so for the rules that pair a
/// child's episodes the blank-`CHILD` rows behave as one more child.
pub(super) struct SwIndex<'a, 'c> {
    by_child: &'c ByChild<'a, SwEpisode>,
    blank: Vec<&'a SwEpisode>,
}

impl<'a, 'c> SwIndex<'a, 'c> {
    /// Indexes this year's SWEpisodes.
    pub(super) fn new(ctx: &'c Ctx<'a>) -> Self {
        let rows = &ctx.cur.tables.sw_episodes.rows;
        let blank = rows.iter().filter(|r| r.child.is_blank()).collect();
        Self { by_child: ctx.sw_episodes(), blank }
    }

    /// Every child's rows in file order; the blank-`CHILD` rows, if any, come last with `None`.
    pub(super) fn groups(
        &self,
    ) -> impl Iterator<Item = (Option<&'a str>, Vec<&'a SwEpisode>)> + '_ {
        let blank = (!self.blank.is_empty()).then(|| (None, self.blank.clone()));
        self.by_child.iter().map(|(c, rows)| (Some(c), rows)).chain(blank)
    }

    /// The rows of one child (`None`: the blank-`CHILD` rows), in file order.
    pub(super) fn get(&self, child: Option<&str>) -> Vec<&'a SwEpisode> {
        match child {
            Some(c) => self.by_child.get(c).collect(),
            None => self.blank.clone(),
        }
    }
}

/// A date as the reference's `valid_date` helper reads it (SW04STG1 and SW05STG1 to
/// 2024/25): `dd/mm/yyyy`, where `ZZ` may stand for an unknown day or month and `ZZZZ` for an
/// unknown year.
pub(super) fn valid_with_unknown_parts(f: &Field<Date>) -> bool {
    if f.strict().is_some() {
        return true;
    }
    let parts: Vec<&str> = f.raw().trim().split('/').collect();
    if parts.len() != 3 || !parts.iter().any(|p| is_unknown_part(p)) {
        return false;
    }
    let known: Vec<&str> = parts
        .iter()
        .map(|p| match p.to_ascii_uppercase().as_str() {
            "ZZ" => "01",
            "ZZZZ" => "2000",
            _ => p,
        })
        .collect();
    Field::<Date>::parse(&known.join("/")).strict().is_some()
}

fn is_unknown_part(p: &str) -> bool {
    p.eq_ignore_ascii_case("ZZ") || p.eq_ignore_ascii_case("ZZZZ")
}
/// Whether `d` lies within `days` days either side of `around`, both ends included.
pub(super) fn within_days(d: Date, around: Date, days: i32) -> bool {
    plus_days(around, -days).is_some_and(|lo| d >= lo)
        && plus_days(around, days).is_some_and(|hi| d <= hi)
}

/// 1 April a year before the collection year starts: the start of the social worker reporting
/// period (the SW rules look back over the previous year too).
pub(super) fn reporting_period_start(ctx: &Ctx<'_>) -> Date {
    ctx.start().checked_sub(Span::new().years(1)).unwrap_or_else(|_| ctx.start())
}

/// A child's rows ordered by `SW_DECOM` read strictly, unreadable or blank dates last, ties in
/// file order: `sort_values(["CHILD", "SW_DECOM"])` (a stable sort, missing values last).
pub(super) fn by_start(rows: &mut [&SwEpisode]) {
    rows.sort_by_key(|r| {
        let d = r.sw_decom.strict();
        (d.is_none(), d)
    });
}

/// A child's rows in the order of `sort_values(["CHILD", "SW_DECOM", "SW_DEC"])`: by
/// `SW_DECOM`, then `SW_DEC`, each read strictly with unreadable or blank dates last, ties in
/// file order. The SW10 rules compare each episode with the one before it in this order.
pub(super) fn by_start_then_end(rows: &mut [&SwEpisode]) {
    rows.sort_by_key(|r| {
        let (s, e) = (r.sw_decom.strict(), r.sw_dec.strict());
        (s.is_none(), s, e.is_none(), e)
    });
}

/// Whether the episode's reason is `FCONTA` (first contact or re-referral).
pub(super) fn is_first_contact(r: &SwEpisode) -> bool {
    r.sw_reason.strict() == Some(SwReason::Fconta)
}
