//! Rules 300–399.

use crate::rule::Rule;

mod adopted_at_18_or_over;
mod adopted_without_adoption_placement;
mod adoption_decision_after_matching;
mod adoption_decision_before_care_started;
mod adoption_placement_before_matching;
mod adoption_placement_not_preceded_by_foster_placement;
mod adult_not_in_community_home_under_section_20;
mod care_leaver_died_or_home_has_leaving_care_data;
mod care_leaver_in_touch_has_no_leaving_care_data;
mod care_leaver_previously_reported_died;
mod care_leaver_under_17;
mod care_leaver_under_18_in_foyer;
mod care_period_ends_with_temporary_placement;
mod care_period_starts_with_temporary_placement;
mod care_started_at_18_or_over;
mod child_assessment_order_over_7_days;
mod child_over_25_at_year_start;
mod child_too_young_for_independent_living;
mod child_too_young_for_independent_living_2023_24;
mod child_too_young_for_residential_employment;
mod child_too_young_for_residential_school;
mod child_too_young_for_supported_accommodation;
mod child_too_young_for_supported_accommodation_2023_24;
mod child_too_young_for_supported_accommodation_2024_25;
mod child_too_young_for_youth_custody;
mod date_of_birth_after_year_end;
mod emergency_protection_order_over_21_days;
mod episode_end_reason_contradicts_next_episode;
mod episode_ends_after_year_end;
mod episode_ends_before_it_starts;
mod episode_ends_on_day_it_starts;
mod episode_starts_after_year_end;
mod episode_starts_before_october_1991;
mod first_episode_is_not_a_care_start;
mod first_episode_starts_before_birth;
mod foster_care_flag_contradicts_adoption_placement;
mod foster_carer_holiday_placement_over_three_weeks;
mod girl_looked_after_without_mother_field;
mod girl_looked_after_without_mother_field_2024_25;
mod home_and_placement_postcodes_same;
mod left_care_for_independent_living_under_14;
mod looked_after_child_has_no_placement_distance;
mod looked_after_child_has_no_postcodes;
mod more_than_two_foster_carer_holiday_placements;
mod pace_detention_over_21_days;
mod placed_with_parents_under_section_20;
mod police_protection_over_72_hours;
mod postcode_not_found;
mod respite_break_changes_placement;
mod respite_care_in_long_term_foster_placement;
mod respite_care_in_temporary_placement;
mod respite_care_over_75_days_in_year;
mod respite_placement_over_17_days;
mod short_break_child_has_mother_or_review_data;
mod short_break_child_has_postcodes;
mod temporary_hospital_placement_over_six_weeks;
mod temporary_placement_not_followed_by_return;
mod temporary_placement_not_followed_by_return_2025_26;
mod transferred_to_adult_care_under_16;
mod uasc_ceased_after_eighteenth_birthday;
mod uasc_ceased_date_without_uasc_status;
mod unspecified_temporary_placement_over_seven_days;
mod util;
mod youth_justice_status_under_10;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[
    &date_of_birth_after_year_end::DATE_OF_BIRTH_AFTER_YEAR_END,
    &first_episode_starts_before_birth::FIRST_EPISODE_STARTS_BEFORE_BIRTH,
    &uasc_ceased_date_without_uasc_status::UASC_CEASED_DATE_WITHOUT_UASC_STATUS,
    &uasc_ceased_after_eighteenth_birthday::UASC_CEASED_AFTER_EIGHTEENTH_BIRTHDAY,
    &adoption_placement_before_matching::ADOPTION_PLACEMENT_BEFORE_MATCHING,
    &adoption_decision_after_matching::ADOPTION_DECISION_AFTER_MATCHING,
    &adoption_decision_before_care_started::ADOPTION_DECISION_BEFORE_CARE_STARTED,
    &foster_care_flag_contradicts_adoption_placement::FOSTER_CARE_FLAG_CONTRADICTS_ADOPTION_PLACEMENT,
    &adoption_placement_not_preceded_by_foster_placement::ADOPTION_PLACEMENT_NOT_PRECEDED_BY_FOSTER_PLACEMENT,
    &care_leaver_died_or_home_has_leaving_care_data::CARE_LEAVER_DIED_OR_HOME_HAS_LEAVING_CARE_DATA,
    &care_leaver_in_touch_has_no_leaving_care_data::CARE_LEAVER_IN_TOUCH_HAS_NO_LEAVING_CARE_DATA,
    &care_leaver_under_18_in_foyer::CARE_LEAVER_UNDER_18_IN_FOYER,
    &care_leaver_previously_reported_died::CARE_LEAVER_PREVIOUSLY_REPORTED_DIED,
    &child_over_25_at_year_start::CHILD_OVER_25_AT_YEAR_START,
    &care_started_at_18_or_over::CARE_STARTED_AT_18_OR_OVER,
    &episode_starts_before_october_1991::EPISODE_STARTS_BEFORE_OCTOBER_1991,
    &episode_starts_after_year_end::EPISODE_STARTS_AFTER_YEAR_END,
    &episode_ends_on_day_it_starts::EPISODE_ENDS_ON_DAY_IT_STARTS,
    &episode_ends_before_it_starts::EPISODE_ENDS_BEFORE_IT_STARTS,
    &first_episode_is_not_a_care_start::FIRST_EPISODE_IS_NOT_A_CARE_START,
    &youth_justice_status_under_10::YOUTH_JUSTICE_STATUS_UNDER_10,
    &adult_not_in_community_home_under_section_20::ADULT_NOT_IN_COMMUNITY_HOME_UNDER_SECTION_20,
    &police_protection_over_72_hours::POLICE_PROTECTION_OVER_72_HOURS,
    &emergency_protection_order_over_21_days::EMERGENCY_PROTECTION_ORDER_OVER_21_DAYS,
    &child_assessment_order_over_7_days::CHILD_ASSESSMENT_ORDER_OVER_7_DAYS,
    &pace_detention_over_21_days::PACE_DETENTION_OVER_21_DAYS,
    &respite_placement_over_17_days::RESPITE_PLACEMENT_OVER_17_DAYS,
    &respite_break_changes_placement::RESPITE_BREAK_CHANGES_PLACEMENT,
    &respite_care_over_75_days_in_year::RESPITE_CARE_OVER_75_DAYS_IN_YEAR,
    &child_too_young_for_independent_living::CHILD_TOO_YOUNG_FOR_INDEPENDENT_LIVING,
    &child_too_young_for_independent_living_2023_24::CHILD_TOO_YOUNG_FOR_INDEPENDENT_LIVING_2023_24,
    &child_too_young_for_supported_accommodation::CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION,
    &child_too_young_for_supported_accommodation_2023_24::CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION_2023_24,
    &child_too_young_for_supported_accommodation_2024_25::CHILD_TOO_YOUNG_FOR_SUPPORTED_ACCOMMODATION_2024_25,
    &child_too_young_for_youth_custody::CHILD_TOO_YOUNG_FOR_YOUTH_CUSTODY,
    &child_too_young_for_residential_school::CHILD_TOO_YOUNG_FOR_RESIDENTIAL_SCHOOL,
    &child_too_young_for_residential_employment::CHILD_TOO_YOUNG_FOR_RESIDENTIAL_EMPLOYMENT,
    &temporary_hospital_placement_over_six_weeks::TEMPORARY_HOSPITAL_PLACEMENT_OVER_SIX_WEEKS,
    &foster_carer_holiday_placement_over_three_weeks::FOSTER_CARER_HOLIDAY_PLACEMENT_OVER_THREE_WEEKS,
    &more_than_two_foster_carer_holiday_placements::MORE_THAN_TWO_FOSTER_CARER_HOLIDAY_PLACEMENTS,
    &placed_with_parents_under_section_20::PLACED_WITH_PARENTS_UNDER_SECTION_20,
    &unspecified_temporary_placement_over_seven_days::UNSPECIFIED_TEMPORARY_PLACEMENT_OVER_SEVEN_DAYS,
    &care_period_starts_with_temporary_placement::CARE_PERIOD_STARTS_WITH_TEMPORARY_PLACEMENT,
    &care_period_ends_with_temporary_placement::CARE_PERIOD_ENDS_WITH_TEMPORARY_PLACEMENT,
    &respite_care_in_temporary_placement::RESPITE_CARE_IN_TEMPORARY_PLACEMENT,
    &temporary_placement_not_followed_by_return::TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN,
    &temporary_placement_not_followed_by_return_2025_26::TEMPORARY_PLACEMENT_NOT_FOLLOWED_BY_RETURN_2025_26,
    &respite_care_in_long_term_foster_placement::RESPITE_CARE_IN_LONG_TERM_FOSTER_PLACEMENT,
    &episode_ends_after_year_end::EPISODE_ENDS_AFTER_YEAR_END,
    &adopted_at_18_or_over::ADOPTED_AT_18_OR_OVER,
    &left_care_for_independent_living_under_14::LEFT_CARE_FOR_INDEPENDENT_LIVING_UNDER_14,
    &episode_end_reason_contradicts_next_episode::EPISODE_END_REASON_CONTRADICTS_NEXT_EPISODE,
    &transferred_to_adult_care_under_16::TRANSFERRED_TO_ADULT_CARE_UNDER_16,
    &adopted_without_adoption_placement::ADOPTED_WITHOUT_ADOPTION_PLACEMENT,
    &care_leaver_under_17::CARE_LEAVER_UNDER_17,
    &looked_after_child_has_no_placement_distance::LOOKED_AFTER_CHILD_HAS_NO_PLACEMENT_DISTANCE,
    &looked_after_child_has_no_postcodes::LOOKED_AFTER_CHILD_HAS_NO_POSTCODES,
    &postcode_not_found::POSTCODE_NOT_FOUND,
    &home_and_placement_postcodes_same::HOME_AND_PLACEMENT_POSTCODES_SAME,
    &girl_looked_after_without_mother_field::GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD,
    &girl_looked_after_without_mother_field_2024_25::GIRL_LOOKED_AFTER_WITHOUT_MOTHER_FIELD_2024_25,
    &short_break_child_has_postcodes::SHORT_BREAK_CHILD_HAS_POSTCODES,
    &short_break_child_has_mother_or_review_data::SHORT_BREAK_CHILD_HAS_MOTHER_OR_REVIEW_DATA,
];
