use super::uasc_joins::{Flag, joins};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child who was UASC last year (Header `UASC` 1 last year) but is not flagged UASC this
    /// year, although they have a UASC row this year, when the dates ceased do not support
    /// the change: a `DUC` is given this year, or last year's `DUC` does not fall in last
    /// year's collection year. Reports the UASC row and the Header row.
    ///
    /// ## Why it matters
    /// UASC status ends on a recorded date; a child dropping out of the UASC cohort without
    /// that date in the right year miscounts the UASC statistics and the grant claims
    /// built on them.
    ///
    /// ## Example
    /// 2020/21 return: UASC last year with `DUC` 20/01/2020 (not in 2019/20), not UASC this
    /// year: reported. With `DUC` 10/07/2019 last year and no `DUC` this year: passes.
    ///
    /// ## Reference behaviour
    /// As the reference: for a CSV return the Header flag is derived from the UASC table, so a
    /// child with a UASC row this year is flagged UASC and this rule can only fire for a UASC
    /// row whose child is missing from this year's Header. Without a Header, the flags are
    /// derived from the UASC rows themselves.
    pub(crate) UASC_ENDED_WITHOUT_SUPPORTING_DUC,
    code: "205A",
    tables: ["UASC", "UASC_last", "Header", "Header_last"],
    fields: ["CHILD", "UASC"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Child identified as UASC last year is no longer UASC this year, but date UASC ceased in both years does not support this.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(joins) = joins(ctx) else { return };
    let last_year = ctx.year.previous();
    for j in joins {
        let last_year_only = j.flag != Flag::One && j.flag_last == Flag::One;
        // This year's DUC is tested as text (any entry), last year's as a date.
        let duc_now = j.uasc.duc.is_present();
        let duc_last_in_last_year = j
            .uasc_last
            .and_then(|u| u.duc.strict())
            .is_some_and(|d| last_year.start() <= d && d <= last_year.end());
        if last_year_only && (duc_now || !duc_last_in_last_year) {
            out.flag(j.uasc);
            if let Some(h) = j.header {
                out.flag(h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own data (rule_205A.test_validate), collection year 2020/21 moved to
    /// 2022/23 (every date two years later).
    fn data(with_header: bool) -> (carelens_model::Return903, carelens_model::Return903) {
        let uasc = "CHILD,DOB,DUC\n101,28/10/2006,\n102,04/06/2006,\n103,03/03/2004,10/07/2022\n\
                    104,28/03/2005,14/05/2023\n105,16/04/2003,16/04/2021\n106,04/11/2006,16/06/2023\n\
                    107,23/07/2004,23/07/2022\n108,19/02/2005,\n109,14/06/2005,14/06/2023\n110,14/06/2005,\n";
        let uasc_last = "CHILD,DOB,DUC\n101,28/10/2006,\n102,04/06/2006,20/01/2022\n\
                    103,03/03/2004,10/07/2022\n104,28/03/2005,14/05/2023\n105,16/04/2003,16/04/2021\n\
                    106,04/11/2006,04/11/2025\n107,23/07/2004,23/07/2022\n108,19/02/2005,19/02/2023\n\
                    109,14/06/2005,14/06/2023\n110,14/06/2005,14/06/2023\n";
        let header = "CHILD,DOB,UASC\n101,28/10/2006,0\n108,19/02/2005,0\n109,14/06/2005,1\n\
                      102,04/06/2006,0\n103,03/03/2004,0\n104,28/03/2005,0\n105,16/04/2003,1\n\
                      106,04/11/2006,1\n107,23/07/2004,1\n110,03/03/2004,0\n";
        let header_last = "CHILD,DOB,UASC\n102,04/06/2006,1\n103,03/03/2004,1\n104,28/03/2005,1\n\
                      101,28/10/2006,0\n105,16/04/2003,1\n106,04/11/2006,1\n107,23/07/2004,1\n\
                      108,19/02/2005,0\n109,14/06/2005,0\n110,03/03/2004,0\n";
        let cur = ret(&[("UASC", uasc), ("Header", header)]);
        let last = if with_header {
            ret(&[("UASC", uasc_last), ("Header", header_last)])
        } else {
            ret(&[("UASC", uasc_last)])
        };
        (cur, last)
    }

    #[test]
    fn uasc_dropped_without_a_ceased_date_last_year_is_reported() {
        let (cur, last) = data(true);
        let found =
            run(&UASC_ENDED_WITHOUT_SUPPORTING_DUC, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:4", "Header:5", "UASC:2", "UASC:3"]);
    }

    #[test]
    fn without_last_years_header_flags_come_from_the_uasc_rows() {
        let (cur, last) = data(false);
        let found =
            run(&UASC_ENDED_WITHOUT_SUPPORTING_DUC, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(
            found,
            [
                "Header:1", "Header:4", "Header:5", "Header:9", "UASC:2", "UASC:3", "UASC:7",
                "UASC:9"
            ]
        );
    }
}
