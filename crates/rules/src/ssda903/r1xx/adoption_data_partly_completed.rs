use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An AD1 row where some but not all of `DATE_INT`, `DATE_MATCH`, `FOSTER_CARE`,
    /// `NB_ADOPTR`, `SEX_ADOPTR` and `LS_ADOPTR` are given.
    ///
    /// ## Why it matters
    /// An adoption record is used whole: timeliness needs both dates, the adopter breakdowns
    /// need the other four items.
    ///
    /// ## Example
    /// All six items, or none, passes; a row with only `DATE_INT` and `FOSTER_CARE` is
    /// reported.
    pub(crate) ADOPTION_DATA_PARTLY_COMPLETED,
    code: "151",
    tables: ["AD1"],
    fields: ["DATE_INT", "DATE_MATCH", "FOSTER_CARE", "NB_ADOPTR", "SEX_ADOPTR", "LS_ADOPTR"],
    years: Y2022_23..,
    message: "All data items relating to a childs adoption must be coded or left blank.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(ad1) = ctx.cur.tables.ad1.if_supplied() else { return };
    for r in ad1 {
        let given = [
            r.date_int.is_present(),
            r.date_match.is_present(),
            r.foster_care.is_present(),
            r.nb_adoptr.is_present(),
            r.sex_adoptr.is_present(),
            r.ls_adoptr.is_present(),
        ];
        let n = given.iter().filter(|g| **g).count();
        if n != 0 && n != given.len() {
            out.flag(r);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn partly_completed_rows_are_reported() {
        let cur = ret(&[(
            "AD1",
            "CHILD,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
             1,,,,,,\n\
             2,01/01/2024,01/02/2024,1,2,MF,L11\n\
             3,01/01/2024,,,,,\n\
             4,,,,,,L0\n\
             5,01/01/2024,,1,,MF,\n\
             6,xx,xx,xx,xx,xx,xx\n",
        )]);
        let found = run(&ADOPTION_DATA_PARTLY_COMPLETED, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["AD1:2", "AD1:3", "AD1:4"]);
    }
}
