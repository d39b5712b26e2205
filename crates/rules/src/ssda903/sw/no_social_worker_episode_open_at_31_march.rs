use std::collections::HashMap;

use carelens_model::Date;

use crate::context::Ctx;
use crate::dates::lenient;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::pandas_sort_order;

declare_rule! {
    /// ## What it checks
    /// For a child looked after at 31 March (an episode with no `DEC` and a legal status other than
    /// V3 or V4), the latest social worker episode (by `SW_DECOM`) must be open: it is reported
    /// when it has an `SW_DEC`.
    ///
    /// ## Why it matters
    /// Every child looked after at the end of the year should have an allocated social worker; a
    /// closed latest episode means the child had none on 31 March, or the current allocation is
    /// missing.
    ///
    /// ## Example
    /// A child still in care whose episodes started 01/01/2025 (ended 20/01/2025) and 21/01/2025
    /// (no `SW_DEC`): passes. If the second also has an `SW_DEC`, it is reported.
    ///
    /// ## Reference behaviour
    /// The reference checks every child in SWEpisodes, including children who left care before 31
    /// March, for whom a closed latest episode is expected; carelens checks the cohort looked after
    /// at 31 March (docs/disagreements.md). Otherwise it follows the reference:
    /// `SW_DECOM` is read leniently (`pd.to_datetime(dayfirst=True)`), unreadable dates sort last,
    /// and any text in `SW_DEC` counts as an end date. When several episodes share the latest
    /// `SW_DECOM`, the latest is the one the reference's descending sort of the whole table puts
    /// first (numpy's unstable quicksort, reproduced by `crate::order::numpy_argsort`).
    pub(crate) NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH,
    code: "SW17STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC", "SW_DECOM"],
    years: Y2025_26..,
    message: "There is no social worker episode open at 31 March",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    // `sort_values(by=["SW_DECOM"], ascending=False).drop_duplicates("CHILD", keep="first")`:
    // each child's first row in the reference's sort of the whole table.
    let keys: Vec<Option<Date>> = rows.iter().map(|r| lenient(&r.sw_decom)).collect();
    let order = pandas_sort_order(&keys, false);
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for i in order {
        if let Some(child) = rows[i].child.value() {
            latest.entry(child.as_str()).or_insert(i);
        }
    }
    let mut flagged: Vec<usize> = latest
        .into_iter()
        .filter(|(child, i)| ctx.looked_after_at_31_march(child) && rows[*i].sw_dec.is_present())
        .map(|(_, i)| i)
        .collect();
    flagged.sort_unstable();
    for i in flagged {
        out.flag(&rows[i]);
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn closed_latest_episode_is_reported() {
        // The reference's cases (rule_SW17STG2.test_validate), both children still in care.
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM,DEC,LS\nchild1,01/01/2020,,C2\nchild2,01/01/2020,,C2\n"),
            (
                "SWEpisodes",
                "CHILD,SW_DECOM,SW_DEC\n\
                 child1,01/01/2001,\n\
                 child2,01/01/2000,01/01/2001\n\
                 child2,02/01/2000,01/01/2001\n\
                 child1,01/01/2000,01/01/2001\n",
            ),
        ]);
        let found =
            run(&NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["SWEpisodes:2"]);
    }

    #[test]
    fn child_who_left_care_is_not_checked() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC,REC,LS\n1,01/01/2025,01/02/2025,E11,C2\n2,01/01/2025,,,V4\n",
            ),
            (
                "SWEpisodes",
                "CHILD,SW_DECOM,SW_DEC\n1,01/01/2025,01/02/2025\n2,01/01/2025,02/01/2025\n",
            ),
        ]);
        let found =
            run(&NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH, CollectionYear::Y2025_26, &cur, None);
        assert!(found.is_empty());
    }

    #[test]
    fn ties_follow_the_references_unstable_sort() {
        // 30 episodes of five children in care, all starting 01/06/2025 except rows 0, 4, 16,
        // 20 and 24 (02/06/2025); rows 0, 3, 6, … (every third) have an SW_DEC. Over 16 rows
        // numpy's quicksort is not stable; the reference, run on this table, takes rows 0 and 27
        // as the latest (closed) episodes of children 100 and 102.
        let mut sw = String::from("CHILD,SW_DECOM,SW_DEC\n");
        for i in 0..30 {
            let child = 100 + i % 5;
            let day = if i % 4 == 0 && child != 102 && child != 103 { 2 } else { 1 };
            let dec = if i % 3 == 0 { "05/06/2025" } else { "" };
            sw.push_str(&format!("{child},0{day}/06/2025,{dec}\n"));
        }
        let eps = "CHILD,DECOM,DEC,LS\n100,01/01/2025,,C2\n101,01/01/2025,,C2\n\
                   102,01/01/2025,,C2\n103,01/01/2025,,C2\n104,01/01/2025,,C2\n";
        let cur = ret(&[("Episodes", eps), ("SWEpisodes", sw.as_str())]);
        let found =
            run(&NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH, CollectionYear::Y2025_26, &cur, None);
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:27"]);
    }
}
