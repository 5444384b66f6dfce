//! The scenario graph, drawn with the painter inside an `egui::Scene`
//! (pan, zoom, fit to window). Only what is on screen is drawn; text and
//! numbers are left out when zoomed too far out to read them.

use super::WorkbenchView;
use crate::graph::layout::{COLUMN_PITCH, NODE_HEIGHT};
use crate::graph::{self, Effect, GraphEdge, NodeKind, Overlay, Route};
use crate::i18n::{Texts, fill};
use crate::scenario::model::{NodeIdx, Outcome};
use egui::epaint::CubicBezierShape;
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

/// Below this zoom, boxes carry no text and edges no numbers.
const TEXT_ZOOM: f32 = 0.4;
/// Below this zoom, edges are straight lines.
const CURVE_ZOOM: f32 = 0.12;
/// Nodes smaller than this on screen get no widget (clicks are hit-tested).
const WIDGET_MIN_HEIGHT_PX: f32 = 10.0;
/// At most this many node widgets per frame.
const MAX_NODE_WIDGETS: usize = 800;
/// Far out, the shortest on-screen segment of a long edge.
const MIN_SEGMENT_PX: f32 = 10.0;
/// Margin around the graph when fitting it to the window.
const FIT_MARGIN: f32 = 40.0;

/// Zoom at which node text reads comfortably: the first view never zooms
/// out further than this, and focusing a node zooms in to it.
pub const READABLE_ZOOM: f32 = 0.85;
/// Space kept between the start node and the left edge of the first view.
const START_MARGIN: f32 = 60.0;
/// While playing, the current node is kept at least this far (in screen
/// points) inside the edges of the view; closer, the view pans to it.
const FOLLOW_MARGIN_PX: f32 = 40.0;

/// A change of view asked for by a button, a diagnostic or opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewRequest {
    /// The first view: the whole graph if it fits at a readable zoom, else
    /// the start node at a readable zoom, centred vertically, near the
    /// left edge with the moments that follow it to its right.
    Initial,
    /// The whole graph.
    Fit,
    /// Centre on a node, zooming in to a readable size if needed.
    Focus(NodeIdx),
}

/// What the graph view remembers between frames.
#[derive(Debug, Clone)]
pub struct GraphViewState {
    /// The part of the graph shown (Scene coordinates).
    pub scene_rect: Rect,
    /// A change of view for the next frame.
    pub request: Option<ViewRequest>,
    /// The node being played that the view last followed, so it pans only
    /// when the conversation moves, never against the trainer's own panning.
    pub followed: Option<NodeIdx>,
}

impl Default for GraphViewState {
    fn default() -> Self {
        GraphViewState {
            scene_rect: Rect::ZERO,
            request: Some(ViewRequest::Initial),
            followed: None,
        }
    }
}

/// What happened in the graph this frame.
#[derive(Debug, Default)]
pub struct GraphEvents {
    /// A node was clicked.
    pub clicked: Option<NodeIdx>,
    /// The background was clicked.
    pub clicked_background: bool,
    /// A node drag ended: save the positions.
    pub drag_ended: bool,
    /// A reply's handle was dropped on a node (drag-connect).
    pub dropped_reply: Option<(super::editor::connect::ReplyHandle, NodeIdx)>,
}

/// Highlights that come from outside the graph (the session being played).
#[derive(Debug, Default, Clone, Copy)]
pub struct PlayMarks<'a> {
    /// The node the session is at.
    pub current: Option<NodeIdx>,
    /// Nodes the session went through.
    pub visited: &'a [NodeIdx],
}

fn to_pos(point: graph::Point) -> Pos2 {
    pos2(point.x, point.y)
}

fn to_rect(rect: graph::Rect) -> Rect {
    Rect::from_min_max(to_pos(rect.min), to_pos(rect.max))
}

/// Colour of a reply's edge by its effect.
pub fn effect_color(effect: Effect) -> Color32 {
    match effect {
        Effect::Caring => Color32::from_rgb(38, 150, 84),
        Effect::Neutral => Color32::from_rgb(118, 128, 148),
        Effect::Educating => Color32::from_rgb(222, 96, 48),
    }
}

/// Stroke colour of an ending by outcome.
pub fn outcome_color(outcome: Outcome) -> Color32 {
    match outcome {
        Outcome::Kept => Color32::from_rgb(46, 140, 80),
        Outcome::Neutral => Color32::from_rgb(176, 150, 50),
        Outcome::Lost => Color32::from_rgb(200, 64, 56),
    }
}

fn outcome_fill(outcome: Outcome, dark: bool) -> Color32 {
    match (outcome, dark) {
        (Outcome::Kept, false) => Color32::from_rgb(214, 241, 222),
        (Outcome::Neutral, false) => Color32::from_rgb(242, 236, 206),
        (Outcome::Lost, false) => Color32::from_rgb(248, 216, 212),
        (Outcome::Kept, true) => Color32::from_rgb(28, 74, 46),
        (Outcome::Neutral, true) => Color32::from_rgb(78, 70, 34),
        (Outcome::Lost, true) => Color32::from_rgb(92, 38, 36),
    }
}

const HEAT: Color32 = Color32::from_rgb(255, 140, 0);
const BEST: Color32 = Color32::from_rgb(40, 190, 90);
const WORST: Color32 = Color32::from_rgb(230, 50, 50);
const NEVER: Color32 = Color32::from_rgb(170, 60, 220);
const PLAYING: Color32 = Color32::from_rgb(40, 120, 240);
const SELECTED: Color32 = Color32::from_rgb(250, 190, 20);

/// Draws the graph and handles clicks and drags on it.
pub fn graph_ui(
    ui: &mut egui::Ui,
    view: &mut WorkbenchView,
    overlay: Option<&Overlay>,
    marks: PlayMarks<'_>,
    t: &Texts,
) -> GraphEvents {
    let mut events = GraphEvents::default();
    let document = &view.document;
    let bounds = to_rect(document.layout.bounds()).expand(FIT_MARGIN);
    let state = &mut view.graph_view;
    let available = ui.available_size().max(vec2(50.0, 50.0));
    let current_zoom = if state.scene_rect.is_positive() {
        (available / state.scene_rect.size()).min_elem()
    } else {
        1.0
    };
    let readable_view = |center: Pos2, zoom: f32| Rect::from_center_size(center, available / zoom);
    match state.request.take() {
        Some(ViewRequest::Fit) => state.scene_rect = bounds,
        Some(ViewRequest::Initial) => {
            let fit_zoom = (available / bounds.size()).min_elem();
            state.scene_rect = if fit_zoom >= READABLE_ZOOM {
                bounds
            } else {
                let start = document.graph.start.unwrap_or(0);
                let start_rect = to_rect(document.layout.node_rect(start));
                let view = readable_view(start_rect.center(), READABLE_ZOOM);
                view.translate(vec2(start_rect.left() - START_MARGIN - view.left(), 0.0))
            };
        }
        Some(ViewRequest::Focus(node)) => {
            let center = to_pos(document.layout.node_rect(node).center());
            state.scene_rect = readable_view(center, current_zoom.max(READABLE_ZOOM));
        }
        None if !state.scene_rect.is_positive() => state.scene_rect = bounds,
        None => {}
    }
    if marks.current != state.followed {
        state.followed = marks.current;
        if let Some(node) = marks.current
            && state.scene_rect.is_positive()
        {
            let rect = to_rect(document.layout.node_rect(node));
            state.scene_rect = follow(state.scene_rect, rect, available);
        }
    }
    let dark = ui.visuals().dark_mode;
    let stale = document.stale;
    let selected = view.selected;
    let mut drag: Option<(NodeIdx, Vec2)> = None;

    // The graph editors' convention: the wheel zooms around the pointer,
    // dragging the background pans (see the legend).
    let scene = egui::Scene::new()
        .scroll_zooms(true)
        .zoom_range(0.002..=2.5)
        .max_inner_size(bounds.size().max(vec2(100.0, 100.0)));
    let response = scene.show(ui, &mut state.scene_rect, |ui| {
        let zoom = ui
            .ctx()
            .layer_transform_to_global(ui.layer_id())
            .map_or(1.0, |t| t.scaling);
        let px = 1.0 / zoom.max(1e-4);
        let visible = ui.clip_rect();
        let painter = ui.painter().clone();
        let layout = &document.layout;
        let graph = &document.graph;
        let fade = |c: Color32| if stale { c.gamma_multiply(0.45) } else { c };
        let text_color = fade(ui.visuals().text_color());
        let show_text = zoom >= TEXT_ZOOM;
        let curves = zoom >= CURVE_ZOOM;
        // Far out, a long edge keeps one bend per few pixels, not one per
        // column: the shape reads the same at a fraction of the shapes.
        let bend_step = (MIN_SEGMENT_PX / (COLUMN_PITCH * zoom)).ceil().max(1.0) as usize;

        // ---- edges ----
        for node_index in 0..graph.nodes.len() {
            let node = &graph.nodes[node_index];
            let (first, last) = (node.edges.0 as usize, node.edges.1 as usize);
            let count = last - first;
            for e in first..last {
                let edge = &graph.edges[e];
                let back = layout.back.get(e).copied().unwrap_or(false);
                let Some(&bounds) = layout.edge_boxes.get(e) else {
                    continue;
                };
                let bounds = to_rect(bounds);
                // Loops curve underneath, further the longer they are.
                let drop = 50.0 + 0.12 * bounds.width();
                let extent = if back {
                    bounds.expand2(vec2(90.0, drop))
                } else {
                    bounds
                };
                if !extent.intersects(visible) {
                    continue;
                }
                let from_rect = to_rect(layout.node_rect(edge.from));
                let to_rect_ = to_rect(layout.node_rect(edge.to));
                let slot = (e - first + 1) as f32 / (count + 1) as f32;
                let start = pos2(
                    from_rect.right(),
                    from_rect.top() + from_rect.height() * slot,
                );
                let end = to_rect_.left_center();
                let bends = layout.bends_of(e);
                let heat = overlay.map_or(0.0, |o| o.edge_heat(e));
                let base_width = (1.6 + 4.0 * heat).max(1.2 * px);
                let color = fade(if edge.is_timeout() {
                    Color32::from_gray(140)
                } else {
                    effect_color(edge.effect)
                });
                if let Some(overlay) = overlay {
                    let underlay = |on: bool, c: Color32, width: f32| {
                        if on {
                            let stroke = Stroke::new(width.max(4.0 * px), c.gamma_multiply(0.45));
                            draw_path(
                                &painter,
                                start,
                                bends,
                                bend_step,
                                end,
                                back,
                                drop,
                                stroke,
                                curves,
                                Style::Solid,
                            );
                        }
                    };
                    underlay(overlay.never_taken[e], NEVER, 9.0);
                    underlay(overlay.on_worst[e], WORST, 9.0);
                    underlay(overlay.on_best[e], BEST, 9.0);
                }
                let style = if edge.is_timeout() {
                    Style::Dashed
                } else {
                    match edge.route {
                        Route::Direct => Style::Solid,
                        Route::Branch(_) | Route::Otherwise => Style::Dashed,
                        Route::Random { .. } => Style::Dotted,
                    }
                };
                let stroke = Stroke::new(base_width, color);
                draw_path(
                    &painter, start, bends, bend_step, end, back, drop, stroke, curves, style,
                );
                if show_text {
                    arrow_head(&painter, end, color, base_width);
                    number_label(&painter, start, edge, color, text_color, dark, t);
                }
            }
        }

        // ---- nodes ----
        let node_px = NODE_HEIGHT * zoom;
        let mut widgets = 0usize;
        let visited = marks.visited;
        for (index, node) in graph.nodes.iter().enumerate() {
            let node_idx = index as NodeIdx;
            let rect = to_rect(layout.node_rect(node_idx));
            if !rect.intersects(visible) {
                continue;
            }
            let (fill, stroke_color) = match node.kind {
                NodeKind::Decision => (
                    ui.visuals().extreme_bg_color,
                    ui.visuals().widgets.noninteractive.fg_stroke.color,
                ),
                NodeKind::Ending(outcome) => (outcome_fill(outcome, dark), outcome_color(outcome)),
            };
            let heat = overlay.map_or(0.0, |o| o.node_heat(node_idx));
            let fill = fade(lerp_color(fill, HEAT, heat * 0.75));
            let mut stroke = Stroke::new(
                (if node.is_start { 2.5_f32 } else { 1.2 }).max(px),
                fade(stroke_color),
            );
            let corner = if matches!(node.kind, NodeKind::Ending(_)) {
                18.0
            } else {
                4.0
            };
            if visited.contains(&node_idx) {
                stroke = Stroke::new(2.5_f32.max(2.0 * px), PLAYING.gamma_multiply(0.6));
            }
            if marks.current == Some(node_idx) {
                stroke = Stroke::new(4.0_f32.max(3.0 * px), PLAYING);
            }
            if let Some(overlay) = overlay {
                if overlay.best_nodes[index] {
                    painter.rect_stroke(
                        rect.expand(3.0),
                        corner,
                        Stroke::new(3.0_f32.max(2.0 * px), BEST),
                        egui::StrokeKind::Outside,
                    );
                } else if overlay.worst_nodes[index] {
                    painter.rect_stroke(
                        rect.expand(3.0),
                        corner,
                        Stroke::new(3.0_f32.max(2.0 * px), WORST),
                        egui::StrokeKind::Outside,
                    );
                }
            }
            painter.rect(rect, corner, fill, stroke, egui::StrokeKind::Inside);
            if selected == Some(node_idx) {
                painter.rect_stroke(
                    rect.expand(2.0),
                    corner + 2.0,
                    Stroke::new(5.0_f32.max(3.0 * px), SELECTED),
                    egui::StrokeKind::Outside,
                );
            }
            if node.is_start {
                let tip = rect.left_center();
                painter.add(Shape::convex_polygon(
                    vec![
                        tip + vec2(-14.0, -9.0),
                        tip + vec2(-2.0, 0.0),
                        tip + vec2(-14.0, 9.0),
                    ],
                    fade(stroke_color),
                    Stroke::NONE,
                ));
            }
            if let Some(severity) = document.node_problems.get(index).copied().flatten() {
                let color = match severity {
                    crate::diagnostic::Severity::Error => Color32::from_rgb(210, 40, 40),
                    crate::diagnostic::Severity::Warning => Color32::from_rgb(220, 160, 20),
                };
                let center = rect.right_top() + vec2(-2.0, 2.0);
                painter.circle_filled(center, 9.0_f32.max(3.0 * px), color);
                if show_text {
                    painter.text(
                        center,
                        Align2::CENTER_CENTER,
                        "!",
                        FontId::proportional(12.0),
                        Color32::WHITE,
                    );
                }
            }
            if show_text {
                let inner = rect.shrink2(vec2(8.0, 5.0));
                painter.text(
                    inner.left_top(),
                    Align2::LEFT_TOP,
                    &node.id,
                    FontId::monospace(11.5),
                    text_color.gamma_multiply(0.8),
                );
                let galley = painter.layout(
                    node.label.clone(),
                    FontId::proportional(14.0),
                    text_color,
                    inner.width(),
                );
                let clip = painter.clip_rect().intersect(inner);
                painter.with_clip_rect(clip).galley(
                    inner.left_top() + vec2(0.0, 15.0),
                    galley,
                    text_color,
                );
                if let Some(overlay) = overlay {
                    let hits = overlay.node_hits[index];
                    painter.text(
                        rect.right_bottom() + vec2(-6.0, -4.0),
                        Align2::RIGHT_BOTTOM,
                        hits.to_string(),
                        FontId::proportional(10.0),
                        text_color,
                    );
                }
            }
            if node_px >= WIDGET_MIN_HEIGHT_PX && widgets < MAX_NODE_WIDGETS {
                widgets += 1;
                let id = ui.scope_id().with(("workbench-node", index));
                let response = ui.interact(rect, id, Sense::click_and_drag());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        fill_id(t.wb_node_a11y, &node.id),
                    )
                });
                if response.clicked() {
                    events.clicked = Some(node_idx);
                }
                if let Some(handle) = super::editor::connect::dropped_on(&response) {
                    events.dropped_reply = Some((handle, node_idx));
                }
                if response.dragged() && !stale {
                    drag = Some((node_idx, response.drag_delta()));
                }
                if response.drag_stopped() {
                    events.drag_ended = true;
                }
                if response.hovered() {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::PointingHand);
                }
            }
        }
        if stale {
            let banner = visible.center_top() + vec2(0.0, 12.0 * px);
            painter.text(
                banner,
                Align2::CENTER_TOP,
                t.wb_stale_badge,
                FontId::proportional(22.0 * px),
                Color32::from_rgb(210, 40, 40),
            );
        }
        (widgets, zoom)
    });

    let (widgets, _zoom) = response.inner;
    if let Some((node, delta)) = drag {
        let center = view.document.layout.centers[node as usize];
        view.document.move_node(
            node,
            graph::Point::new(center.x + delta.x, center.y + delta.y),
        );
    }
    if response.response.clicked() {
        // Too far out for node widgets: find the node under the pointer.
        let hit = if widgets == 0 {
            response.response.interact_pointer_pos().and_then(|pos| {
                (0..view.document.graph.nodes.len() as NodeIdx)
                    .find(|&n| to_rect(view.document.layout.node_rect(n)).contains(pos))
            })
        } else {
            None
        };
        match hit {
            Some(node) => events.clicked = Some(node),
            None => events.clicked_background = true,
        }
    }
    events
}

/// The view that keeps `node` (scene coordinates) in sight: `view` as it
/// is when the node is well inside it, else the same zoom centred on the
/// node.
pub fn follow(view: Rect, node: Rect, available: Vec2) -> Rect {
    let zoom = (available / view.size()).min_elem().max(1e-6);
    let margin = FOLLOW_MARGIN_PX / zoom;
    if view.shrink(margin).contains_rect(node) {
        view
    } else {
        Rect::from_center_size(node.center(), view.size())
    }
}

fn fill_id(template: &str, id: &str) -> String {
    fill(template, &[("id", id)])
}

#[derive(Clone, Copy, PartialEq)]
enum Style {
    Solid,
    Dashed,
    Dotted,
}

#[allow(clippy::too_many_arguments)]
fn draw_path(
    painter: &egui::Painter,
    start: Pos2,
    bends: &[graph::Point],
    bend_step: usize,
    end: Pos2,
    back: bool,
    drop: f32,
    stroke: Stroke,
    curves: bool,
    style: Style,
) {
    if back {
        let bezier = CubicBezierShape::from_points_stroke(
            [
                start,
                start + vec2(90.0, drop),
                end + vec2(-90.0, drop),
                end,
            ],
            false,
            Color32::TRANSPARENT,
            stroke,
        );
        stroke_curve(painter, bezier, stroke, style);
        return;
    }
    let mut previous = start;
    let points = bends
        .iter()
        .step_by(bend_step)
        .map(|b| to_pos(*b))
        .chain(std::iter::once(end));
    for point in points {
        if curves {
            let dx = ((point.x - previous.x) * 0.5).max(20.0);
            let bezier = CubicBezierShape::from_points_stroke(
                [
                    previous,
                    previous + vec2(dx, 0.0),
                    point - vec2(dx, 0.0),
                    point,
                ],
                false,
                Color32::TRANSPARENT,
                stroke,
            );
            stroke_curve(painter, bezier, stroke, style);
        } else {
            painter.line_segment([previous, point], stroke);
        }
        previous = point;
    }
}

fn stroke_curve(painter: &egui::Painter, bezier: CubicBezierShape, stroke: Stroke, style: Style) {
    match style {
        Style::Solid => {
            painter.add(bezier);
        }
        Style::Dashed => {
            let points = bezier.flatten(Some(1.0));
            painter.extend(Shape::dashed_line(&points, stroke, 9.0, 6.0));
        }
        Style::Dotted => {
            let points = bezier.flatten(Some(1.0));
            painter.extend(Shape::dotted_line(
                &points,
                stroke.color,
                7.0,
                stroke.width * 0.9,
            ));
        }
    }
}

fn arrow_head(painter: &egui::Painter, tip: Pos2, color: Color32, width: f32) {
    let size = 6.0 + width;
    painter.add(Shape::convex_polygon(
        vec![
            tip + vec2(-size, -size * 0.55),
            tip,
            tip + vec2(-size, size * 0.55),
        ],
        color,
        Stroke::NONE,
    ));
}

#[allow(clippy::too_many_arguments)]
fn number_label(
    painter: &egui::Painter,
    start: Pos2,
    edge: &GraphEdge,
    color: Color32,
    text_color: Color32,
    dark: bool,
    t: &Texts,
) {
    let center = start + vec2(13.0, 0.0);
    let label = if edge.is_timeout() {
        "T".to_string()
    } else {
        edge.number.to_string()
    };
    if edge.gated {
        let background = if dark {
            Color32::from_gray(30)
        } else {
            Color32::WHITE
        };
        painter.circle(center, 8.0, background, Stroke::new(1.5, color));
        painter.text(
            center,
            Align2::CENTER_CENTER,
            label,
            FontId::proportional(10.0),
            color,
        );
    } else {
        painter.circle_filled(center, 8.0, color);
        painter.text(
            center,
            Align2::CENTER_CENTER,
            label,
            FontId::proportional(10.0),
            Color32::WHITE,
        );
    }
    let note = match edge.route {
        Route::Random { weight, total } => Some(format!("{weight}/{total}")),
        Route::Branch(branch) => Some(format!("{} {}", t.wb_route_if, branch + 1)),
        Route::Otherwise => Some(t.wb_route_otherwise.to_string()),
        Route::Direct => None,
    };
    if let Some(note) = note {
        painter.text(
            center + vec2(11.0, -2.0),
            Align2::LEFT_BOTTOM,
            note,
            FontId::proportional(9.0),
            text_color,
        );
    }
}

fn lerp_color(a: Color32, b: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let mix = |x: u8, y: u8| (f32::from(x) + (f32::from(y) - f32::from(x)) * t).round() as u8;
    Color32::from_rgb(mix(a.r(), b.r()), mix(a.g(), b.g()), mix(a.b(), b.b()))
}
