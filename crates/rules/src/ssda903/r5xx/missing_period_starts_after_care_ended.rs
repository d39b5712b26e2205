use super::util::{child_of, periods_of_care};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Missing row whose `MIS_START` lies outside every one of the child's periods of care:
    /// before the period started, or after it ended. A period of care chains the child's
    /// episodes (in `DECOM` order) while each starts on or before the previous one's `DEC`; it
    /// runs from its first `DECOM` to its last episode's `DEC` (open if that is blank). A
    /// child with no episodes, or a row with no readable `MIS_START`, is not checked.
    ///
    /// ## Why it matters
    /// Only children who are looked after can go missing from care; a period that starts
    /// after care ended is outside the return's scope.
    ///
    /// ## Example
    /// Care 01/04/1979–30/03/1981 and a missing period from 02/06/2020: reported. A start of
    /// 01/01/1981 passes.
    pub(crate) MISSING_PERIOD_STARTS_AFTER_CARE_ENDED,
    code: "578",
    tables: ["Episodes", "Missing"],
    fields: ["MIS_START"],
    years: Y2022_23..,
    message: "The date that the child started to be missing is after the child ceased to be looked after.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(missing)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.missing.if_supplied())
    else {
        return;
    };
    for m in missing {
        let (Some(child), Some(start)) = (child_of(m), m.mis_start.strict()) else { continue };
        let periods = periods_of_care(ctx.episodes().get(child));
        let outside_every_period = !periods.is_empty()
            && periods.iter().all(|p| start < p.start || p.end.is_some_and(|end| start > end));
        if outside_every_period {
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
    fn missing_period_starting_outside_care_is_reported() {
        let cur = ret(&[
            (
                "Missing",
                "CHILD,MIS_START\n1,01/06/2020\n2,02/06/2020\n3,03/06/2022\n3,03/06/2020\n4,04/06/2020\n5,01/01/1982\n5,01/01/2000\n6,01/01/1981\n77,01/01/1981\n8888,01/01/2049\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC,LS,REC\n\
                 1,01/04/1977,31/03/1981,o,X1\n\
                 2,01/04/1979,30/03/1981,o,\n\
                 88,01/05/1980,01/01/1981,o,xx\n\
                 3,01/04/1980,01/01/1981,V3,kk\n\
                 3,01/04/2020,01/01/2021,V3,kk\n\
                 3,01/01/2021,05/10/2021,V3,kk\n\
                 4,01/04/1981,,o,!!\n\
                 5,01/04/1978,01/01/1981,o,X1\n\
                 5,01/01/1981,01/01/1990,o,xx\n\
                 5,01/04/1983,04/06/2020,o,kk\n\
                 6,01/04/1983,04/06/2020,o,kk\n\
                 8888,01/04/1983,04/06/2020,o,kk\n\
                 8888,04/06/2020,,o,kk\n",
            ),
        ]);
        let rule = &MISSING_PERIOD_STARTS_AFTER_CARE_ENDED;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["Missing:0", "Missing:1", "Missing:2", "Missing:7"]
        );
    }
}
