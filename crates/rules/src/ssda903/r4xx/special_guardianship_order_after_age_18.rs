use carelens_model::codes::ReasonEpisodeCeased;

use crate::context::Ctx;
use crate::dates::plus_years;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An episode that ended with a special guardianship order (`REC` E45, E46, E47 or E48)
    /// after the child's 18th birthday (`DEC` later than `DOB` + 18 years, by the Header).
    /// Reports the episode and the Header row.
    ///
    /// ## Why it matters
    /// A special guardianship order can only be made for a child under 18.
    ///
    /// ## Example
    /// `DOB` 01/05/2006, episode ending 02/05/2024 with E45: reported. Ending 01/05/2024 (the
    /// 18th birthday): passes.
    pub(crate) SPECIAL_GUARDIANSHIP_ORDER_AFTER_AGE_18,
    code: "407",
    tables: ["Episodes", "Header"],
    fields: ["DEC", "DOB", "REC"],
    years: Y2022_23..,
    message: "Reason episode ceased is Special Guardianship Order, but child has reached age 18.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(_)) =
        (ctx.cur.tables.episodes.if_supplied(), ctx.cur.tables.header.if_supplied())
    else {
        return;
    };
    let header = ctx.header();
    for e in episodes {
        use ReasonEpisodeCeased::*;
        if !matches!(e.rec.strict(), Some(E45 | E46 | E47 | E48)) {
            continue;
        }
        let (Some(child), Some(dec)) = (e.child.value(), e.dec.strict()) else { continue };
        for h in header.get(child.as_str()) {
            if h.dob.strict().and_then(|d| plus_years(d, 18)).is_some_and(|d18| d18 < dec) {
                out.flag(e);
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
    fn sgo_after_18_is_reported() {
        let cur = ret(&[
            ("Header", "CHILD,DOB\n1,01/05/2006\n2,01/05/2006\n3,01/05/2006\n"),
            (
                "Episodes",
                "CHILD,DEC,REC\n1,02/05/2024,E45\n2,01/05/2024,E48\n3,02/05/2024,E11\n1,01/04/2024,X1\n",
            ),
        ]);
        let found =
            run(&SPECIAL_GUARDIANSHIP_ORDER_AFTER_AGE_18, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:0", "Episodes:0"]);
    }
}
