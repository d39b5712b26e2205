use carelens_model::codes::Accommodation;

use crate::cells::text_in;
use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row whose `ACCOM` is a foyer (T1 or T2) for a young person who was not yet 18 on
    /// 1 April at the start of the collection year.
    ///
    /// ## Why it matters
    /// Foyers are not a permitted accommodation for care leavers under 18.
    ///
    /// ## Example
    /// In 2024/25, `ACCOM` T1 with `DOB` 02/04/2006 (18 on 02/04/2024) is reported; with `DOB`
    /// 01/04/2006 (18 on 01/04/2024) it is not.
    ///
    /// ## Reference behaviour
    /// The reference compares `ACCOM` with the bare letter `T`, which no valid return
    /// contains (accommodation codes carry a suitability digit), so it never fires on valid
    /// data; it crashes on an unreadable `DOB`; and it measures 18 years as 18 × 365.2425 days,
    /// which reports some young people whose 18th birthday is the first day of the year.
    /// carelens checks T1 and T2 (and the bare `T`), skips unreadable dates of birth and uses
    /// the calendar birthday. See `docs/disagreements.md`.
    pub(crate) CARE_LEAVER_UNDER_18_IN_FOYER,
    code: "347",
    tables: ["OC3"],
    fields: ["PLACE", "DEC", "URN"],
    years: Y2023_24..,
    message: "Care leavers aged under 18 years, can not be accommodated in a Foyer.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    let start = ctx.start();
    for o in oc3 {
        let foyer = matches!(o.accom.strict(), Some(Accommodation::T1 | Accommodation::T2))
            || text_in(&o.accom, &["T"]);
        if !foyer {
            continue;
        }
        let under_18 =
            o.dob.strict().and_then(|dob| plus_years(dob, 18)).is_some_and(|b| b > start);
        if under_18 {
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
    fn under_18s_in_foyers_are_reported() {
        // The reference's own cases (collection starting 01/04/2020), with the DfE codes.
        let cur = ret(&[(
            "OC3",
            "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nc1,01/01/1999,YES,F1,T1\nc2,01/01/2010,,,\n\
             c3,01/01/2000,YES,F1,T2\nc4,02/04/2002,YES,F1,T1\nc5,01/04/2002,YES,F1,T2\n\
             c6,02/04/2002,YES,F1,T\nc7,xx,YES,F1,T1\nc8,02/04/2002,YES,F1,U1\n",
        )]);
        let year = CollectionYear::from_end_year(2021).unwrap();
        let found = run(&CARE_LEAVER_UNDER_18_IN_FOYER, year, &cur, None);
        assert_eq!(found, ["OC3:3", "OC3:5"]);
    }
}
