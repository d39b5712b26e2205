use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::formerly_uasc;

declare_rule! {
    /// ## What it checks
    /// An episode, other than a short break (`LS` V3 or V4), with `HOME_POST` or `PL_POST`
    /// blank. Children who were UASC this year or last are left out when that is known.
    ///
    /// ## Why it matters
    /// Both postcodes are needed to derive the placement's area and its distance from home,
    /// which the DfE publishes.
    ///
    /// ## Example
    /// An episode with both postcodes passes; one with `PL_POST` blank is reported, unless the
    /// child is UASC (Header `UASC` = 1 this year or last).
    ///
    /// ## Known false positives
    /// Children who were UASC before last year, and UASC children when neither year's UASC
    /// information was sent (the reference's own note says so).
    pub(crate) LOOKED_AFTER_CHILD_HAS_NO_POSTCODES,
    code: "392b",
    tables: ["Episodes"],
    fields: ["HOME_POST", "PL_POST"],
    years: Y2022_23..,
    message: "Child is looked after but no postcodes are recorded. [NOTE: This check may result in false positives for children formerly UASC, particularly if current & prior year UASC data not loaded]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let uasc = formerly_uasc(ctx).unwrap_or_default();
    for e in episodes {
        if e.ls.strict().is_some_and(|ls| ls.is_short_break())
            || e.child.value().is_some_and(|c| uasc.contains(c.as_str()))
        {
            continue;
        }
        if e.home_post.is_blank() || e.pl_post.is_blank() {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    const EPISODES: &str = "CHILD,LS,HOME_POST,PL_POST\n111,L1,XX1,XX1\n222,L1,XX1,\n\
                            222,V3,,XX1\n333,L1,XX1,\n333,V4,XX1,XX1\n345,L1,XX1,\n\
                            444,L1,XX1,XX1\n444,V3,,\n";

    #[test]
    fn missing_postcodes_are_reported_except_for_uasc_children() {
        // The reference's own cases.
        let cur = ret(&[
            ("Episodes", EPISODES),
            ("Header", "CHILD,UASC\n111,1\n222,0\n333,0\n345,0\n444,0\n"),
            ("UASC", "CHILD\n111\n"),
        ]);
        let last = ret(&[
            ("Header", "CHILD,UASC\n111,0\n222,0\n333,0\n345,0\n444,1\n"),
            ("UASC", "CHILD\n444\n"),
        ]);
        let found =
            run(&LOOKED_AFTER_CHILD_HAS_NO_POSTCODES, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Episodes:1", "Episodes:3", "Episodes:5"]);
    }

    #[test]
    fn runs_without_uasc_information() {
        let cur = ret(&[("Episodes", EPISODES)]);
        let last = ret(&[("UASC", "CHILD,DUC\n222,01/01/1990\n345,\n")]);
        let found =
            run(&LOOKED_AFTER_CHILD_HAS_NO_POSTCODES, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Episodes:3", "Episodes:5"]);
        let alone = run(&LOOKED_AFTER_CHILD_HAS_NO_POSTCODES, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(alone, ["Episodes:1", "Episodes:3", "Episodes:5"]);
    }
}
