use carelens_model::Field;
use carelens_model::codes::SexCode;

use super::util::HeaderLookup;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A UASC row whose `SEX` differs from the `SEX` in Header for the same child. The two codings
    /// mean the same: 1 is M and 2 is F. A blank on either side is not compared.
    ///
    /// ## Why it matters
    /// Sex is repeated on the UASC table for matching; a different value means the row belongs to
    /// another child or one of the two is wrong.
    ///
    /// ## Example
    /// Header `SEX` M with UASC `SEX` F: reported. Header M with UASC 1 (or Header 2 with UASC F):
    /// passes.
    ///
    /// ## Reference behaviour
    /// The reference compares the two cells as text, so a return whose Header uses M/F and whose
    /// UASC table still uses 1/2 (or the reverse, as when a pipeline such as liia-tools maps the
    /// UASC table's 1/2 to M/F) has every UASC child reported. carelens compares what the codes
    /// mean; text that is not a valid code is compared as text, as the reference does
    /// (docs/disagreements.md). A row with a blank `CHILD` is compared with Header's
    /// blank-`CHILD` rows, as the reference's join does.
    pub(crate) UASC_SEX_DIFFERS_FROM_HEADER,
    code: "INT21",
    tables: ["Header", "UASC"],
    fields: ["SEX"],
    years: Y2022_23..,
    message: "Internal Check: SEX in UASC is different to SEX in Header.",
}

/// Whether two `SEX` cells, both given, mean different things.
fn differ(a: &Field<SexCode>, b: &Field<SexCode>) -> bool {
    match (a.strict(), b.strict()) {
        (Some(x), Some(y)) => x.to_letter() != y.to_letter(),
        _ => !a.raw().trim().eq_ignore_ascii_case(b.raw().trim()),
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(uasc) = ctx.cur.tables.uasc.if_supplied() else { return };
    if ctx.cur.tables.header.if_supplied().is_none() {
        return;
    }
    let header = HeaderLookup::new(ctx);
    for u in uasc {
        if u.sex.is_blank() {
            continue;
        }
        if header.any(u, |h| h.sex.is_present() && differ(&h.sex, &u.sex)) {
            out.flag(u);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn different_sex_is_reported() {
        // The reference's cases (rule_INT21.test_validate, fixtures fake_INT_header and
        // fake_INT_file).
        let cur = ret(&[
            ("Header", "CHILD,SEX\n101,M\n102,F\n103,M\n104,F\n101,M\n102,F\n103,M\n104,F\n106,\n"),
            ("UASC", "CHILD,SEX\n101,M\n102,F\n103,F\n105,F\n"),
        ]);
        let found = run(&UASC_SEX_DIFFERS_FROM_HEADER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["UASC:2"]);
    }

    #[test]
    fn old_and_new_codes_for_the_same_sex_agree() {
        let cur = ret(&[
            ("Header", "CHILD,SEX\n1,M\n2,2\n3,1\n4,U\n5,X\n6,1\n"),
            ("UASC", "CHILD,SEX\n1,1\n2,F\n3,F\n4,M\n5,X\n6,1.0\n"),
        ]);
        let found = run(&UASC_SEX_DIFFERS_FROM_HEADER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["UASC:2", "UASC:3", "UASC:5"]);
    }
}
