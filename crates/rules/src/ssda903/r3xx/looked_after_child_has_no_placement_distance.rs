use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r3xx::util::formerly_uasc;

declare_rule! {
    /// ## What it checks
    /// An episode, other than a short break (`LS` V3 or V4), with no placement distance
    /// (`PL_DISTANCE`, derived from `HOME_POST` and `PL_POST`): a postcode is missing or not
    /// found. Children who were UASC this year or last are left out, as they often have no
    /// home postcode in England.
    ///
    /// ## Why it matters
    /// Distance from home is a published placement measure; a missing distance drops the child
    /// from it.
    ///
    /// ## Example
    /// An episode with both postcodes found passes; one with `PL_POST` blank is reported,
    /// unless the child is UASC (Header `UASC` = 1 this year or last).
    ///
    /// ## Known false positives
    /// Children who were UASC before last year (the reference's own note says so).
    ///
    /// ## Reference behaviour
    /// Like the reference, the rule is skipped when neither this year's nor last year's return
    /// carries UASC information (no UASC table in a CSV return), since former UASC children
    /// could not be told apart. Distances from sector or district postcodes (pseudonymised
    /// extracts) count as recorded, although the reference finds no distance for them.
    pub(crate) LOOKED_AFTER_CHILD_HAS_NO_PLACEMENT_DISTANCE,
    code: "392a",
    tables: ["Episodes"],
    fields: ["PL_DISTANCE"],
    years: Y2022_23..,
    message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let Some(uasc) = formerly_uasc(ctx) else { return };
    for e in episodes {
        if e.ls.strict().is_some_and(|ls| ls.is_short_break())
            || e.child.value().is_some_and(|c| uasc.contains(c.as_str()))
        {
            continue;
        }
        if e.geo.and_then(|g| g.pl_distance).is_none() {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    const EPISODES: &str = "CHILD,LS,PL_DISTANCE\n111,L1,1.5\n222,L1,\n222,V3,1.5\n333,L1,\n\
                            333,V4,1.5\n345,L1,\n444,L1,1.5\n444,V3,\n555,L1,\n";

    #[test]
    fn missing_distances_are_reported_except_for_uasc_children() {
        // The reference's own cases: 111 is UASC this year, 444 last year.
        let cur = ret(&[
            ("Episodes", EPISODES),
            ("Header", "CHILD,UASC\n111,1\n222,0\n333,0\n345,0\n444,0\n555,0\n"),
            ("UASC", "CHILD\n111\n"),
        ]);
        let last = ret(&[
            ("Header", "CHILD,UASC\n111,0\n222,0\n333,0\n345,0\n444,1\n"),
            ("UASC", "CHILD\n444\n"),
        ]);
        let found = run(
            &LOOKED_AFTER_CHILD_HAS_NO_PLACEMENT_DISTANCE,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["Episodes:1", "Episodes:3", "Episodes:5", "Episodes:8"]);
    }

    #[test]
    fn last_years_uasc_table_stands_in_for_its_header() {
        let cur = ret(&[
            ("Episodes", EPISODES),
            ("Header", "CHILD,UASC\n111,1\n222,0\n333,0\n345,0\n444,0\n555,0\n"),
            ("UASC", "CHILD\n111\n"),
        ]);
        let last = ret(&[("UASC", "CHILD,DUC\n333,01/01/2020\n555,\n")]);
        let found = run(
            &LOOKED_AFTER_CHILD_HAS_NO_PLACEMENT_DISTANCE,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["Episodes:1", "Episodes:5", "Episodes:8"]);
    }

    #[test]
    fn skipped_without_any_uasc_information() {
        let cur = ret(&[("Episodes", EPISODES), ("Header", "CHILD\n111\n")]);
        let found = run(
            &LOOKED_AFTER_CHILD_HAS_NO_PLACEMENT_DISTANCE,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert!(found.is_empty());
    }
}
