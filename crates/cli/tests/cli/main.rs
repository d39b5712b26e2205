//! CLI integration tests: the built `carelens` binary run on small hand-made returns in a
//! temporary folder. One test binary, one module per area.

mod docs;
mod indicators;
mod store;
mod support;
mod validate;
