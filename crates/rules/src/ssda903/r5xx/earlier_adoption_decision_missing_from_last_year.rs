use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A PlacedAdoption row whose `DATE_PLACED` is before the start of the collection year
    /// (the decision was made in an earlier year) for a child who has no PlacedAdoption row in
    /// last year's return, or one whose `DATE_PLACED` is blank or unreadable.
    ///
    /// ## Why it matters
    /// A decision made last year should have been reported last year; its absence means one
    /// of the two returns is incomplete.
    ///
    /// ## Example
    /// In 2020/21, `DATE_PLACED` 26/05/2019 with last year's row blank: reported. With last
    /// year's row dated it passes; a decision made this year passes.
    pub(crate) EARLIER_ADOPTION_DECISION_MISSING_FROM_LAST_YEAR,
    code: "559",
    tables: ["PlacedAdoption", "PlacedAdoption_last"],
    fields: ["DATE_PLACED"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Date of decision that a child should be placed for adoption was not in the current year but the date of the decision that the child should be placed for adoption was not completed in a previous return.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(pa), Some(_)) = (
        ctx.cur.tables.placed_adoption.if_supplied(),
        ctx.last.and_then(|l| l.tables.placed_adoption.if_supplied()),
    ) else {
        return;
    };
    let pa_last = ctx.placed_adoption_last();
    let start = ctx.start();
    for p in pa {
        if p.date_placed.strict().is_none_or(|d| d >= start) {
            continue;
        }
        let Some(child) = child_of(p) else { continue };
        let mut before = pa_last.get(child).peekable();
        if before.peek().is_none() || before.any(|l| l.date_placed.strict().is_none()) {
            out.flag(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    /// The reference's own test case, moved from 2020/21 to 2022/23.
    #[test]
    fn earlier_decision_not_in_last_years_return_is_reported() {
        let cur = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED\n101,26/05/2024\n102,26/05/2023\n103,\n104,01/02/2018\n105,26/05/2021\n106,26/05/2021\n",
        )]);
        let last = ret(&[(
            "PlacedAdoption",
            "CHILD,DATE_PLACED\n101,26/05/2002\n102,\n103,26/05/2002\n104,01/02/2018\n105,\n",
        )]);
        let rule = &EARLIER_ADOPTION_DECISION_MISSING_FROM_LAST_YEAR;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, Some(&last)),
            ["PlacedAdoption:4", "PlacedAdoption:5"]
        );
    }
}
