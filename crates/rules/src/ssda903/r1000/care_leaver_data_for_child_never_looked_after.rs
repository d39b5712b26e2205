use crate::context::{ByChild, Ctx};
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 (care leaver) row for a child with no episode in this year's Episodes nor in last
    /// year's, nor in any earlier year's return given.
    ///
    /// ## Why it matters
    /// A care leaver must have been looked after; a young person with no episodes of care
    /// should not be in OC3, or their episodes are missing.
    ///
    /// ## Example
    /// An OC3 row for child 104, who appears in neither year's Episodes, is reported.
    ///
    /// ## Known false positives
    /// A care leaver whose last episode was more than a year before this one is reported unless
    /// the returns of those earlier years are given.
    ///
    /// ## Reference behaviour
    /// The reference looks at this year and last year only. carelens also looks at earlier
    /// years' returns when they are given, which the reference could not do.
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_NEVER_LOOKED_AFTER,
    code: "1002",
    tables: ["Episodes", "OC3", "Episodes_last"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "This child has no previous episodes of care, therefore should not have care leaver information recorded. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc3), Some(_)) = (
        ctx.cur.tables.episodes.if_supplied(),
        ctx.cur.tables.oc3.if_supplied(),
        ctx.last.and_then(|l| l.tables.episodes.if_supplied()),
    ) else {
        return;
    };
    let older: Vec<ByChild<'_, _>> = ctx
        .older
        .iter()
        .filter_map(|r| r.tables.episodes.if_supplied())
        .map(ByChild::new)
        .collect();
    for o in oc3 {
        let Some(child) = o.child.value().map(|c| c.as_str()) else { continue };
        let looked_after = ctx.episodes().contains(child)
            || ctx.episodes_last().contains(child)
            || older.iter().any(|eps| eps.contains(child));
        if !looked_after {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::context::Ctx;
    use crate::testing::{ret, run, run_with};

    #[test]
    fn care_leaver_without_episodes_is_reported() {
        // The reference's own test, plus a child found only in an earlier year.
        let cur = ret(&[
            ("Episodes", "CHILD,DEC\n101,20/05/2021\n"),
            ("OC3", "CHILD\n101\n102\n103\n104\n105\n"),
        ]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DEC\n101,20/06/2020\n101,\n102,\n102,14/03/2021\n103,06/08/2020\n",
        )]);
        let rule = &CARE_LEAVER_DATA_FOR_CHILD_NEVER_LOOKED_AFTER;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)), ["OC3:3", "OC3:4"]);
        let older = [ret(&[("Episodes", "CHILD\n105\n")])];
        let ctx = Ctx::new(CollectionYear::Y2024_25, None, &cur, Some(&last), &older, None);
        assert_eq!(run_with(rule, &ctx), ["OC3:3"]);
    }
}
