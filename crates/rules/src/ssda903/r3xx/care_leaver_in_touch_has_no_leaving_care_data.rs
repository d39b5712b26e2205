use carelens_model::codes::{Accommodation, Activity, InTouch};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 row with `IN_TOUCH` = YES whose `ACTIV` or `ACCOM` is `0` (not applicable).
    ///
    /// ## Why it matters
    /// When the local authority is in touch it knows the young person's activity and
    /// accommodation; `0` hides them from the care leaver outcome statistics.
    ///
    /// ## Example
    /// `IN_TOUCH` YES with `ACTIV` F1 and `ACCOM` B1 passes; with `ACTIV` 0 it is reported.
    pub(crate) CARE_LEAVER_IN_TOUCH_HAS_NO_LEAVING_CARE_DATA,
    code: "345",
    tables: ["OC3"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    message: "The data collection record shows the local authority is in touch with this young person, but activity and/or accommodation data items are zero.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(oc3) = ctx.cur.tables.oc3.if_supplied() else { return };
    for o in oc3 {
        if o.in_touch.strict() == Some(InTouch::Yes)
            && (o.activ.strict() == Some(Activity::NotApplicable)
                || o.accom.strict() == Some(Accommodation::NotApplicable))
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
    fn zero_activity_or_accommodation_when_in_touch_is_reported() {
        let cur = ret(&[(
            "OC3",
            "CHILD,IN_TOUCH,ACTIV,ACCOM\n1,YES,F1,B1\n2,YES,0,B1\n3,yes,F1,0\n4,NO,0,0\n\
             5,YES,,\n",
        )]);
        let found = run(
            &CARE_LEAVER_IN_TOUCH_HAS_NO_LEAVING_CARE_DATA,
            CollectionYear::Y2024_25,
            &cur,
            None,
        );
        assert_eq!(found, ["OC3:1", "OC3:2"]);
    }
}
