//! The generator's random numbers: ChaCha8 streams seeded from the user's seed, the LA and a
//! purpose, so that one LA's output never depends on which other LAs are generated, and error
//! injection never disturbs the clean data.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// What a stream is used for; each purpose gets its own stream.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Stream {
    /// The care population and its histories.
    Population = 1,
    /// Error injection (one stream per year: the year is mixed in).
    Inject = 2,
}

/// SplitMix64: turns structured seeds into well-spread 64-bit seeds.
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// A random stream.
#[derive(Clone)]
pub(crate) struct Rand(ChaCha8Rng);

impl Rand {
    /// The stream for `purpose` of LA `la` under the user's `seed`; `extra` separates
    /// sub-streams (e.g. a year).
    pub(crate) fn new(seed: u64, la: u16, purpose: Stream, extra: u64) -> Self {
        let s = splitmix(splitmix(splitmix(seed) ^ u64::from(la)) ^ (purpose as u64) << 32 ^ extra);
        Self(ChaCha8Rng::seed_from_u64(s))
    }

    /// A uniform number in [0, 1).
    pub(crate) fn f64(&mut self) -> f64 {
        self.0.random::<f64>()
    }

    /// `true` with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    /// A uniform integer in `lo..=hi` (`lo` when `hi < lo`).
    pub(crate) fn range(&mut self, lo: i32, hi: i32) -> i32 {
        if hi <= lo { lo } else { self.0.random_range(lo..=hi) }
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        if n <= 1 { 0 } else { self.0.random_range(0..n) }
    }

    /// A uniformly chosen element.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() { None } else { items.get(self.below(items.len())) }
    }

    /// An index drawn with the given (non-negative) weights; the last index if they are all 0.
    pub(crate) fn weighted(&mut self, weights: &[f64]) -> usize {
        let total: f64 = weights.iter().map(|w| w.max(0.0)).sum();
        if total <= 0.0 {
            return weights.len().saturating_sub(1);
        }
        let mut x = self.f64() * total;
        for (i, w) in weights.iter().enumerate() {
            let w = w.max(0.0);
            if x < w {
                return i;
            }
            x -= w;
        }
        weights.len().saturating_sub(1)
    }

    /// A code drawn from `(code, weight)` pairs.
    pub(crate) fn choose<T: Copy>(&mut self, table: &[(T, f64)]) -> T {
        let weights: Vec<f64> = table.iter().map(|(_, w)| *w).collect();
        table[self.weighted(&weights).min(table.len() - 1)].0
    }

    /// An exponential variate with the given mean.
    pub(crate) fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.f64()).ln()
    }

    /// A standard normal variate (Box–Muller).
    pub(crate) fn normal(&mut self) -> f64 {
        let u = 1.0 - self.f64();
        let v = self.f64();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    /// Rounds `x` to a whole number at random, so that the expected value is `x`.
    pub(crate) fn round(&mut self, x: f64) -> usize {
        let x = x.max(0.0);
        let whole = x.floor();
        (whole as usize) + usize::from(self.chance(x - whole))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<f64> = (0..4).map(|_| Rand::new(7, 316, Stream::Population, 0).f64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut x = Rand::new(7, 316, Stream::Population, 0);
        let mut y = Rand::new(7, 317, Stream::Population, 0);
        let mut z = Rand::new(7, 316, Stream::Inject, 0);
        let (x, y, z) = (x.f64(), y.f64(), z.f64());
        assert!(x != y && x != z);
    }

    #[test]
    fn weighted_choice_respects_zero_weights() {
        let mut r = Rand::new(1, 100, Stream::Population, 0);
        for _ in 0..1000 {
            assert_eq!(r.weighted(&[0.0, 1.0, 0.0]), 1);
        }
    }
}
