use carelens_model::codes::Accommodation;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row whose `ACCOM` is blank or not a valid accommodation code: a letter (`B`, `C`,
    /// `D`, `E`, `G`, `H`, `K`, `R`, `S`, `T`, `U`, `V`, `W`, `X`, `Y`, `Z`) with `1`
    /// (suitable) or `2` (not suitable), or `0`. `S1` and `X1` are not valid: no fixed abode and
    /// custody cannot be suitable.
    ///
    /// ## Why it matters
    /// Whether care leavers are in suitable accommodation is a headline DfE outcome.
    ///
    /// ## Example
    /// `B1`, `s2` or `0` passes; `S1`, `X`, `1` and blank are reported.
    pub(crate) CARE_LEAVER_ACCOMMODATION_CODE_IS_NOT_VALID,
    code: "133",
    tables: ["OC3"],
    fields: ["ACCOM"],
    years: Y2022_23..,
    message: "Data entry for accommodation after leaving care is invalid. If reporting on a childs accommodation after leaving care the data entry must be valid",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    for r in oc3 {
        let valid =
            r.accom.strict().is_some_and(|a| !matches!(a, Accommodation::S1 | Accommodation::X1));
        if !valid {
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
    fn blank_unknown_and_impossible_codes_are_reported() {
        let cur = ret(&[(
            "OC3",
            "CHILD,ACCOM\n1,B1\n2,B2\n3,\n4,s2\n5,K1\n6,X\n7,1\n8,S1\n9,X1\n10,0\n",
        )]);
        let found =
            run(&CARE_LEAVER_ACCOMMODATION_CODE_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC3:2", "OC3:5", "OC3:6", "OC3:7", "OC3:8"]);
    }
}
