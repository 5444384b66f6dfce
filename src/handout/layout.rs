//! Laying text out on A4 pages: wrapping, page breaks, headings, tables,
//! bars and a line chart, as plain drawing operations.
//!
//! Kept apart from the PDF writer so the layout can be tested without a
//! PDF: every operation must fall inside its page, and the page count has
//! a hard bound whatever the input.

use super::fonts::Metrics;

/// A4 width in points.
pub const PAGE_WIDTH: f32 = 595.0;
/// A4 height in points.
pub const PAGE_HEIGHT: f32 = 842.0;
/// Left and right margin.
pub const MARGIN_X: f32 = 56.0;
/// Top margin.
pub const MARGIN_TOP: f32 = 56.0;
/// Bottom margin; the footer sits inside it.
pub const MARGIN_BOTTOM: f32 = 64.0;
/// The most pages a document gets; what does not fit is cut and the last
/// page says so.
pub const MAX_PAGES: usize = 40;
/// The most characters of one text laid out: a hostile file cannot make
/// one paragraph fill the whole document.
pub const MAX_TEXT_CHARS: usize = 4_000;

/// A colour as red, green, blue.
pub type Rgb = (u8, u8, u8);

/// Body text colour.
pub const INK: Rgb = (0x20, 0x20, 0x20);
/// Secondary text (feedback, notes).
pub const MUTED: Rgb = (0x55, 0x55, 0x55);
/// Headings.
pub const ACCENT: Rgb = (0x1f, 0x4e, 0x79);
/// Rules and grid lines.
pub const RULE: Rgb = (0xbb, 0xbb, 0xbb);
/// Table header background.
pub const HEADER_BG: Rgb = (0xe8, 0xec, 0xf1);
/// Background of the best reply's row.
pub const GOOD_BG: Rgb = (0xdf, 0xf2, 0xdf);
/// Background of a tempting ("educating") reply's row.
pub const WARN_BG: Rgb = (0xfc, 0xe9, 0xd4);
/// Bars and chart line.
pub const BAR: Rgb = (0x1f, 0x77, 0xb4);
/// Empty part of a bar.
pub const BAR_BG: Rgb = (0xe4, 0xe4, 0xe4);

/// One drawing operation; `y` grows downwards from the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    /// A line of text; `y` is its baseline.
    Text {
        /// Left edge.
        x: f32,
        /// Baseline.
        y: f32,
        /// Font size in points.
        size: f32,
        /// Bold face.
        bold: bool,
        /// Colour.
        colour: Rgb,
        /// The text (one line, already wrapped).
        text: String,
    },
    /// A stroked polyline.
    Line {
        /// At least two points.
        points: Vec<(f32, f32)>,
        /// Stroke width.
        width: f32,
        /// Colour.
        colour: Rgb,
    },
    /// A filled rectangle.
    Rect {
        /// Left.
        x: f32,
        /// Top.
        y: f32,
        /// Width.
        w: f32,
        /// Height.
        h: f32,
        /// Colour.
        colour: Rgb,
    },
}

/// How a paragraph looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// Font size.
    pub size: f32,
    /// Bold face.
    pub bold: bool,
    /// Colour.
    pub colour: Rgb,
    /// Left indent from the margin.
    pub indent: f32,
}

impl Style {
    /// Body text.
    pub const BODY: Style = Style {
        size: 10.0,
        bold: false,
        colour: INK,
        indent: 0.0,
    };
    /// Secondary text.
    pub const NOTE: Style = Style {
        size: 9.0,
        bold: false,
        colour: MUTED,
        indent: 0.0,
    };

    /// The same style, bold.
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }

    /// The same style, indented by `by` more points.
    pub fn indented(self, by: f32) -> Style {
        Style {
            indent: self.indent + by,
            ..self
        }
    }

    /// The same style in `colour`.
    pub fn coloured(self, colour: Rgb) -> Style {
        Style { colour, ..self }
    }
}

/// A table column: header, share of the width, and whether its cells are
/// numbers (right-aligned).
#[derive(Debug, Clone, Copy)]
pub struct Column<'a> {
    /// Header text.
    pub header: &'a str,
    /// Share of the table's width (the shares need not add up to 1).
    pub share: f32,
    /// Right-align the cells.
    pub numeric: bool,
}

/// A table row: its cells and an optional background.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// One text per column.
    pub cells: Vec<String>,
    /// Background colour.
    pub background: Option<Rgb>,
    /// Bold text.
    pub bold: bool,
    /// A bar drawn under the cell of this column, as a share 0–1.
    pub bar: Option<(usize, f32)>,
}

/// Line height for a font size.
fn line_height(size: f32) -> f32 {
    size * 1.35
}

const CELL_PAD: f32 = 4.0;

/// Lays out a document page by page.
pub struct Composer {
    metrics: &'static Metrics,
    pages: Vec<Vec<Op>>,
    /// Top of the free space on the current page.
    y: f32,
    /// Content was cut at [`MAX_PAGES`].
    truncated: bool,
}

impl Default for Composer {
    fn default() -> Self {
        Composer::new()
    }
}

impl Composer {
    /// An empty document with one empty page.
    pub fn new() -> Composer {
        Composer {
            metrics: Metrics::get(),
            pages: vec![Vec::new()],
            y: MARGIN_TOP,
            truncated: false,
        }
    }

    /// The width text may use.
    pub fn content_width() -> f32 {
        PAGE_WIDTH - 2.0 * MARGIN_X
    }

    fn bottom() -> f32 {
        PAGE_HEIGHT - MARGIN_BOTTOM
    }

    /// The pages laid out so far, without footers.
    pub fn pages(&self) -> &[Vec<Op>] {
        &self.pages
    }

    /// True when content was cut at the page limit.
    pub fn truncated(&self) -> bool {
        self.truncated
    }

    /// Makes room for `height` points: a new page when the current one is
    /// too full. Returns false when the page limit stops the document.
    fn room(&mut self, height: f32) -> bool {
        if self.truncated {
            return false;
        }
        if self.y + height <= Self::bottom() {
            return true;
        }
        // A block taller than a page goes on the current page if it is
        // still fresh: a new page would not help.
        if self.y <= MARGIN_TOP + 0.5 {
            return true;
        }
        if self.pages.len() >= MAX_PAGES {
            self.truncated = true;
            return false;
        }
        self.pages.push(Vec::new());
        self.y = MARGIN_TOP;
        true
    }

    fn push(&mut self, op: Op) {
        if let Some(page) = self.pages.last_mut() {
            page.push(op);
        }
    }

    /// Vertical space.
    pub fn space(&mut self, points: f32) {
        if !self.truncated {
            self.y = (self.y + points).min(Self::bottom());
        }
    }

    /// Wraps `text` to lines no wider than `width` at `size`.
    pub fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        wrap(self.metrics, text, size, bold, width)
    }

    /// The document title.
    pub fn title(&mut self, text: &str) {
        let style = Style {
            size: 18.0,
            bold: true,
            colour: ACCENT,
            indent: 0.0,
        };
        self.paragraph(text, style);
        self.space(2.0);
    }

    /// A section heading, kept on the same page as what follows it.
    pub fn heading(&mut self, text: &str) {
        self.space(8.0);
        let size = 12.5;
        // Heading plus about three lines of what follows.
        if !self.room(line_height(size) + 3.0 * line_height(10.0) + 6.0) {
            return;
        }
        let lines = self.wrap(text, size, true, Self::content_width());
        for line in lines {
            self.text_line(
                &line,
                Style {
                    size,
                    bold: true,
                    colour: ACCENT,
                    indent: 0.0,
                },
            );
        }
        let y = self.y + 1.0;
        self.push(Op::Line {
            points: vec![(MARGIN_X, y), (PAGE_WIDTH - MARGIN_X, y)],
            width: 0.6,
            colour: ACCENT,
        });
        self.y += 5.0;
    }

    fn text_line(&mut self, line: &str, style: Style) {
        let height = line_height(style.size);
        if !self.room(height) {
            return;
        }
        let baseline = self.y + style.size;
        self.push(Op::Text {
            x: MARGIN_X + style.indent,
            y: baseline,
            size: style.size,
            bold: style.bold,
            colour: style.colour,
            text: line.to_string(),
        });
        self.y += height;
    }

    /// A wrapped paragraph.
    pub fn paragraph(&mut self, text: &str, style: Style) {
        let width = Self::content_width() - style.indent;
        for line in self.wrap(text, style.size, style.bold, width) {
            self.text_line(&line, style);
        }
    }

    /// A paragraph preceded by a bold label on the same line ("Label: text").
    pub fn labelled(&mut self, label: &str, text: &str, style: Style) {
        self.paragraph(&format!("{label}: {text}"), style);
    }

    /// A bulleted list.
    pub fn bullets(&mut self, items: &[String], style: Style) {
        for item in items {
            let width = Self::content_width() - style.indent - 12.0;
            let lines = self.wrap(item, style.size, style.bold, width);
            for (i, line) in lines.iter().enumerate() {
                let text = if i == 0 {
                    format!("•  {line}")
                } else {
                    line.clone()
                };
                let indent = if i == 0 { 0.0 } else { 12.0 };
                self.text_line(&text, style.indented(indent));
            }
        }
    }

    /// A table with a header row, repeated after each page break.
    pub fn table(&mut self, columns: &[Column], rows: &[Row]) {
        if columns.is_empty() {
            return;
        }
        let total: f32 = columns.iter().map(|c| c.share.max(0.01)).sum();
        let widths: Vec<f32> = columns
            .iter()
            .map(|c| Self::content_width() * c.share.max(0.01) / total)
            .collect();
        let size = 9.0;
        let header = Row {
            cells: columns.iter().map(|c| c.header.to_string()).collect(),
            background: Some(HEADER_BG),
            bold: true,
            bar: None,
        };
        let header_height = self.row_height(&header, &widths, size);
        // The header and the first row stay together.
        let first = rows
            .first()
            .map_or(0.0, |r| self.row_height(r, &widths, size));
        if !self.room(header_height + first) {
            return;
        }
        self.row(&header, columns, &widths, size);
        for row in rows {
            let height = self.row_height(row, &widths, size);
            let page = self.pages.len();
            if !self.room(height) {
                return;
            }
            if self.pages.len() != page {
                self.row(&header, columns, &widths, size);
            }
            self.row(row, columns, &widths, size);
        }
        self.space(4.0);
    }

    /// The most lines of one cell: a cell never grows past a page.
    fn max_cell_lines(size: f32) -> usize {
        ((Self::bottom() - MARGIN_TOP - 6.0 * line_height(size)) / line_height(size)) as usize
    }

    fn cell_lines(&self, text: &str, width: f32, size: f32, bold: bool) -> Vec<String> {
        let mut lines = self.wrap(text, size, bold, (width - 2.0 * CELL_PAD).max(10.0));
        let max = Self::max_cell_lines(size);
        if lines.len() > max {
            lines.truncate(max);
            if let Some(last) = lines.last_mut() {
                last.push('…');
            }
        }
        lines
    }

    fn row_height(&self, row: &Row, widths: &[f32], size: f32) -> f32 {
        let lines = row
            .cells
            .iter()
            .zip(widths)
            .map(|(cell, &w)| self.cell_lines(cell, w, size, row.bold).len().max(1))
            .max()
            .unwrap_or(1);
        let bar = if row.bar.is_some() { 5.0 } else { 0.0 };
        lines as f32 * line_height(size) + 2.0 * CELL_PAD + bar
    }

    fn row(&mut self, row: &Row, columns: &[Column], widths: &[f32], size: f32) {
        let height = self.row_height(row, widths, size);
        let top = self.y;
        if let Some(colour) = row.background {
            self.push(Op::Rect {
                x: MARGIN_X,
                y: top,
                w: Self::content_width(),
                h: height,
                colour,
            });
        }
        let mut x = MARGIN_X;
        for (i, (column, &width)) in columns.iter().zip(widths).enumerate() {
            let cell = row.cells.get(i).map(String::as_str).unwrap_or("");
            let lines = self.cell_lines(cell, width, size, row.bold);
            for (n, line) in lines.iter().enumerate() {
                let line_x = if column.numeric {
                    x + width - CELL_PAD - self.metrics.width(line, size, row.bold)
                } else {
                    x + CELL_PAD
                };
                self.push(Op::Text {
                    x: line_x.max(x),
                    y: top + CELL_PAD + size + n as f32 * line_height(size),
                    size,
                    bold: row.bold,
                    colour: INK,
                    text: line.clone(),
                });
            }
            if let Some((bar_column, share)) = row.bar
                && bar_column == i
            {
                let bar_width = width - 2.0 * CELL_PAD;
                let bar_y = top + height - CELL_PAD - 4.0;
                self.push(Op::Rect {
                    x: x + CELL_PAD,
                    y: bar_y,
                    w: bar_width,
                    h: 3.5,
                    colour: BAR_BG,
                });
                let filled = bar_width * share.clamp(0.0, 1.0);
                if filled > 0.0 {
                    self.push(Op::Rect {
                        x: x + CELL_PAD,
                        y: bar_y,
                        w: filled,
                        h: 3.5,
                        colour: BAR,
                    });
                }
            }
            x += width;
        }
        self.push(Op::Line {
            points: vec![
                (MARGIN_X, top + height),
                (PAGE_WIDTH - MARGIN_X, top + height),
            ],
            width: 0.4,
            colour: RULE,
        });
        self.y = top + height;
    }

    /// A labelled horizontal bar for a 0–100 score; `None` draws no bar and
    /// says `missing` instead.
    pub fn score_bar(&mut self, label: &str, score: Option<f64>, missing: &str) {
        let size = 10.0;
        let height = line_height(size) + 2.0;
        if !self.room(height) {
            return;
        }
        let label_width = 170.0;
        let bar_x = MARGIN_X + label_width;
        let bar_width = 200.0;
        let baseline = self.y + size;
        for line in self
            .wrap(label, size, true, label_width - 6.0)
            .into_iter()
            .take(1)
        {
            self.push(Op::Text {
                x: MARGIN_X,
                y: baseline,
                size,
                bold: true,
                colour: INK,
                text: line,
            });
        }
        match score {
            Some(score) => {
                let score = score.clamp(0.0, 100.0) as f32;
                self.push(Op::Rect {
                    x: bar_x,
                    y: self.y + 2.0,
                    w: bar_width,
                    h: size,
                    colour: BAR_BG,
                });
                if score > 0.0 {
                    self.push(Op::Rect {
                        x: bar_x,
                        y: self.y + 2.0,
                        w: bar_width * score / 100.0,
                        h: size,
                        colour: BAR,
                    });
                }
                self.push(Op::Text {
                    x: bar_x + bar_width + 8.0,
                    y: baseline,
                    size,
                    bold: true,
                    colour: INK,
                    text: format!("{}", score.round()),
                });
            }
            None => {
                let width = Self::content_width() - label_width;
                for line in self.wrap(missing, size, false, width).into_iter().take(1) {
                    self.push(Op::Text {
                        x: bar_x,
                        y: baseline,
                        size,
                        bold: false,
                        colour: MUTED,
                        text: line,
                    });
                }
            }
        }
        self.y += height;
    }

    /// A line chart of the customer's mood (0–100) after each decision,
    /// with the mood bands labelled (`bands`: from the lowest band up) and
    /// the decisions numbered on the x axis (`x_label`).
    pub fn mood_chart(&mut self, mood: &[i32], bands: [&str; 5], x_label: &str) {
        let plot_height = 130.0;
        let total = plot_height + 34.0;
        if mood.is_empty() || !self.room(total) {
            return;
        }
        let label_width = 70.0;
        let left = MARGIN_X + label_width;
        let right = PAGE_WIDTH - MARGIN_X - 6.0;
        let top = self.y + 4.0;
        let bottom = top + plot_height;
        let to_y = |value: f32| bottom - (value.clamp(0.0, 100.0) / 100.0) * plot_height;
        // Bands: 0–19 furious … 80–100 delighted.
        for (i, band) in bands.iter().enumerate() {
            let low = i as f32 * 20.0;
            let y = to_y(low);
            if i > 0 {
                self.push(Op::Line {
                    points: vec![(left, y), (right, y)],
                    width: 0.3,
                    colour: RULE,
                });
            }
            let mid = to_y(low + 10.0) + 3.0;
            for line in self
                .wrap(band, 7.5, false, label_width - 6.0)
                .into_iter()
                .take(1)
            {
                self.push(Op::Text {
                    x: MARGIN_X,
                    y: mid,
                    size: 7.5,
                    bold: false,
                    colour: MUTED,
                    text: line,
                });
            }
        }
        self.push(Op::Line {
            points: vec![(left, top), (left, bottom), (right, bottom)],
            width: 0.8,
            colour: INK,
        });
        // At most a few hundred points: the records bound their steps, and
        // a longer list is thinned rather than drawn point by point.
        let shown: Vec<i32> = if mood.len() > 400 {
            let step = mood.len().div_ceil(400);
            mood.iter().step_by(step).copied().collect()
        } else {
            mood.to_vec()
        };
        let steps = shown.len().saturating_sub(1).max(1) as f32;
        let to_x = |i: usize| left + 8.0 + (right - left - 16.0) * i as f32 / steps;
        let points: Vec<(f32, f32)> = shown
            .iter()
            .enumerate()
            .map(|(i, &m)| (to_x(i), to_y(m as f32)))
            .collect();
        if points.len() >= 2 {
            self.push(Op::Line {
                points: points.clone(),
                width: 1.8,
                colour: BAR,
            });
        }
        let label_every = shown.len().div_ceil(25).max(1);
        for (i, &(x, y)) in points.iter().enumerate() {
            self.push(Op::Rect {
                x: x - 2.0,
                y: y - 2.0,
                w: 4.0,
                h: 4.0,
                colour: BAR,
            });
            if i % label_every == 0 {
                let text = i.to_string();
                let w = self.metrics.width(&text, 7.5, false);
                self.push(Op::Text {
                    x: x - w / 2.0,
                    y: bottom + 10.0,
                    size: 7.5,
                    bold: false,
                    colour: MUTED,
                    text,
                });
            }
        }
        let w = self.metrics.width(x_label, 8.0, false);
        self.push(Op::Text {
            x: (left + right - w) / 2.0,
            y: bottom + 22.0,
            size: 8.0,
            bold: false,
            colour: MUTED,
            text: x_label.to_string(),
        });
        self.y += total;
    }

    /// The pages, each with a footer: `footer` on the left and the page
    /// label (`page_label(n, total)`) on the right; when the page limit cut
    /// the content, `cut_note` goes on the last page.
    pub fn finish(
        mut self,
        footer: &str,
        page_label: impl Fn(usize, usize) -> String,
        cut_note: &str,
    ) -> Vec<Vec<Op>> {
        let total = self.pages.len();
        let size = 8.0;
        let baseline = PAGE_HEIGHT - MARGIN_BOTTOM / 2.0;
        let footer_line = wrap(self.metrics, footer, size, false, 330.0)
            .into_iter()
            .next()
            .unwrap_or_default();
        let truncated = self.truncated;
        for (i, page) in self.pages.iter_mut().enumerate() {
            page.push(Op::Line {
                points: vec![
                    (MARGIN_X, baseline - 12.0),
                    (PAGE_WIDTH - MARGIN_X, baseline - 12.0),
                ],
                width: 0.4,
                colour: RULE,
            });
            page.push(Op::Text {
                x: MARGIN_X,
                y: baseline,
                size,
                bold: false,
                colour: MUTED,
                text: footer_line.clone(),
            });
            let label = page_label(i + 1, total);
            let w = self.metrics.width(&label, size, false);
            page.push(Op::Text {
                x: PAGE_WIDTH - MARGIN_X - w,
                y: baseline,
                size,
                bold: false,
                colour: MUTED,
                text: label,
            });
            if truncated && i + 1 == total {
                page.push(Op::Text {
                    x: MARGIN_X,
                    y: baseline + 12.0,
                    size,
                    bold: true,
                    colour: INK,
                    text: cut_note.chars().take(120).collect(),
                });
            }
        }
        self.pages
    }
}

/// Text as it may be drawn: no control characters, at most
/// [`MAX_TEXT_CHARS`] characters.
pub fn clean(text: &str) -> String {
    let mut out = String::with_capacity(text.len().min(MAX_TEXT_CHARS * 4));
    for (n, c) in text.chars().enumerate() {
        if n >= MAX_TEXT_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\n' => out.push('\n'),
            '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Wraps `text` into lines no wider than `width`: at spaces, and inside a
/// word only when the word alone is too wide. Newlines start new lines.
pub fn wrap(metrics: &Metrics, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
    let text = clean(text);
    let space = metrics.width(" ", size, bold);
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        let mut line_width = 0.0;
        for word in paragraph.split_whitespace() {
            let word_width = metrics.width(word, size, bold);
            if !line.is_empty() && line_width + space + word_width <= width {
                line.push(' ');
                line.push_str(word);
                line_width += space + word_width;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                line_width = 0.0;
            }
            if word_width <= width {
                line.push_str(word);
                line_width = word_width;
                continue;
            }
            // A word wider than the line: cut it by characters.
            for c in word.chars() {
                let w = metrics.char_width(c, size, bold);
                if !line.is_empty() && line_width + w > width {
                    lines.push(std::mem::take(&mut line));
                    line_width = 0.0;
                }
                line.push(c);
                line_width += w;
            }
        }
        lines.push(line);
    }
    lines
}
