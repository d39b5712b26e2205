use std::collections::HashMap;

use carelens_model::Date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::pandas_sort_order;

declare_rule! {
    /// ## What it checks
    /// Every episode of a child except the latest (by `DECOM`) must have both `DEC` and `REC`:
    /// a new episode cannot start while the previous one is still open.
    ///
    /// ## Why it matters
    /// An open episode followed by another breaks the chain of care that every duration,
    /// stability and cohort measure is built on.
    ///
    /// ## Example
    /// Episodes starting 01/04/2024 (no `DEC`) and 01/06/2024: the first is reported.
    ///
    /// ## Reference behaviour
    /// Rows with an unreadable `DECOM` are not reported. The reference sorts by `DECOM` with
    /// unreadable dates last, so a child with such a row has no valid "latest" episode: all its
    /// readable episodes are checked. When two episodes share the latest `DECOM`, which one
    /// counts as the latest depends on the reference's sort, which is not stable (pandas'
    /// default quicksort); carelens reproduces that sort exactly so that it picks the same one.
    pub(crate) EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    code: "142",
    tables: ["Episodes"],
    fields: ["DEC", "REC"],
    years: Y2022_23..,
    message: "A new episode has started, but the previous episode has not ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    // The reference sorts the whole table by DECOM (unreadable dates last, in file order) and
    // takes each child's last row in that order as its latest episode.
    let keys: Vec<Option<Date>> = episodes.iter().map(|e| e.decom.strict()).collect();
    let mut latest: HashMap<&str, usize> = HashMap::new();
    for i in pandas_sort_order(&keys, true) {
        if let Some(child) = episodes[i].child.value() {
            latest.insert(child.as_str(), i);
        }
    }
    for (i, e) in episodes.iter().enumerate() {
        let Some(child) = e.child.value() else { continue };
        if latest.get(child.as_str()) == Some(&i) || e.decom.strict().is_none() {
            continue;
        }
        if e.dec.strict().is_none() || e.rec.is_blank() {
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
    fn open_episode_followed_by_another_is_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n\
             1,01/04/2024,,\n\
             1,01/06/2024,,\n\
             2,01/04/2024,01/06/2024,X1\n\
             2,01/06/2024,,\n\
             3,01/04/2024,01/05/2024,\n\
             3,01/05/2024,,\n",
        )]);
        let found =
            run(&EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:4"]);
    }

    #[test]
    fn a_child_with_an_unreadable_start_has_every_readable_episode_checked() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n1,01/04/2024,,\n1,01/06/2024,,\n1,xx,,\n2,01/04/2024,,\n",
        )]);
        let found =
            run(&EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:1"]);
    }
}
