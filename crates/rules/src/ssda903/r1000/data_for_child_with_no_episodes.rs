use carelens_model::AnyRow;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A row of PlacedAdoption, Missing, Reviews, AD1, PrevPerm or OC2 for a child with no
    /// episode in this year's Episodes.
    ///
    /// ## Why it matters
    /// These tables describe a child's time in care during the year; a child with no episodes
    /// this year (a care leaver reported only in OC3, say) should have none of them.
    ///
    /// ## Example
    /// A Reviews row for child 999, who has no episodes, is reported; a review for a child with
    /// an episode is not.
    ///
    /// ## Reference behaviour
    /// As in the reference, a row with a blank `CHILD` is reported unless some episode also has
    /// a blank `CHILD` (pandas matches blank keys with each other).
    pub(crate) DATA_FOR_CHILD_WITH_NO_EPISODES,
    code: "1012",
    tables: ["Episodes"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "No other data should be returned for OC3 children who had no episodes in the current year",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let blank_child_episode = episodes.iter().any(|e| e.child.value().is_none());
    let has_episodes = |row: &dyn AnyRow| match row.child().value() {
        Some(c) => ctx.episodes().contains(c.as_str()),
        None => blank_child_episode,
    };
    let t = &ctx.cur.tables;
    flag_rows_without_episodes(t.placed_adoption.if_supplied(), &has_episodes, out);
    flag_rows_without_episodes(t.missing.if_supplied(), &has_episodes, out);
    flag_rows_without_episodes(t.reviews.if_supplied(), &has_episodes, out);
    flag_rows_without_episodes(t.ad1.if_supplied(), &has_episodes, out);
    flag_rows_without_episodes(t.prev_perm.if_supplied(), &has_episodes, out);
    flag_rows_without_episodes(t.oc2.if_supplied(), &has_episodes, out);
}

/// Flags the rows of one table (when supplied) whose child has no episodes.
fn flag_rows_without_episodes<R: AnyRow>(
    rows: Option<&[R]>,
    has_episodes: &dyn Fn(&dyn AnyRow) -> bool,
    out: &mut Out<'_>,
) {
    for r in rows.into_iter().flatten() {
        if !has_episodes(r) {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn rows_for_children_without_episodes_are_reported() {
        // The reference's own test.
        let cur = ret(&[
            ("Episodes", "CHILD\n111\n222\n333\n444\n555\n555\n666\n666\n"),
            ("PlacedAdoption", "CHILD\n777\n222\n333\n444\n555\n666\n"),
            ("Missing", "CHILD\n111\n888\n333\n444\n555\n666\n"),
            ("Reviews", "CHILD\n111\n222\n999\n444\n555\n666\n"),
            ("AD1", "CHILD\n111\n222\n333\n1010\n555\n666\n"),
            ("PrevPerm", "CHILD\n111\n222\n333\n444\n1111\n666\n"),
            ("OC2", "CHILD\n111\n222\n333\n444\n555\n1212\n"),
        ]);
        let found = run(&DATA_FOR_CHILD_WITH_NO_EPISODES, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(
            found,
            ["Reviews:2", "OC2:5", "AD1:3", "PlacedAdoption:0", "PrevPerm:4", "Missing:1"]
        );
    }

    #[test]
    fn blank_child_rows_match_blank_child_episodes() {
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM\n1,01/04/2024\n"),
            ("Reviews", "CHILD,REVIEW\n,01/05/2024\n1,01/05/2024\n"),
        ]);
        let found = run(&DATA_FOR_CHILD_WITH_NO_EPISODES, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Reviews:0"]);
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM\n,01/04/2024\n"),
            ("Reviews", "CHILD,REVIEW\n,01/05/2024\n"),
        ]);
        assert!(
            run(&DATA_FOR_CHILD_WITH_NO_EPISODES, CollectionYear::Y2024_25, &cur, None).is_empty()
        );
    }
}
