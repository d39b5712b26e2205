//! carelens-server (being built).
