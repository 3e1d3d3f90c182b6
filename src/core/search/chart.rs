//! Geometry of a grouped bar chart (one group per document, one bar per series, e.g. the
//! five 五通 terms), computed here so the UI only writes `<rect>` and `<text>` elements.
//!
//! Why on the host: the arithmetic (scales, nice ticks, gaps) is where charts go wrong,
//! and it is easy to test as numbers and hard to test as pixels.

use serde::{Deserialize, Serialize};

/// A rectangle in SVG user units (y grows downwards).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// The size and spacing of the chart.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// The whole SVG (`viewBox="0 0 width height"`).
    pub width: f64,
    pub height: f64,
    /// Room for the axis labels: top, right, bottom, left.
    pub margin: [f64; 4],
    /// Share of each group's slot left empty between groups (0..1).
    pub group_gap: f64,
    /// Share of each bar's slot left empty between bars of a group (0..1).
    pub bar_gap: f64,
    /// About how many axis intervals to draw.
    pub ticks: usize,
    /// Values are counts: no tick between two integers.
    pub integer: bool,
}

impl Default for ChartSpec {
    fn default() -> Self {
        ChartSpec {
            width: 640.0,
            height: 320.0,
            margin: [12.0, 8.0, 48.0, 40.0],
            group_gap: 0.25,
            bar_gap: 0.1,
            ticks: 5,
            integer: true,
        }
    }
}

/// One bar.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    pub group: usize,
    pub series: usize,
    pub value: f64,
    pub rect: Rect,
}

/// A horizontal grid line / axis label.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    pub value: f64,
    /// Where the line is drawn.
    pub y: f64,
    pub label: String,
}

/// The horizontal slot of one group, for its label.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Group {
    pub index: usize,
    pub x: f64,
    pub width: f64,
    /// The middle of the slot (`text-anchor="middle"`).
    pub center: f64,
}

/// Everything the UI draws.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BarChart {
    /// The plotting area inside the margins; the baseline is `plot.y + plot.height`.
    pub plot: Rect,
    /// The value at the top of the axis (the last tick).
    pub axis_max: f64,
    pub ticks: Vec<Tick>,
    pub groups: Vec<Group>,
    /// Group by group, series by series; zero values give zero-height bars.
    pub bars: Vec<Bar>,
}

/// Rounds to 1/100 of a unit, so the SVG text is short and stable.
fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// Tick values from 0 to a "nice" maximum ≥ `max`, about `target` intervals, with steps of
/// 1, 2 or 5 × 10ⁿ (at least 1 when `integer`). An empty or zero range gives `[0, 1]`.
pub fn nice_ticks(max: f64, target: usize, integer: bool) -> Vec<f64> {
    let max = if max.is_finite() && max > 0.0 {
        max
    } else {
        0.0
    };
    if max == 0.0 {
        return vec![0.0, 1.0];
    }
    let raw = max / target.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    let residual = raw / magnitude;
    let nice = if residual <= 1.0 {
        1.0
    } else if residual <= 2.0 {
        2.0
    } else if residual <= 5.0 {
        5.0
    } else {
        10.0
    };
    let mut step = nice * magnitude;
    if integer && step < 1.0 {
        step = 1.0;
    }
    let n = (max / step - 1e-9).ceil().max(1.0) as usize;
    (0..=n)
        .map(|i| (i as f64 * step * 1e9).round() / 1e9)
        .collect()
}

/// Formats a tick value: integers without decimals, others with up to two.
fn label(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Lays out `values[group][series]` (groups may have different numbers of series; the
/// widest sets the bar width).
pub fn grouped_bar_chart(values: &[Vec<f64>], spec: &ChartSpec) -> BarChart {
    let [top, right, bottom, left] = spec.margin;
    let plot = Rect {
        x: left,
        y: top,
        width: (spec.width - left - right).max(0.0),
        height: (spec.height - top - bottom).max(0.0),
    };
    let max = values
        .iter()
        .flatten()
        .copied()
        .filter(|v| v.is_finite())
        .fold(0.0, f64::max);
    let tick_values = nice_ticks(max, spec.ticks, spec.integer);
    let axis_max = *tick_values.last().unwrap_or(&1.0);
    let baseline = plot.y + plot.height;
    let scale = |v: f64| plot.height * (v.clamp(0.0, axis_max) / axis_max);
    let ticks = tick_values
        .iter()
        .map(|&v| Tick {
            value: v,
            y: round2(baseline - scale(v)),
            label: label(v),
        })
        .collect();
    let slot = if values.is_empty() {
        0.0
    } else {
        plot.width / values.len() as f64
    };
    let series = values.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let inner = slot * (1.0 - spec.group_gap.clamp(0.0, 0.95));
    let bar_slot = inner / series as f64;
    let bar_width = bar_slot * (1.0 - spec.bar_gap.clamp(0.0, 0.95));
    let mut groups = Vec::with_capacity(values.len());
    let mut bars = Vec::new();
    for (g, row) in values.iter().enumerate() {
        let x = plot.x + slot * g as f64;
        groups.push(Group {
            index: g,
            x: round2(x),
            width: round2(slot),
            center: round2(x + slot / 2.0),
        });
        let first = x + (slot - inner) / 2.0;
        for (s, &v) in row.iter().enumerate() {
            let v = if v.is_finite() { v } else { 0.0 };
            let h = scale(v);
            bars.push(Bar {
                group: g,
                series: s,
                value: v,
                rect: Rect {
                    x: round2(first + bar_slot * s as f64 + (bar_slot - bar_width) / 2.0),
                    y: round2(baseline - h),
                    width: round2(bar_width),
                    height: round2(h),
                },
            });
        }
    }
    BarChart {
        plot,
        axis_max,
        ticks,
        groups,
        bars,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nice_ticks_use_1_2_5_steps() {
        assert_eq!(nice_ticks(0.0, 5, true), [0.0, 1.0]);
        assert_eq!(nice_ticks(3.0, 5, true), [0.0, 1.0, 2.0, 3.0]);
        assert_eq!(nice_ticks(10.0, 5, true), [0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(
            nice_ticks(23.0, 5, true),
            [0.0, 5.0, 10.0, 15.0, 20.0, 25.0]
        );
        assert_eq!(nice_ticks(87.0, 4, true), [0.0, 50.0, 100.0]);
        assert_eq!(nice_ticks(0.9, 5, false), [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]);
        assert_eq!(nice_ticks(0.9, 5, true), [0.0, 1.0]);
        assert_eq!(nice_ticks(f64::NAN, 5, true), [0.0, 1.0]);
        assert_eq!(label(0.2), "0.2");
        assert_eq!(label(25.0), "25");
    }

    #[test]
    fn bars_sit_on_the_baseline_and_scale_to_the_axis() {
        let spec = ChartSpec {
            width: 220.0,
            height: 120.0,
            margin: [10.0, 10.0, 10.0, 10.0],
            group_gap: 0.2,
            bar_gap: 0.0,
            ticks: 5,
            integer: true,
        };
        let chart = grouped_bar_chart(&[vec![10.0, 5.0], vec![0.0, 2.5]], &spec);
        assert_eq!(
            chart.plot,
            Rect {
                x: 10.0,
                y: 10.0,
                width: 200.0,
                height: 100.0
            }
        );
        assert_eq!(chart.axis_max, 10.0);
        assert_eq!(chart.ticks.len(), 6);
        assert_eq!((chart.ticks[0].y, chart.ticks[5].y), (110.0, 10.0));
        assert_eq!(chart.ticks[1].label, "2");
        // Groups of 100 wide; bars fill 80 of them, 40 each, centred.
        assert_eq!(
            chart.groups[1],
            Group {
                index: 1,
                x: 110.0,
                width: 100.0,
                center: 160.0
            }
        );
        let r: Vec<Rect> = chart.bars.iter().map(|b| b.rect).collect();
        assert_eq!(
            r[0],
            Rect {
                x: 20.0,
                y: 10.0,
                width: 40.0,
                height: 100.0
            }
        );
        assert_eq!(
            r[1],
            Rect {
                x: 60.0,
                y: 60.0,
                width: 40.0,
                height: 50.0
            }
        );
        assert_eq!(
            r[2],
            Rect {
                x: 120.0,
                y: 110.0,
                width: 40.0,
                height: 0.0
            }
        );
        assert_eq!(
            r[3],
            Rect {
                x: 160.0,
                y: 85.0,
                width: 40.0,
                height: 25.0
            }
        );
        for b in &chart.bars {
            assert_eq!(b.rect.y + b.rect.height, 110.0, "on the baseline");
        }
    }

    #[test]
    fn empty_and_degenerate_input() {
        let chart = grouped_bar_chart(&[], &ChartSpec::default());
        assert!(chart.bars.is_empty() && chart.groups.is_empty());
        assert_eq!(chart.axis_max, 1.0);
        let chart = grouped_bar_chart(&vec![vec![0.0; 5]; 3], &ChartSpec::default());
        assert_eq!(chart.bars.len(), 15);
        assert!(chart
            .bars
            .iter()
            .all(|b| b.rect.height == 0.0 && b.rect.width > 0.0));
        let tiny = ChartSpec {
            width: 10.0,
            height: 10.0,
            ..ChartSpec::default()
        };
        let chart = grouped_bar_chart(&[vec![1.0]], &tiny);
        assert!(chart.bars[0].rect.height >= 0.0 && chart.plot.width == 0.0);
    }
}
