use std::collections::HashMap;

use carelens_model::Date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::pandas_sort_order;

declare_rule! {
    /// ## What it checks
    /// Every social worker episode of a child except the latest (by `SW_DECOM`) must have an
    /// `SW_DEC`: a new social worker episode cannot start while the previous one is still open.
    ///
    /// ## Why it matters
    /// Two open allocations at once make it impossible to tell who the child's social worker was,
    /// and double-count the child in caseload figures.
    ///
    /// ## Example
    /// Episodes starting 06/06/2024 (no `SW_DEC`) and 07/06/2024: the first is reported. The latest
    /// episode may be open.
    ///
    /// ## Reference behaviour
    /// As the reference does: rows with a blank `CHILD` or an unreadable or blank `SW_DECOM` are
    /// not reported, and an unreadable `SW_DEC` counts as missing. A blank or unreadable `SW_DECOM`
    /// sorts after every date, so a child with such a row has no readable "latest" episode and all
    /// its readable episodes are checked.
    ///
    /// When several episodes share the latest `SW_DECOM`, the latest is the one the reference's
    /// sort puts last: it sorts the whole table by `SW_DECOM` with numpy's unstable quicksort,
    /// which carelens reproduces exactly (`crate::order::pandas_sort_order`); on tables of up to 16
    /// rows that is the row later in the file.
    pub(crate) SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    code: "SW08STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..,
    message: "A new social worker episode has started, but the previous episode has not ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(rows) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    // `df.sort_values("SW_DECOM")` (readable dates by numpy's quicksort, then the rest in file
    // order) `.groupby("CHILD")["index"].last()`: each child's row sorted last.
    let keys: Vec<Option<Date>> = rows.iter().map(|r| r.sw_decom.strict()).collect();
    let sorted = pandas_sort_order(&keys, true);
    let mut last: HashMap<&str, usize> = HashMap::new();
    for i in sorted {
        if let Some(child) = rows[i].child.value() {
            last.insert(child.as_str(), i);
        }
    }
    for (i, r) in rows.iter().enumerate() {
        let Some(child) = r.child.value() else { continue };
        let is_last = last.get(child.as_str()) == Some(&i);
        if !is_last && r.sw_decom.strict().is_some() && r.sw_dec.strict().is_none() {
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
    fn open_episode_followed_by_another_is_reported() {
        // The reference's cases (rule_SW08STG2.test_validate).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             111,01/06/2020,04/06/2020\n\
             111,05/06/2020,06/06/2020\n\
             111,06/06/2020,08/06/2020\n\
             111,08/06/2020,05/06/2020\n\
             222,05/06/2020,06/06/2020\n\
             333,06/06/2020,\n\
             333,07/06/2020,08/06/2020\n\
             444,08/06/2020,09/06/2020\n\
             444,09/06/2020,10/06/2020\n\
             444,15/06/2020,\n\
             555,11/06/2020,12/06/2020\n\
             6666,12/06/2020,13/06/2020\n\
             6666,13/06/2020,14/06/2020\n\
             6666,14/06/2020,\n\
             6666,15/06/2020,16/06/2020\n\
             77777,16/06/2020,17/06/2020\n\
             77777,17/06/2020,18/06/2020\n\
             77777,18/06/2020,\n\
             999,31/06/2020,\n\
             123,,\n\
             ,,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:5", "SWEpisodes:13"]);
    }

    #[test]
    fn unreadable_start_makes_every_open_episode_count() {
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n1,01/06/2024,\n1,xx,\n2,01/06/2024,\n2,01/06/2024,\n",
        )]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:0", "SWEpisodes:2"]);
    }

    #[test]
    fn ties_follow_the_references_unstable_sort() {
        // 30 open episodes of five children, every one starting on 01/06/2023 except rows 0, 4,
        // 16, 20 and 24 (02/06/2023). Over 16 rows numpy's quicksort is not stable: the
        // reference (run on this table) keeps rows 0, 3, 12, 16 and 24 as each child's latest
        // (child 100's latest is row 0, not row 20; child 102's is row 12) and reports the rest.
        let mut text = String::from("CHILD,SW_DECOM,SW_DEC\n");
        for i in 0..30 {
            let child = 100 + i % 5;
            let day = if i % 4 == 0 && child != 102 && child != 103 { 2 } else { 1 };
            text.push_str(&format!("{child},0{day}/06/2023,\n"));
        }
        let cur = ret(&[("SWEpisodes", text.as_str())]);
        let found = run(
            &SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        let want: Vec<String> = (0..30)
            .filter(|i| ![0, 3, 12, 16, 24].contains(i))
            .map(|i| format!("SWEpisodes:{i}"))
            .collect();
        assert_eq!(found, want);
    }
}
