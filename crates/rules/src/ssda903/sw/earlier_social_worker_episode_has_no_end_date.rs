use super::util::SwIndex;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with no valid `SW_DEC` that is not the child's latest episode (by
    /// `SW_DECOM`). Only the latest episode may be open.
    ///
    /// ## Why it matters
    /// An earlier allocation left open overlaps every later one, so the child appears to have
    /// several social workers at once.
    ///
    /// ## Example
    /// Episodes from 01/01/2024 and 02/01/2024, both without `SW_DEC`: the first is reported.
    ///
    /// ## Reference behaviour
    /// As the reference does: an unreadable `SW_DEC` counts as blank; a blank or unreadable
    /// `SW_DECOM` sorts after every date, so the child's latest episode is then the last such row
    /// in the file; when two episodes share the latest `SW_DECOM`, the one later in the file is the
    /// latest; and rows with a blank `CHILD` are treated as one child.
    pub(crate) EARLIER_SOCIAL_WORKER_EPISODE_HAS_NO_END_DATE,
    code: "SW14STG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DEC"],
    years: Y2023_24..=Y2023_24,
    message: "Social worker episode date ceased is blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    for (_, rows) in SwIndex::new(ctx).groups() {
        // The last row once sorted by SW_DECOM (stable, unreadable dates last).
        let latest = rows
            .iter()
            .enumerate()
            .max_by_key(|(i, r)| {
                let d = r.sw_decom.strict();
                (d.is_none(), d, *i)
            })
            .map(|(i, _)| i);
        for (i, r) in rows.iter().enumerate() {
            if Some(i) != latest && r.sw_dec.strict().is_none() {
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
    fn open_episode_that_is_not_the_latest_is_reported() {
        // The reference's cases (rule_SW14STG2.test_validate), plus an unreadable start.
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC\n\
             1,01/01/2000,01/01/2000\n\
             1,02/01/2000,\n\
             2,01/01/2000,\n\
             2,02/01/2000,\n\
             3,01/01/2000,\n\
             4,01/01/2024,\n\
             4,xx,\n",
        )]);
        let found = run(
            &EARLIER_SOCIAL_WORKER_EPISODE_HAS_NO_END_DATE,
            CollectionYear::Y2023_24,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:2", "SWEpisodes:5"]);
    }
}
