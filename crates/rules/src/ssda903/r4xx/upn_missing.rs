use carelens_model::codes::LegalStatus;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with a blank `UPN` for a child who has an episode this year under a legal
    /// status other than the short-break statuses V3 and V4 (a blank or unrecognised `LS`
    /// counts as another status).
    ///
    /// ## Why it matters
    /// Every child looked after other than for short breaks needs a UPN, or UN1–UN5 saying why
    /// it is unknown; a blank breaks the link to the child's education records.
    ///
    /// ## Example
    /// Blank `UPN` with an episode under C2: reported. Blank `UPN` with only V3 episodes, or
    /// UN1 with a C2 episode: passes.
    pub(crate) UPN_MISSING,
    code: "442",
    tables: ["Episodes", "Header"],
    fields: ["UPN"],
    years: Y2022_23..,
    message: "Unique Pupil Number (UPN) field is not completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(header), Some(_)) =
        (ctx.cur.tables.header.if_supplied(), ctx.cur.tables.episodes.if_supplied())
    else {
        return;
    };
    let episodes = ctx.episodes();
    for h in header {
        let Some(child) = h.child.value() else { continue };
        if !h.upn.is_blank() {
            continue;
        }
        let looked_after = episodes
            .get(child.as_str())
            .any(|e| !e.ls.strict().is_some_and(LegalStatus::is_short_break));
        if looked_after {
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
    fn blank_upn_for_a_child_looked_after_is_reported() {
        // The reference's own cases (rule_442.test_validate).
        let cur = ret(&[
            ("Episodes", "CHILD,LS\n101,\n102,L4\n103,\n104,L4\n105,L1\n106,V4\n108,V3\n999,XO\n"),
            (
                "Header",
                "CHILD,UPN\n101,\n102,H801200001001\n103,UN1\n104,UN2\n105,\n106,UN3\n108,\n",
            ),
        ]);
        let found = run(&UPN_MISSING, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Header:0", "Header:4"]);
    }
}
