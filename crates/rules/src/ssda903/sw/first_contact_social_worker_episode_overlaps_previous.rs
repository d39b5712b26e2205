use super::util::{SwIndex, by_start_then_end, is_first_contact};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A social worker episode with `SW_REASON` `FCONTA` (first contact or re-referral) that starts
    /// on or before the `SW_DEC` of the child's previous episode (ordered by `SW_DECOM`, then
    /// `SW_DEC`).
    ///
    /// ## Why it matters
    /// A first contact or re-referral follows a period without a social worker; if the previous
    /// allocation had not yet ended, the reason is wrong or the dates are.
    ///
    /// ## Example
    /// An episode ending 20/01/2025 followed by an `FCONTA` episode starting 19/01/2025 or
    /// 20/01/2025: the later episode is reported; starting 21/01/2025: passes. A previous episode
    /// with no readable `SW_DEC` is not compared.
    pub(crate) FIRST_CONTACT_SOCIAL_WORKER_EPISODE_OVERLAPS_PREVIOUS,
    code: "SW10bSTG2",
    tables: ["SWEpisodes"],
    fields: ["SW_DECOM", "SW_REASON"],
    years: Y2025_26..,
    message: "A new social worker episode has started with a reason of first contact before the previous episode has ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.sw_episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut rows) in SwIndex::new(ctx).groups() {
        by_start_then_end(&mut rows);
        for pair in rows.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            let overlaps = matches!(
                (cur.sw_decom.strict(), prev.sw_dec.strict()),
                (Some(start), Some(prev_end)) if start <= prev_end
            );
            if is_first_contact(cur) && overlaps {
                out.flag(cur);
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
    fn first_contact_before_previous_end_is_reported() {
        // The reference's cases (rule_SW10bSTG2.test_validate).
        let cur = ret(&[(
            "SWEpisodes",
            "CHILD,SW_DECOM,SW_DEC,SW_REASON\n\
             1,01/01/2000,09/01/2000,XXXX\n\
             1,02/01/2000,03/01/2000,XXXX\n\
             2,01/01/1999,09/01/2000,XXXX\n\
             2,01/01/2000,10/01/2000,XXXX\n\
             3,10/01/2000,20/01/2000,XXXX\n\
             3,10/01/2000,11/01/2000,XXXX\n\
             3,18/01/2000,20/01/2000,XXXX\n\
             3,19/01/2000,21/01/2000,FCONTA\n\
             6,01/01/1999,02/01/2000,XXXX\n\
             6,01/01/2000,8/01/2000,FCONTA\n\
             7,01/01/2000,02/01/2000,XXXX\n\
             7,03/01/2000,,FCONTA\n",
        )]);
        let found = run(
            &FIRST_CONTACT_SOCIAL_WORKER_EPISODE_OVERLAPS_PREVIOUS,
            CollectionYear::Y2025_26,
            &cur,
            None,
        );
        assert_eq!(found, ["SWEpisodes:7", "SWEpisodes:9"]);
    }
}
