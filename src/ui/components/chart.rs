//! A grouped bar chart drawn as SVG from `core::search::chart`'s geometry: themed by CSS
//! (readable in dark mode and in print), each bar focusable with its number as its name,
//! and a table with the same numbers for screen readers and copying.

use crate::core::search::{grouped_bar_chart, ChartSpec};
use leptos::prelude::*;

/// Bars for `values[group][series]`; clicking a bar follows `href(group, series)`.
#[component]
pub fn GroupedBars(
    /// Accessible title of the chart.
    title: String,
    /// What the groups are (the table's corner heading, e.g. "Text").
    groups_title: String,
    /// One label per group (x axis).
    groups: Vec<String>,
    /// One label per series (legend), with its CSS class.
    series: Vec<(String, String)>,
    /// The values.
    values: Vec<Vec<usize>>,
    /// Where each bar leads.
    hrefs: Vec<Vec<String>>,
) -> impl IntoView {
    let spec = ChartSpec {
        width: 760.0,
        height: 320.0,
        margin: [16.0, 8.0, 64.0, 36.0],
        ..ChartSpec::default()
    };
    let as_f64: Vec<Vec<f64>> = values
        .iter()
        .map(|g| g.iter().map(|v| *v as f64).collect())
        .collect();
    let chart = grouped_bar_chart(&as_f64, &spec);
    let plot = chart.plot;
    view! {
        <figure class="chart">
            // On a phone the chart keeps a legible size and scrolls sideways in its box.
            <div class="chart-scroll">
            <svg viewBox=format!("0 0 {} {}", spec.width, spec.height) role="group" aria-label=title.clone()>
                {chart.ticks.iter().map(|t| view! {
                    <g class="tick">
                        <line x1=plot.x x2=plot.x + plot.width y1=t.y y2=t.y/>
                        <text x=plot.x - 6.0 y=t.y + 4.0 text-anchor="end">{t.label.clone()}</text>
                    </g>
                }).collect_view()}
                {chart.bars.iter().map(|b| {
                    let label = format!("{} · {}: {}", groups[b.group], series[b.series].0, b.value);
                    let href = hrefs[b.group][b.series].clone();
                    let href2 = href.clone();
                    // SVG has no HTML links in Leptos' view!, so a focusable group acts as one.
                    view! {
                        <g class="bar-link" role="link" tabindex="0" aria-label=label data-href=href.clone()
                            on:click=move |_| crate::ui::browser::set_hash(&href)
                            on:keydown=move |ev| if ev.key() == "Enter" { crate::ui::browser::set_hash(&href2) }>
                            <rect class=format!("bar {}", series[b.series].1) x=b.rect.x y=b.rect.y width=b.rect.width height=b.rect.height.max(0.5)/>
                            <text class="bar-tip" x=b.rect.x + b.rect.width / 2.0 y=b.rect.y - 4.0 text-anchor="middle">{b.value}</text>
                        </g>
                    }
                }).collect_view()}
                {chart.groups.iter().map(|g| view! {
                    <text class="group-label" x=g.center y=plot.y + plot.height + 18.0 text-anchor="middle">{groups[g.index].clone()}</text>
                }).collect_view()}
            </svg>
            </div>
            <figcaption>
                <ul class="chart-legend">
                    {series.iter().map(|(name, class)| view! { <li><span class=format!("swatch {class}") aria-hidden="true"></span>{name.clone()}</li> }).collect_view()}
                </ul>
            </figcaption>
            <div class="chart-scroll">
            <table class="chart-table">
                <caption>{title}</caption>
                <thead><tr><th scope="col">{groups_title}</th>{series.iter().map(|(n, _)| view! { <th scope="col">{n.clone()}</th> }).collect_view()}</tr></thead>
                <tbody>
                    {groups.iter().enumerate().map(|(g, name)| view! {
                        <tr><th scope="row">{name.clone()}</th>{values[g].iter().map(|v| view! { <td data-value=v.to_string()>{*v}</td> }).collect_view()}</tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
        </figure>
    }
}
