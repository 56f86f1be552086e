//! Satisfaction from citizen ratings, defined once for the self-check (indicator S2.3) and the
//! collector's summaries: 0..100 = mean of (score - 1) x 25, with the number of ratings used.

use crate::Score;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Satisfaction {
    /// 0..100.
    pub score: f64,
    pub count: usize,
}

/// `None` when there are no ratings: no ratings is not zero satisfaction.
pub fn satisfaction(scores: impl IntoIterator<Item = Score>) -> Option<Satisfaction> {
    let (sum, count) = scores
        .into_iter()
        .fold((0u64, 0usize), |(sum, count), score| (sum + u64::from(score.get() - 1) * 25, count + 1));
    (count > 0).then(|| Satisfaction { score: sum as f64 / count as f64, count })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_one_to_five_onto_zero_to_one_hundred() {
        let scores = |list: &[u8]| list.iter().map(|&s| Score::new(s).unwrap()).collect::<Vec<_>>();
        assert_eq!(satisfaction(scores(&[5])), Some(Satisfaction { score: 100.0, count: 1 }));
        assert_eq!(satisfaction(scores(&[1])), Some(Satisfaction { score: 0.0, count: 1 }));
        assert_eq!(satisfaction(scores(&[5, 4, 2])), Some(Satisfaction { score: 200.0 / 3.0, count: 3 }));
        assert_eq!(satisfaction(Vec::new()), None);
    }
}
