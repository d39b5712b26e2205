//! Social worker rules (SWnn…STGn), on the SWEpisodes table, from 2023/24.
//!
//! Not declared: SW15STG2 and SW16aSTG2, SW16bSTG2, SW16cSTG2. The reference adds them in its
//! 2024/25 folder and deletes them in the same year's `del_list`, so they were never in force
//! in any year (the catalogue lists them with no years).
//!
//! SW10STG2 stays in force from 2025/26 alongside its replacements SW10aSTG2 and SW10bSTG2:
//! the reference never deleted it (probably an oversight); carelens follows the reference.

use crate::rule::Rule;

mod earlier_social_worker_episode_has_no_end_date;
mod first_contact_social_worker_episode_overlaps_previous;
mod looked_after_child_has_no_social_worker_episode;
mod no_social_worker_episode_open_at_31_march;
mod social_worker_change_reason_is_not_valid;
mod social_worker_change_reason_is_not_valid_2024_25;
mod social_worker_episode_before_april_2023_incomplete;
mod social_worker_episode_end_date_is_not_valid;
mod social_worker_episode_end_date_is_not_valid_2025_26;
mod social_worker_episode_ended_near_year_end_without_successor;
mod social_worker_episode_ended_without_successor;
mod social_worker_episode_ends_before_it_starts;
mod social_worker_episode_ends_outside_reporting_period;
mod social_worker_episode_ends_outside_reporting_period_2024_25;
mod social_worker_episode_from_april_2023_incomplete;
mod social_worker_episode_incomplete;
mod social_worker_episode_lasted_less_than_a_day;
mod social_worker_episode_lasted_less_than_a_day_2025_26;
mod social_worker_episode_not_ended_before_next_started;
mod social_worker_episode_not_within_7_days_of_previous;
mod social_worker_episode_start_date_is_not_valid;
mod social_worker_episode_start_date_is_not_valid_2025_26;
mod social_worker_episode_starts_after_year_end;
mod social_worker_episode_starts_away_from_previous_end;
mod social_worker_episode_starts_away_from_previous_end_2024_25;
mod social_worker_episodes_missing_around_care_start_or_end;
mod social_worker_episodes_missing_around_care_start_or_end_2024_25;
mod social_worker_episodes_start_on_same_date;
mod social_worker_id_has_wrong_prefix;
mod social_worker_id_has_wrong_prefix_2025_26;
mod util;

/// The rules in this folder, sorted by code, then first year.
pub(crate) const RULES: &[&Rule] = &[
    &looked_after_child_has_no_social_worker_episode::LOOKED_AFTER_CHILD_HAS_NO_SOCIAL_WORKER_EPISODE,
    &social_worker_episode_before_april_2023_incomplete::SOCIAL_WORKER_EPISODE_BEFORE_APRIL_2023_INCOMPLETE,
    &social_worker_episode_from_april_2023_incomplete::SOCIAL_WORKER_EPISODE_FROM_APRIL_2023_INCOMPLETE,
    &social_worker_id_has_wrong_prefix::SOCIAL_WORKER_ID_HAS_WRONG_PREFIX,
    &social_worker_id_has_wrong_prefix_2025_26::SOCIAL_WORKER_ID_HAS_WRONG_PREFIX,
    &social_worker_episode_incomplete::SOCIAL_WORKER_EPISODE_INCOMPLETE,
    &social_worker_episode_start_date_is_not_valid::SOCIAL_WORKER_EPISODE_START_DATE_IS_NOT_VALID,
    &social_worker_episode_start_date_is_not_valid_2025_26::SOCIAL_WORKER_EPISODE_START_DATE_IS_NOT_VALID,
    &social_worker_episode_end_date_is_not_valid::SOCIAL_WORKER_EPISODE_END_DATE_IS_NOT_VALID,
    &social_worker_episode_end_date_is_not_valid_2025_26::SOCIAL_WORKER_EPISODE_END_DATE_IS_NOT_VALID,
    &social_worker_episode_starts_after_year_end::SOCIAL_WORKER_EPISODE_STARTS_AFTER_YEAR_END,
    &social_worker_episode_ends_outside_reporting_period::SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
    &social_worker_episode_ends_outside_reporting_period_2024_25::SOCIAL_WORKER_EPISODE_ENDS_OUTSIDE_REPORTING_PERIOD,
    &social_worker_episode_not_ended_before_next_started::SOCIAL_WORKER_EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
    &social_worker_episode_lasted_less_than_a_day::SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
    &social_worker_episode_lasted_less_than_a_day_2025_26::SOCIAL_WORKER_EPISODE_LASTED_LESS_THAN_A_DAY,
    &social_worker_episode_starts_away_from_previous_end::SOCIAL_WORKER_EPISODE_STARTS_AWAY_FROM_PREVIOUS_END,
    &social_worker_episode_starts_away_from_previous_end_2024_25::SOCIAL_WORKER_EPISODE_STARTS_AWAY_FROM_PREVIOUS_END,
    &social_worker_episode_not_within_7_days_of_previous::SOCIAL_WORKER_EPISODE_NOT_WITHIN_7_DAYS_OF_PREVIOUS,
    &first_contact_social_worker_episode_overlaps_previous::FIRST_CONTACT_SOCIAL_WORKER_EPISODE_OVERLAPS_PREVIOUS,
    &social_worker_episode_ended_without_successor::SOCIAL_WORKER_EPISODE_ENDED_WITHOUT_SUCCESSOR,
    &social_worker_episode_ended_near_year_end_without_successor::SOCIAL_WORKER_EPISODE_ENDED_NEAR_YEAR_END_WITHOUT_SUCCESSOR,
    &social_worker_episodes_missing_around_care_start_or_end::SOCIAL_WORKER_EPISODES_MISSING_AROUND_CARE_START_OR_END,
    &social_worker_episodes_missing_around_care_start_or_end_2024_25::SOCIAL_WORKER_EPISODES_MISSING_AROUND_CARE_START_OR_END,
    &social_worker_change_reason_is_not_valid::SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID,
    &social_worker_change_reason_is_not_valid_2024_25::SOCIAL_WORKER_CHANGE_REASON_IS_NOT_VALID,
    &earlier_social_worker_episode_has_no_end_date::EARLIER_SOCIAL_WORKER_EPISODE_HAS_NO_END_DATE,
    &no_social_worker_episode_open_at_31_march::NO_SOCIAL_WORKER_EPISODE_OPEN_AT_31_MARCH,
    &social_worker_episode_ends_before_it_starts::SOCIAL_WORKER_EPISODE_ENDS_BEFORE_IT_STARTS,
    &social_worker_episodes_start_on_same_date::SOCIAL_WORKER_EPISODES_START_ON_SAME_DATE,
];
