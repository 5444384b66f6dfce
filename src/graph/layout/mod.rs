//! An automatic layered layout, left to right by depth, in the style of
//! Sugiyama: break cycles, assign columns, reduce crossings, then place the
//! boxes so none overlap.
//!
//! 1. **Cycles**: a depth-first walk from the start node marks the edges
//!    that close a loop ("back edges"); the rest form a DAG.
//! 2. **Columns**: the longest path from a root in that DAG, so every edge
//!    that is not a loop goes strictly left to right.
//! 3. **Dummies**: an edge spanning several columns gets a small invisible
//!    box in each column it crosses, so it takes part in ordering and
//!    reserves its own space; its path bends through them.
//! 4. **Order**: barycenter sweeps, alternately left-to-right and
//!    right-to-left, keeping the order with the fewest crossings.
//! 5. **Rows**: each column is pulled towards its neighbours' positions
//!    while keeping its order and minimum gaps (an isotonic regression, so
//!    boxes never overlap).

use super::{Graph, Positions};
use crate::scenario::model::NodeIdx;

/// Distance between the centres of two neighbouring columns.
pub const COLUMN_PITCH: f32 = NODE_WIDTH + COLUMN_GAP;
/// Width of a node's box.
pub const NODE_WIDTH: f32 = 190.0;
/// Height of a node's box.
pub const NODE_HEIGHT: f32 = 64.0;
/// Horizontal space between two columns (where edges and numbers go).
pub const COLUMN_GAP: f32 = 90.0;
/// Vertical space between two boxes of a column.
pub const ROW_GAP: f32 = 28.0;
/// Height reserved by an edge passing through a column.
const DUMMY_HEIGHT: f32 = 6.0;
/// Space around an edge passing through a column.
const DUMMY_GAP: f32 = 10.0;
/// Ordering sweeps at most.
const MAX_SWEEPS: usize = 16;
/// Ordering sweeps at most when dummies make the graph very large (long
/// edges across hundreds of columns): fewer sweeps keep a reload quick.
const MAX_SWEEPS_LARGE: usize = 6;
/// Vertices (nodes and dummies) above which a graph counts as very large.
const LARGE_VERTICES: usize = 100_000;
/// Sweeps without improvement before giving up.
const PATIENCE: usize = 4;
/// Row placement rounds.
const PLACEMENT_ROUNDS: usize = 6;

/// A point in graph coordinates.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Point {
    /// Left to right.
    pub x: f32,
    /// Top to bottom.
    pub y: f32,
}

impl Point {
    /// A point.
    pub const fn new(x: f32, y: f32) -> Point {
        Point { x, y }
    }
}

/// An axis-aligned rectangle in graph coordinates.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Rect {
    /// Top-left corner.
    pub min: Point,
    /// Bottom-right corner.
    pub max: Point,
}

impl Rect {
    /// The rectangle of the given size centred on `center`.
    pub fn centered(center: Point, width: f32, height: f32) -> Rect {
        Rect {
            min: Point::new(center.x - width / 2.0, center.y - height / 2.0),
            max: Point::new(center.x + width / 2.0, center.y + height / 2.0),
        }
    }

    /// True when the two rectangles share some area (touching edges do not
    /// count).
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.min.x < other.max.x
            && other.min.x < self.max.x
            && self.min.y < other.max.y
            && other.min.y < self.max.y
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        Rect {
            min: Point::new(self.min.x.min(other.min.x), self.min.y.min(other.min.y)),
            max: Point::new(self.max.x.max(other.max.x), self.max.y.max(other.max.y)),
        }
    }

    /// The centre.
    pub fn center(&self) -> Point {
        Point::new(
            (self.min.x + self.max.x) / 2.0,
            (self.min.y + self.max.y) / 2.0,
        )
    }

    /// Width.
    pub fn width(&self) -> f32 {
        self.max.x - self.min.x
    }

    /// Height.
    pub fn height(&self) -> f32 {
        self.max.y - self.min.y
    }
}

/// Where every node and edge of a [`Graph`] goes.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Centre of each node's box, indexed like the graph's nodes.
    pub centers: Vec<Point>,
    /// Column of each node (from the automatic layout).
    pub columns: Vec<u32>,
    /// Per node: true when a trainer placed it by hand.
    pub pinned: Vec<bool>,
    /// Per edge: true when the edge closes a loop (it may go right to left).
    pub back: Vec<bool>,
    /// Per edge: its bend points, a range of [`Layout::bends`].
    pub edge_bends: Vec<(u32, u32)>,
    /// Bend points of all edges.
    pub bends: Vec<Point>,
    /// Per edge: the box holding its two nodes and its bends, so a view
    /// can skip the edges it does not show without walking their bends.
    pub edge_boxes: Vec<Rect>,
    /// Edge crossings between neighbouring columns the ordering left.
    pub crossings: usize,
}

impl Layout {
    /// The box of a node.
    pub fn node_rect(&self, node: NodeIdx) -> Rect {
        let center = self.centers.get(node as usize).copied().unwrap_or_default();
        Rect::centered(center, NODE_WIDTH, NODE_HEIGHT)
    }

    /// The bend points of an edge (none for short edges, loops and edges of
    /// nodes placed by hand).
    pub fn bends_of(&self, edge: usize) -> &[Point] {
        match self.edge_bends.get(edge) {
            Some(&(start, end)) => &self.bends[start as usize..end as usize],
            None => &[],
        }
    }

    /// The rectangle holding every node and bend.
    pub fn bounds(&self) -> Rect {
        let mut bounds: Option<Rect> = None;
        for node in 0..self.centers.len() {
            let rect = self.node_rect(node as NodeIdx);
            bounds = Some(bounds.map_or(rect, |b| b.union(&rect)));
        }
        for &point in &self.bends {
            let rect = Rect {
                min: point,
                max: point,
            };
            bounds = Some(bounds.map_or(rect, |b| b.union(&rect)));
        }
        bounds.unwrap_or(Rect {
            min: Point::default(),
            max: Point::new(NODE_WIDTH, NODE_HEIGHT),
        })
    }

    /// Recomputes the box of every edge (after nodes moved).
    fn update_edge_boxes(&mut self, graph: &Graph) {
        self.edge_boxes.clear();
        for (e, edge) in graph.edges.iter().enumerate() {
            let mut bounds = self.node_rect(edge.from).union(&self.node_rect(edge.to));
            for &point in self.bends_of(e) {
                bounds = bounds.union(&Rect {
                    min: point,
                    max: point,
                });
            }
            self.edge_boxes.push(bounds);
        }
    }

    /// Places the nodes a trainer positioned by hand (by node id), dropping
    /// the bends of their edges, which no longer fit.
    pub fn apply_positions(&mut self, graph: &Graph, positions: &Positions) {
        for (index, node) in graph.nodes.iter().enumerate() {
            if let Some(&point) = positions.get(&node.id)
                && point.x.is_finite()
                && point.y.is_finite()
                && let Some(center) = self.centers.get_mut(index)
            {
                *center = point;
                self.pinned[index] = true;
            }
        }
        for (e, edge) in graph.edges.iter().enumerate() {
            if self.pinned[edge.from as usize] || self.pinned[edge.to as usize] {
                self.edge_bends[e] = (0, 0);
            }
        }
        self.update_edge_boxes(graph);
    }

    /// Moves a node to `center` by hand.
    pub fn move_node(&mut self, graph: &Graph, node: NodeIdx, center: Point) {
        let index = node as usize;
        if index >= self.centers.len() {
            return;
        }
        self.centers[index] = center;
        self.pinned[index] = true;
        for (e, edge) in graph.edges.iter().enumerate() {
            if edge.from == node || edge.to == node {
                self.edge_bends[e] = (0, 0);
                let bounds = self.node_rect(edge.from).union(&self.node_rect(edge.to));
                self.edge_boxes[e] = bounds;
            }
        }
    }
}

/// Computes the automatic layout of a graph.
pub fn layout(graph: &Graph) -> Layout {
    let node_count = graph.nodes.len();
    if node_count == 0 {
        return Layout::default();
    }
    let pairs = Pairs::of(graph);
    let walk = break_cycles(graph, &pairs);
    let columns = assign_columns(&pairs, &walk);
    let mut vertices = Vertices::build(&pairs, &walk, &columns, node_count);
    let (_, crossings) = vertices.order();
    let rows = vertices.place_rows();

    let column_x = |column: u32| column as f32 * COLUMN_PITCH + NODE_WIDTH / 2.0;
    let centers: Vec<Point> = (0..node_count)
        .map(|v| Point::new(column_x(columns[v]), rows[v]))
        .collect();
    let bends: Vec<Point> = (node_count..vertices.layer_of.len())
        .map(|v| Point::new(column_x(vertices.layer_of[v]), rows[v]))
        .collect();
    let mut edge_bends = Vec::with_capacity(graph.edges.len());
    let mut back = Vec::with_capacity(graph.edges.len());
    for &pair in &pairs.pair_of_edge {
        let (start, end) = vertices.chain[pair as usize];
        edge_bends.push((start - node_count as u32, end - node_count as u32));
        back.push(walk.back[pair as usize]);
    }
    let mut layout = Layout {
        centers,
        columns,
        pinned: vec![false; node_count],
        back,
        edge_bends,
        bends,
        edge_boxes: Vec::new(),
        crossings,
    };
    layout.update_edge_boxes(graph);
    layout
}

/// The distinct (from, to) pairs of a graph: parallel edges share a path.
struct Pairs {
    /// (from, to) of each pair, grouped by `from`.
    list: Vec<(u32, u32)>,
    /// Per node, its range of `list`.
    of_node: Vec<(u32, u32)>,
    /// Per edge, its pair.
    pair_of_edge: Vec<u32>,
}

impl Pairs {
    fn of(graph: &Graph) -> Pairs {
        let mut list: Vec<(u32, u32)> = Vec::with_capacity(graph.edges.len());
        let mut of_node = Vec::with_capacity(graph.nodes.len());
        let mut pair_of_edge = Vec::with_capacity(graph.edges.len());
        for node in 0..graph.nodes.len() {
            let first = list.len();
            for edge in graph.edges_from(node as NodeIdx) {
                let found = list[first..]
                    .iter()
                    .position(|&(_, to)| to == edge.to)
                    .map(|i| first + i);
                let pair = found.unwrap_or_else(|| {
                    list.push((edge.from, edge.to));
                    list.len() - 1
                });
                pair_of_edge.push(pair as u32);
            }
            of_node.push((first as u32, list.len() as u32));
        }
        Pairs {
            list,
            of_node,
            pair_of_edge,
        }
    }

    fn range(&self, node: u32) -> std::ops::Range<usize> {
        let (start, end) = self.of_node[node as usize];
        start as usize..end as usize
    }
}

/// The result of the depth-first walk.
struct Walk {
    /// Per pair: closes a loop.
    back: Vec<bool>,
    /// Nodes in the order the walk first met them.
    preorder: Vec<u32>,
    /// Nodes in the order the walk finished them.
    postorder: Vec<u32>,
}

fn break_cycles(graph: &Graph, pairs: &Pairs) -> Walk {
    const NEW: u8 = 0;
    const ON_PATH: u8 = 1;
    const DONE: u8 = 2;
    let node_count = graph.nodes.len();
    let mut state = vec![NEW; node_count];
    let mut back = vec![false; pairs.list.len()];
    let mut preorder = Vec::with_capacity(node_count);
    let mut postorder = Vec::with_capacity(node_count);
    let mut stack: Vec<(u32, usize)> = Vec::new();
    let roots = graph.start.into_iter().chain(0..node_count as u32);
    for root in roots {
        if state[root as usize] != NEW {
            continue;
        }
        state[root as usize] = ON_PATH;
        preorder.push(root);
        stack.push((root, pairs.range(root).start));
        while let Some(top) = stack.last_mut() {
            let (node, next) = *top;
            if next < pairs.range(node).end {
                top.1 += 1;
                let to = pairs.list[next].1;
                match state[to as usize] {
                    NEW => {
                        state[to as usize] = ON_PATH;
                        preorder.push(to);
                        stack.push((to, pairs.range(to).start));
                    }
                    ON_PATH => back[next] = true,
                    _ => {}
                }
            } else {
                state[node as usize] = DONE;
                postorder.push(node);
                stack.pop();
            }
        }
    }
    Walk {
        back,
        preorder,
        postorder,
    }
}

/// The longest path from a root, ignoring back edges: every other edge
/// goes at least one column to the right.
fn assign_columns(pairs: &Pairs, walk: &Walk) -> Vec<u32> {
    let mut columns = vec![0u32; walk.postorder.len()];
    // Reverse postorder is a topological order of the forward edges.
    for &node in walk.postorder.iter().rev() {
        for pair in pairs.range(node) {
            if walk.back[pair] {
                continue;
            }
            let to = pairs.list[pair].1 as usize;
            columns[to] = columns[to].max(columns[node as usize] + 1);
        }
    }
    columns
}

/// Real nodes plus dummies, and the segments between neighbouring columns.
struct Vertices {
    real: usize,
    layer_of: Vec<u32>,
    /// Per pair: the range of dummy vertices along it.
    chain: Vec<(u32, u32)>,
    /// Neighbours in the next column (CSR).
    lower: Csr,
    /// Neighbours in the previous column (CSR).
    upper: Csr,
    /// Vertices of each column, in order.
    layers: Vec<Vec<u32>>,
    /// Index of each vertex in its column.
    position: Vec<u32>,
}

/// Compressed adjacency lists.
struct Csr {
    offsets: Vec<u32>,
    targets: Vec<u32>,
}

impl Csr {
    fn build(vertex_count: usize, segments: &[(u32, u32)]) -> Csr {
        let mut offsets = vec![0u32; vertex_count + 1];
        for &(a, _) in segments {
            offsets[a as usize + 1] += 1;
        }
        for i in 0..vertex_count {
            offsets[i + 1] += offsets[i];
        }
        let mut fill = offsets.clone();
        let mut targets = vec![0u32; segments.len()];
        for &(a, b) in segments {
            targets[fill[a as usize] as usize] = b;
            fill[a as usize] += 1;
        }
        Csr { offsets, targets }
    }

    fn of(&self, vertex: u32) -> &[u32] {
        let start = self.offsets[vertex as usize] as usize;
        let end = self.offsets[vertex as usize + 1] as usize;
        &self.targets[start..end]
    }
}

impl Vertices {
    fn build(pairs: &Pairs, walk: &Walk, columns: &[u32], real: usize) -> Vertices {
        let mut layer_of: Vec<u32> = columns.to_vec();
        let mut chain = Vec::with_capacity(pairs.list.len());
        let mut segments: Vec<(u32, u32)> = Vec::with_capacity(pairs.list.len() * 2);
        for (pair, &(from, to)) in pairs.list.iter().enumerate() {
            let first = layer_of.len() as u32;
            if walk.back[pair] {
                chain.push((first, first));
                continue;
            }
            let (from_layer, to_layer) = (columns[from as usize], columns[to as usize]);
            let mut previous = from;
            for layer in from_layer + 1..to_layer {
                let dummy = layer_of.len() as u32;
                layer_of.push(layer);
                segments.push((previous, dummy));
                previous = dummy;
            }
            segments.push((previous, to));
            chain.push((first, layer_of.len() as u32));
        }
        let vertex_count = layer_of.len();
        let lower = Csr::build(vertex_count, &segments);
        let reversed: Vec<(u32, u32)> = segments.iter().map(|&(a, b)| (b, a)).collect();
        let upper = Csr::build(vertex_count, &reversed);
        let layer_count = layer_of.iter().copied().max().map_or(0, |m| m as usize + 1);
        let mut layers: Vec<Vec<u32>> = vec![Vec::new(); layer_count];
        // Real nodes in the order the walk met them, then dummies.
        let mut seen = vec![false; real];
        for &node in &walk.preorder {
            if !std::mem::replace(&mut seen[node as usize], true) {
                layers[layer_of[node as usize] as usize].push(node);
            }
        }
        for vertex in real..vertex_count {
            layers[layer_of[vertex] as usize].push(vertex as u32);
        }
        let mut position = vec![0u32; vertex_count];
        for layer in &layers {
            for (i, &v) in layer.iter().enumerate() {
                position[v as usize] = i as u32;
            }
        }
        Vertices {
            real,
            layer_of,
            chain,
            lower,
            upper,
            layers,
            position,
        }
    }

    /// Barycenter sweeps; keeps the best order found. Returns the crossings
    /// after the first pass and in the order kept.
    fn order(&mut self) -> (usize, usize) {
        let mut keys: Vec<(f32, u32)> = Vec::new();
        // A first pass from the left gives every column a sensible start.
        for layer in 1..self.layers.len() {
            self.sort_layer(layer, true, &mut keys);
        }
        let first = self.crossings();
        let mut best = first;
        let mut best_layers = self.layers.clone();
        let mut idle = 0;
        let max_sweeps = if self.layer_of.len() > LARGE_VERTICES {
            MAX_SWEEPS_LARGE
        } else {
            MAX_SWEEPS
        };
        for sweep in 0..max_sweeps {
            if best == 0 || idle >= PATIENCE {
                break;
            }
            if sweep % 2 == 0 {
                for layer in (0..self.layers.len().saturating_sub(1)).rev() {
                    self.sort_layer(layer, false, &mut keys);
                }
            } else {
                for layer in 1..self.layers.len() {
                    self.sort_layer(layer, true, &mut keys);
                }
            }
            let crossings = self.crossings();
            if crossings < best {
                best = crossings;
                best_layers.clone_from(&self.layers);
                idle = 0;
            } else {
                idle += 1;
            }
        }
        self.layers = best_layers;
        for layer in &self.layers {
            for (i, &v) in layer.iter().enumerate() {
                self.position[v as usize] = i as u32;
            }
        }
        (first, best)
    }

    /// Sorts one column by the mean position of its neighbours in the
    /// previous (`from_upper`) or next column. Vertices without such
    /// neighbours keep their place.
    fn sort_layer(&mut self, layer: usize, from_upper: bool, keys: &mut Vec<(f32, u32)>) {
        keys.clear();
        for &v in &self.layers[layer] {
            let neighbours = if from_upper {
                self.upper.of(v)
            } else {
                self.lower.of(v)
            };
            let key = if neighbours.is_empty() {
                self.position[v as usize] as f32
            } else {
                let sum: u32 = neighbours.iter().map(|&n| self.position[n as usize]).sum();
                sum as f32 / neighbours.len() as f32
            };
            keys.push((key, v));
        }
        keys.sort_by(|a, b| a.0.total_cmp(&b.0));
        let column = &mut self.layers[layer];
        for (i, &(_, v)) in keys.iter().enumerate() {
            column[i] = v;
            self.position[v as usize] = i as u32;
        }
    }

    /// Crossings between every pair of neighbouring columns, counted as
    /// inversions with a Fenwick tree.
    fn crossings(&self) -> usize {
        let mut total = 0;
        let mut ends: Vec<u32> = Vec::new();
        let mut tree: Vec<u32> = Vec::new();
        for layer in 0..self.layers.len().saturating_sub(1) {
            let width = self.layers[layer + 1].len();
            ends.clear();
            for &v in &self.layers[layer] {
                let start = ends.len();
                ends.extend(self.lower.of(v).iter().map(|&n| self.position[n as usize]));
                ends[start..].sort_unstable();
            }
            tree.clear();
            tree.resize(width + 1, 0);
            for (seen, &end) in ends.iter().enumerate() {
                // Segments seen so far that end strictly below this one cross it.
                let mut not_greater = 0u32;
                let mut i = end as usize + 1;
                while i > 0 {
                    not_greater += tree[i];
                    i &= i - 1;
                }
                total += seen - not_greater as usize;
                let mut i = end as usize + 1;
                while i <= width {
                    tree[i] += 1;
                    i += i & i.wrapping_neg();
                }
            }
        }
        total
    }

    fn height(&self, vertex: u32) -> f32 {
        if (vertex as usize) < self.real {
            NODE_HEIGHT
        } else {
            DUMMY_HEIGHT
        }
    }

    fn separation(&self, a: u32, b: u32) -> f32 {
        let gap = if (a as usize) < self.real && (b as usize) < self.real {
            ROW_GAP
        } else {
            DUMMY_GAP
        };
        (self.height(a) + self.height(b)) / 2.0 + gap
    }

    /// The vertical centre of every vertex.
    fn place_rows(&self) -> Vec<f32> {
        let mut rows = vec![0f32; self.layer_of.len()];
        for column in &self.layers {
            let mut y = 0.0;
            for (i, &v) in column.iter().enumerate() {
                if i > 0 {
                    y += self.separation(column[i - 1], v);
                }
                rows[v as usize] = y;
            }
        }
        let mut wanted = Vec::new();
        let mut solver = Isotonic::default();
        for round in 0..PLACEMENT_ROUNDS {
            let from_upper = round % 2 == 0;
            let order: Vec<usize> = if from_upper {
                (1..self.layers.len()).collect()
            } else {
                (0..self.layers.len().saturating_sub(1)).rev().collect()
            };
            for layer in order {
                let column = &self.layers[layer];
                wanted.clear();
                for &v in column {
                    let neighbours = if from_upper {
                        self.upper.of(v)
                    } else {
                        self.lower.of(v)
                    };
                    wanted.push(if neighbours.is_empty() {
                        rows[v as usize]
                    } else {
                        neighbours.iter().map(|&n| rows[n as usize]).sum::<f32>()
                            / neighbours.len() as f32
                    });
                }
                solver.solve(column, &wanted, |a, b| self.separation(a, b));
                for (i, &v) in column.iter().enumerate() {
                    rows[v as usize] = solver.result[i];
                }
            }
        }
        let top = self
            .layers
            .iter()
            .filter_map(|c| c.first())
            .map(|&v| rows[v as usize] - self.height(v) / 2.0)
            .fold(f32::INFINITY, f32::min);
        if top.is_finite() {
            for row in &mut rows {
                *row -= top;
            }
        }
        rows
    }
}

/// Places a column as close as possible to the wanted rows (least squares)
/// while keeping its order and gaps: pool-adjacent-violators on the rows
/// minus their cumulative gaps.
#[derive(Default)]
struct Isotonic {
    offsets: Vec<f32>,
    blocks: Vec<(f32, f32, usize)>,
    result: Vec<f32>,
}

impl Isotonic {
    fn solve(&mut self, column: &[u32], wanted: &[f32], separation: impl Fn(u32, u32) -> f32) {
        self.offsets.clear();
        let mut offset = 0.0;
        for (i, &v) in column.iter().enumerate() {
            if i > 0 {
                offset += separation(column[i - 1], v);
            }
            self.offsets.push(offset);
        }
        // Each block: (sum of values, count, first index).
        self.blocks.clear();
        for (i, &w) in wanted.iter().enumerate() {
            let value = w - self.offsets[i];
            self.blocks.push((value, 1.0, i));
            while self.blocks.len() > 1 {
                let (sum_b, n_b, _) = self.blocks[self.blocks.len() - 1];
                let (sum_a, n_a, start_a) = self.blocks[self.blocks.len() - 2];
                if sum_a / n_a <= sum_b / n_b {
                    break;
                }
                self.blocks.pop();
                let last = self.blocks.len() - 1;
                self.blocks[last] = (sum_a + sum_b, n_a + n_b, start_a);
            }
        }
        self.result.clear();
        self.result.resize(column.len(), 0.0);
        for (b, &(sum, count, start)) in self.blocks.iter().enumerate() {
            let end = self.blocks.get(b + 1).map_or(column.len(), |next| next.2);
            let level = sum / count;
            for i in start..end {
                self.result[i] = level + self.offsets[i];
            }
        }
    }
}

#[cfg(test)]
mod tests;
