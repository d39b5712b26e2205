use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Reviews row whose `REVIEW` (date of the review) is blank or not a date written
    /// `dd/mm/yyyy`.
    ///
    /// ## Why it matters
    /// Reviews must happen on statutory timescales; their dates are what shows whether they did.
    ///
    /// ## Example
    /// `19/02/2025` passes; `38/04/2019`, `01/01/19` and blank are reported.
    pub(crate) REVIEW_DATE_IS_NOT_VALID,
    code: "166",
    tables: ["Reviews"],
    fields: ["REVIEW"],
    years: Y2022_23..,
    message: "Date of review is invalid or blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(reviews) = ctx.cur.tables.reviews.if_supplied() else { return };
    for r in reviews {
        if r.review.strict().is_none() {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn blank_and_malformed_dates_are_reported() {
        let cur = ret(&[(
            "Reviews",
            "CHILD,REVIEW\n1,01/01/2021\n2,19/02/2010\n3,38/04/2019\n4,01/01/19\n5,\n",
        )]);
        let found = run(&REVIEW_DATE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Reviews:2", "Reviews:3", "Reviews:4"]);
    }
}
