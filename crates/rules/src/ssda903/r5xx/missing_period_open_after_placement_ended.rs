use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row with `MIS_END` blank whose `MIS_START` falls within an episode of the
    /// child that has ended (`DECOM` ≤ `MIS_START` ≤ `DEC`).
    ///
    /// ## Why it matters
    /// When the placement the child went missing from ends, the missing period must end too;
    /// an open period after the placement ended overstates the time missing.
    ///
    /// ## Example
    /// An episode 08/06/2020–10/06/2020 and a period from 08/06/2020 with no end: reported.
    /// With an end date, or within a still-open episode, it passes.
    pub(crate) MISSING_PERIOD_OPEN_AFTER_PLACEMENT_ENDED,
    code: "575",
    tables: ["Episodes", "Missing"],
    fields: ["MIS_END"],
    years: Y2022_23..,
    message: "If the placement from which the child goes missing/away from placement without authorisation ends, the missing/away from placement without authorisation period in the missing module must also have an end date.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(missing)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.missing.if_supplied())
    else {
        return;
    };
    for m in missing {
        let (Some(child), Some(start)) = (child_of(m), m.mis_start.strict()) else { continue };
        if m.mis_end.is_present() {
            continue;
        }
        let within_ended = ctx.episodes().get(child).any(|e| {
            matches!((e.decom.strict(), e.dec.strict()), (Some(a), Some(b)) if a <= start && start <= b)
        });
        if within_ended {
            out.flag(m);
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
    fn open_period_within_an_ended_episode_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC\n\
                 111,01/06/2020,10/06/2020\n\
                 123,08/06/2020,10/06/2020\n\
                 222,05/06/2020,10/06/2020\n\
                 333,06/06/2020,\n\
                 333,07/06/2020,10/06/2020\n\
                 444,08/06/2020,10/06/2020\n\
                 444,08/06/2020,\n",
            ),
            (
                "Missing",
                "CHILD,MIS_START,MIS_END\n\
                 111,01/06/2020,05/06/2020\n\
                 123,08/06/2020,\n\
                 222,05/06/2020,05/06/2020\n\
                 333,06/06/2020,\n\
                 444,08/06/2020,05/06/2020\n\
                 444,09/06/2020,\n\
                 444,19/06/2020,05/06/2020\n",
            ),
        ]);
        let rule = &MISSING_PERIOD_OPEN_AFTER_PLACEMENT_ENDED;
        assert_eq!(run(rule, CollectionYear::Y2022_23, &cur, None), ["Missing:1", "Missing:5"]);
    }
}
