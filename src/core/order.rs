//! One sort for the whole app, to keep the wasm small.
//!
//! Every `slice::sort_by` (or `sort_by_key`, `sort`, …) call with its own element and
//! closure type compiles its own copy of the standard library's sort: 2–5 KB of wasm
//! each, about 110 KB over the app's twenty call sites (measured with `twiggy top` on
//! the release build). These functions sort a list of positions through a single
//! `dyn` comparator, so the standard sort is compiled once; what is left per call site
//! is a few lines that move the elements into their new order. Like the standard
//! `sort_by`, the order is stable: equal elements keep their relative order.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let order = {
        let view: &[T] = items;
        sorted_positions(view.len(), &mut |a, b| compare(&view[a], &view[b]))
    };
    permute(items, order);
}

/// Sorts `items` by the key `key` gives each (computed on every comparison), stably.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` by the key `key` gives each, computing every key once, stably.
pub fn sort_by_cached_key<T, K: Ord>(items: &mut [T], key: impl FnMut(&T) -> K) {
    if items.len() < 2 {
        return;
    }
    let keys: Vec<K> = items.iter().map(key).collect();
    let order = sorted_positions(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
    permute(items, order);
}

/// Sorts `items` into ascending order, stably.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, |a, b| a.cmp(b));
}

/// The positions `0..len` in the order `compare` (which compares two positions) puts
/// them: the one place the standard sort is instantiated.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that `items[i]` becomes the old `items[order[i]]`, by following
/// each cycle of the permutation with swaps. `order` must be a permutation of
/// `0..items.len()`, as [`sorted_positions`] returns.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut current = start;
        // A position whose entry points at itself is in place (or was placed by an
        // earlier cycle, which marks the positions it fills).
        while order[current] != current {
            let source = order[current];
            order[current] = current;
            if source == start {
                break;
            }
            items.swap(current, source);
            current = source;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_and_keeps_equal_elements_in_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (2, 'd'), (1, 'e')];
        sort_by_key(&mut v, |x| x.0);
        assert_eq!(v, vec![(1, 'b'), (1, 'e'), (2, 'd'), (3, 'a'), (3, 'c')]);
    }

    #[test]
    fn cached_keys_are_computed_once_each() {
        let mut calls = 0;
        let mut v = vec!["ccc", "a", "bb", "dddd", ""];
        sort_by_cached_key(&mut v, |s| {
            calls += 1;
            std::cmp::Reverse(s.len())
        });
        assert_eq!(v, vec!["dddd", "ccc", "bb", "a", ""]);
        assert_eq!(calls, 5);
    }

    #[test]
    fn empty_and_single_lists_are_left_alone() {
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![String::from("x")];
        sort(&mut one);
        assert_eq!(one, ["x"]);
    }

    proptest! {
        #[test]
        fn agrees_with_the_standard_stable_sort(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            let mut theirs = v;
            theirs.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, theirs);
        }

        #[test]
        fn sorts_owned_strings_like_the_standard_sort(v in proptest::collection::vec(".{0,4}", 0..60)) {
            let mut ours = v.clone();
            sort(&mut ours);
            let mut theirs = v;
            theirs.sort();
            prop_assert_eq!(ours, theirs);
        }
    }
}
