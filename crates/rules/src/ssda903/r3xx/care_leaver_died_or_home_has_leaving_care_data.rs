use carelens_model::codes::{Accommodation, Activity, InTouch};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with `IN_TOUCH` DIED or RHOM (returned home for six months or more) whose
    /// `ACTIV` or `ACCOM` is anything but `0` (not applicable), blank included.
    ///
    /// ## Why it matters
    /// Activity and accommodation are not collected for a young person who has died or gone
    /// home; a value there would be counted in the care leaver outcome statistics.
    ///
    /// ## Example
    /// `IN_TOUCH` DIED with `ACTIV` 0 and `ACCOM` 0 passes; with `ACCOM` B1 or blank it is
    /// reported.
    pub(crate) CARE_LEAVER_DIED_OR_HOME_HAS_LEAVING_CARE_DATA,
    code: "344",
    tables: ["OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    for o in oc3 {
        if !matches!(o.in_touch.strict(), Some(InTouch::Died | InTouch::Rhom)) {
            continue;
        }
        if o.activ.strict() != Some(Activity::NotApplicable)
            || o.accom.strict() != Some(Accommodation::NotApplicable)
        {
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
    fn activity_or_accommodation_for_died_or_returned_home_is_reported() {
        let cur = ret(&[(
            "OC3",
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,DIED,0,0\n2,RHOM,F1,0\n3,died,0,B1\n4,RHOM,,0\n\
             5,YES,F1,B1\n6,RHOM,0,0\n",
        )]);
        let found = run(
            &CARE_LEAVER_DIED_OR_HOME_HAS_LEAVING_CARE_DATA,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC3:1", "OC3:2", "OC3:3"]);
    }
}
