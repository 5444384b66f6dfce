//! The scenario as the engine plays it: metadata, the customer, nodes and
//! choices. Values that diagnostics point at keep their source span; node,
//! flag and promise names are resolved to indices once, at load time, so
//! playing never looks anything up by name.

use crate::source::{Span, Spanned};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::PathBuf;

/// The scenario format this version of Momento reads.
pub const FORMAT_VERSION: u32 = 1;

/// Index of a node in [`Scenario::nodes`].
pub type NodeIdx = u32;
/// Index of a choice in its node's `choices`.
pub type ChoiceIdx = u16;

/// Which reply of a node was taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ReplyRef {
    /// A choice, by its index in the node's `choices`.
    Choice(ChoiceIdx),
    /// The time limit ran out.
    Timeout,
}
/// Index of a flag name in [`Scenario::flags`].
pub type FlagIdx = u16;
/// Index of a promise id in [`Scenario::promises`].
pub type PromiseIdx = u16;

/// Sentinel for a name that did not resolve (only in scenarios with errors,
/// which the engine refuses to play).
pub const UNRESOLVED: u32 = u32::MAX;

/// A whole scenario file.
#[derive(Debug, Clone, Default)]
pub struct Scenario {
    /// Format number of the file.
    pub format: u32,
    /// Stable identifier, shared by the language versions of one scenario.
    pub id: Spanned<String>,
    /// Trainer-maintained version number; bump it when the content changes.
    pub version: u32,
    /// Language code of the texts, e.g. `es` or `en`.
    pub language: Spanned<String>,
    /// Title shown on the library card.
    pub title: Text,
    /// One or two sentences for the library card.
    pub summary: Text,
    /// Where the moment of truth happens.
    pub setting: Text,
    /// Free tags for filtering.
    pub tags: Vec<String>,
    /// How hard the scenario is.
    pub difficulty: Difficulty,
    /// Estimated minutes to play.
    pub minutes: u32,
    /// What the trainee should learn.
    pub learning_goals: Vec<String>,
    /// The seed-text idea behind the scenario.
    pub seed_idea: String,
    /// Free notes for trainers.
    pub trainer_notes: String,
    /// Questions for a group session.
    pub discussion_questions: Vec<String>,
    /// Prompts shown in the debrief for written reflection.
    pub reflection_prompts: Vec<String>,
    /// The customer the trainee meets.
    pub customer: Customer,
    /// The node the conversation starts at.
    pub start: Target,
    /// Whether choices are shown in a seeded random order (default true).
    pub shuffle_choices: bool,
    /// All nodes in file order.
    pub nodes: Vec<Node>,
    /// Flag names in order of first appearance.
    pub flags: Vec<String>,
    /// Promise ids in order of first appearance.
    pub promises: Vec<PromiseInfo>,
    /// Node id to index.
    pub node_index: HashMap<String, NodeIdx>,
    /// Where the scenario came from and its content hash.
    pub source: SourceInfo,
    /// True when loading found no errors: only such scenarios can be played.
    pub checked: bool,
}

/// Where a scenario was loaded from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceInfo {
    /// Path as given (built-in scenarios use `scenarios/<lang>/<file>`).
    pub path: PathBuf,
    /// Stable hash of the file's bytes (FNV-1a 64, hex).
    pub content_hash: String,
    /// True for the scenarios compiled into the binary.
    pub built_in: bool,
}

/// What the scenario says about one promise id.
#[derive(Debug, Clone, Default)]
pub struct PromiseInfo {
    /// The promise id.
    pub id: String,
    /// Some choice or node confirms it with the customer, so confirming is
    /// worth points (and not confirming costs them).
    pub confirmable: bool,
}

/// Scenario difficulty.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    /// For a first session.
    #[default]
    Beginner,
    /// Needs some practice.
    Intermediate,
    /// For experienced staff.
    Advanced,
}

/// The customer of a scenario.
#[derive(Debug, Clone, Default)]
pub struct Customer {
    /// Name variants; one is picked by the seed.
    pub names: Vec<String>,
    /// One line about who they are.
    pub persona: Text,
    /// What their business needs (cut costs, sell more...).
    pub business_goals: Vec<String>,
    /// What they need as a person (less stress, credibility...).
    pub personal_goals: Vec<String>,
    /// Starting mood.
    pub mood: MoodSpec,
    /// Grammatical gender, for agreement and courtesy titles.
    pub gender: Gender,
}

/// Starting mood: fixed, or a range the seed picks from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoodSpec {
    /// Always this mood.
    Fixed(i32),
    /// A mood between the two values, inclusive.
    Between(i32, i32),
}

impl Default for MoodSpec {
    fn default() -> Self {
        MoodSpec::Fixed(50)
    }
}

/// A text that may contain `{placeholders}`, with its source position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Text {
    /// The text as written, placeholders unresolved.
    pub value: String,
    /// Where the text literal is.
    pub span: Span,
    /// Source offset of the first character when the literal had no escapes.
    pub verbatim_from: Option<u32>,
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.value
    }
}

/// A reference to a node by id, resolved to its index.
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// The id as written.
    pub id: Spanned<String>,
    /// The node's index, or [`UNRESOLVED`].
    pub node: NodeIdx,
}

/// Who speaks a node's text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Speaker {
    /// The customer.
    #[default]
    Customer,
    /// A colleague of the trainee.
    Colleague,
    /// The trainee's manager.
    Manager,
    /// Scene-setting narration.
    Narrator,
}

/// One node of the conversation.
#[derive(Debug, Clone, Default)]
pub struct Node {
    /// The node id (its key in the `nodes` map).
    pub id: Spanned<String>,
    /// The whole node value.
    pub span: Span,
    /// Who speaks.
    pub speaker: Speaker,
    /// The speaker's name when it is not the customer (e.g. "Javier, almacén").
    pub speaker_name: Option<String>,
    /// What is said or narrated.
    pub text: Text,
    /// A short description of the customer's visible reaction.
    pub mood_cue: Option<Text>,
    /// Mood change on entering the node.
    pub mood: i32,
    /// Promise actions applied on entering (e.g. "48 hours later" keeps one).
    pub promises: Vec<PromiseAction>,
    /// Flags set on entering.
    pub flags: Vec<FlagRef>,
    /// Choices or an ending.
    pub body: NodeBody,
    /// A question for the room about this moment, shown in classroom mode
    /// after the vote and in the group debrief.
    pub discussion: Option<Text>,
}

/// What a node is: a decision or an ending.
#[derive(Debug, Clone)]
#[allow(clippy::large_enum_variant)] // one per node; boxing would only add indirection
pub enum NodeBody {
    /// A moment where the trainee picks a reply.
    Scene {
        /// The replies on offer.
        choices: Vec<Choice>,
        /// Span of the choices list.
        choices_span: Span,
        /// Optional time limit.
        time_limit: Option<TimeLimit>,
        /// Show choices in file order even when the scenario shuffles.
        fixed_order: bool,
    },
    /// An ending of the moment of truth.
    Ending {
        /// Customer kept, neutral or lost.
        outcome: Outcome,
        /// What the trainer wants the trainee to take away from this ending.
        debrief: Text,
        /// What the ending's texts state about the conversation; `check`
        /// proves each holds on every path that reaches the ending.
        claims: Vec<Claim>,
        /// Sentences added to the lesson on the paths where their
        /// condition holds.
        notes: Vec<Note>,
    },
}

impl Default for NodeBody {
    fn default() -> Self {
        NodeBody::Ending {
            outcome: Outcome::Neutral,
            debrief: Text::default(),
            claims: Vec::new(),
            notes: Vec::new(),
        }
    }
}

impl Node {
    /// The choices of a scene, empty for an ending.
    pub fn choices(&self) -> &[Choice] {
        match &self.body {
            NodeBody::Scene { choices, .. } => choices,
            NodeBody::Ending { .. } => &[],
        }
    }

    /// The time limit of a scene, if any.
    pub fn time_limit(&self) -> Option<&TimeLimit> {
        match &self.body {
            NodeBody::Scene { time_limit, .. } => time_limit.as_ref(),
            NodeBody::Ending { .. } => None,
        }
    }

    /// The outcome of an ending.
    pub fn outcome(&self) -> Option<Outcome> {
        match &self.body {
            NodeBody::Ending { outcome, .. } => Some(*outcome),
            NodeBody::Scene { .. } => None,
        }
    }

    /// True for endings.
    pub fn is_ending(&self) -> bool {
        matches!(self.body, NodeBody::Ending { .. })
    }
}

/// How a moment of truth ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Outcome {
    /// The customer stays, with a good memory of the moment.
    Kept,
    /// The problem is handled, the relationship neither better nor worse.
    Neutral,
    /// The customer leaves.
    Lost,
}

/// The three scored dimensions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Dimension {
    /// Did the reply acknowledge the person?
    Empathy,
    /// Were promises realistic, kept and confirmed?
    Promise,
    /// Did the trainee care instead of "educating the customer"?
    Care,
}

impl Dimension {
    /// All three, in display order.
    pub const ALL: [Dimension; 3] = [Dimension::Empathy, Dimension::Promise, Dimension::Care];

    /// Position in arrays indexed by dimension.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// Score changes of a reply, per dimension.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Effects {
    /// Empathy.
    pub empathy: i32,
    /// Promise-keeping.
    pub promise: i32,
    /// Care, not "educate".
    pub care: i32,
}

impl Effects {
    /// The value for one dimension.
    pub fn get(&self, dimension: Dimension) -> i32 {
        match dimension {
            Dimension::Empathy => self.empathy,
            Dimension::Promise => self.promise,
            Dimension::Care => self.care,
        }
    }

    /// The three values in [`Dimension::ALL`] order.
    pub fn as_array(&self) -> [i32; 3] {
        [self.empathy, self.promise, self.care]
    }
}

/// A reply the trainee can pick.
#[derive(Debug, Clone, Default)]
pub struct Choice {
    /// Id, unique within its node.
    pub id: Spanned<String>,
    /// The whole choice value.
    pub span: Span,
    /// What the trainee says.
    pub text: Text,
    /// Score changes.
    pub effects: Effects,
    /// Mood change.
    pub mood: i32,
    /// Promise actions.
    pub promises: Vec<PromiseAction>,
    /// Flags set.
    pub flags: Vec<FlagRef>,
    /// Only offered when this holds.
    pub when: Option<Condition>,
    /// The trainer's explanation of the principle behind the reply.
    pub feedback: Text,
    /// Where the conversation goes.
    pub next: Next,
}

/// A time limit on a scene and what happens when it runs out.
#[derive(Debug, Clone)]
pub struct TimeLimit {
    /// Seconds the trainee has.
    pub seconds: u32,
    /// The "reply" recorded on timeout: its text, effects, feedback and next.
    pub reply: Choice,
}

/// Where a choice leads.
#[derive(Debug, Clone)]
pub enum Next {
    /// Always this node.
    Go(Target),
    /// The first branch whose condition holds, else `otherwise`.
    Route {
        /// Checked in order.
        branches: Vec<Branch>,
        /// Taken when no branch holds.
        otherwise: Target,
        /// The whole route value.
        span: Span,
    },
    /// A node picked at random with the given weights.
    Random {
        /// The candidates.
        options: Vec<Weighted>,
        /// The whole route value.
        span: Span,
    },
}

impl Default for Next {
    fn default() -> Self {
        Next::Go(Target::default())
    }
}

impl Next {
    /// Every node this can lead to.
    pub fn targets(&self) -> Vec<&Target> {
        match self {
            Next::Go(target) => vec![target],
            Next::Route {
                branches,
                otherwise,
                ..
            } => branches
                .iter()
                .map(|b| &b.go)
                .chain(std::iter::once(otherwise))
                .collect(),
            Next::Random { options, .. } => options.iter().map(|o| &o.go).collect(),
        }
    }
}

/// One branch of a conditional route.
#[derive(Debug, Clone)]
pub struct Branch {
    /// When to take it.
    pub when: Condition,
    /// Where it goes.
    pub go: Target,
}

/// One option of a random route.
#[derive(Debug, Clone)]
pub struct Weighted {
    /// Relative weight.
    pub weight: u32,
    /// Where it goes.
    pub go: Target,
}

/// A reference to a flag by name.
#[derive(Debug, Clone, Default)]
pub struct FlagRef {
    /// The name as written.
    pub name: Spanned<String>,
    /// Its index in [`Scenario::flags`].
    pub flag: FlagIdx,
}

/// A reference to a promise by id.
#[derive(Debug, Clone, Default)]
pub struct PromiseRef {
    /// The id as written.
    pub id: Spanned<String>,
    /// Its index in [`Scenario::promises`].
    pub promise: PromiseIdx,
}

/// Something an ending's text states about the conversation, as a
/// condition that must hold on every path reaching the ending.
#[derive(Debug, Clone)]
pub struct Claim {
    /// The condition.
    pub condition: Condition,
    /// Where it is written.
    pub span: Span,
}

/// A sentence of an ending's lesson that is shown only on the paths where
/// its condition holds.
#[derive(Debug, Clone)]
pub struct Note {
    /// When to add it.
    pub when: Condition,
    /// The sentence.
    pub text: Text,
}

/// The customer's grammatical gender: Spanish mood labels agree with it
/// ("Molesta", "Encantado") and `{customer_formal}` picks the courtesy
/// title ("la señora Márquez", "Mr Evans").
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Gender {
    /// Not said: labels use the masculine form, `{customer_formal}` the full name.
    #[default]
    Unspecified,
    /// Feminine.
    Feminine,
    /// Masculine.
    Masculine,
}

/// A flag or promise reference inside a condition, to resolve its name.
pub enum RefMut<'a> {
    /// A flag.
    Flag(&'a mut FlagRef),
    /// A promise.
    Promise(&'a mut PromiseRef),
}

/// A condition on the state of the conversation.
#[derive(Debug, Clone)]
pub enum Condition {
    /// Mood is at least this.
    MoodAtLeast(i32),
    /// Mood is below this.
    MoodBelow(i32),
    /// The flag is set.
    Flag(FlagRef),
    /// The flag is not set.
    NotFlag(FlagRef),
    /// The promise was made and is neither kept nor broken yet.
    PromiseOpen(PromiseRef),
    /// The promise was kept.
    PromiseKept(PromiseRef),
    /// The promise was made (whatever became of it since).
    PromiseMade(PromiseRef),
    /// The promise was broken (or, at an ending, is still open).
    PromiseBroken(PromiseRef),
    /// The trainee confirmed the promise with the customer.
    PromiseConfirmed(PromiseRef),
    /// The trainee honestly took the promise back.
    PromiseRetracted(PromiseRef),
    /// The score of a dimension so far is assessed and at least this.
    ScoreAtLeast(Dimension, u8),
    /// The score of a dimension so far is assessed and below this.
    ScoreBelow(Dimension, u8),
    /// All hold.
    All(Vec<Condition>),
    /// At least one holds.
    Any(Vec<Condition>),
    /// Does not hold.
    Not(Box<Condition>),
}

/// A condition in the file's own syntax, e.g. `All([Flag("a"), MoodAtLeast(60)])`.
impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let list = |f: &mut std::fmt::Formatter<'_>, name: &str, parts: &[Condition]| {
            write!(f, "{name}([")?;
            for (i, part) in parts.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "{part}")?;
            }
            f.write_str("])")
        };
        match self {
            Condition::MoodAtLeast(n) => write!(f, "MoodAtLeast({n})"),
            Condition::MoodBelow(n) => write!(f, "MoodBelow({n})"),
            Condition::Flag(flag) => write!(f, "Flag({:?})", flag.name.value),
            Condition::NotFlag(flag) => write!(f, "NotFlag({:?})", flag.name.value),
            Condition::PromiseOpen(p) => write!(f, "PromiseOpen({:?})", p.id.value),
            Condition::PromiseKept(p) => write!(f, "PromiseKept({:?})", p.id.value),
            Condition::PromiseMade(p) => write!(f, "PromiseMade({:?})", p.id.value),
            Condition::PromiseBroken(p) => write!(f, "PromiseBroken({:?})", p.id.value),
            Condition::PromiseConfirmed(p) => write!(f, "PromiseConfirmed({:?})", p.id.value),
            Condition::PromiseRetracted(p) => write!(f, "PromiseRetracted({:?})", p.id.value),
            Condition::ScoreAtLeast(d, n) => write!(f, "ScoreAtLeast({d:?}, {n})"),
            Condition::ScoreBelow(d, n) => write!(f, "ScoreBelow({d:?}, {n})"),
            Condition::All(parts) => list(f, "All", parts),
            Condition::Any(parts) => list(f, "Any", parts),
            Condition::Not(inner) => write!(f, "Not({inner})"),
        }
    }
}

impl Condition {
    /// True when a score condition is used anywhere inside.
    pub fn reads_score(&self) -> bool {
        match self {
            Condition::ScoreAtLeast(..) | Condition::ScoreBelow(..) => true,
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().any(Condition::reads_score)
            }
            Condition::Not(inner) => inner.reads_score(),
            _ => false,
        }
    }

    /// Every flag and promise the condition names, anywhere inside.
    pub fn refs(&self) -> (Vec<&FlagRef>, Vec<&PromiseRef>) {
        let mut flags = Vec::new();
        let mut promises = Vec::new();
        self.collect_refs(&mut flags, &mut promises);
        (flags, promises)
    }

    fn collect_refs<'c>(
        &'c self,
        flags: &mut Vec<&'c FlagRef>,
        promises: &mut Vec<&'c PromiseRef>,
    ) {
        match self {
            Condition::MoodAtLeast(_)
            | Condition::MoodBelow(_)
            | Condition::ScoreAtLeast(..)
            | Condition::ScoreBelow(..) => {}
            Condition::Flag(f) | Condition::NotFlag(f) => flags.push(f),
            Condition::PromiseOpen(p)
            | Condition::PromiseKept(p)
            | Condition::PromiseMade(p)
            | Condition::PromiseBroken(p)
            | Condition::PromiseConfirmed(p)
            | Condition::PromiseRetracted(p) => promises.push(p),
            Condition::All(parts) | Condition::Any(parts) => {
                for part in parts {
                    part.collect_refs(flags, promises);
                }
            }
            Condition::Not(inner) => inner.collect_refs(flags, promises),
        }
    }

    /// Visits every flag and promise reference, mutably (for name resolution).
    pub fn visit_refs_mut(&mut self, visit: &mut impl FnMut(RefMut<'_>)) {
        match self {
            Condition::MoodAtLeast(_)
            | Condition::MoodBelow(_)
            | Condition::ScoreAtLeast(..)
            | Condition::ScoreBelow(..) => {}
            Condition::Flag(f) | Condition::NotFlag(f) => visit(RefMut::Flag(f)),
            Condition::PromiseOpen(p)
            | Condition::PromiseKept(p)
            | Condition::PromiseMade(p)
            | Condition::PromiseBroken(p)
            | Condition::PromiseConfirmed(p)
            | Condition::PromiseRetracted(p) => visit(RefMut::Promise(p)),
            Condition::All(parts) | Condition::Any(parts) => {
                for part in parts {
                    part.visit_refs_mut(visit);
                }
            }
            Condition::Not(inner) => inner.visit_refs_mut(visit),
        }
    }

    /// True when the condition reads the customer's mood, anywhere inside.
    pub fn reads_mood(&self) -> bool {
        match self {
            Condition::MoodAtLeast(_) | Condition::MoodBelow(_) => true,
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().any(Condition::reads_mood)
            }
            Condition::Not(inner) => inner.reads_mood(),
            _ => false,
        }
    }
}

/// One of the four limits of what staff can promise (seed text 000).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Limit {
    /// It cannot physically be done.
    CannotPhysically,
    /// The person does not know how.
    DontKnowHow,
    /// The person is not allowed to.
    NotAllowed,
    /// The tools or systems are missing.
    NoTools,
}

/// Something done to a promise.
#[derive(Debug, Clone)]
pub enum PromiseAction {
    /// Make a promise; `limit` names the limit it ignores, if it is unrealistic.
    Make {
        /// The promise.
        promise: PromiseRef,
        /// What was promised, in the customer's terms.
        text: Text,
        /// The limit this promise ignores, if any.
        limit: Option<Limit>,
        /// The whole action.
        span: Span,
    },
    /// The promise is kept.
    Keep(PromiseRef),
    /// The promise is broken.
    Break(PromiseRef),
    /// The trainee checks with the customer that it was what they needed.
    Confirm(PromiseRef),
    /// The trainee honestly takes the promise back before it is due.
    Retract(PromiseRef),
}

impl PromiseAction {
    /// The promise acted on.
    pub fn promise(&self) -> &PromiseRef {
        match self {
            PromiseAction::Make { promise, .. }
            | PromiseAction::Keep(promise)
            | PromiseAction::Break(promise)
            | PromiseAction::Confirm(promise)
            | PromiseAction::Retract(promise) => promise,
        }
    }
}

impl Scenario {
    /// The node at `index`.
    pub fn node(&self, index: NodeIdx) -> Option<&Node> {
        self.nodes.get(index as usize)
    }

    /// The index of the node called `id`.
    pub fn node_by_id(&self, id: &str) -> Option<NodeIdx> {
        self.node_index.get(id).copied()
    }

    /// The node whose source text contains byte `offset` (for selecting the
    /// node a diagnostic points at).
    pub fn node_at(&self, offset: u32) -> Option<NodeIdx> {
        self.nodes
            .iter()
            .position(|n| {
                (n.id.span.start <= offset && offset < n.id.span.end)
                    || (n.span.start <= offset && offset < n.span.end)
            })
            .map(|i| i as NodeIdx)
    }

    /// Number of nodes that are not endings.
    pub fn decision_count(&self) -> usize {
        self.nodes.iter().filter(|n| !n.is_ending()).count()
    }

    /// The limits of a promise id's `Make` actions (the first one found).
    pub fn promise_text(&self, promise: PromiseIdx) -> Option<(&Text, Option<Limit>)> {
        self.all_promise_actions().find_map(|action| match action {
            PromiseAction::Make {
                promise: p,
                text,
                limit,
                ..
            } if p.promise == promise => Some((text, *limit)),
            _ => None,
        })
    }

    /// Every choice of every node, timeouts included, with its node.
    pub fn all_replies(&self) -> impl Iterator<Item = (&Node, &Choice)> {
        self.nodes.iter().flat_map(|node| {
            node.choices()
                .iter()
                .chain(node.time_limit().map(|t| &t.reply))
                .map(move |choice| (node, choice))
        })
    }

    /// Every promise action in the scenario, on nodes and on replies.
    pub fn all_promise_actions(&self) -> impl Iterator<Item = &PromiseAction> {
        self.nodes.iter().flat_map(|node| {
            node.promises.iter().chain(
                node.choices()
                    .iter()
                    .chain(node.time_limit().map(|t| &t.reply))
                    .flat_map(|c| c.promises.iter()),
            )
        })
    }
}
