use super::uasc_joins::{Flag, joins};
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with a UASC row this year who is flagged UASC in neither year (Header `UASC` 0
    /// or missing, this year and last), although a valid `DUC` is given in this year's or last
    /// year's UASC row. Reports the UASC row and the Header row.
    ///
    /// ## Why it matters
    /// A date UASC status ceased only makes sense for a child who was UASC; otherwise either the
    /// flag or the date is wrong.
    ///
    /// ## Example
    /// Flag 0 in both years, no `DUC` this year but `DUC` 19/02/2023 last year: reported.
    /// Flag 0 in both years and no `DUC` either year: passes.
    ///
    /// ## Reference behaviour
    /// As the reference: for a CSV return the flag is derived from the UASC table, so this can
    /// only fire for a UASC row whose child is missing from this year's Header, or when no
    /// Header was supplied and the UASC row itself is empty.
    pub(crate) DUC_GIVEN_FOR_CHILD_NEVER_UASC,
    code: "205C",
    tables: ["UASC", "UASC_last", "Header", "Header_last"],
    fields: ["DUC", "UASC"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Child not identified as UASC either this year or last year but date UASC ceased has been provided.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(joins) = joins(ctx) else { return };
    let not_uasc = |f: Flag| matches!(f, Flag::Zero | Flag::Missing);
    for j in joins {
        let has_duc =
            j.uasc.duc.strict().is_some() || j.uasc_last.is_some_and(|u| u.duc.strict().is_some());
        if not_uasc(j.flag) && not_uasc(j.flag_last) && has_duc {
            out.flag(j.uasc);
            if let Some(h) = j.header {
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
    fn ceased_date_for_a_child_never_uasc_is_reported() {
        let cur = ret(&[
            ("UASC", "CHILD,DOB,DUC\n101,28/10/2006,\n108,19/02/2005,\n110,14/06/2005,\n"),
            ("Header", "CHILD,UASC\n101,0\n108,0\n110,1\n"),
        ]);
        let last = ret(&[
            (
                "UASC",
                "CHILD,DOB,DUC\n101,28/10/2006,\n108,19/02/2005,19/02/2023\n110,14/06/2005,14/06/2023\n",
            ),
            ("Header", "CHILD,UASC\n101,0\n108,0\n110,0\n"),
        ]);
        let found =
            run(&DUC_GIVEN_FOR_CHILD_NEVER_UASC, CollectionYear::Y2022_23, &cur, Some(&last));
        assert_eq!(found, ["Header:1", "UASC:1"]);
    }
}
