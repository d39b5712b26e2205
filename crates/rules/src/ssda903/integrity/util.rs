//! The three shapes the reference's integrity checks share, for any table: a child missing from
//! Header (INT01–INT09), a `DOB` that differs from Header's (INT11–INT18), and a child on more
//! than one row of a one-row-per-child table (INT31–INT36).
//!
//! The reference joins the tables on `CHILD` with pandas' `merge`, which matches a missing key
//! with a missing key: a row whose `CHILD` is blank "exists in Header" when Header also has a
//! row with a blank `CHILD`, and is compared with those rows. `groupby`, on the other hand,
//! drops missing keys, so blank-`CHILD` rows are never duplicates.

use std::collections::HashMap;

use carelens_model::{AnyRow, Date, Field, Header};

use crate::context::Ctx;
use crate::finding::Out;

/// Header rows by child, as the reference's merges match them.
pub(super) struct HeaderLookup<'a, 'c> {
    ctx: &'c Ctx<'a>,
    blank: Vec<&'a Header>,
}

impl<'a, 'c> HeaderLookup<'a, 'c> {
    /// The lookup for this year's Header.
    pub(super) fn new(ctx: &'c Ctx<'a>) -> Self {
        let blank = ctx.cur.tables.header.rows.iter().filter(|h| h.child.is_blank()).collect();
        Self { ctx, blank }
    }

    /// Whether any Header row of the row's child satisfies `pred`: its rows in Header, or, when its
    /// `CHILD` is blank, Header's blank-`CHILD` rows.
    pub(super) fn any(&self, row: &dyn AnyRow, mut pred: impl FnMut(&Header) -> bool) -> bool {
        match row.child().value() {
            Some(child) => self.ctx.header().get(child.as_str()).any(pred),
            None => self.blank.iter().any(|h| pred(h)),
        }
    }
}

/// Flags each row of `rows` whose child has no row in Header. Nothing when either table was
/// not supplied.
pub(super) fn flag_children_not_in_header<R: AnyRow>(
    ctx: &Ctx<'_>,
    rows: Option<&[R]>,
    out: &mut Out<'_>,
) {
    let Some(rows) = rows else { return };
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let header = HeaderLookup::new(ctx);
    for r in rows {
        if !header.any(r, |_| true) {
            out.flag(r);
        }
    }
}

/// Flags each row of `rows` whose `DOB` (read strictly) differs from a valid `DOB` on one of
/// its child's Header rows. Blank or unreadable dates on either side are not compared.
pub(super) fn flag_dob_differs<R: AnyRow>(
    ctx: &Ctx<'_>,
    rows: Option<&[R]>,
    dob: impl Fn(&R) -> &Field<Date>,
    out: &mut Out<'_>,
) {
    let Some(rows) = rows else { return };
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let header = HeaderLookup::new(ctx);
    for r in rows {
        let Some(d) = dob(r).strict() else { continue };
        if header.any(r, |h| h.dob.strict().is_some_and(|hd| hd != d)) {
            out.flag(r);
        }
    }
}

/// Flags every row of `rows` whose `CHILD` appears on more than one row (all of them, the
/// first included). Rows with a blank `CHILD` are left out, as `groupby` leaves them out.
pub(super) fn flag_duplicated_children<R: AnyRow>(rows: Option<&[R]>, out: &mut Out<'_>) {
    let Some(rows) = rows else { return };
    let mut count: HashMap<&str, u32> = HashMap::with_capacity(rows.len());
    for r in rows {
        if let Some(child) = r.child().value() {
            *count.entry(child.as_str()).or_default() += 1;
        }
    }
    for r in rows {
        if r.child().value().is_some_and(|c| count.get(c.as_str()).is_some_and(|n| *n > 1)) {
            out.flag(r);
        }
    }
}
