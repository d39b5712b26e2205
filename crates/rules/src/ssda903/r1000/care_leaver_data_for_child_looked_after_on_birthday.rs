use carelens_model::Date;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;
use crate::ssda903::r6xx::util::has_care_leaver_data;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM`) for a young
    /// person aged 17 or 18 at 31 March (by the OC3 `DOB`) who was looked after on their
    /// latest birthday: an episode started on or before it and ended after it, or is still
    /// open.
    ///
    /// ## Why it matters
    /// Care leaver information is collected around the 17th and 18th birthdays of young people
    /// who had left care by then; a young person still looked after is not a care leaver.
    ///
    /// ## Example
    /// `DOB` 01/02/2008 (17 on 01/02/2025), an episode from 01/02/2023 ending 01/03/2025 or
    /// still open, and `IN_TOUCH` YES: reported in 2024/25. An episode ending 01/01/2025 is
    /// not.
    ///
    /// ## Reference behaviour
    /// The reference counts only episodes that ended after the birthday, so it misses the
    /// young people the rule is about, those still looked after (an open episode); carelens
    /// counts open episodes too. The reference also fails, reporting nothing, when any episode
    /// has an unreadable `DECOM` or `DEC`, or a young person in OC3 was born on 29 February
    /// and the year's end falls in a common year; carelens skips unreadable dates and takes
    /// 28 February as that birthday (see `docs/disagreements.md`).
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_LOOKED_AFTER_ON_BIRTHDAY,
    code: "1007",
    tables: ["Episodes", "OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "Care leaver information is not required for 17- or 18-year olds who are still looked after [on their 17th or 18th birthday.]",
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
        let aged_17_or_18 = plus_years(dob, 17).is_some_and(|d| d <= end)
            && plus_years(dob, 19).is_some_and(|d| d > end);
        let Some(birthday) = latest_birthday(dob, end).filter(|_| aged_17_or_18) else {
            continue;
        };
        let in_care = ctx.episodes().get(child.as_str()).any(|e| {
            e.decom.strict().is_some_and(|d| d <= birthday)
                && (e.dec.is_blank() || e.dec.strict().is_some_and(|d| d > birthday))
        });
        if in_care {
            out.flag(o);
        }
    }
}

/// The last birthday on or before `end` (a 29 February birthday is 28 February in a common
/// year).
fn latest_birthday(dob: Date, end: Date) -> Option<Date> {
    let this_year = plus_years(dob, end.year() - dob.year())?;
    if this_year > end { plus_years(dob, end.year() - dob.year() - 1) } else { Some(this_year) }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn care_leaver_in_care_on_birthday_is_reported() {
        // The reference's own test (year ending 31/03/2017), plus an open episode (J) and a
        // 16-year-old (K).
        let cur = ret(&[
            (
                "OC3",
                "CHILD,DOB,IN_TOUCH\nF,01/02/2000,notNA\nG,01/09/1999,notNA\nH,01/02/2000,notNA\n\
                 I,01/09/1999,\nJ,01/02/2000,YES\nK,01/02/2001,YES\n",
            ),
            (
                "Episodes",
                "CHILD,DECOM,DEC\nF,01/02/2015,01/03/2017\nG,01/09/2015,01/09/2016\n\
                 H,01/02/2015,01/01/2017\nI,01/09/2015,01/09/2017\nJ,01/02/2015,\n\
                 K,01/02/2015,\n",
            ),
        ]);
        let year = CollectionYear::from_end_year(2017).unwrap();
        let found = run(&CARE_LEAVER_DATA_FOR_CHILD_LOOKED_AFTER_ON_BIRTHDAY, year, &cur, None);
        assert_eq!(found, ["OC3:0", "OC3:4"]);
    }

    #[test]
    fn leap_day_birthdays_fall_on_28_february() {
        let end = jiff::civil::date(2025, 3, 31);
        let bday = latest_birthday(jiff::civil::date(2008, 2, 29), end);
        assert_eq!(bday, Some(jiff::civil::date(2025, 2, 28)));
        let bday = latest_birthday(jiff::civil::date(2008, 4, 1), end);
        assert_eq!(bday, Some(jiff::civil::date(2024, 4, 1)));
    }
}
