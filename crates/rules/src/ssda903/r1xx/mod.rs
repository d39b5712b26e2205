//! Rules 100–199.

use crate::rule::Rule;

mod adopter_legal_status_code_is_not_valid;
mod adopter_sex_code_is_not_valid;
mod adoption_data_for_care_leaver;
mod adoption_data_partly_completed;
mod adoption_decision_after_year_end_or_care_ended;
mod adoption_decision_before_birth;
mod adoption_decision_date_is_not_valid;
mod adoption_decision_reversal_date_and_reason_disagree;
mod adoption_decision_reversal_reason_is_not_valid;
mod adoption_decision_reversed_before_year_or_care_started;
mod adoption_match_date_is_not_valid;
mod adoption_or_care_leaver_data_for_oc2_child;
mod care_leaver_accommodation_code_is_not_valid;
mod care_leaver_activity_code_is_not_valid;
mod care_leaver_data_partly_completed;
mod category_of_need_code_is_not_valid;
mod date_of_birth_is_not_valid;
mod episode_after_adoption_from_care;
mod episode_end_date_and_reason_disagree;
mod episode_end_date_is_not_valid;
mod episode_not_ended_before_next_started;
mod episode_start_date_is_not_valid;
mod ethnicity_code_is_not_valid;
mod former_foster_carer_flag_is_not_valid;
mod in_touch_code_is_not_valid;
mod intervention_offered_although_received;
mod intervention_offered_missing_although_not_received;
mod intervention_received_missing_for_substance_misuse;
mod intervention_recorded_without_substance_misuse;
mod legal_status_code_is_not_valid;
mod male_child_has_mothers_child_date_of_birth;
mod male_child_has_mothers_child_date_of_birth_2024_25;
mod mother_status_is_not_valid;
mod mothers_child_date_of_birth_is_not_valid;
mod number_of_adopters_is_not_valid;
mod oc2_data_for_child_not_looked_after_12_months;
mod oc2_data_missing_for_child_looked_after_12_months;
mod oc2_flag_is_not_zero_or_one;
mod oc2_health_items_incomplete;
mod placed_for_adoption_ceased_date_is_not_valid;
mod placed_for_adoption_date_is_not_valid;
mod placement_distance_is_not_valid;
mod placement_la_is_missing;
mod placement_location_is_missing;
mod placement_provider_code_is_not_valid;
mod placement_provider_code_is_not_valid_2025_26;
mod placement_type_code_is_not_valid;
mod placement_type_code_is_not_valid_2024_25;
mod placement_type_code_is_not_valid_2025_26;
mod reason_episode_ceased_code_is_not_valid;
mod reason_new_episode_code_is_not_valid;
mod review_date_is_not_valid;
mod review_participation_code_is_not_valid;
mod sdq1_reason_for_child_of_sdq_age;
mod sdq_for_child_aged_17_or_over;
mod sdq_for_child_under_4;
mod sdq_missing_for_child_of_sdq_age;
mod sdq_missing_for_child_turning_4_or_17;
mod sdq_reason_code_is_not_valid;
mod sdq_reason_for_child_not_looked_after_12_months;
mod sdq_reason_given_with_score;
mod sdq_score_for_child_not_looked_after_12_months;
mod sdq_score_is_not_valid;
mod sex_code_is_not_valid;
mod sex_code_is_not_valid_2024_25;
mod uasc_ceased_date_is_not_valid;
mod uasc_status_is_not_valid;
mod upn_is_not_valid;
mod util;

/// The rules in this folder, sorted by code, then by first year in force.
pub(crate) const RULES: &[&Rule] = &[
    &sex_code_is_not_valid::SEX_CODE_IS_NOT_VALID,
    &sex_code_is_not_valid_2024_25::SEX_CODE_IS_NOT_VALID_2024_25,
    &date_of_birth_is_not_valid::DATE_OF_BIRTH_IS_NOT_VALID,
    &ethnicity_code_is_not_valid::ETHNICITY_CODE_IS_NOT_VALID,
    &uasc_ceased_date_is_not_valid::UASC_CEASED_DATE_IS_NOT_VALID,
    &uasc_status_is_not_valid::UASC_STATUS_IS_NOT_VALID,
    &adoption_decision_date_is_not_valid::ADOPTION_DECISION_DATE_IS_NOT_VALID,
    &adoption_match_date_is_not_valid::ADOPTION_MATCH_DATE_IS_NOT_VALID,
    &former_foster_carer_flag_is_not_valid::FORMER_FOSTER_CARER_FLAG_IS_NOT_VALID,
    &placed_for_adoption_date_is_not_valid::PLACED_FOR_ADOPTION_DATE_IS_NOT_VALID,
    &placed_for_adoption_ceased_date_is_not_valid::PLACED_FOR_ADOPTION_CEASED_DATE_IS_NOT_VALID,
    &adoption_decision_after_year_end_or_care_ended::ADOPTION_DECISION_AFTER_YEAR_END_OR_CARE_ENDED,
    &adoption_decision_reversed_before_year_or_care_started::ADOPTION_DECISION_REVERSED_BEFORE_YEAR_OR_CARE_STARTED,
    &adoption_decision_reversal_date_and_reason_disagree::ADOPTION_DECISION_REVERSAL_DATE_AND_REASON_DISAGREE,
    &adoption_decision_reversal_reason_is_not_valid::ADOPTION_DECISION_REVERSAL_REASON_IS_NOT_VALID,
    &in_touch_code_is_not_valid::IN_TOUCH_CODE_IS_NOT_VALID,
    &care_leaver_activity_code_is_not_valid::CARE_LEAVER_ACTIVITY_CODE_IS_NOT_VALID,
    &care_leaver_accommodation_code_is_not_valid::CARE_LEAVER_ACCOMMODATION_CODE_IS_NOT_VALID,
    &adoption_data_for_care_leaver::ADOPTION_DATA_FOR_CARE_LEAVER,
    &episode_start_date_is_not_valid::EPISODE_START_DATE_IS_NOT_VALID,
    &episode_not_ended_before_next_started::EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    &reason_new_episode_code_is_not_valid::REASON_NEW_EPISODE_CODE_IS_NOT_VALID,
    &legal_status_code_is_not_valid::LEGAL_STATUS_CODE_IS_NOT_VALID,
    &category_of_need_code_is_not_valid::CATEGORY_OF_NEED_CODE_IS_NOT_VALID,
    &placement_type_code_is_not_valid::PLACEMENT_TYPE_CODE_IS_NOT_VALID,
    &placement_type_code_is_not_valid_2024_25::PLACEMENT_TYPE_CODE_IS_NOT_VALID_2024_25,
    &placement_type_code_is_not_valid_2025_26::PLACEMENT_TYPE_CODE_IS_NOT_VALID_2025_26,
    &episode_end_date_is_not_valid::EPISODE_END_DATE_IS_NOT_VALID,
    &episode_end_date_and_reason_disagree::EPISODE_END_DATE_AND_REASON_DISAGREE,
    &reason_episode_ceased_code_is_not_valid::REASON_EPISODE_CEASED_CODE_IS_NOT_VALID,
    &adoption_data_partly_completed::ADOPTION_DATA_PARTLY_COMPLETED,
    &care_leaver_data_partly_completed::CARE_LEAVER_DATA_PARTLY_COMPLETED,
    &sdq1_reason_for_child_of_sdq_age::SDQ1_REASON_FOR_CHILD_OF_SDQ_AGE,
    &intervention_offered_although_received::INTERVENTION_OFFERED_ALTHOUGH_RECEIVED,
    &intervention_offered_missing_although_not_received::INTERVENTION_OFFERED_MISSING_ALTHOUGH_NOT_RECEIVED,
    &placement_distance_is_not_valid::PLACEMENT_DISTANCE_IS_NOT_VALID,
    &mother_status_is_not_valid::MOTHER_STATUS_IS_NOT_VALID,
    &review_date_is_not_valid::REVIEW_DATE_IS_NOT_VALID,
    &review_participation_code_is_not_valid::REVIEW_PARTICIPATION_CODE_IS_NOT_VALID,
    &upn_is_not_valid::UPN_IS_NOT_VALID,
    &placement_la_is_missing::PLACEMENT_LA_IS_MISSING,
    &mothers_child_date_of_birth_is_not_valid::MOTHERS_CHILD_DATE_OF_BIRTH_IS_NOT_VALID,
    &male_child_has_mothers_child_date_of_birth::MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH,
    &male_child_has_mothers_child_date_of_birth_2024_25::MALE_CHILD_HAS_MOTHERS_CHILD_DATE_OF_BIRTH_2024_25,
    &number_of_adopters_is_not_valid::NUMBER_OF_ADOPTERS_IS_NOT_VALID,
    &adopter_sex_code_is_not_valid::ADOPTER_SEX_CODE_IS_NOT_VALID,
    &adopter_legal_status_code_is_not_valid::ADOPTER_LEGAL_STATUS_CODE_IS_NOT_VALID,
    &placement_provider_code_is_not_valid::PLACEMENT_PROVIDER_CODE_IS_NOT_VALID,
    &placement_provider_code_is_not_valid_2025_26::PLACEMENT_PROVIDER_CODE_IS_NOT_VALID_2025_26,
    &placement_location_is_missing::PLACEMENT_LOCATION_IS_MISSING,
    &sdq_score_is_not_valid::SDQ_SCORE_IS_NOT_VALID,
    &oc2_flag_is_not_zero_or_one::OC2_FLAG_IS_NOT_ZERO_OR_ONE,
    &oc2_health_items_incomplete::OC2_HEALTH_ITEMS_INCOMPLETE,
    &adoption_decision_before_birth::ADOPTION_DECISION_BEFORE_BIRTH,
    &sdq_score_for_child_not_looked_after_12_months::SDQ_SCORE_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    &sdq_missing_for_child_of_sdq_age::SDQ_MISSING_FOR_CHILD_OF_SDQ_AGE,
    &adoption_or_care_leaver_data_for_oc2_child::ADOPTION_OR_CARE_LEAVER_DATA_FOR_OC2_CHILD,
    &sdq_for_child_under_4::SDQ_FOR_CHILD_UNDER_4,
    &sdq_for_child_aged_17_or_over::SDQ_FOR_CHILD_AGED_17_OR_OVER,
    &oc2_data_for_child_not_looked_after_12_months::OC2_DATA_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    &oc2_data_missing_for_child_looked_after_12_months::OC2_DATA_MISSING_FOR_CHILD_LOOKED_AFTER_12_MONTHS,
    &intervention_received_missing_for_substance_misuse::INTERVENTION_RECEIVED_MISSING_FOR_SUBSTANCE_MISUSE,
    &intervention_recorded_without_substance_misuse::INTERVENTION_RECORDED_WITHOUT_SUBSTANCE_MISUSE,
    &sdq_reason_code_is_not_valid::SDQ_REASON_CODE_IS_NOT_VALID,
    &sdq_missing_for_child_turning_4_or_17::SDQ_MISSING_FOR_CHILD_TURNING_4_OR_17,
    &sdq_reason_given_with_score::SDQ_REASON_GIVEN_WITH_SCORE,
    &sdq_reason_for_child_not_looked_after_12_months::SDQ_REASON_FOR_CHILD_NOT_LOOKED_AFTER_12_MONTHS,
    &episode_after_adoption_from_care::EPISODE_AFTER_ADOPTION_FROM_CARE,
];
