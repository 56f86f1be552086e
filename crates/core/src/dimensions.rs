//! The five first-level dimensions of the SMART model (2021) and their published weights.
//! The full 52-indicator framework, loaded as data, replaces this table with the self-check engine.

use crate::messages::Msg;

/// A first-level dimension: its stable code, its published weight in percent, and its name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dimension {
    pub code: &'static str,
    pub weight_percent: u8,
    pub name: Msg,
}

pub const SMART_2021: [Dimension; 5] = [
    Dimension {
        code: "T",
        weight_percent: 10,
        name: Msg::DimensionT,
    },
    Dimension {
        code: "R",
        weight_percent: 15,
        name: Msg::DimensionR,
    },
    Dimension {
        code: "A",
        weight_percent: 25,
        name: Msg::DimensionA,
    },
    Dimension {
        code: "M",
        weight_percent: 20,
        name: Msg::DimensionM,
    },
    Dimension {
        code: "S",
        weight_percent: 30,
        name: Msg::DimensionS,
    },
];

#[cfg(test)]
mod tests {
    #[test]
    fn published_weights_sum_to_one_hundred() {
        assert_eq!(
            super::SMART_2021
                .iter()
                .map(|d| u32::from(d.weight_percent))
                .sum::<u32>(),
            100
        );
    }
}
