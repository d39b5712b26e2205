//! Helpers shared by the social worker rules: the SWEpisodes rows grouped by child as the
//! reference's merges and sorts group them, dates read the two ways the reference reads them,
//! the cohort of children looked after at 31 March, and the orders the reference sorts a
//! child's social worker episodes in.

use carelens_model::codes::{LegalStatus, SwReason};
use carelens_model::{Coercion, Date, Episode, Field, SwEpisode};
use jiff::Span;

use crate::context::{ByChild, Ctx};

/// This year's SWEpisodes rows by child, plus the rows whose `CHILD` is blank. pandas' `merge`
/// matches a missing key with a missing key, so for the rules that pair a child's episodes the
/// blank-`CHILD` rows behave as one more child.
///
/// Built once per rule: a shared `Ctx::sw_episodes()` cache (like `Ctx::episodes()`) would save
/// rebuilding it in each of the SW rules.
pub(super) struct SwIndex<'a> {
    by_child: ByChild<'a, SwEpisode>,
    blank: Vec<&'a SwEpisode>,
}

impl<'a> SwIndex<'a> {
    /// Indexes `rows`.
    pub(super) fn new(rows: &'a [SwEpisode]) -> Self {
        let blank = rows.iter().filter(|r| r.child.is_blank()).collect();
        Self { by_child: ByChild::new(rows), blank }
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

/// A date as `pd.to_datetime(col, dayfirst=True, errors="coerce")` reads it (SW09STG2 from
/// 2025/26, SW13STG1 from 2024/25, SW17STG2, SW18STG2): any form dateutil understands, so also
/// `yyyy-mm-dd`, two-digit years, other separators and a time of day. Excel serial numbers are
/// not dates to dateutil.
pub(super) fn lenient(f: &Field<Date>) -> Option<Date> {
    f.get().filter(|_| f.note() != Some(Coercion::ExcelSerial))
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

/// `d` plus a number of days (negative: minus).
pub(super) fn plus_days(d: Date, days: i32) -> Option<Date> {
    d.checked_add(Span::new().days(days)).ok()
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

/// Whether a child is looked after at 31 March, as the DfE defines `CLA_AT_31_MARCH` (and the
/// reference's SW01STG1 reads it): one of its episodes has no `DEC` and a legal status other than
/// V3 or V4 (short breaks).
pub(super) fn looked_after_at_31_march<'e>(mut eps: impl Iterator<Item = &'e Episode>) -> bool {
    eps.any(|e| e.dec.is_blank() && !e.ls.strict().is_some_and(LegalStatus::is_short_break))
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
