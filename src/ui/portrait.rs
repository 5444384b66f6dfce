//! The customer's face, drawn with egui's painter. Every feature is a
//! continuous function of the mood, interpolated between five key
//! expressions (furious, upset, neutral, pleased, delighted), so the face
//! changes smoothly as the mood animates from one value to another.

use egui::epaint::{Mesh, PathShape, QuadraticBezierShape};
use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Vec2, pos2, vec2};

/// One key expression; the face between two keys is a blend of both.
#[derive(Debug, Clone, Copy)]
struct Expression {
    /// Mood (0–100) at which the expression is exact.
    mood: f32,
    /// Vertical offset of the brows' inner ends (radius units, + is down).
    brow_inner: f32,
    /// Vertical offset of the brows' outer ends.
    brow_outer: f32,
    /// Mouth curvature: + smile, − frown (radius units).
    mouth_curve: f32,
    /// Mouth width (radius units).
    mouth_width: f32,
    /// How far the mouth opens (radius units).
    mouth_open: f32,
    /// How open the eyes are (1 normal).
    eye_open: f32,
    /// 0–1: eyes closed in a smile (^ ^).
    happy_eyes: f32,
    /// 0–1: red anger flush over the face.
    flush: f32,
    /// 0–1: pink cheeks.
    blush: f32,
    /// 0–1: anger mark on the forehead.
    anger: f32,
    /// 0–1: a drop of sweat (worry).
    sweat: f32,
    /// 0–1: teeth shown in the open mouth.
    teeth: f32,
}

const KEYS: [Expression; 5] = [
    Expression {
        mood: 10.0,
        brow_inner: 0.13,
        brow_outer: -0.10,
        mouth_curve: -0.20,
        mouth_width: 0.56,
        mouth_open: 0.10,
        eye_open: 0.55,
        happy_eyes: 0.0,
        flush: 0.55,
        blush: 0.0,
        anger: 1.0,
        sweat: 0.0,
        teeth: 1.0,
    },
    Expression {
        mood: 30.0,
        brow_inner: -0.09,
        brow_outer: 0.03,
        mouth_curve: -0.12,
        mouth_width: 0.40,
        mouth_open: 0.0,
        eye_open: 0.9,
        happy_eyes: 0.0,
        flush: 0.12,
        blush: 0.0,
        anger: 0.0,
        sweat: 1.0,
        teeth: 0.0,
    },
    Expression {
        mood: 50.0,
        brow_inner: 0.0,
        brow_outer: 0.0,
        mouth_curve: 0.0,
        mouth_width: 0.36,
        mouth_open: 0.0,
        eye_open: 1.0,
        happy_eyes: 0.0,
        flush: 0.0,
        blush: 0.0,
        anger: 0.0,
        sweat: 0.0,
        teeth: 0.0,
    },
    Expression {
        mood: 70.0,
        brow_inner: -0.04,
        brow_outer: -0.04,
        mouth_curve: 0.13,
        mouth_width: 0.46,
        mouth_open: 0.0,
        eye_open: 1.0,
        happy_eyes: 0.0,
        flush: 0.0,
        blush: 0.35,
        anger: 0.0,
        sweat: 0.0,
        teeth: 0.0,
    },
    Expression {
        mood: 90.0,
        brow_inner: -0.10,
        brow_outer: -0.09,
        mouth_curve: 0.22,
        mouth_width: 0.56,
        mouth_open: 0.17,
        eye_open: 1.0,
        happy_eyes: 1.0,
        flush: 0.0,
        blush: 0.7,
        anger: 0.0,
        sweat: 0.0,
        teeth: 1.0,
    },
];

fn lerp(a: f32, b: f32, t: f32) -> f32 {
    a + (b - a) * t
}

/// The expression at a mood, blended between the two nearest keys.
fn expression_at(mood: f32) -> Expression {
    let mood = mood.clamp(0.0, 100.0);
    let Some(upper) = KEYS.iter().position(|k| k.mood >= mood) else {
        return KEYS[KEYS.len() - 1];
    };
    if upper == 0 {
        return KEYS[0];
    }
    let (a, b) = (KEYS[upper - 1], KEYS[upper]);
    let t = (mood - a.mood) / (b.mood - a.mood);
    Expression {
        mood,
        brow_inner: lerp(a.brow_inner, b.brow_inner, t),
        brow_outer: lerp(a.brow_outer, b.brow_outer, t),
        mouth_curve: lerp(a.mouth_curve, b.mouth_curve, t),
        mouth_width: lerp(a.mouth_width, b.mouth_width, t),
        mouth_open: lerp(a.mouth_open, b.mouth_open, t),
        eye_open: lerp(a.eye_open, b.eye_open, t),
        happy_eyes: lerp(a.happy_eyes, b.happy_eyes, t),
        flush: lerp(a.flush, b.flush, t),
        blush: lerp(a.blush, b.blush, t),
        anger: lerp(a.anger, b.anger, t),
        sweat: lerp(a.sweat, b.sweat, t),
        teeth: lerp(a.teeth, b.teeth, t),
    }
}

/// How a customer looks (skin, hair, clothes), picked from their name so
/// the same customer always looks the same.
#[derive(Debug, Clone, Copy)]
pub struct Looks {
    skin: Color32,
    hair: Color32,
    shirt: Color32,
    long_hair: bool,
}

impl Looks {
    /// Looks derived from a name.
    pub fn of(name: &str) -> Looks {
        // Stable across runs and platforms, unlike `DefaultHasher`.
        let hash = crate::hash::fnv1a(name.as_bytes());
        const SKINS: [Color32; 5] = [
            Color32::from_rgb(0xf6, 0xd5, 0xb8),
            Color32::from_rgb(0xe8, 0xbe, 0x96),
            Color32::from_rgb(0xd0, 0x9b, 0x6e),
            Color32::from_rgb(0xa8, 0x72, 0x4a),
            Color32::from_rgb(0x7a, 0x4f, 0x33),
        ];
        const HAIRS: [Color32; 5] = [
            Color32::from_rgb(0x2b, 0x1e, 0x16),
            Color32::from_rgb(0x5a, 0x3a, 0x22),
            Color32::from_rgb(0x9b, 0x6b, 0x3c),
            Color32::from_rgb(0x8a, 0x8a, 0x8a),
            Color32::from_rgb(0x1a, 0x1a, 0x1a),
        ];
        const SHIRTS: [Color32; 5] = [
            Color32::from_rgb(0x3f, 0x6e, 0x9e),
            Color32::from_rgb(0x6d, 0x8b, 0x4e),
            Color32::from_rgb(0x8e, 0x4f, 0x6e),
            Color32::from_rgb(0xb0, 0x7a, 0x2e),
            Color32::from_rgb(0x4e, 0x5a, 0x65),
        ];
        let skin = (hash % 5) as usize;
        // Dark skin with mid-brown hair reads as a shadow: keep hair darker
        // or grey there.
        let hair = match ((hash >> 8) % 5) as usize {
            1 | 2 if skin >= 3 => [0, 3, 4][((hash >> 12) % 3) as usize],
            other => other,
        };
        Looks {
            skin: SKINS[skin],
            hair: HAIRS[hair],
            shirt: SHIRTS[((hash >> 16) % 5) as usize],
            long_hair: (hash >> 24).is_multiple_of(2),
        }
    }
}

/// Background colour behind the face: warm red when furious, grey when
/// neutral, green-gold when delighted.
fn backdrop(mood: f32) -> Color32 {
    let stops = [
        (0.0, Color32::from_rgb(0xf2, 0xb8, 0xb0)),
        (50.0, Color32::from_rgb(0xdd, 0xe2, 0xe8)),
        (100.0, Color32::from_rgb(0xcf, 0xea, 0xc4)),
    ];
    let mood = mood.clamp(0.0, 100.0);
    let (a, b) = if mood <= 50.0 {
        (stops[0], stops[1])
    } else {
        (stops[1], stops[2])
    };
    blend(a.1, b.1, (mood - a.0) / (b.0 - a.0))
}

fn blend(a: Color32, b: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let mix = |x: u8, y: u8| lerp(f32::from(x), f32::from(y), t).round() as u8;
    Color32::from_rgba_unmultiplied(
        mix(a.r(), b.r()),
        mix(a.g(), b.g()),
        mix(a.b(), b.b()),
        mix(a.a(), b.a()),
    )
}

fn faded(color: Color32, alpha: f32) -> Color32 {
    color.gamma_multiply(alpha.clamp(0.0, 1.0))
}

/// Points of a quadratic curve from `a` to `b` that passes through `mid`
/// at its half-way point.
fn curve_through(a: Pos2, mid: Pos2, b: Pos2, steps: usize) -> Vec<Pos2> {
    let control = pos2(
        2.0 * mid.x - (a.x + b.x) / 2.0,
        2.0 * mid.y - (a.y + b.y) / 2.0,
    );
    (0..=steps)
        .map(|i| {
            let t = i as f32 / steps as f32;
            let u = 1.0 - t;
            pos2(
                u * u * a.x + 2.0 * u * t * control.x + t * t * b.x,
                u * u * a.y + 2.0 * u * t * control.y + t * t * b.y,
            )
        })
        .collect()
}

/// Fills the area between two curves with the same number of points (a
/// triangle strip, so the area need not be convex).
fn fill_between(top: &[Pos2], bottom: &[Pos2], color: Color32) -> Shape {
    let mut mesh = Mesh::default();
    for (t, b) in top.iter().zip(bottom) {
        mesh.colored_vertex(*t, color);
        mesh.colored_vertex(*b, color);
    }
    let pairs = top.len().min(bottom.len()) as u32;
    for i in 0..pairs.saturating_sub(1) {
        let (t0, b0, t1, b1) = (2 * i, 2 * i + 1, 2 * i + 2, 2 * i + 3);
        mesh.add_triangle(t0, b0, t1);
        mesh.add_triangle(b0, b1, t1);
    }
    Shape::mesh(mesh)
}

/// Draws the face for `mood` (0–100) in `rect`.
pub fn paint_face(painter: &egui::Painter, rect: Rect, mood: f32, looks: Looks) {
    let e = expression_at(mood);
    let center = rect.center();
    let size = rect.width().min(rect.height());
    let r = size * 0.30;
    let head = center + vec2(0.0, -size * 0.06);
    let clip = painter.with_clip_rect(rect);

    clip.rect_filled(rect, 14.0, backdrop(mood));

    // Shoulders: a large circle whose top shows below the head.
    clip.circle_filled(head + vec2(0.0, r * 2.55), r * 1.55, looks.shirt);
    clip.circle_filled(head + vec2(0.0, r * 1.05), r * 0.32, looks.skin);

    // Hair behind the head.
    if looks.long_hair {
        let hair_rect = Rect::from_center_size(head + vec2(0.0, r * 0.35), vec2(r * 2.3, r * 2.4));
        clip.rect_filled(hair_rect, r * 0.9, looks.hair);
    }

    // Head, with the anger flush on top of the skin.
    clip.circle_filled(head, r, looks.skin);
    if e.flush > 0.0 {
        clip.circle_filled(
            head,
            r,
            faded(Color32::from_rgb(0xe0, 0x30, 0x20), e.flush * 0.45),
        );
    }

    // Hair cap: the top of the head down to the forehead, above the brows.
    let (from, to) = (std::f32::consts::PI + 0.5, 2.0 * std::f32::consts::PI - 0.5);
    let cap: Vec<Pos2> = (0..=24)
        .map(|i| {
            let a = from + (to - from) * i as f32 / 24.0;
            head + vec2(a.cos() * r * 1.05, a.sin() * r * 1.05)
        })
        .collect();
    clip.add(Shape::convex_polygon(cap, looks.hair, Stroke::NONE));

    let ink = Color32::from_rgb(0x2a, 0x22, 0x1e);
    let line = Stroke::new((r * 0.06).max(1.5), ink);

    // Cheeks.
    if e.blush > 0.0 {
        for side in [-1.0, 1.0] {
            clip.circle_filled(
                head + vec2(side * r * 0.55, r * 0.22),
                r * 0.16,
                faded(Color32::from_rgb(0xf0, 0x70, 0x80), e.blush * 0.55),
            );
        }
    }

    // Eyes: open eyes fade into smiling arcs as `happy_eyes` grows.
    let eye_y = head.y - r * 0.08;
    for side in [-1.0, 1.0] {
        let eye = pos2(head.x + side * r * 0.36, eye_y);
        let open = 1.0 - e.happy_eyes;
        if open > 0.0 {
            let h = r * 0.15 * e.eye_open;
            let w = r * 0.13;
            let white = Rect::from_center_size(eye, vec2(w * 2.0, h * 2.0));
            clip.rect_filled(white, w.min(h), faded(Color32::WHITE, open));
            clip.circle_filled(eye, (r * 0.075).min(h), faded(ink, open));
        }
        if e.happy_eyes > 0.0 {
            let points = curve_through(
                eye + vec2(-r * 0.14, r * 0.04),
                eye + vec2(0.0, -r * 0.09),
                eye + vec2(r * 0.14, r * 0.04),
                12,
            );
            clip.add(PathShape::line(
                points,
                Stroke::new(line.width, faded(ink, e.happy_eyes)),
            ));
        }
        // Brows: inner end nearer the nose.
        let inner = pos2(eye.x - side * r * 0.12, eye_y - r * 0.27 + e.brow_inner * r);
        let outer = pos2(eye.x + side * r * 0.2, eye_y - r * 0.27 + e.brow_outer * r);
        clip.line_segment([inner, outer], Stroke::new(r * 0.08, looks.hair));
    }

    // Nose.
    clip.add(QuadraticBezierShape::from_points_stroke(
        [
            head + vec2(-r * 0.02, r * 0.05),
            head + vec2(r * 0.1, r * 0.2),
            head + vec2(-r * 0.04, r * 0.24),
        ],
        false,
        Color32::TRANSPARENT,
        Stroke::new(line.width * 0.7, faded(ink, 0.6)),
    ));

    // Mouth: corners rise with a smile and fall with a frown; the open
    // part is the area between the upper and the lower lip.
    let mouth_y = head.y + r * 0.5;
    let half = e.mouth_width * r / 2.0;
    let corner_y = mouth_y - e.mouth_curve * r / 2.0;
    let middle_y = mouth_y + e.mouth_curve * r / 2.0;
    let left = pos2(head.x - half, corner_y);
    let right = pos2(head.x + half, corner_y);
    let open = e.mouth_open * r;
    // A wide-open smile has a flatter upper lip (a "D" shape).
    let flatten = if e.mouth_curve > 0.0 {
        (e.mouth_open * 8.0).min(1.0) * (middle_y - corner_y)
    } else {
        0.0
    };
    let top = curve_through(left, pos2(head.x, middle_y - flatten), right, 16);
    let bottom = curve_through(left, pos2(head.x, middle_y + open), right, 16);
    if open > 0.5 {
        clip.add(fill_between(
            &top,
            &bottom,
            Color32::from_rgb(0x7a, 0x1f, 0x24),
        ));
        if e.teeth > 0.0 {
            let depth = if e.mouth_curve > 0.0 { 0.35 } else { 1.0 };
            let teeth_bottom: Vec<Pos2> = top
                .iter()
                .zip(&bottom)
                .map(|(t, b)| pos2(t.x, lerp(t.y, b.y, depth)))
                .collect();
            clip.add(fill_between(
                &top,
                &teeth_bottom,
                faded(Color32::WHITE, e.teeth),
            ));
            if e.mouth_curve < 0.0 {
                // Gritted teeth: a line between the rows.
                let gap: Vec<Pos2> = top
                    .iter()
                    .zip(&bottom)
                    .map(|(t, b)| pos2(t.x, lerp(t.y, b.y, 0.5)))
                    .collect();
                clip.add(PathShape::line(gap, Stroke::new(1.0, faded(ink, e.teeth))));
            }
        }
        clip.add(PathShape::line(bottom, line));
    }
    clip.add(PathShape::line(top, line));

    // Anger mark: four short strokes at the temple.
    if e.anger > 0.0 {
        let at = head + vec2(r * 0.72, -r * 0.72);
        let s = r * 0.12;
        let red = Stroke::new(
            r * 0.06,
            faded(Color32::from_rgb(0xd0, 0x10, 0x10), e.anger),
        );
        for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (-1.0, 1.0), (1.0, 1.0)] {
            let p = at + vec2(dx * s, dy * s);
            clip.line_segment([p + vec2(-dx * s * 0.8, 0.0), p], red);
            clip.line_segment([p + vec2(0.0, -dy * s * 0.8), p], red);
        }
    }

    // A drop of sweat: worry.
    if e.sweat > 0.0 {
        let at = head + vec2(-r * 0.78, -r * 0.3);
        let blue = faded(Color32::from_rgb(0x6c, 0xb4, 0xee), e.sweat);
        clip.circle_filled(at, r * 0.09, blue);
        clip.add(Shape::convex_polygon(
            vec![
                at + vec2(0.0, -r * 0.24),
                at + vec2(r * 0.085, -r * 0.03),
                at + vec2(-r * 0.085, -r * 0.03),
            ],
            blue,
            Stroke::NONE,
        ));
    }
}

/// The portrait widget: the face at `mood`, with an accessible name.
pub fn portrait_ui(
    ui: &mut egui::Ui,
    size: f32,
    mood: f32,
    looks: Looks,
    accessible: &str,
) -> egui::Response {
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
    super::widgets::name_widget(&response, egui::accesskit::Role::Image, accessible);
    if ui.is_rect_visible(rect) {
        paint_face(ui.painter(), rect, mood, looks);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn expressions_blend_continuously_between_keys() {
        let a = expression_at(49.9);
        let b = expression_at(50.1);
        assert!((a.mouth_curve - b.mouth_curve).abs() < 0.01);
        assert!((a.brow_inner - b.brow_inner).abs() < 0.01);
    }

    #[test]
    fn the_five_levels_look_different() {
        let faces: Vec<Expression> = [10.0, 30.0, 50.0, 70.0, 90.0]
            .into_iter()
            .map(expression_at)
            .collect();
        for pair in faces.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let difference = (a.mouth_curve - b.mouth_curve).abs()
                + (a.brow_inner - b.brow_inner).abs()
                + (a.happy_eyes - b.happy_eyes).abs()
                + (a.anger - b.anger).abs()
                + (a.sweat - b.sweat).abs();
            assert!(difference > 0.1, "{} and {} look alike", a.mood, b.mood);
        }
        // Smiles grow with the mood.
        assert!(
            faces
                .windows(2)
                .all(|p| p[0].mouth_curve < p[1].mouth_curve)
        );
    }

    #[test]
    fn looks_are_stable_for_a_name() {
        // Pinned values, not two calls compared: a change of hash or of
        // palette would give every returning trainee's customers new faces.
        let looks = Looks::of("Marta Ruiz");
        assert_eq!(looks.skin, Color32::from_rgb(0xd0, 0x9b, 0x6e));
        assert_eq!(looks.hair, Color32::from_rgb(0x1a, 0x1a, 0x1a));
        assert_eq!(looks.shirt, Color32::from_rgb(0x8e, 0x4f, 0x6e));
        assert!(looks.long_hair);
    }
}
