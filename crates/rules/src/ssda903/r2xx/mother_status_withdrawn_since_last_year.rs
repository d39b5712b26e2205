use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child with episodes this year, in both years' Header, who was recorded as a mother
    /// last year (`MOTHER` 1) but is not recorded as a mother this year (0, blank or anything
    /// else).
    ///
    /// ## Why it matters
    /// Once a young woman has had a child she remains a mother; losing the flag undercounts
    /// looked-after mothers, whom the DfE reports on separately.
    ///
    /// ## Example
    /// `MOTHER` 1 last year and 0 or blank this year: reported. 0 last year and 1 this year:
    /// passes. A child with no episodes this year is not checked.
    pub(crate) MOTHER_STATUS_WITHDRAWN_SINCE_LAST_YEAR,
    code: "207",
    tables: ["Episodes", "Header", "Header_last"],
    fields: ["MOTHER"],
    years: Y2022_23..,
    needs: [last_year],
    message: "Mother status for the current year disagrees with the mother status already recorded for this child.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if ctx.cur.tables.episodes.if_supplied().is_none()
        || ctx.last.and_then(|l| l.tables.header.if_supplied()).is_none()
    {
        return;
    }
    let (last, episodes) = (ctx.header_last(), ctx.episodes());
    for h in header {
        let Some(child) = h.child.value().map(|c| c.as_str()) else { continue };
        // Text "1" exactly, as the reference compares `astype(str)` values.
        let mother_now = h.mother.strict() == Some(true);
        let was_mother = last.get(child).any(|l| l.mother.strict() == Some(true));
        if was_mother && !mother_now && episodes.contains(child) {
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
    fn mother_flag_dropped_is_reported() {
        // The reference's own cases (rule_207.test_validate).
        let cur = ret(&[
            (
                "Header",
                "CHILD,MOTHER\n101,1\n102,0\n103,1\n104,\n105,\n106,1\n108,\n109,0\n110,2\n111,\n",
            ),
            ("Episodes", "CHILD\n101\n101\n102\n103\n104\n105\n106\n107\n108\n109\n110\n"),
        ]);
        let last = ret(&[(
            "Header",
            "CHILD,MOTHER\n101,1\n102,1\n103,0\n104,1\n105,\n107,1\n108,0\n109,\n110,1\n111,1\n",
        )]);
        let found = run(
            &MOTHER_STATUS_WITHDRAWN_SINCE_LAST_YEAR,
            CollectionYear::Y2022_23,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["Header:1", "Header:3", "Header:8"]);
    }

    #[test]
    fn child_without_episodes_is_not_checked() {
        let cur = ret(&[("Header", "CHILD,MOTHER\n1,0\n"), ("Episodes", "CHILD\n2\n")]);
        let last = ret(&[("Header", "CHILD,MOTHER\n1,1\n")]);
        let found = run(
            &MOTHER_STATUS_WITHDRAWN_SINCE_LAST_YEAR,
            CollectionYear::Y2022_23,
            &cur,
            Some(&last),
        );
        assert!(found.is_empty());
    }
}
