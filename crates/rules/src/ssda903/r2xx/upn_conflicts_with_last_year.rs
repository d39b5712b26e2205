use crate::cells::text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child in both years' Header whose `UPN` changed, other than in the expected ways: from
    /// UN1 or blank to one of UN2–UN5, or from an unknown code (UN1–UN5) or blank to a real
    /// UPN. Blank in both years is left to rule 442.
    ///
    /// ## Why it matters
    /// A pupil number is for life; a change from one real UPN to another, or back to "unknown",
    /// breaks the link to the National Pupil Database used for the outcomes statistics.
    ///
    /// ## Example
    /// UN1 last year and UN2 this year: passes. UN4 last year and UN3 this year: reported.
    /// A real UPN last year and blank this year: reported. Blank last year and UN1 this year:
    /// reported (the reference allows blank only to UN2–UN5).
    pub(crate) UPN_CONFLICTS_WITH_LAST_YEAR,
    code: "208",
    tables: ["Header", "Header_last"],
    fields: ["UPN"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Unique Pupil Number (UPN) for the current year disagrees with the Unique Pupil Number (UPN) already recorded for this child.",
}

/// UN1–UN5, as text.
fn is_unknown_code(upn: &str) -> bool {
    ["UN1", "UN2", "UN3", "UN4", "UN5"].iter().any(|c| upn.eq_ignore_ascii_case(c))
}

/// Whether the change from `before` to `now` (texts as sent; `None` blank) is an error.
fn bad_change(before: Option<&str>, now: Option<&str>) -> bool {
    let differs = match (now, before) {
        (Some(a), Some(b)) => !a.eq_ignore_ascii_case(b),
        (None, None) => false,
        _ => true,
    };
    let un2_to_5 =
        |t: Option<&str>| t.is_some_and(|t| is_unknown_code(t) && !t.eq_ignore_ascii_case("UN1"));
    let was_un1_or_blank = before.is_none_or(|b| b.eq_ignore_ascii_case("UN1"));
    let valid_unknown_change = was_un1_or_blank && un2_to_5(now);
    let was_unknown = before.is_none_or(is_unknown_code);
    let now_known = now.is_some_and(|n| !is_unknown_code(n));
    differs && !valid_unknown_change && !(was_unknown && now_known)
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none() {
        return;
    }
    let last = ctx.header_last();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        let now = text(&h.upn);
        if last.get(child.as_str()).any(|l| bad_change(text(&l.upn), now)) {
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
    fn unexpected_upn_changes_are_reported() {
        // The reference's own cases (rule_208.test_validate).
        let last = ret(&[(
            "Header",
            "CHILD,UPN\n101,UN5\n102,X888888888888\n103,UN1\n104,UN1\n105,\n106,UN4\n108,UN1\n\
             109,\n110,a------------\n111,UN2\n33333,UN5\n44444,H000000000000\n1000,\n",
        )]);
        let cur = ret(&[(
            "Header",
            "CHILD,UPN\n101,H801200001001\n102,O------------\n103,UN1\n104,UN2\n105,\n106,UN3\n\
             108,\n109,UN4\n110,A------------\n111,H801200001111\n55555,UN5\n66666,X999999999999\n\
             1000,UN1\n",
        )]);
        let found = run(&UPN_CONFLICTS_WITH_LAST_YEAR, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:1", "Header:5", "Header:6", "Header:12"]);
    }
}
