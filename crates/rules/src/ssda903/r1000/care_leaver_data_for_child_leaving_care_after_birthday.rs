use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r6xx::util::has_care_leaver_data;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM`) for a young
    /// person aged 17 at 31 March (by the OC3 `DOB`) with an episode ending on or after their
    /// 17th birthday, or aged 18 with an episode ending on or after their 18th birthday.
    ///
    /// ## Why it matters
    /// Care leaver information is collected for young people who had left care by their
    /// birthday; one who left on or after it is not reported in OC3 that year.
    ///
    /// ## Example
    /// `DOB` 31/03/2008 (17 on 31/03/2025) with an episode ending 31/03/2025: reported in
    /// 2024/25. An episode ending 30/03/2025 is not.
    ///
    /// ## Reference behaviour
    /// The reference measures age at 31 March in years of 365.2425 days, so a young person
    /// whose birthday is 31 March can count as a year younger than they are; carelens uses
    /// calendar age. The reference also fails, reporting nothing, when an OC3 `DOB` is not a
    /// readable date; carelens skips that row (see `docs/disagreements.md`).
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_LEAVING_CARE_AFTER_BIRTHDAY,
    code: "1016",
    tables: ["Episodes", "OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2023_24..,
    message: "Care leaver information is not required for 17- or 18-year olds who cease to be looked after, after their birthday.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc3)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.oc3.if_supplied())
    else {
        return;
    };
    let end = ctx.end();
    for o in oc3.iter().filter(|o| has_care_leaver_data(o)) {
        let (Some(child), Some(dob)) = (o.child.value(), o.dob.strict()) else { continue };
        let birthday = |age| plus_years(dob, age);
        // The birthday the young person has most recently passed, if it is the 17th or 18th.
        let passed = [17, 18].into_iter().find(|age| {
            birthday(*age).is_some_and(|d| d <= end) && birthday(age + 1).is_some_and(|d| d > end)
        });
        let Some(since) = passed.and_then(birthday) else { continue };
        if ctx.episodes().get(child.as_str()).any(|e| e.dec.strict().is_some_and(|d| d >= since)) {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn care_leaver_leaving_care_after_birthday_is_reported() {
        // The reference's own test (year ending 31/03/2020).
        let cur = ret(&[
            (
                "OC3",
                "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nchild1,31/03/2002,Y,Y,Y\nchild2,31/03/2002,Y,Y,Y\n\
                 child3,31/03/2002,,,\nchild4,31/03/2003,Y,Y,Y\nchild5,31/03/2003,Y,Y,Y\n\
                 child6,31/03/2002,,,\nchild7,01/01/2002,Y,Y,Y\nchild8,31/03/2004,Y,Y,Y\n\
                 child9,31/03/2004,Y,Y,Y\nchild10,31/03/2002,,,\nchild11,31/03/2002,Y,Y,Y\n\
                 child12,31/03/2003,Y,Y,Y\n",
            ),
            (
                "Episodes",
                "CHILD,DEC\nchild1,31/03/2020\nchild2,30/03/2020\nchild3,31/03/2020\n\
                 child4,31/03/2020\nchild5,01/01/2020\nchild6,31/03/2020\nchild8,31/03/2020\n\
                 child9,30/03/2020\nchild10,30/03/2020\nchild11,\nchild12,\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2020).unwrap();
        let found = run(&CARE_LEAVER_DATA_FOR_CHILD_LEAVING_CARE_AFTER_BIRTHDAY, year, &cur, None);
        assert_eq!(found, ["OC3:0", "OC3:3"]);
    }

    #[test]
    fn seventeenth_birthday_on_31_march_counts() {
        // 17 on 31/03/2025; the reference's 365.2425-day years make this young person 16.
        let cur = ret(&[
            ("OC3", "CHILD,DOB,IN_TOUCH\n1,31/03/2008,YES\n"),
            ("Episodes", "CHILD,DEC\n1,31/03/2025\n"),
        ]);
        let found = run(
            &CARE_LEAVER_DATA_FOR_CHILD_LEAVING_CARE_AFTER_BIRTHDAY,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC3:0"]);
    }
}
