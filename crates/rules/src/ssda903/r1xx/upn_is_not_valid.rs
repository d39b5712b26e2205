use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row whose `UPN` is given but is neither a unique pupil number (a letter other
    /// than I, O or S followed by 12 digits, or by 11 digits and a letter) nor one of the
    /// "unknown" codes `UN1`–`UN5`.
    ///
    /// ## Why it matters
    /// The UPN links looked-after children to their school records for the DfE's attainment
    /// statistics; a malformed one silently breaks the match.
    ///
    /// ## Example
    /// `L086819786126`, `X06805040829A` and `UN3` pass; `UN7`, `I072272729588` and
    /// `K06014812931` (11 digits) are reported. A blank UPN is not this rule's concern.
    pub(crate) UPN_IS_NOT_VALID,
    code: "168",
    tables: ["Header"],
    fields: ["UPN"],
    years: Y2022_23..,
    message: "Unique Pupil Number (UPN) is not valid. If unknown, default codes should be UN1, UN2, UN3, UN4 or UN5.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    for h in header {
        if h.upn.is_present() && h.upn.strict_ref().is_none() {
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
    fn the_references_cases() {
        let upns = [
            "UN3",
            "E07295962325C1556",
            "UN5",
            "UN7",
            "UPN3sDSG",
            "X06805040829A",
            "5035247309594",
            "",
            "L086819786126",
            "K06014812931",
            "J000947841350156",
            "M0940709",
            "I072272729588",
            "N075491517151",
            "Z041674136429",
            "E043016488226",
            "S074885779408",
        ];
        let text: String =
            upns.iter().enumerate().map(|(i, u)| format!("{i},{u}\n")).collect::<String>();
        let cur = ret(&[("Header", &format!("CHILD,UPN\n{text}"))]);
        let found = run(&UPN_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        let want: Vec<String> =
            [1, 3, 4, 6, 9, 10, 11, 12, 16].iter().map(|r| format!("Header:{r}")).collect();
        assert_eq!(found, want);
    }
}
