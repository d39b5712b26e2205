use jiff::civil::date;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode whose `DECOM` is before 14 October 1991, when the Children Act 1989 came into
    /// force.
    ///
    /// ## Why it matters
    /// The legal statuses and placement codes of the return do not exist before the Act; such
    /// a date is a typing error.
    ///
    /// ## Example
    /// `DECOM` 13/10/1991 is reported; 14/10/1991 is not.
    pub(crate) EPISODE_STARTS_BEFORE_OCTOBER_1991,
    code: "353",
    tables: ["Episodes"],
    fields: ["DECOM"],
    years: Y2022_23..,
    message: "No episode submitted can start before 14 October 1991.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    let act = date(1991, 10, 14);
    for e in episodes {
        if e.decom.strict().is_some_and(|d| d < act) {
            out.flag(e);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn episodes_before_the_act_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM\n1,13/10/1991\n2,14/10/1991\n3,\n4,01/01/1980\n5,xx\n",
        )]);
        let found = run(&EPISODE_STARTS_BEFORE_OCTOBER_1991, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:0", "Episodes:3"]);
    }
}
