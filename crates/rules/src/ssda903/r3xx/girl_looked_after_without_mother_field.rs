use carelens_model::codes::SexCode;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A Header row for a girl (`SEX` 2) with `MOTHER` blank, when the child has at least one
    /// episode that is not a short break (`LS` other than V3 and V4).
    ///
    /// ## Why it matters
    /// Whether a looked-after girl is a mother is collected for every girl looked after other
    /// than on short breaks; a blank leaves her out of the published count of looked-after
    /// mothers.
    ///
    /// ## Example
    /// `SEX` 2 with `MOTHER` blank and a C2 episode is reported; with `MOTHER` 0, or with
    /// only V3 episodes, it is not.
    pub(crate) GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD,
    code: "393",
    tables: ["Header", "Episodes"],
    fields: ["MOTHER"],
    years: Y2022_23..=Y2023_24,
    message: "Child is looked after but mother field is not completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none() {
        return;
    }
    for h in header {
        if h.sex.strict() != Some(SexCode::Female2) || h.mother.is_present() {
            continue;
        }
        let Some(child) = h.child.value() else { continue };
        let looked_after = ctx
            .episodes()
            .get(child.as_str())
            .any(|e| !e.ls.strict().is_some_and(|ls| ls.is_short_break()));
        if looked_after {
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
    fn girls_without_the_mother_field_are_reported() {
        let cur = ret(&[
            ("Header", "CHILD,SEX,MOTHER\n1,2,\n2,2,0\n3,2,\n4,1,\n5,2,\n"),
            ("Episodes", "CHILD,LS\n1,C2\n2,C2\n3,V3\n3,V4\n4,C2\n5,V3\n5,\n"),
        ]);
        let found =
            run(&GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD, CollectionYear::Y2023_24, &cur, None);
        assert_eq!(found, ["Header:0", "Header:4"]);
    }
}
