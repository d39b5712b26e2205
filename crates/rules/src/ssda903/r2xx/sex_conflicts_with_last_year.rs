use carelens_model::Header;

use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child in both this year's and last year's Header whose `SEX` differs between the two
    /// years. Last year's 1 (male) and 2 (female) count as this year's M and F.
    ///
    /// ## Why it matters
    /// Sex is recorded as on the birth or gender recognition certificate and should not change
    /// between returns; a change usually means a keying error or a mismatched child ID.
    ///
    /// ## Example
    /// Last year `SEX` 1, this year M: passes. Last year 2, this year M: reported. A blank in one
    /// year only is reported; blank in both is not.
    ///
    /// ## Reference behaviour
    /// The reference compares the two years' codes as text, so from 2024/25 (M/F/U) every child
    /// coded 1/2 last year is reported. carelens maps 1 to M and 2 to F before comparing
    /// (rules-overview.md §7; docs/disagreements.md).
    pub(crate) SEX_CONFLICTS_WITH_LAST_YEAR,
    code: "202",
    tables: ["Header", "Header_last"],
    fields: ["SEX"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The gender code conflicts with the gender already recorded for this child.",
}

/// `SEX` as compared across years: a valid code in the 2024/25 coding, or the text as sent.
fn sex_key(h: &Header) -> Option<&str> {
    match h.sex.strict() {
        Some(code) => Some(code.to_letter().code()),
        None => text(&h.sex),
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    let last = ctx.header_last();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        let now = sex_key(h);
        let differs = last.get(child.as_str()).any(|l| match (now, sex_key(l)) {
            (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
            (None, None) => false,
            _ => true,
        });
        if differs {
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
    fn changed_sex_is_reported() {
        // The reference's own cases (rule_202.test_validate).
        let cur = ret(&[(
            "Header",
            "CHILD,SEX\n101,1\n102,2\n103,1\n104,2\n105,\n106,1\n108,\n109,2\n110,3\n",
        )]);
        let last = ret(&[(
            "Header",
            "CHILD,SEX\n101,1\n102,1\n103,2\n104,2\n105,\n107,1\n108,2\n109,\n110,2\n",
        )]);
        let found = run(&SEX_CONFLICTS_WITH_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:1", "Header:2", "Header:6", "Header:7", "Header:8"]);
    }

    #[test]
    fn old_numeric_codes_match_new_letters() {
        let cur = ret(&[("Header", "CHILD,SEX\n1,M\n2,F\n3,M\n4,U\n")]);
        let last = ret(&[("Header", "CHILD,SEX\n1,1\n2,2\n3,2\n4,1\n")]);
        let found = run(&SEX_CONFLICTS_WITH_LAST_YEAR, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Header:2", "Header:3"]);
    }
}
