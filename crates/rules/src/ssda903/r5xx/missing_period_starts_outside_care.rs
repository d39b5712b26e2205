use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row of a child with episodes whose `MIS_START` falls in none of them: no
    /// episode with `DECOM` ≤ `MIS_START` and either `DEC` ≥ `MIS_START` or no readable `DEC`.
    /// A row with no readable `MIS_START` fits no episode and is reported too, as in the
    /// reference; a child with no episodes is not checked.
    ///
    /// ## Why it matters
    /// Only a looked-after child can go missing from care; a period that starts before care,
    /// between episodes or after care ended is misdated or belongs to no placement.
    ///
    /// ## Example
    /// Episodes 08/06/2020–10/06/2020 and from 12/06/2020; a missing period starting
    /// 11/06/2020: reported. Starting 12/06/2020 it passes.
    pub(crate) MISSING_PERIOD_STARTS_OUTSIDE_CARE,
    code: "581",
    tables: ["Episodes", "Missing"],
    fields: ["MIS_START"],
    years: Y2022_23..,
    message: "Child is missing but has not yet started to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(missing)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.missing.if_supplied())
    else {
        return;
    };
    for m in missing {
        let Some(child) = child_of(m) else { continue };
        let start = m.mis_start.strict();
        let mut eps = ctx.episodes().get(child).peekable();
        if eps.peek().is_none() {
            continue;
        }
        let in_episode = eps.any(|e| {
            matches!((start, e.decom.strict()), (Some(s), Some(d)) if s >= d)
                && e.dec.strict().is_none_or(|dec| start.is_some_and(|s| s <= dec))
        });
        if !in_episode {
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
    fn missing_period_outside_every_episode_is_reported() {
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,DECOM,DEC\n\
                 111,01/06/2020,10/06/2020\n\
                 123,08/06/2020,10/06/2020\n\
                 222,06/06/2020,10/06/2020\n\
                 333,06/06/2020,\n\
                 333,07/06/2020,10/06/2020\n\
                 444,08/06/2020,10/06/2020\n\
                 444,12/06/2020,\n\
                 555,15/06/2020,20/06/2020\n",
            ),
            (
                "Missing",
                "CHILD,MIS_START,MIS_END\n\
                 111,01/06/2020,05/06/2020\n\
                 123,08/06/2020,\n\
                 222,05/06/2020,05/06/2020\n\
                 333,12/06/2020,\n\
                 444,08/06/2020,05/06/2020\n\
                 444,11/06/2020,11/06/2020\n\
                 444,19/06/2020,05/06/2020\n\
                 555,21/06/2020,21/06/2020\n\
                 555,,\n\
                 999,01/01/2020,\n",
            ),
        ]);
        let rule = &MISSING_PERIOD_STARTS_OUTSIDE_CARE;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Missing:2", "Missing:5", "Missing:7", "Missing:8"]
        );
    }
}
