use std::collections::HashSet;

use carelens_model::Return903;

use crate::cells::{has_uasc_flags, is_uasc};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode with a placement distance (`PL_DISTANCE`, derived from the home and
    /// placement postcodes) for a child who is UASC this year or was last year: Header `UASC`
    /// 1 in either year's return (for a CSV return, a row in that year's UASC table).
    ///
    /// ## Why it matters
    /// An unaccompanied asylum-seeking child has no home postcode in England, so the distance
    /// from home is not meaningful and must be left out of the distance statistics.
    ///
    /// ## Example
    /// A child flagged UASC last year only, with an episode whose postcodes give a distance of
    /// 12.3 miles: reported. Both postcodes blank: passes.
    ///
    /// ## Known false positives
    /// Children who were UASC two or more years ago are not known unless flagged in the
    /// returns given, as the message warns (there they are missed, not reported).
    pub(crate) DISTANCE_GIVEN_FOR_UASC_CHILD,
    code: "406",
    tables: ["Episodes"],
    fields: ["PL_DISTANCE"],
    years: Y2022_23..,
    message: "Child is Unaccompanied Asylum-Seeking Child (UASC) or was formerly UASC. Distance should be blank. [NOTE: This check will result in false negatives for children formerly UASC not identified as such in loaded data]",
}

/// The children flagged UASC in a return: by the Header's flag when the Header was supplied
/// (and carries it), else by the UASC table (a row with anything but CHILD filled in).
fn uasc_children<'a>(ret: &'a Return903, into: &mut HashSet<&'a str>) {
    if let Some(header) = ret.tables.header.if_supplied() {
        if has_uasc_flags(ret) {
            into.extend(
                header
                    .iter()
                    .filter(|h| is_uasc(h))
                    .filter_map(|h| h.child.value())
                    .map(|c| c.as_str()),
            );
        }
    } else if let Some(uasc) = ret.tables.uasc.if_supplied() {
        let filled = |u: &&carelens_model::Uasc| {
            u.sex.is_present() || u.dob.is_present() || u.duc.is_present()
        };
        into.extend(uasc.iter().filter(filled).filter_map(|u| u.child.value()).map(|c| c.as_str()));
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let mut uasc = HashSet::new();
    uasc_children(ctx.cur, &mut uasc);
    if let Some(last) = ctx.last {
        uasc_children(last, &mut uasc);
    }
    if uasc.is_empty() {
        return;
    }
    for e in episodes {
        let Some(child) = e.child.value() else { continue };
        let has_distance = e.geo.is_some_and(|g| g.pl_distance.is_some());
        if has_distance && uasc.contains(child.as_str()) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn distance_for_a_uasc_child_is_reported() {
        // The reference's own cases (rule_406.test_validate).
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,PL_DISTANCE\n111,1.5\n222,\n222,1.5\n333,\n333,1.5\n345,\n444,1.5\n444,\n",
            ),
            ("Header", "CHILD,UASC\n111,1\n222,0\n333,0\n345,1\n444,0\n"),
            ("UASC", "CHILD\n"),
        ]);
        let last = ret(&[
            ("Header", "CHILD,UASC\n111,0\n222,1\n333,0\n345,0\n444,1\n"),
            ("UASC", "CHILD\n"),
        ]);
        let found =
            run(&DISTANCE_GIVEN_FOR_UASC_CHILD, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Episodes:0", "Episodes:2", "Episodes:6"]);
    }
}
