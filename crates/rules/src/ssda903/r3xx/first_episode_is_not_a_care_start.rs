use carelens_model::codes::ReasonNewEpisode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::first_by_decom;

declare_rule! {
    /// ## What it checks
    /// A child's first episode (earliest readable `DECOM`, the first in the file among equal
    /// dates) that starts on or after 1 April of the collection year but whose `RNE` is not S
    /// (started to be looked after).
    ///
    /// ## Why it matters
    /// A first episode that is not a care start means an earlier episode is missing, so the
    /// period of care, its start date and its length are all wrong.
    ///
    /// ## Example
    /// In 2024/25 a first episode starting 01/06/2024 with `RNE` P (or blank) is reported; one
    /// starting 01/03/2024 is not checked, as its start may be in earlier returns.
    pub(crate) FIRST_EPISODE_IS_NOT_A_CARE_START,
    code: "357",
    tables: ["Episodes"],
    fields: ["RNE"],
    years: Y2022_23..,
    message: "If this is the first episode ever for this child, reason for new episode must be S.  Check whether there is an episode immediately preceding this one, which has been left out.  If not the reason for new episode code must be amended to S.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    let start = ctx.start();
    for (_, eps) in ctx.episodes().iter() {
        let Some(first) = first_by_decom(eps.iter().copied()) else { continue };
        if first.decom.strict().is_some_and(|d| d >= start)
            && first.rne.strict() != Some(ReasonNewEpisode::S)
        {
            out.flag(first);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn first_episode_in_the_year_without_rne_s_is_reported() {
        // The reference's own cases (collection starting 31/03/1995, as in its test).
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,RNE\n000,01/01/2001,!!\n111,11/11/2011,ok\n111,01/01/2000,S\n\
             222,11/11/2011,ok\n222,,ok\n222,01/01/2001,S\n333,12/12/2012,ok\n333,01/01/2001,!!\n\
             333,05/05/2005,ok\n444,05/05/2005,\n555,01/01/1990,ok\n",
        )]);
        let year = CollectionYear::from_end_year(1996).unwrap();
        let found = run(&FIRST_EPISODE_IS_NOT_A_CARE_START, year, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:7", "Episodes:9"]);
    }
}
