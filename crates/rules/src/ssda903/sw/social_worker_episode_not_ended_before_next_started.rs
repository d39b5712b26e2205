use super::util::SwIndex;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

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
    /// When several episodes share the latest `SW_DECOM`, the reference's choice of the latest is
    /// arbitrary (it sorts the whole table with numpy's unstable quicksort; on tables of up to 16
    /// rows the sort happens to be stable and the row later in the file wins). carelens takes an
    /// open one as the latest, so that two same-day episodes, one closed and one open, are not
    /// reported (two episodes starting the same day are SW19STG2's business); among several open
    /// ones or several closed ones, the row later in the file.
    pub(crate) SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    code: "SW08STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..,
    message: "A new social worker episode has started, but the previous episode has not ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(sw) = ctx.cur.tables.sw_episodes.if_supplied() else { return };
    for (child, rows) in SwIndex::new(sw).groups() {
        if child.is_none() {
            continue;
        }
        let latest = if rows.iter().any(|r| r.sw_decom.strict().is_none()) {
            None
        } else {
            // Among episodes sharing the latest start, an open one counts as the latest.
            rows.iter()
                .enumerate()
                .filter_map(|(i, r)| {
                    r.sw_decom.strict().map(|d| (d, r.sw_dec.strict().is_none(), i))
                })
                .max()
        };
        for (i, r) in rows.iter().enumerate() {
            if latest.is_some_and(|(_, _, li)| li == i) {
                continue;
            }
            if r.sw_decom.strict().is_some() && r.sw_dec.strict().is_none() {
                out.flag(*r);
            }
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
}
