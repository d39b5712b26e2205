//! Helpers shared by the rules in `r6xx`, `r7xx` and `r1000`: calendar arithmetic as the
//! reference's pandas does it, and the few cell tests several rules repeat.

use carelens_model::{Coercion, Date, Field, Oc3};

/// Whether an OC3 row has any care leaver item (`IN_TOUCH`, `ACTIV`, `ACCOM`) as sent: the
/// reference tests `notna()`, so an invalid code counts as completed.
pub(crate) fn has_care_leaver_data(o: &Oc3) -> bool {
    o.in_touch.is_present() || o.activ.is_present() || o.accom.is_present()
}

/// A 0/1 flag read as `pd.to_numeric(errors="coerce")` reads it: `1` and `1.0` are 1, while a
/// label such as `yes` is not a number.
pub(crate) fn numeric_flag(f: &Field<bool>) -> Option<bool> {
    match f.note() {
        None | Some(Coercion::DecimalInteger) => f.get(),
        Some(_) => None,
    }
}

/// Whether two date cells record the same date: equal dates when both are valid dates in the
/// DfE format, otherwise equal text (case-insensitive, as the reference upper-cases text), and
/// two blanks are equal (pandas merges blank keys with each other).
pub(crate) fn same_date_cell(a: &Field<Date>, b: &Field<Date>) -> bool {
    match (a.strict(), b.strict()) {
        (Some(x), Some(y)) => x == y,
        _ if a.is_blank() || b.is_blank() => a.is_blank() && b.is_blank(),
        _ => a.raw().trim().eq_ignore_ascii_case(b.raw().trim()),
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    #[test]
    fn numeric_flags_accept_decimals_but_not_labels() {
        assert_eq!(numeric_flag(&Field::parse("1")), Some(true));
        assert_eq!(numeric_flag(&Field::parse("0.0")), Some(false));
        assert_eq!(numeric_flag(&Field::parse("yes")), None);
        assert_eq!(numeric_flag(&Field::parse("")), None);
    }

    #[test]
    fn date_cells_compare_by_date_then_by_text() {
        let f = |s: &str| Field::<Date>::parse(s);
        assert!(same_date_cell(&f("1/6/2020"), &f("01/06/2020")));
        assert!(!same_date_cell(&f("02/06/2020"), &f("01/06/2020")));
        assert!(same_date_cell(&f("2020-06-01"), &f("2020-06-01")));
        assert!(!same_date_cell(&f("2020-06-01"), &f("01/06/2020")));
        assert!(same_date_cell(&f(""), &f(" ")));
        assert!(!same_date_cell(&f(""), &f("01/06/2020")));
    }
}
