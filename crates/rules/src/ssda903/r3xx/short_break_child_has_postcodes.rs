use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode of short-break care (`LS` V3 or V4) with `HOME_POST` or `PL_POST` filled in.
    ///
    /// ## Why it matters
    /// Postcodes, and the distance derived from them, are not collected for short breaks; a
    /// value there would bring the child into the placement distance statistics.
    ///
    /// ## Example
    /// V3 with both postcodes blank passes; V3 with `PL_POST` E15 4NJ is reported.
    pub(crate) SHORT_BREAK_CHILD_HAS_POSTCODES,
    code: "398",
    tables: ["Episodes"],
    fields: ["LS", "HOME_POST", "PL_POST"],
    years: Y2022_23..,
    message: "Distance field completed but child looked after under legal status V3 or V4.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(episodes) = ctx.cur.tables.episodes.if_supplied() else { return };
    for e in episodes {
        if e.ls.strict().is_some_and(|ls| ls.is_short_break())
            && (e.home_post.is_present() || e.pl_post.is_present())
        {
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
    fn postcodes_on_short_breaks_are_reported() {
        let cur = ret(&[(
            "Episodes",
            "CHILD,LS,HOME_POST,PL_POST\n1,V3,,\n2,V3,,E15 4NJ\n3,V4,xx,\n4,C2,E15 4NJ,E15 4NJ\n",
        )]);
        let found = run(&SHORT_BREAK_CHILD_HAS_POSTCODES, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Episodes:1", "Episodes:2"]);
    }
}
