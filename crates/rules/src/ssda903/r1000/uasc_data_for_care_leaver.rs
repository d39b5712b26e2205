use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r6xx::util::has_care_leaver_data;

declare_rule! {
    /// ## What it checks
    /// A child with a UASC row, episodes of which none falls in the collection year (each
    /// ended before 1 April or started after 31 March), and an OC3 row with care leaver
    /// information (`IN_TOUCH`, `ACTIV` or `ACCOM`). The UASC rows and those OC3 rows are
    /// reported.
    ///
    /// ## Why it matters
    /// UASC status is collected for children looked after in the year; a care leaver who was
    /// not looked after this year is reported in OC3 only.
    ///
    /// ## Example
    /// A child whose only episode ended 01/01/2024, with a UASC row and `IN_TOUCH` YES in 2024/25:
    /// the UASC and OC3 rows are reported. An episode ending 11/05/2024 would be in the year.
    ///
    /// ## Reference behaviour
    /// As in the reference, an episode whose `DEC` is blank or unreadable counts as in the year
    /// when its `DECOM` is on or before 31 March, and a child with no episodes at all is not
    /// reported.
    pub(crate) UASC_DATA_FOR_CARE_LEAVER,
    code: "1014",
    tables: ["Episodes", "UASC", "OC3"],
    fields: ["ACTIV", "ACCOM", "IN_TOUCH", "DUC"],
    years: Y2022_23..,
    message: "UASC information is not required for care leavers",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(_), Some(_)) = (
        ctx.cur.tables.episodes.if_supplied(),
        ctx.cur.tables.uasc.if_supplied(),
        ctx.cur.tables.oc3.if_supplied(),
    ) else {
        return;
    };
    let (start, end) = (ctx.start(), ctx.end());
    let oc3 = ctx.oc3();
    for (child, uasc_rows) in ctx.uasc().iter() {
        let mut eps = ctx.episodes().get(child).peekable();
        if eps.peek().is_none() {
            continue;
        }
        let in_year = eps.any(|e| {
            let began = e.decom.strict().is_some_and(|d| d <= end);
            began && e.dec.strict().is_none_or(|d| d >= start)
        });
        if in_year {
            continue;
        }
        let mut leaver = false;
        for o in oc3.get(child).filter(|o| has_care_leaver_data(o)) {
            out.flag(o);
            leaver = true;
        }
        if leaver {
            for u in uasc_rows {
                out.flag(u);
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
    fn uasc_data_for_care_leaver_is_reported() {
        // The reference's own test (2020/21).
        let cur = ret(&[
            (
                "UASC",
                "CHILD,DOB,DUC\n101,01/06/2000,05/06/2019\n102,02/06/2000,\n\
                 105,03/06/2000,01/06/2015\n107,04/06/2000,02/06/2020\n110,,05/06/2020\n\
                 111,,05/06/2020\n",
            ),
            (
                "OC3",
                "CHILD,IN_TOUCH,ACTIV,ACCOM\n101,,,\n102,YES,,\n103,YES,XXX,\n104,,,XXX\n\
                 105,Yes,XXX,XXX\n106,No,,\n107,YES,,\n108,YES,XXX,\n109,,,XXX\n110,,XXX,\n\
                 111,!!,!!,\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC\n101,01/01/2020,01/01/2020\n102,11/01/2020,11/01/2020\n\
                 103,30/03/2020,30/03/2020\n104,01/01/2020,01/01/2020\n105,11/05/2020,11/05/2020\n\
                 105,01/01/2020,01/01/2020\n106,22/01/2020,22/01/2020\n107,11/01/2020,11/01/2020\n\
                 108,22/01/2020,22/01/2020\n109,25/03/2020,25/03/2020\n110,01/01/2020,01/01/2020\n\
                 110,01/11/2021,01/11/2021\n111,01/11/2019,31/03/2021\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&UASC_DATA_FOR_CARE_LEAVER, year, &cur, None);
        assert_eq!(found, ["UASC:1", "UASC:3", "UASC:4", "OC3:1", "OC3:6", "OC3:9"]);
    }
}
