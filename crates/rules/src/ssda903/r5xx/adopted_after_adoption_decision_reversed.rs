use super::util::child_of;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a PlacedAdoption row whose `DATE_PLACED_CEASED` is filled (the decision to
    /// place for adoption was reversed) and an AD1 row with any adoption item filled
    /// (`DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`, `NB_ADOPTR`, `SEX_ADOPTR`, `LS_ADOPTR`). Both
    /// rows are reported. Any text counts as filled, readable or not.
    ///
    /// ## Why it matters
    /// A child whose adoption plan was reversed cannot also have been adopted in the year; one
    /// of the two records is wrong.
    ///
    /// ## Example
    /// `DATE_PLACED_CEASED` 22/06/2020 and an AD1 row with only `DATE_MATCH` filled: both
    /// reported. An AD1 row with every adoption item blank passes.
    pub(crate) ADOPTED_AFTER_ADOPTION_DECISION_REVERSED,
    code: "525",
    tables: ["PlacedAdoption", "AD1"],
    fields: ["DATE_PLACED_CEASED", "DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    years: Y2022_23..,
    message: "A child for whom the decision to be placed for adoption has been reversed cannot be adopted during the year.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(pa), Some(_)) =
        (ctx.cur.tables.placed_adoption.if_supplied(), ctx.cur.tables.ad1.if_supplied())
    else {
        return;
    };
    let ad1 = ctx.ad1();
    for p in pa {
        let Some(child) = child_of(p) else { continue };
        if p.date_placed_ceased.is_blank() {
            continue;
        }
        for a in ad1.get(child) {
            let adopted = a.date_int.is_present()
                || a.date_match.is_present()
                || a.foster_care.is_present()
                || a.nb_adoptr.is_present()
                || a.sex_adoptr.is_present()
                || a.ls_adoptr.is_present();
            if adopted {
                out.flag(p);
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

    /// The reference's own test case.
    #[test]
    fn adoption_after_a_reversed_decision_is_reported() {
        let cur = ret(&[
            (
                "PlacedAdoption",
                "CHILD,DATE_PLACED_CEASED\n104,08/03/2020\n105,22/06/2020\n107,13/10/2022\n108,24/10/2021\n109,\n",
            ),
            (
                "AD1",
                "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
                 104,,,,,,\n\
                 105,,XXX,,,,\n\
                 107,XXX,XXX,XXX,XXX,XXX,XXX\n\
                 108,,,,,,XXX\n\
                 109,XXX,XXX,XXX,XXX,XXX,XXX\n",
            ),
        ]);
        let rule = &ADOPTED_AFTER_ADOPTION_DECISION_REVERSED;
        assert_eq!(
            run(rule, CollectionYear::Y2022_23, &cur, None),
            ["AD1:1", "AD1:2", "AD1:3", "PlacedAdoption:1", "PlacedAdoption:2", "PlacedAdoption:3"]
        );
    }
}
