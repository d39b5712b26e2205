//! Orders the reference's pandas puts rows in, shared by every rule: a child's first and last
//! episode (`idxmin` / `idxmax`), the stable `sort_values` of several columns, and numpy's
//! unstable quicksort that a single-column `sort_values` uses.

use std::cmp::Ordering;

use carelens_model::{Date, Episode};

/// Orders optional dates as pandas sorts a datetime column: readable dates first, ascending,
/// then blank or unreadable ones (`NaT` last).
pub(crate) fn nat_last(a: Option<Date>, b: Option<Date>) -> Ordering {
    match (a, b) {
        (Some(x), Some(y)) => x.cmp(&y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The episode with the earliest readable `DECOM`; on a tie, the first in the given order
/// (pandas' `groupby("CHILD")["DECOM"].idxmin()`). `None` when no episode has a readable `DECOM`
/// (where pandas < 2 yields `NaN` and the reference's rule then fails).
pub(crate) fn first_by_decom<'a>(
    eps: impl IntoIterator<Item = &'a Episode>,
) -> Option<&'a Episode> {
    pick_by_decom(eps, Ordering::Less)
}

/// The episode with the latest readable `DECOM`; on a tie, the first in the given order
/// (`idxmax`). `None` when no episode has a readable `DECOM`.
pub(crate) fn last_by_decom<'a>(eps: impl IntoIterator<Item = &'a Episode>) -> Option<&'a Episode> {
    pick_by_decom(eps, Ordering::Greater)
}

fn pick_by_decom<'a>(
    eps: impl IntoIterator<Item = &'a Episode>,
    better: Ordering,
) -> Option<&'a Episode> {
    let mut best: Option<(Date, &'a Episode)> = None;
    for e in eps {
        if let Some(d) = e.decom.strict()
            && best.is_none_or(|(b, _)| d.cmp(&b) == better)
        {
            best = Some((d, e));
        }
    }
    best.map(|(_, e)| e)
}

/// The row order of pandas' single-column `sort_values(ascending=…)` (`nargsort`): the rows
/// with a key sorted by numpy's quicksort ([`numpy_argsort`]; for a descending sort pandas
/// reverses the rows, sorts, and reverses the result), then the rows without one (`NaN`/`NaT`)
/// in file order. Rules that take "each child's first (or last) row" of such a sort of the whole
/// table (142, SW08STG2, SW17STG2) need exactly this order where keys tie.
pub(crate) fn pandas_sort_order<T: PartialOrd + Copy>(
    keys: &[Option<T>],
    ascending: bool,
) -> Vec<usize> {
    let mut present: Vec<(usize, T)> =
        keys.iter().enumerate().filter_map(|(i, k)| k.map(|k| (i, k))).collect();
    if !ascending {
        present.reverse();
    }
    let values: Vec<T> = present.iter().map(|(_, k)| *k).collect();
    let mut order: Vec<usize> = numpy_argsort(&values).into_iter().map(|j| present[j].0).collect();
    if !ascending {
        order.reverse();
    }
    order.extend(keys.iter().enumerate().filter(|(_, k)| k.is_none()).map(|(i, _)| i));
    order
}

/// The order in which numpy 1.24's `argsort(kind="quicksort")` puts `keys`: what pandas'
/// single-column `sort_values` (default `kind="quicksort"`) gives the reference. The sort is not
/// stable, so among equal keys the order depends on the whole array; rules whose outcome depends
/// on which of two equal rows comes last (142, 199) need exactly this order to agree with the
/// reference.
///
/// This is numpy's introsort (`npysort/quicksort.cpp`, `aquicksort_`): median-of-three
/// quicksort down to partitions of 16, insertion sort below, and heapsort when the recursion
/// gets deeper than twice the bit length of `keys.len()`.
pub(crate) fn numpy_argsort<T: PartialOrd>(keys: &[T]) -> Vec<usize> {
    const SMALL_QUICKSORT: usize = 15;
    let n = keys.len();
    let mut a: Vec<usize> = (0..n).collect();
    if n < 2 {
        return a;
    }
    let less = |x: usize, y: usize| keys[x] < keys[y];
    let mut stack: Vec<(usize, usize, i32)> = Vec::new();
    let (mut pl, mut pr) = (0usize, n - 1);
    let mut depth = 2 * i32::try_from(n.ilog2()).unwrap_or(i32::MAX);
    loop {
        if depth < 0 {
            numpy_heapsort(keys, &mut a[pl..=pr]);
        } else {
            while pr - pl > SMALL_QUICKSORT {
                let pm = pl + ((pr - pl) >> 1);
                if less(a[pm], a[pl]) {
                    a.swap(pm, pl);
                }
                if less(a[pr], a[pm]) {
                    a.swap(pr, pm);
                }
                if less(a[pm], a[pl]) {
                    a.swap(pm, pl);
                }
                let vp = a[pm];
                let (mut pi, mut pj) = (pl, pr - 1);
                a.swap(pm, pj);
                loop {
                    pi += 1;
                    while less(a[pi], vp) {
                        pi += 1;
                    }
                    pj -= 1;
                    while less(vp, a[pj]) {
                        pj -= 1;
                    }
                    if pi >= pj {
                        break;
                    }
                    a.swap(pi, pj);
                }
                a.swap(pi, pr - 1);
                depth -= 1;
                // Push the larger partition, go on with the smaller.
                if pi - pl < pr - pi {
                    stack.push((pi + 1, pr, depth));
                    pr = pi - 1;
                } else {
                    stack.push((pl, pi - 1, depth));
                    pl = pi + 1;
                }
            }
            for pi in pl + 1..=pr {
                let vi = a[pi];
                let mut pj = pi;
                while pj > pl && less(vi, a[pj - 1]) {
                    a[pj] = a[pj - 1];
                    pj -= 1;
                }
                a[pj] = vi;
            }
        }
        let Some((l, r, d)) = stack.pop() else { break };
        (pl, pr, depth) = (l, r, d);
    }
    a
}

/// numpy's `aheapsort_` on one partition (1-based heap indexing, as in numpy).
fn numpy_heapsort<T: PartialOrd>(keys: &[T], part: &mut [usize]) {
    let less = |x: usize, y: usize| keys[x] < keys[y];
    let mut n = part.len();
    let at = |k: usize| k - 1;
    let sift = |part: &mut [usize], start: usize, n: usize, tmp: usize| {
        let (mut i, mut j) = (start, start << 1);
        while j <= n {
            if j < n && less(part[at(j)], part[at(j + 1)]) {
                j += 1;
            }
            if less(tmp, part[at(j)]) {
                part[at(i)] = part[at(j)];
                i = j;
                j += j;
            } else {
                break;
            }
        }
        part[at(i)] = tmp;
    };
    for l in (1..=n >> 1).rev() {
        let tmp = part[at(l)];
        sift(part, l, n, tmp);
    }
    while n > 1 {
        let tmp = part[at(n)];
        part[at(n)] = part[at(1)];
        n -= 1;
        sift(part, 1, n, tmp);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::ret;

    #[test]
    fn ties_come_out_in_numpys_order() {
        // Expected orders are numpy 1.24.4's `np.argsort(v, kind="quicksort")`.
        let v = [1, 4, 0, 2, 0, 3, 3, 3, 5, 3, 1, 0, 3, 0, 3, 3, 4];
        assert_eq!(numpy_argsort(&v), [2, 4, 11, 13, 0, 10, 3, 14, 5, 6, 7, 15, 9, 12, 16, 1, 8]);
        let v: Vec<u32> = (0..200).map(|i| (i * 7919) % 13).collect();
        let want = [
            0, 26, 130, 156, 117, 104, 13, 169, 91, 39, 78, 195, 52, 65, 182, 143, 98, 137, 85, 46,
            111, 72, 33, 124, 59, 150, 20, 189, 163, 7, 176, 144, 1, 53, 196, 66, 79, 183, 92, 40,
            118, 27, 170, 157, 131, 105, 14, 164, 112, 177, 73, 190, 151, 125, 60, 86, 138, 99, 8,
            47, 34, 21, 106, 28, 80, 145, 132, 158, 93, 15, 41, 184, 119, 171, 67, 54, 2, 197, 100,
            178, 165, 126, 87, 113, 9, 22, 35, 61, 48, 74, 152, 191, 139, 55, 107, 146, 3, 68, 172,
            16, 29, 120, 159, 94, 42, 133, 81, 185, 198, 140, 153, 127, 114, 101, 166, 88, 179, 75,
            36, 192, 49, 23, 62, 10, 147, 69, 134, 4, 56, 186, 82, 199, 17, 30, 43, 95, 160, 121,
            173, 108, 193, 11, 167, 180, 154, 128, 141, 24, 102, 63, 89, 37, 50, 115, 76, 44, 109,
            83, 187, 5, 161, 122, 31, 57, 18, 70, 135, 148, 174, 96, 77, 181, 194, 51, 64, 90, 103,
            142, 38, 12, 168, 25, 116, 129, 155, 175, 149, 19, 136, 71, 188, 162, 97, 32, 110, 84,
            6, 45, 123, 58,
        ];
        assert_eq!(numpy_argsort(&v), want);
        let v: Vec<u32> = (0..1000).map(|i| (i * 31) % 7).collect();
        let checksum: usize = numpy_argsort(&v).iter().enumerate().map(|(i, p)| i * p).sum();
        assert_eq!(checksum, 248_844_830);
    }

    #[test]
    fn heapsort_fallback_sorts() {
        let mut part: Vec<usize> = (0..50).collect();
        let keys: Vec<u32> = (0..50).map(|i| (i * 17) % 23).collect();
        numpy_heapsort(&keys, &mut part);
        assert!(part.windows(2).all(|w| keys[w[0]] <= keys[w[1]]));
    }

    #[test]
    fn first_and_last_episodes_skip_unreadable_dates_and_keep_the_first_of_equals() {
        // Rows: 0 open from 01/06/2020; 1 from 01/01/2020; 2 from 01/06/2020 again; 3 unreadable.
        let r =
            ret(&[("Episodes", "CHILD,DECOM\n1,01/06/2020\n1,01/01/2020\n1,01/06/2020\n1,bad\n")]);
        let eps = &r.tables.episodes.rows;
        assert_eq!(first_by_decom(eps.iter()).map(|e| e.loc.row), Some(1));
        assert_eq!(last_by_decom(eps.iter()).map(|e| e.loc.row), Some(0));
        // `Ctx::episodes_by_decom` order: by date, unreadable last, file order among equals.
        let sorted = crate::context::ByChild::sorted(eps, |a, b| {
            nat_last(a.decom.strict(), b.decom.strict())
        });
        assert_eq!(sorted.get("1").map(|e| e.loc.row).collect::<Vec<_>>(), [1, 0, 2, 3]);
        assert_eq!(first_by_decom(eps[3..].iter()), None);
    }
}
