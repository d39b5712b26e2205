//! Rules 700–799: deprivation of liberty orders (the DoLo table, from 2026/27).

use crate::rule::Rule;

mod dolo_end_date_is_not_valid;
mod dolo_ends_before_it_starts;
mod dolo_ends_outside_the_year;
mod dolo_in_prohibited_placement;
mod dolo_in_unexpected_placement_type;
mod dolo_open_after_care_ended;
mod dolo_start_date_is_not_valid;
mod dolo_starts_after_year_end;
mod dolo_starts_before_birth;
mod dolo_starts_while_previous_dolo_open;
mod open_dolo_from_last_year_not_continued;

/// The rules in this folder, by code.
pub(crate) const RULES: &[&Rule] = &[
    &dolo_start_date_is_not_valid::DOLO_START_DATE_IS_NOT_VALID,
    &dolo_end_date_is_not_valid::DOLO_END_DATE_IS_NOT_VALID,
    &dolo_ends_before_it_starts::DOLO_ENDS_BEFORE_IT_STARTS,
    &dolo_starts_after_year_end::DOLO_STARTS_AFTER_YEAR_END,
    &dolo_ends_outside_the_year::DOLO_ENDS_OUTSIDE_THE_YEAR,
    &dolo_starts_while_previous_dolo_open::DOLO_STARTS_WHILE_PREVIOUS_DOLO_OPEN,
    &open_dolo_from_last_year_not_continued::OPEN_DOLO_FROM_LAST_YEAR_NOT_CONTINUED,
    &dolo_open_after_care_ended::DOLO_OPEN_AFTER_CARE_ENDED,
    &dolo_starts_before_birth::DOLO_STARTS_BEFORE_BIRTH,
    &dolo_in_unexpected_placement_type::DOLO_IN_UNEXPECTED_PLACEMENT_TYPE,
    &dolo_in_prohibited_placement::DOLO_IN_PROHIBITED_PLACEMENT,
];
