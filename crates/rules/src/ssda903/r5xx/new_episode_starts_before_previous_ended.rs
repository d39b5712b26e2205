use super::util::sort_dates_last;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child's episodes in `DECOM` order: an episode whose `DECOM` is earlier than the `DEC`
    /// of the episode before it (episodes overlap).
    ///
    /// ## Why it matters
    /// A child is in one episode at a time; overlapping episodes double-count days in care and
    /// make the placement history ambiguous.
    ///
    /// ## Example
    /// 01/06/2020–04/06/2020 followed by an episode starting 02/06/2020: the second is
    /// reported. One starting 04/06/2020 passes.
    ///
    /// Episodes whose `DECOM` cannot be read sort last and are never reported; an unreadable
    /// `DEC` is never overlapped.
    pub(crate) NEW_EPISODE_STARTS_BEFORE_PREVIOUS_ENDED,
    code: "501",
    tables: ["Episodes"],
    fields: ["DECOM", "DEC"],
    years: Y2022_23..,
    message: "A new episode has started before the end date of the previous episode.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, mut eps) in ctx.episodes().iter() {
        sort_dates_last(&mut eps, |e| [e.decom.strict()]);
        for pair in eps.windows(2) {
            let (prev, cur) = (pair[0], pair[1]);
            if let (Some(decom), Some(prev_dec)) = (cur.decom.strict(), prev.dec.strict())
                && decom < prev_dec
            {
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

    /// The reference's own test case.
    #[test]
    fn overlapping_episodes_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n\
             111,01/06/2020,04/06/2020\n\
             111,02/06/2020,06/06/2020\n\
             111,06/06/2020,\n\
             111,08/06/2020,09/06/2020\n\
             222,10/06/2020,11/06/2020\n\
             333,04/06/2020,07/06/2020\n\
             333,05/06/2020,\n\
             444,08/06/2020,09/06/2020\n\
             444,08/06/2020,10/06/2020\n\
             444,15/06/2020,\n",
        )]);
        let found =
            run(&NEW_EPISODE_STARTS_BEFORE_PREVIOUS_ENDED, CollectionYear::Y2022_23, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:6", "Episodes:8"]);
    }
}
