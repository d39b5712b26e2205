use std::collections::HashSet;

use carelens_model::codes::InTouch;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row whose `IN_TOUCH` is not DIED (blank included) for a young person whose OC3
    /// row last year had `IN_TOUCH` = DIED.
    ///
    /// ## Why it matters
    /// A young person reported as having died cannot be in touch, out of touch or refusing
    /// contact a year later: one of the two years is wrong.
    ///
    /// ## Example
    /// Last year DIED, this year YES: reported. Last year DIED, this year DIED: not.
    pub(crate) CARE_LEAVER_PREVIOUSLY_REPORTED_DIED,
    code: "348",
    tables: ["OC3"],
    fields: ["IN_TOUCH"],
    years: Y2025_26..,
    needs: [last_year],
    message: "Care leaver has previously been reported as having died. ",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    let Some(oc3_last) = ctx.last.and_then(|l| l.tables.oc3.if_supplied()) else { return };
    let died: HashSet<&str> = oc3_last
        .iter()
        .filter(|o| o.in_touch.strict() == Some(InTouch::Died))
        .filter_map(|o| o.child.value().map(|c| c.as_str()))
        .collect();
    if died.is_empty() {
        return;
    }
    for o in oc3 {
        let Some(child) = o.child.value() else { continue };
        if died.contains(child.as_str()) && o.in_touch.strict() != Some(InTouch::Died) {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn died_last_year_but_not_this_year_is_reported() {
        let cur = ret(&[("OC3", "CHILD,IN_TOUCH\n1,YES\n2,DIED\n3,\n4,NO\n5,REFU\n")]);
        let last = ret(&[("OC3", "CHILD,IN_TOUCH\n1,DIED\n2,DIED\n3,DIED\n4,YES\n")]);
        let found =
            run(&CARE_LEAVER_PREVIOUSLY_REPORTED_DIED, CollectionYear::Y2025_26, &cur, Some(&last));
        assert_eq!(found, ["OC3:0", "OC3:2"]);
    }

    #[test]
    fn nothing_without_last_years_care_leavers() {
        let cur = ret(&[("OC3", "CHILD,IN_TOUCH\n1,YES\n")]);
        let last = ret(&[("Header", "CHILD\n1\n")]);
        let found =
            run(&CARE_LEAVER_PREVIOUSLY_REPORTED_DIED, CollectionYear::Y2025_26, &cur, Some(&last));
        assert!(found.is_empty());
    }
}
