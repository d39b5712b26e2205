//! carelens-oversight (being built).
