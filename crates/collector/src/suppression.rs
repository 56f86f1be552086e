//! Complementary suppression: a published total minus the parts shown beside it must not give a
//! hidden part away. Used by the summary (periods under a service's total, days under their
//! month, channels under a service) and by the loop's figures.

/// Hides more cells of a partition whose total is published: while the hidden parts together
/// hold fewer than `min_cell` (but some), the smallest shown part is hidden too, since the total
/// minus the shown parts would give the hidden ones away. `parts` are (count, hidden); returns
/// whether anything more was hidden.
pub fn protect(parts: &mut [(u32, bool)], min_cell: u32) -> bool {
    let mut changed = false;
    loop {
        let hidden: u32 = parts.iter().filter(|(_, suppressed)| *suppressed).map(|(count, _)| count).sum();
        if hidden == 0 || hidden >= min_cell {
            return changed;
        }
        let Some(smallest) = parts.iter_mut().filter(|(_, suppressed)| !*suppressed).min_by_key(|(count, _)| *count)
        else {
            return changed;
        };
        smallest.1 = true;
        changed = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn protecting_hides_the_smallest_shown_parts_until_the_hidden_hold_k() {
        let mut parts = [(1, true), (3, false), (2, false), (9, false)];
        assert!(protect(&mut parts, 5));
        assert_eq!(parts, [(1, true), (3, true), (2, true), (9, false)], "1, then 1+2, then 1+2+3 ≥ 5");
        let mut fine = [(0, false), (5, true), (7, false)];
        assert!(!protect(&mut fine, 5), "the hidden already hold k");
        let mut nothing_hidden = [(6, false), (7, false)];
        assert!(!protect(&mut nothing_hidden, 5));
    }
}
