use crate::cells::text_in;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode ending in adoption (`REC` E11, E12, or the retired E1) whose placement
    /// contradicts the child's AD1 `FOSTER_CARE` flag: `FOSTER_CARE` = 0 (not adopted by the
    /// foster carer) with placement A2, A3 or A5 (placed with the current foster carer), or
    /// `FOSTER_CARE` = 1 with placement A1, A4 or A6 (not with the foster carer). The episode
    /// and the AD1 row are both reported.
    ///
    /// ## Why it matters
    /// Adoptions by former foster carers are published separately; the two items must agree.
    ///
    /// ## Example
    /// Placement A3, `REC` E12 and `FOSTER_CARE` 0: both rows are reported. With
    /// `FOSTER_CARE` 1 nothing is.
    pub(crate) FOSTER_CARE_FLAG_CONTRADICTS_ADOPTION_PLACEMENT,
    code: "335",
    tables: ["Episodes", "AD1"],
    fields: ["PLACE", "FOSTER_CARE"],
    years: Y2022_23..,
    message: "The current foster value (0) suggests that child is not adopted by current foster carer, but last placement is A2, A3, or A5. Or the current foster value (1) suggests that child is adopted by current foster carer, but last placement is A1, A4 or A6.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for a in ad1 {
        let Some(child) = a.child.value() else { continue };
        let Some(by_foster_carer) = a.foster_care.strict() else { continue };
        // A1, A2 and E1 are codes retired before 2022; the reference still names them, so
        // they are compared as text.
        let contradicting: &[&str] =
            if by_foster_carer { &["A1", "A4", "A6"] } else { &["A2", "A3", "A5"] };
        for e in ctx.episodes().get(child.as_str()) {
            if text_in(&e.rec, &["E1", "E11", "E12"]) && text_in(&e.place, contradicting) {
                out.flag(e);
                out.flag(a);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn placement_contradicting_the_foster_carer_flag_is_reported() {
        // The reference's own cases.
        let cur = ret(&[
            (
                "Episodes",
                "CHILD,PLACE,REC\n10,A2,E1\n11,--,E1\n12,A1,E1\n13,--,E12\n14,A4,E11\n15,--,E1\n\
                 16,A5,--\n17,A3,E12\n",
            ),
            (
                "AD1",
                "CHILD,FOSTER_CARE\n10,0\n11,1\n12,0\n13,1\n14,2\n15,former foster carer\n16,\n\
                 17,\n",
            ),
        ]);
        let found = run(
            &FOSTER_CARE_FLAG_CONTRADICTS_ADOPTION_PLACEMENT,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "AD1:0"]);
    }

    #[test]
    fn adopted_by_foster_carer_but_placed_elsewhere_is_reported() {
        let cur = ret(&[
            ("Episodes", "CHILD,PLACE,REC\n1,A6,E12\n2,A5,E12\n"),
            ("AD1", "CHILD,FOSTER_CARE\n1,1\n2,1\n"),
        ]);
        let found = run(
            &FOSTER_CARE_FLAG_CONTRADICTS_ADOPTION_PLACEMENT,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["Episodes:0", "AD1:0"]);
    }
}
