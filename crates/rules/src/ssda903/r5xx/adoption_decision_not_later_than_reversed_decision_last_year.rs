use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a PlacedAdoption row in last year's return whose `DATE_PLACED_CEASED` or
    /// `REASON_PLACED_CEASED` is filled (the decision was reversed): a decision reported this
    /// year must be a new one, made after last year's. Each of this year's rows for the child
    /// is reported when its `DATE_PLACED` is blank, or on or before that reversed decision's
    /// `DATE_PLACED`.
    ///
    /// ## Why it matters
    /// Once a decision has been reversed, a later decision is a new decision with a new
    /// date; an earlier or equal date means the reversed decision was reported again.
    ///
    /// ## Example
    /// Last year: decided 15/06/2024, reversed 20/06/2024. This year `DATE_PLACED`
    /// 01/01/2024: reported. 02/01/2025 passes.
    ///
    /// ## Reference behaviour
    /// The reference compares the dates as text (`dd/mm/yyyy`) and, for the comparison,
    /// reports rows by their position in its merged table instead of their own, so it reports
    /// other children's rows and misses the right ones. carelens compares dates and reports
    /// the row that fails (docs/disagreements.md).
    pub(crate) ADOPTION_DECISION_NOT_LATER_THAN_REVERSED_DECISION_LAST_YEAR,
    code: "584",
    tables: ["PlacedAdoption", "PlacedAdoption_last"],
    fields: ["DATE_PLACED"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of decision that the child should be placed for adoption this year is different from that recorded last year, but the decision to placed the child for adoption changed and the child should no longer be placed for adoption.",
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
        let mut reversed = pa_last
            .get(child)
            .filter(|l| l.date_placed_ceased.is_present() || l.reason_placed_ceased.is_present())
            .peekable();
        if reversed.peek().is_none() {
            continue;
        }
        let now = p.date_placed.strict();
        let not_later = p.date_placed.is_blank()
            || reversed
                .any(|l| matches!((now, l.date_placed.strict()), (Some(n), Some(b)) if n <= b));
        if not_later {
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
    fn decision_not_after_last_years_reversed_one_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
             child1,01/02/2020,01/02/2020,xx\n\
             child2,01/02/2020,01/02/2021,xx\n\
             child3,01/02/2020,01/02/2020,xx\n\
             child4,01/02/2020,,\n\
             child5,01/02/2021,01/02/2021,\n\
             child6,01/02/2020,01/02/2021,XX\n\
             child7,,01/02/2021,XX\n",
        )]);
        let last = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\n\
             child1,01/02/2021,01/02/2021,xx\n\
             child2,01/02/2021,,xx\n\
             child3,01/02/2021,01/02/2021,\n\
             child4,01/02/2020,01/02/2020,xx\n\
             child5,01/02/2020,02/02/2020,xx\n\
             child6,,01/02/2020,xx\n\
             child7,01/01/2020,01/02/2020,xx\n",
        )]);
        let rule = &ADOPTION_DECISION_NOT_LATER_THAN_REVERSED_DECISION_LAST_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            [
                "PlacedAdoption:0",
                "PlacedAdoption:1",
                "PlacedAdoption:2",
                "PlacedAdoption:3",
                "PlacedAdoption:6"
            ]
        );
    }

    #[test]
    fn dates_are_compared_as_dates_and_the_failing_row_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED\nX,01/06/2024\nY,01/01/2024\nZ,02/01/2025\n",
        )]);
        let last = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED\nY,15/06/2024,20/06/2024,RD1\nZ,15/06/2024,20/06/2024,RD1\n",
        )]);
        let rule = &ADOPTION_DECISION_NOT_LATER_THAN_REVERSED_DECISION_LAST_YEAR;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)), ["PlacedAdoption:1"]);
    }
}
