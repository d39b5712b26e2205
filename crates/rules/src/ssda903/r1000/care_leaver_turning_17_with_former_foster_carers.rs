use carelens_model::codes::Accommodation;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 (care leaver) row with accommodation `Z1` or `Z2` (with former foster carers)
    /// for a young person whose 17th birthday (from this year's Header `DOB`) falls in the
    /// collection year, 1 April to 31 March inclusive.
    ///
    /// ## Why it matters
    /// Care leaver information is returned around the 17th birthday, when the young person is
    /// still looked after or has only just left care; "staying put" with former foster carers
    /// is an arrangement for care leavers aged 18 and over, so `Z1`/`Z2` at 17 means the
    /// accommodation code (or the date of birth) is wrong.
    ///
    /// ## Example
    /// In 2024/25, a young person born 16/03/2008 (17 on 16/03/2025) with `ACCOM` Z1 is
    /// reported; with `ACCOM` T1, or born 16/03/2007, they are not.
    ///
    /// ## Reference behaviour
    /// As the reference: the 17th birthday is `DOB` plus 17 calendar years (29 February gives
    /// 28 February), and a row whose child has several Header rows is reported when any of them
    /// gives a 17th birthday in the year (the reference fails outright on duplicated Header
    /// rows). A row whose `CHILD` is blank matches no Header row.
    pub(crate) CARE_LEAVER_TURNING_17_WITH_FORMER_FOSTER_CARERS,
    code: "3001",
    tables: ["Header", "OC3"],
    fields: ["REC"],
    years: Y2022_23..,
    message: "Where care leavers information is being returned for a young person around their 17th birthday, the accommodation cannot be with their former foster carer(s).",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc3)) =
        (ctx.cur.tables.header.if_supplied(), ctx.cur.tables.oc3.if_supplied())
    else {
        return;
    };
    let (start, end) = (ctx.start(), ctx.end());
    for o in oc3 {
        if !matches!(o.accom.strict(), Some(Accommodation::Z1 | Accommodation::Z2)) {
            continue;
        }
        let Some(child) = o.child.value() else { continue };
        let turns_17_in_year = ctx.header().get(child.as_str()).any(|h| {
            h.dob
                .strict()
                .and_then(|dob| crate::dates::plus_years(dob, 17))
                .is_some_and(|d17| start <= d17 && d17 <= end)
        });
        if turns_17_in_year {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    const RULE: &crate::Rule = &CARE_LEAVER_TURNING_17_WITH_FORMER_FOSTER_CARERS;

    #[test]
    fn former_foster_carers_at_17_is_reported() {
        // The reference's own test, in 2020/21: 101 turns 17 on 16/03/2021 (rows 0: Z1 and
        // 2: T1), 102 on 23/09/2020 (rows 1: Z2, 3: blank, 5: Z3 — not a Z1/Z2 code), 103 on
        // 31/12/2023, outside the year (row 4: Z1).
        let shifted = ret(&[
            ("OC3", "CHILD,ACCOM\n101,Z1\n102,Z2\n101,T1\n102,\n103,Z1\n102,Z3\n"),
            ("Header", "CHILD,DOB\n101,16/03/2008\n102,23/09/2007\n103,31/12/2010\n"),
        ]);
        assert_eq!(run(RULE, CollectionYear::Y2024_25, &shifted, None), ["OC3:0", "OC3:1"]);
    }

    #[test]
    fn birthday_on_either_end_of_the_year_counts() {
        // 2024/25 runs 01/04/2024..=31/03/2025: born 01/04/2007 turns 17 on the first day,
        // born 31/03/2008 on the last; born 31/03/2007 turned 17 the day before the year.
        let cur = ret(&[
            ("OC3", "CHILD,ACCOM\n1,Z1\n2,Z2\n3,Z1\n4,z1\n"),
            ("Header", "CHILD,DOB\n1,01/04/2007\n2,31/03/2008\n3,31/03/2007\n4,2008-01-01\n"),
        ]);
        assert_eq!(run(RULE, CollectionYear::Y2024_25, &cur, None), ["OC3:0", "OC3:1"]);
    }

    #[test]
    fn nothing_without_the_header() {
        let cur = ret(&[("OC3", "CHILD,ACCOM\n1,Z1\n")]);
        assert!(run(RULE, CollectionYear::Y2024_25, &cur, None).is_empty());
    }
}
