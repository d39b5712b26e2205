use super::util::child_of;
use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a PlacedAdoption row in last year's return whose `DATE_PLACED` is filled
    /// and `DATE_PLACED_CEASED` blank (the decision still stood): each of this year's
    /// PlacedAdoption rows for the child must repeat that `DATE_PLACED`. Dates are compared as
    /// written, as the reference compares them; a blank date this year differs.
    ///
    /// ## Why it matters
    /// A decision that was not reversed carries over unchanged; a different date means one of
    /// the two returns misdates it.
    ///
    /// ## Example
    /// Last year 26/05/2019 with no reversal, this year 27/05/2019: reported. 26/05/2019 again
    /// passes; a reversed decision last year is not compared.
    pub(crate) ADOPTION_DECISION_DATE_CHANGED_SINCE_LAST_YEAR,
    code: "560",
    tables: ["PlacedAdoption", "PlacedAdoption_last"],
    fields: ["DATE_PLACED", "DATE_PLACED_CEASED"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year but the decision to place the child for adoption did not change.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(pa), Some(_)) = (
        ctx.cur.tables.placed_adoption.if_supplied(),
        ctx.last.and_then(|l| l.tables.placed_adoption.if_supplied()),
    ) else {
        return;
    };
    let pa_last = ctx.placed_adoption_last();
    for p in pa {
        let Some(child) = child_of(p) else { continue };
        let changed = pa_last.get(child).any(|l| {
            l.date_placed.is_present()
                && l.date_placed_ceased.is_blank()
                && !equal_text(&p.date_placed, &l.date_placed)
        });
        if changed {
            out.flag(p);
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
    fn standing_decision_with_another_date_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,DATE_PLACED\n\
             101,26/05/2000,26/05/2019\n\
             102,01/07/2018,26/05/2000\n\
             103,26/05/2000,\n\
             104,26/05/2017,01/02/2016\n\
             105,,27/05/2019\n\
             106,34rd/Dec/-1000A.D,34rd/Dec/-1000A.D\n\
             107,different,also different\n",
        )]);
        let last = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,DATE_PLACED\n\
             101,,26/05/2000\n\
             102,01/07/2018,26/05/2000\n\
             103,26/05/2000,\n\
             104,26/05/2017,01/02/2016\n\
             105,,26/05/2019\n\
             106,,34rd/Dec/-1000A.D\n\
             107,34rd/Dec/-1000A.D,20/20/2020\n",
        )]);
        let rule = &ADOPTION_DECISION_DATE_CHANGED_SINCE_LAST_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["PlacedAdoption:0", "PlacedAdoption:4"]
        );
    }
}
