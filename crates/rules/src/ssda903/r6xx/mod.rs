//! Rules 600–699.

use crate::rule::Rule;

mod adoption_details_for_child_not_adopted_in_year;
mod adoption_details_missing_for_adopted_child;
mod child_date_of_birth_given_but_not_a_mother;
mod child_date_of_birth_given_but_not_a_mother_2024_25;
mod first_child_born_after_year_end_or_care_ended;
mod first_child_date_of_birth_differs_from_last_year;
mod mother_not_recorded_for_girl_leaving_care;
mod mother_not_recorded_for_girl_leaving_care_2024_25;
mod mother_status_contradicts_last_year;
mod mother_under_eleven;
mod mother_without_child_date_of_birth;
mod mother_younger_than_her_child;
mod motherhood_recorded_for_care_leaver_not_looked_after;
mod previous_permanence_code_is_not_valid;
mod previous_permanence_date_is_not_valid;
mod previous_permanence_details_without_option;
mod previous_permanence_for_child_not_looked_after_since_2016;
mod previous_permanence_la_code_is_not_valid;
mod previous_permanence_missing_for_new_entrant;
/// Helpers shared with `r7xx` and `r1000`.
pub(super) mod util;

/// The rules in this folder, by code.
pub(crate) const RULES: &[&Rule] = &[
    &adoption_details_missing_for_adopted_child::ADOPTION_DETAILS_MISSING_FOR_ADOPTED_CHILD,
    &adoption_details_for_child_not_adopted_in_year::ADOPTION_DETAILS_FOR_CHILD_NOT_ADOPTED_IN_YEAR,
    &mother_not_recorded_for_girl_leaving_care::MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE,
    &mother_not_recorded_for_girl_leaving_care_2024_25::MOTHER_NOT_RECORDED_FOR_GIRL_LEAVING_CARE_2024_25,
    &mother_without_child_date_of_birth::MOTHER_WITHOUT_CHILD_DATE_OF_BIRTH,
    &child_date_of_birth_given_but_not_a_mother::CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER,
    &child_date_of_birth_given_but_not_a_mother_2024_25::CHILD_DATE_OF_BIRTH_GIVEN_BUT_NOT_A_MOTHER_2024_25,
    &mother_under_eleven::MOTHER_UNDER_ELEVEN,
    &mother_younger_than_her_child::MOTHER_YOUNGER_THAN_HER_CHILD,
    &first_child_date_of_birth_differs_from_last_year::FIRST_CHILD_DATE_OF_BIRTH_DIFFERS_FROM_LAST_YEAR,
    &first_child_born_after_year_end_or_care_ended::FIRST_CHILD_BORN_AFTER_YEAR_END_OR_CARE_ENDED,
    &mother_status_contradicts_last_year::MOTHER_STATUS_CONTRADICTS_LAST_YEAR,
    &motherhood_recorded_for_care_leaver_not_looked_after::MOTHERHOOD_RECORDED_FOR_CARE_LEAVER_NOT_LOOKED_AFTER,
    &previous_permanence_missing_for_new_entrant::PREVIOUS_PERMANENCE_MISSING_FOR_NEW_ENTRANT,
    &previous_permanence_code_is_not_valid::PREVIOUS_PERMANENCE_CODE_IS_NOT_VALID,
    &previous_permanence_date_is_not_valid::PREVIOUS_PERMANENCE_DATE_IS_NOT_VALID,
    &previous_permanence_la_code_is_not_valid::PREVIOUS_PERMANENCE_LA_CODE_IS_NOT_VALID,
    &previous_permanence_for_child_not_looked_after_since_2016::PREVIOUS_PERMANENCE_FOR_CHILD_NOT_LOOKED_AFTER_SINCE_2016,
    &previous_permanence_details_without_option::PREVIOUS_PERMANENCE_DETAILS_WITHOUT_OPTION,
];
