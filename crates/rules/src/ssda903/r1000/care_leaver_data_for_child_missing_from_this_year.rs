use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 (care leaver) row for a child who has no episode this year although their latest
    /// episode in last year's return (by `DECOM`) was still open (no `DEC`).
    ///
    /// ## Why it matters
    /// A child looked after at the end of last year is still looked after on 1 April: their
    /// episodes must continue in this year's return, whether or not they have since left care.
    ///
    /// ## Example
    /// Last year: child 103's latest episode from 11/11/2023 has no `DEC`. This year: no
    /// episodes for 103 and an OC3 row: reported.
    ///
    /// ## Reference behaviour
    /// As in the reference, episodes with an unreadable `DECOM` are ignored, the latest among
    /// equal `DECOM`s is the last in file order, and only a blank `DEC` counts as open.
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_MISSING_FROM_THIS_YEAR,
    code: "1010",
    tables: ["Episodes", "Episodes_last", "OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "This child has no episodes loaded for current year even though there was an open episode of care at the end of the previous year, and care leaver data has been entered.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(_), Some(oc3), Some(_)) = (
        ctx.cur.tables.episodes.if_supplied(),
        ctx.cur.tables.oc3.if_supplied(),
        ctx.last.and_then(|l| l.tables.episodes.if_supplied()),
    ) else {
        return;
    };
    for o in oc3 {
        let Some(child) = o.child.value().map(|c| c.as_str()) else { continue };
        if ctx.episodes().contains(child) {
            continue;
        }
        // The latest episode: greatest DECOM, the last in file order among equals.
        let latest = ctx
            .episodes_last()
            .get(child)
            .filter_map(|e| e.decom.strict().map(|d| (d, e)))
            .max_by_key(|(d, _)| *d);
        if latest.is_some_and(|(_, e)| e.dec.is_blank()) {
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
    fn care_leaver_open_last_year_but_absent_now_is_reported() {
        // The reference's own test.
        let cur =
            ret(&[("Episodes", "CHILD,DEC\n101,20/05/2021\n"), ("OC3", "CHILD\n101\n102\n103\n")]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n101,01/01/2020,20/06/2020\n101,11/11/2020,\n102,03/10/2020,\n\
             102,11/11/2020,14/03/2021\n103,01/01/2020,01/01/2020\n103,11/11/2020,\n\
             103,01/02/2020,01/05/2020\n",
        )]);
        let found = run(
            &CARE_LEAVER_DATA_FOR_CHILD_MISSING_FROM_THIS_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["OC3:2"]);
    }

    #[test]
    fn latest_of_equal_start_dates_is_the_last_sent() {
        let cur = ret(&[("Episodes", "CHILD\n9\n"), ("OC3", "CHILD\n1\n2\n")]);
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC\n1,01/01/2024,01/02/2024\n1,01/01/2024,\n2,01/01/2024,\n\
             2,01/01/2024,01/02/2024\n",
        )]);
        let found = run(
            &CARE_LEAVER_DATA_FOR_CHILD_MISSING_FROM_THIS_YEAR,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["OC3:0"]);
    }
}
