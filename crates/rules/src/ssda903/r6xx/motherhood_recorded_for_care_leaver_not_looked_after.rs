use super::util::has_care_leaver_data;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row with `MOTHER` completed for a child who has no episode this year and whose
    /// OC3 row carries care leaver information (`IN_TOUCH`, `ACTIV` or `ACCOM`).
    ///
    /// ## Why it matters
    /// Motherhood is collected for children looked after in the year; a care leaver who was not
    /// looked after is reported in OC3 only.
    ///
    /// ## Example
    /// A child with an OC3 row (`IN_TOUCH` YES), no episodes, and `MOTHER` 0 is reported; with
    /// `MOTHER` blank, or with an episode this year, it is not.
    pub(crate) MOTHERHOOD_RECORDED_FOR_CARE_LEAVER_NOT_LOOKED_AFTER,
    code: "628",
    tables: ["Episodes", "Header", "OC3"],
    fields: ["MOTHER"],
    years: Y2022_23..,
    message: "Motherhood details are not required for care leavers who have not been looked after during the year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(header), Some(_), Some(_)) = (
        ctx.cur.tables.header.if_supplied(),
        ctx.cur.tables.episodes.if_supplied(),
        ctx.cur.tables.oc3.if_supplied(),
    ) else {
        return;
    };
    let oc3 = ctx.oc3();
    for h in header.iter().filter(|h| h.mother.is_present()) {
        let Some(child) = h.child.value().map(|c| c.as_str()) else { continue };
        if !ctx.episodes().contains(child) && oc3.get(child).any(has_care_leaver_data) {
            out.flag(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn motherhood_for_care_leaver_without_episodes_is_reported() {
        // The reference's own test.
        let cur = ret(&[
            ("Header", "CHILD,MOTHER\n0,1\n1,\n2,0\n3,1\n4,0\n5,1\n6,1\n"),
            ("Episodes", "CHILD\na\n1\n3\n3\n3\n4\n5\n"),
            (
                "OC3",
                "CHILD,IN_TOUCH,ACTIV,ACCOM\n0,Whatever,,Whatever\n2,,,\n6,Whatever,,\n5,Whatever,,\n",
            ),
        ]);
        let found = run(
            &MOTHERHOOD_RECORDED_FOR_CARE_LEAVER_NOT_LOOKED_AFTER,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Header:0", "Header:6"]);
    }
}
