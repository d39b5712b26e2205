use std::collections::HashMap;

use carelens_model::{ChildId, Header, Return903, Uasc};

use crate::cells::{has_uasc_flags, is_uasc};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child in both years' returns who is flagged UASC this year (Header `UASC` 1) but not
    /// last year. Reports this year's Header row (or, without a Header, the UASC row).
    ///
    /// ## Why it matters
    /// A child who arrived as an unaccompanied asylum seeker was UASC from the start of their
    /// care; becoming UASC part-way through suggests a missed flag last year.
    ///
    /// ## Example
    /// Header `UASC` 1 this year and 0 last year: reported. 1 in both years: passes. A child
    /// with no Header row last year is not checked.
    ///
    /// ## Reference behaviour
    /// As the reference: a CSV Header carries the flag only when that year's UASC table was
    /// supplied, and without it the rule does not run; without a Header the flag comes from
    /// the UASC table (a UASC row with `SEX` or `DUC` filled in).
    pub(crate) UASC_THIS_YEAR_NOT_LAST_YEAR,
    code: "205D",
    tables: ["UASC", "UASC_last", "Header", "Header_last"],
    fields: ["UASC", "CHILD"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Child identified as UASC this year but not identified as UASC status provided for the child last year.",
}

/// The rows that carry a year's UASC flags: the Header when supplied (with the flag), else the
/// UASC table.
enum Flags<'a> {
    Header(&'a [Header]),
    Uasc(&'a [Uasc]),
}

fn flags(ret: &Return903) -> Option<Flags<'_>> {
    if let Some(h) = ret.tables.header.if_supplied() {
        has_uasc_flags(ret).then_some(Flags::Header(h))
    } else {
        ret.tables.uasc.if_supplied().map(Flags::Uasc)
    }
}

/// A UASC row read as a flag: "1" when any column but CHILD and DOB is filled in.
fn uasc_row_flag(u: &Uasc) -> bool {
    u.sex.is_present() || u.duc.is_present()
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(cur) = flags(ctx.cur) else { return };
    let Some(last) = ctx.last.and_then(flags) else { return };
    // Per child last year: whether some row (the inner merge pairs every row) is not "1".
    let last_rows: Vec<(Option<&ChildId>, bool)> = match last {
        Flags::Header(rows) => rows.iter().map(|h| (h.child.value(), is_uasc(h))).collect(),
        Flags::Uasc(rows) => rows.iter().map(|u| (u.child.value(), uasc_row_flag(u))).collect(),
    };
    let mut last_not_uasc: HashMap<&str, bool> = HashMap::new();
    for (child, uasc) in last_rows {
        if let Some(c) = child {
            *last_not_uasc.entry(c.as_str()).or_default() |= !uasc;
        }
    }
    let newly_uasc = |child: Option<&ChildId>, uasc: bool| {
        uasc && child.and_then(|c| last_not_uasc.get(c.as_str())).copied().unwrap_or(false)
    };
    match cur {
        Flags::Header(rows) => {
            for h in rows.iter().filter(|h| newly_uasc(h.child.value(), is_uasc(h))) {
                out.flag(h);
            }
        }
        Flags::Uasc(rows) => {
            for u in rows.iter().filter(|u| newly_uasc(u.child.value(), uasc_row_flag(u))) {
                out.flag(u);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn newly_uasc_child_is_reported() {
        let cur =
            ret(&[("UASC", "CHILD,DUC\n1,\n2,\n"), ("Header", "CHILD,UASC\n1,1\n2,1\n3,0\n4,1\n")]);
        let last = ret(&[("UASC", "CHILD,DUC\n2,\n"), ("Header", "CHILD,UASC\n1,0\n2,1\n3,1\n")]);
        let found = run(&UASC_THIS_YEAR_NOT_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:0"]);
    }

    #[test]
    fn a_csv_header_without_the_uasc_table_has_no_flags() {
        let cur = ret(&[("UASC", "CHILD,DUC\n1,\n"), ("Header", "CHILD,UASC\n1,1\n")]);
        let last = ret(&[("Header", "CHILD,UASC\n1,0\n")]);
        let found = run(&UASC_THIS_YEAR_NOT_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert!(found.is_empty());
    }
}
