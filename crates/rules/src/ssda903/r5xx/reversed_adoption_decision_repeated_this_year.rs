use super::util::child_of;
use crate::cells::equal_text;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row this year whose `DATE_PLACED` is the same as that of a row for the
    /// child in last year's return whose `DATE_PLACED_CEASED` or `REASON_PLACED_CEASED` is
    /// filled: the same decision is reported again although it was reversed last year. Dates
    /// are compared as written, as the reference compares them.
    ///
    /// ## Why it matters
    /// A reversed decision ends; a new decision to place the child for adoption has a new
    /// date. Repeating the old one hides either the reversal or the new decision.
    ///
    /// ## Example
    /// Last year `DATE_PLACED` 26/05/2000 with `DATE_PLACED_CEASED` 01/07/2018; this year
    /// 26/05/2000 again: reported. A new date this year passes.
    pub(crate) REVERSED_ADOPTION_DECISION_REPEATED_THIS_YEAR,
    code: "561",
    tables: ["PlacedAdoption", "PlacedAdoption_last"],
    fields: ["DATE_PLACED"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of the decision that the child should be placed for adoption this year is the same as that recorded last year but records show that the decision changed, and the child should no longer be placed for adoption last year.",
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
        let repeated = pa_last.get(child).any(|l| {
            equal_text(&p.date_placed, &l.date_placed)
                && (l.reason_placed_ceased.is_present() || l.date_placed_ceased.is_present())
        });
        if repeated {
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
    fn decision_reversed_last_year_and_repeated_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,DATE_PLACED,REASON_PLACED_CEASED\n\
             101,26/05/2000,26/05/2019,xx\n\
             102,01/07/2018,26/05/2000,xx\n\
             103,26/05/2000,,xx\n\
             104,26/05/2017,01/02/2016,xx\n\
             106,,26/05/2029,xx\n",
        )]);
        let last = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED_CEASED,DATE_PLACED,REASON_PLACED_CEASED\n\
             101,,26/05/2019,xx\n\
             102,01/07/2018,26/05/2000,xx\n\
             103,26/05/2000,,xx\n\
             104,26/05/2017,01/02/2016,xx\n\
             105,,26/05/2019,\n\
             106,xx,01/07/2019,xx\n",
        )]);
        let rule = &REVERSED_ADOPTION_DECISION_REPEATED_THIS_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["PlacedAdoption:0", "PlacedAdoption:1", "PlacedAdoption:3"]
        );
    }
}
