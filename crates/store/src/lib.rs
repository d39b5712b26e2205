//! carelens-store (being built).
