use super::util::flag_children_not_in_header;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A OC2 row whose `CHILD` has no row in Header.
    ///
    /// ## Why it matters
    /// Header holds the child's date of birth, sex and ethnicity; every OC2 (12 months' outcomes)
    /// row must belong to a child in Header, or the DfE cannot link it and every age- or sex-based
    /// check on it fails. A mismatch usually means a mistyped or reformatted child identifier.
    ///
    /// ## Example
    /// Header has children 101 to 104; a OC2 row for child 105 is reported.
    ///
    /// ## Reference behaviour
    /// As the reference's join does, a row with a blank `CHILD` counts as present when Header also
    /// has a row with a blank `CHILD`.
    pub(crate) OC2_CHILD_NOT_IN_HEADER,
    code: "INT05",
    tables: ["Header", "OC2"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "Internal Check: Child in OC2 does not exist in Header.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    flag_children_not_in_header(ctx, ctx.cur.tables.oc2.if_supplied(), out);
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn child_missing_from_header_is_reported() {
        // The reference's cases (rule_INT05.test_validate, fixtures fake_INT_header and
        // fake_INT_file).
        let cur = ret(&[
            (
                "Header",
                "CHILD,SEX,DOB\n101,M,01/04/2020\n102,F,\n103,M,01/04/2020\n104,F,\n\
                 101,M,01/04/2020\n102,F,\n103,M,01/04/2020\n104,F,\n106,,\n",
            ),
            ("OC2", "CHILD,DOB\n101,01/04/2020\n102,\n103,04/01/2020\n105,01/04/2020\n"),
        ]);
        let found = run(&OC2_CHILD_NOT_IN_HEADER, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["OC2:3"]);
    }

    #[test]
    fn blank_child_matches_a_blank_header_child() {
        let cur = ret(&[("Header", "CHILD\n101\n"), ("OC2", "CHILD,DOB\n101,\n,01/01/2020\n")]);
        assert_eq!(run(&OC2_CHILD_NOT_IN_HEADER, CollectionYear::Y2024_25, &cur, None), ["OC2:1"]);
        let cur =
            ret(&[("Header", "CHILD,SEX\n101,M\n,F\n"), ("OC2", "CHILD,DOB\n101,\n,01/01/2020\n")]);
        assert!(run(&OC2_CHILD_NOT_IN_HEADER, CollectionYear::Y2024_25, &cur, None).is_empty());
    }
}
