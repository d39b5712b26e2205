use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

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
    /// readable episodes are checked. When two episodes share the latest `DECOM`, the one later
    /// in the file counts as the latest (the reference's unstable sort makes that arbitrary).
    pub(crate) EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    code: "142",
    tables: ["Episodes"],
    fields: ["DEC", "REC"],
    years: Y2022_23..,
    message: "A new episode has started, but the previous episode has not ended.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for (_, eps) in ctx.episodes().iter() {
        // The latest episode: greatest DECOM; among equals, the last in file order. An
        // unreadable DECOM sorts after every date, so then no readable episode is the latest.
        let latest = if eps.iter().any(|e| e.decom.strict().is_none()) {
            None
        } else {
            eps.iter().enumerate().filter_map(|(i, e)| e.decom.strict().map(|d| (d, i))).max()
        };
        for (i, e) in eps.iter().enumerate() {
            if latest.is_some_and(|(_, li)| li == i) || e.decom.strict().is_none() {
                continue;
            }
            if e.dec.strict().is_none() || e.rec.is_blank() {
                out.flag(*e);
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
}
