use std::collections::HashSet;

use carelens_model::Return903;
use carelens_model::codes::LegalStatus;

use crate::cells::has_uasc_flags;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that is not a short break (legal status other than V3/V4) whose derived
    /// `PL_DISTANCE` (home to placement, in miles) is below 0 or above 999.9, for a child who
    /// was not UASC this year or in either of the two years before.
    ///
    /// ## Why it matters
    /// A distance outside that range means the postcodes did not locate the home or the
    /// placement; distance is a published placement measure. Children who are or were
    /// unaccompanied asylum seekers have no meaningful home postcode and are exempt.
    ///
    /// ## Example
    /// 3.5 miles passes, and so does an episode with no distance; 1000 miles is reported unless
    /// the child is flagged UASC in this year's or last year's Header.
    ///
    /// ## Reference behaviour
    /// As in the reference, the rule runs only when someone can be known to be UASC: a Header
    /// with a UASC flag (an XML return, or a CSV return with a UASC table) this year or last
    /// year. When a year's Header was not supplied, any child with data in that year's UASC
    /// table counts as UASC. Unlike the reference, and as the DfE's rule text says, short
    /// breaks are exempt and so are children who were UASC two years ago, when that year's
    /// return is given (the reference sees only last year; `docs/disagreements.md`). The
    /// distances carelens derives are never negative and stay well under 999.9 miles within
    /// the UK, so in practice nothing is reported.
    pub(crate) PLACEMENT_DISTANCE_IS_NOT_VALID,
    code: "164",
    tables: ["Episodes"],
    fields: ["PL_DISTANCE"],
    years: Y2022_23..,
    message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
}

/// Children known to be UASC in one year's return, or `None` when that return gives no way to
/// tell (no UASC flag in its Header and no UASC table standing in for the Header).
fn uasc_children(ret: &Return903) -> Option<HashSet<&str>> {
    let t = &ret.tables;
    if t.header.supplied {
        has_uasc_flags(ret).then(|| {
            t.header
                .iter()
                .filter(|h| h.uasc.strict() == Some(true))
                .filter_map(|h| h.child.value())
                .map(|c| c.as_str())
                .collect()
        })
    } else if t.uasc.supplied {
        Some(
            t.uasc
                .iter()
                .filter(|u| u.sex.is_present() || u.dob.is_present() || u.duc.is_present())
                .filter_map(|u| u.child.value())
                .map(|c| c.as_str())
                .collect(),
        )
    } else {
        None
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let this_year = uasc_children(ctx.cur);
    let last_year = ctx.last.and_then(uasc_children);
    if this_year.is_none() && last_year.is_none() {
        return;
    }
    // The DfE's rule also exempts children who were UASC in the year before last.
    let two_years_ago = ctx.older.first().and_then(uasc_children);
    let uasc: HashSet<&str> =
        this_year.into_iter().chain(last_year).chain(two_years_ago).flatten().collect();
    for e in episodes {
        let Some(distance) = e.geo.and_then(|g| g.pl_distance) else { continue };
        if e.ls.strict().is_some_and(LegalStatus::is_short_break) {
            continue;
        }
        if !(0.0..=999.9).contains(&distance)
            && !e.child.value().is_some_and(|c| uasc.contains(c.as_str()))
        {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run, run_with};

    #[test]
    fn the_references_cases() {
        let episodes = (
            "Episodes",
            "CHILD,LS,PL_DISTANCE\n111,V3,0.0\n222,V1,\n222,V5,-2\n333,V1,3.5\n333,V2,1000\n\
             345,V7,1380\n",
        );
        let cur = ret(&[
            episodes,
            ("Header", "CHILD,UASC\n111,0\n222,0\n333,0\n345,0\n"),
            ("UASC", "CHILD,DUC\n"),
        ]);
        let last = ret(&[
            ("Header", "CHILD,UASC\n111,0\n222,0\n333,0\n345,1\n"),
            ("UASC", "CHILD,DUC\n345,01/01/2020\n"),
        ]);
        let found =
            run(&PLACEMENT_DISTANCE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Episodes:2", "Episodes:4"]);

        // Without last year's Header, last year's UASC table says who was UASC.
        let cur = ret(&[episodes, ("Header", "CHILD,UASC\n111,0\n222,0\n333,0\n345,0\n")]);
        let last = ret(&[("UASC", "CHILD,DUC\n333,something\n345,\n")]);
        let found =
            run(&PLACEMENT_DISTANCE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, Some(&last));
        assert_eq!(found, ["Episodes:2", "Episodes:5"]);
    }

    #[test]
    fn short_breaks_and_children_uasc_two_years_ago_are_exempt() {
        let cur = ret(&[
            ("Episodes", "CHILD,LS,PL_DISTANCE\n1,V3,1000\n2,C2,1000\n3,C2,1000\n"),
            ("Header", "CHILD,UASC\n1,0\n2,0\n3,0\n"),
            ("UASC", "CHILD,DUC\n"),
        ]);
        let last = ret(&[("Header", "CHILD,UASC\n2,0\n")]);
        let older = [ret(&[("Header", "CHILD,UASC\n2,1\n"), ("UASC", "CHILD,DUC\n2,\n")])];
        let ctx = Ctx::new(CollectionYear::Y2024_25, None, &cur, Some(&last), &older, None);
        assert_eq!(run_with(&PLACEMENT_DISTANCE_IS_NOT_VALID, &ctx), ["Episodes:2"]);
    }

    #[test]
    fn nothing_is_checked_when_nobody_can_be_known_to_be_uasc() {
        let cur = ret(&[
            ("Episodes", "CHILD,LS,PL_DISTANCE\n1,C2,1000\n"),
            ("Header", "CHILD,UASC\n1,0\n"),
        ]);
        let found = run(&PLACEMENT_DISTANCE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert!(found.is_empty());
    }
}
