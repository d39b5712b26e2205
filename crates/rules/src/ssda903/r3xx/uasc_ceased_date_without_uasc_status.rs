use carelens_model::Coercion;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a UASC row whose `DUC` (date UASC status ceased) is filled in, but whose
    /// Header `UASC` flag is not `1`. The UASC row and the Header row are both reported.
    ///
    /// ## Why it matters
    /// A date UASC status ceased only makes sense for a child recorded as UASC; the mismatch
    /// puts the child in or out of the UASC statistics wrongly.
    ///
    /// ## Example
    /// Header `UASC` = `0` and a UASC row with `DUC` 01/06/2024: both rows are reported. With
    /// `UASC` = `1`, or with `DUC` blank, nothing is.
    ///
    /// ## Known false positives
    /// None from CSV returns: there the `UASC` flag is derived from the UASC table itself, so a
    /// child with a UASC row always has flag `1`. The rule can only fire on XML returns, which
    /// carry the flag as an element.
    pub(crate) UASC_CEASED_DATE_WITHOUT_UASC_STATUS,
    code: "303",
    tables: ["UASC", "Header"],
    fields: ["DUC", "UASC"],
    years: Y2022_23..,
    message: "If date Unaccompanied Asylum-Seeking Child (UASC) status ceased is not null, UASC status must be coded 1.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(uasc) = ctx.cur.tables.uasc.if_supplied() else { return };
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    for u in uasc {
        // The reference checks that a DUC is present, not that it is a valid date.
        let Some(child) = u.child.value().filter(|_| u.duc.is_present()) else { continue };
        for h in ctx.header().get(child.as_str()) {
            // pd.to_numeric: `1` and `1.0` are 1; labels such as `yes` are not numbers.
            let is_one = h.uasc.get() == Some(true) && h.uasc.note() != Some(Coercion::LabelOnly);
            if !is_one {
                out.flag(u);
                out.flag(h);
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
    fn ceased_date_without_uasc_flag_is_reported() {
        // The reference's own cases.
        let cur = ret(&[
            ("UASC", "CHILD,DUC\n0,\n1,04/04/2021\n2,01/06/2020\n3,\n4,10/04/2020\n5,01/03/2021\n"),
            ("Header", "CHILD,UASC\n0,0\n1,1\n2,0\n3,1\n4,0\n5,1\n"),
        ]);
        let found =
            run(&UASC_CEASED_DATE_WITHOUT_UASC_STATUS, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:2", "Header:4", "UASC:2", "UASC:4"]);
    }
}
