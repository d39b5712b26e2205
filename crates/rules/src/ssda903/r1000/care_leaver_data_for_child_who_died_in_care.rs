use std::collections::HashSet;

use carelens_model::Episode;
use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 (care leaver) row for a child with an episode that ended with `REC` E2 (died) in
    /// this year's Episodes, in last year's, or in any earlier year's return given.
    ///
    /// ## Why it matters
    /// A child who died in care is not a care leaver; care leaver information for them is
    /// wrong, or the `REC` is.
    ///
    /// ## Example
    /// A child whose episode last year ended with `REC` E2 and who has an OC3 row this year is
    /// reported.
    ///
    /// ## Reference behaviour
    /// The reference looks at this year and, when loaded, last year only. carelens also looks
    /// at earlier years' returns when they are given, which the reference could not do.
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_WHO_DIED_IN_CARE,
    code: "1000",
    tables: ["Episodes", "OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "This child is recorded as having died in care and therefore should not have the care leaver information completed. [NOTE: This only tests the current and previous year data loaded into the tool]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(oc3)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc3.if_supplied())
    else {
        return;
    };
    let earlier =
        ctx.last.into_iter().chain(ctx.older).filter_map(|r| r.tables.episodes.if_supplied());
    let died: HashSet<&str> = std::iter::once(episodes)
        .chain(earlier)
        .flatten()
        .filter(|e: &&Episode| e.rec.strict() == Some(ReasonEpisodeCeased::E2))
        .filter_map(|e| e.child.value().map(|c| c.as_str()))
        .collect();
    for o in oc3 {
        if o.child.value().is_some_and(|c| died.contains(c.as_str())) {
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

    fn returns() -> (carelens_model::Return903, carelens_model::Return903) {
        let cur = ret(&[
            ("Episodes", "CHILD,REC\n104,X1\n105,E2\n"),
            ("OC3", "CHILD\n101\n102\n103\n104\n105\n106\n"),
        ]);
        let last = ret(&[("Episodes", "CHILD,REC\n101,X1\n101,\n102,\n102,E2\n103,E4a\n")]);
        (cur, last)
    }

    #[test]
    fn care_leaver_who_died_in_care_is_reported() {
        // The reference's own test.
        let (cur, last) = returns();
        let rule = &CARE_LEAVER_DATA_FOR_CHILD_WHO_DIED_IN_CARE;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)), ["OC3:1", "OC3:4"]);
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, None), ["OC3:4"]);
    }

    #[test]
    fn earlier_years_are_used_when_given() {
        let (cur, last) = returns();
        let older = [ret(&[("Episodes", "CHILD,REC\n106,E2\n")])];
        let ctx = Ctx::new(CollectionYear::Y2024_25, None, &cur, Some(&last), &older, None);
        let found = run_with(&CARE_LEAVER_DATA_FOR_CHILD_WHO_DIED_IN_CARE, &ctx);
        assert_eq!(found, ["OC3:1", "OC3:4", "OC3:5"]);
    }
}
