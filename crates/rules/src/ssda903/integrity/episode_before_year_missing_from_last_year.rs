use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that started before 1 April of the collection year for a child who has no episode
    /// in last year's return. (A child looked after before this year should have been in last
    /// year's Episodes.)
    ///
    /// ## Why it matters
    /// A missing history breaks every check that compares the two years, and usually means the
    /// child's identifier changed or last year's return was incomplete.
    ///
    /// ## Example
    /// In 2024/25, an episode from 03/10/2023 for a child absent from last year's Episodes is
    /// reported; an episode from 08/09/2024 is not checked. Runs only with last year's return.
    ///
    /// ## Reference behaviour
    /// As the reference's join does, an episode with a blank `CHILD` counts as matched by a
    /// blank-`CHILD` episode last year. An unreadable `DECOM` is not checked.
    pub(crate) EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR,
    code: "NoE",
    tables: ["Episodes", "Episodes_last"],
    fields: ["DECOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "This child has no episodes loaded for previous year even though child started to be looked after before this current year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let Some(last) = ctx.last.and_then(|l| l.tables.episodes.if_supplied()) else { return };
    let last_by_child = ctx.episodes_last();
    let blank_last = last.iter().any(|e| e.child.is_blank());
    for e in episodes {
        if e.decom.strict().is_none_or(|d| d >= ctx.start()) {
            continue;
        }
        let in_last = match e.child.value() {
            Some(c) => last_by_child.contains(c.as_str()),
            None => blank_last,
        };
        if !in_last {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episode_before_the_year_without_last_year_episodes_is_reported() {
        // The reference's cases (rule_NoE.test_validate), moved from 2021/22 to 2024/25.
        let cur =
            ret(&[("Episodes", "CHILD,DECOM\n101,14/03/2024\n102,08/09/2024\n103,03/10/2023\n")]);
        let last = ret(&[("Episodes", "CHILD,DECOM\n101,14/03/2024\n102,16/06/2022\n")]);
        let found = run(
            &EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["Episodes:2"]);
    }

    #[test]
    fn nothing_without_last_years_episodes() {
        let cur = ret(&[("Episodes", "CHILD,DECOM\n103,03/10/2023\n")]);
        let last = ret(&[("Header", "CHILD,SEX\n103,M\n")]);
        let found = run(
            &EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert!(found.is_empty());
    }
}
