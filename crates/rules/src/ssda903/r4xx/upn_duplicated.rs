use std::borrow::Cow;
use std::collections::HashMap;

use carelens_model::Header;

use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A `UPN` (other than the unknown codes UN1–UN5) that appears on more than one Header row
    /// of the return. Every row with that UPN is reported. UPNs are compared as written
    /// (ignoring case), so an invalid UPN repeated is reported too.
    ///
    /// ## Why it matters
    /// A UPN belongs to one pupil; the same UPN on two children means one of them is wrong
    /// (or the same child has two child IDs), and their education outcomes get mixed up.
    ///
    /// ## Example
    /// Two children with UPN A123456789012: both rows reported. Two children with UN1: passes.
    pub(crate) UPN_DUPLICATED,
    code: "444",
    tables: ["Header"],
    fields: ["UPN"],
    years: Y2025_26..,
    message: "Duplicate UPN has been reported",
}

/// The UPN as compared (upper case), unless blank or one of UN1–UN5.
fn key(h: &Header) -> Option<Cow<'_, str>> {
    let t = text(&h.upn)?;
    if ["UN1", "UN2", "UN3", "UN4", "UN5"].iter().any(|c| t.eq_ignore_ascii_case(c)) {
        return None;
    }
    Some(if t.bytes().any(|b| b.is_ascii_lowercase()) {
        Cow::Owned(t.to_ascii_uppercase())
    } else {
        Cow::Borrowed(t)
    })
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    let mut counts: HashMap<Cow<'_, str>, u32> = HashMap::new();
    for h in header {
        if let Some(k) = key(h) {
            *counts.entry(k).or_default() += 1;
        }
    }
    for h in header {
        if key(h).is_some_and(|k| counts.get(&k).is_some_and(|n| *n > 1)) {
            out.flag(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn duplicated_upns_are_reported_on_every_row() {
        // The reference's own cases (rule_444.test_validate), plus blanks and case.
        let cur = ret(&[(
            "Header",
            "CHILD,UPN\n1,UN1\n2,UN2\n3,UN3\n4,UN4\n5,UN5\n6,UN1\n7,SINGLE1\n8,DUPLICATE1\n\
             9,DUPLICATE1\n10,DUPLICATE2\n11,duplicate2\n12,\n13,\n",
        )]);
        let found = run(&UPN_DUPLICATED, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["Header:7", "Header:8", "Header:9", "Header:10"]);
    }
}
