use super::uasc_joins::{Flag, joins};
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child flagged UASC in both years whose dates UASC ceased do not fit: last year's `DUC`
    /// is not the child's 18th birthday (by last year's UASC `DOB`), or this year's `DUC` is
    /// neither within this collection year nor the same as last year's. Reports the UASC row
    /// and the Header row.
    ///
    /// ## Why it matters
    /// For a child who stays UASC, the expected ceased date is the 18th birthday; dates that
    /// move between years or fall outside the year mean the UASC cohort is misrecorded.
    ///
    /// ## Example
    /// 2022/23 return, `DOB` 23/07/2004, `DUC` 23/07/2022 in both years: passes. `DOB`
    /// 04/11/2006 with `DUC` 04/11/2025 last year and 16/06/2023 this year: reported (this
    /// year's date is outside 2022/23 and differs from last year's).
    pub(crate) UASC_CONTINUES_BUT_DUC_DISAGREES,
    code: "205B",
    tables: ["UASC", "UASC_last", "Header", "Header_last"],
    fields: ["DUC", "UASC"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Child previously identified as UASC is also UASC this year, but date UASC ceased in both years does not support this.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(joins) = joins(ctx) else { return };
    for j in joins {
        if !(j.flag == Flag::One && j.flag_last == Flag::One) {
            continue;
        }
        let duc = j.uasc.duc.strict();
        let duc_last = j.uasc_last.and_then(|u| u.duc.strict());
        let eighteenth =
            j.uasc_last.and_then(|u| u.dob.strict()).and_then(|dob| plus_years(dob, 18));
        let duc_in_year = duc.is_some_and(|d| ctx.start() <= d && d <= ctx.end());
        // The reference names this "current DUC is 18th" but compares with last year's DUC.
        let duc_kept = duc.is_some() && duc == duc_last;
        let last_duc_is_18th = duc_last.is_some() && duc_last == eighteenth;
        if (!duc_in_year && !duc_kept) || !last_duc_is_18th {
            out.flag(j.uasc);
            if let Some(h) = j.header {
                out.flag(h);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::{CollectionYear, Return903};

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own data (rule_205B.test_validate), moved two years later to 2022/23.
    fn data(header: bool, header_last: bool) -> (Return903, Return903) {
        let uasc = "CHILD,DOB,DUC\n101,28/10/2006,\n102,04/06/2006,\n103,03/03/2004,10/07/2022\n\
                    104,28/03/2005,14/05/2023\n105,16/04/2003,16/04/2021\n106,04/11/2006,16/06/2023\n\
                    107,23/07/2004,23/07/2022\n108,19/02/2005,\n109,14/06/2005,14/06/2023\n110,14/06/2005,\n";
        let uasc_last = "CHILD,DOB,DUC\n101,28/10/2006,\n102,04/06/2006,20/01/2022\n\
                    103,03/03/2004,10/07/2022\n104,28/03/2005,14/05/2023\n105,16/04/2003,16/04/2021\n\
                    106,04/11/2006,04/11/2025\n107,23/07/2004,23/07/2022\n108,19/02/2005,19/02/2023\n\
                    109,14/06/2005,14/06/2023\n110,14/06/2005,14/06/2023\n";
        let h = "CHILD,DOB,UASC\n101,28/10/2006,0\n108,19/02/2005,0\n109,14/06/2005,1\n\
                 102,04/06/2006,0\n103,03/03/2004,0\n104,28/03/2005,0\n105,16/04/2003,1\n\
                 106,04/11/2006,1\n107,23/07/2004,1\n110,03/03/2004,0\n";
        let hl = "CHILD,DOB,UASC\n102,04/06/2006,1\n103,03/03/2004,1\n104,28/03/2005,1\n\
                  101,28/10/2006,0\n105,16/04/2003,1\n106,04/11/2006,1\n107,23/07/2004,1\n\
                  108,19/02/2005,0\n109,14/06/2005,0\n110,03/03/2004,0\n";
        let cur =
            if header { ret(&[("UASC", uasc), ("Header", h)]) } else { ret(&[("UASC", uasc)]) };
        let last = if header_last {
            ret(&[("UASC", uasc_last), ("Header", hl)])
        } else {
            ret(&[("UASC", uasc_last)])
        };
        (cur, last)
    }

    #[test]
    fn ceased_dates_that_move_are_reported() {
        for (header_last, expected) in
            [(true, ["Header:7", "UASC:5"]), (false, ["Header:7", "UASC:5"])]
        {
            let (cur, last) = data(true, header_last);
            let found =
                run(&UASC_CONTINUES_BUT_DUC_DISAGREES, CollectionYear::Y2022_23, &cur, Some(&last));
            assert_eq!(found, expected);
        }
    }

    #[test]
    fn without_headers_flags_come_from_the_uasc_rows() {
        let (cur, last) = data(false, false);
        let found =
            run(&UASC_CONTINUES_BUT_DUC_DISAGREES, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["UASC:2", "UASC:3", "UASC:5"]);
    }
}
