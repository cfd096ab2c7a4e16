//! `sentence`: the arithmetic the words of one sentence declare between its
//! own figures, whatever the tables show.
//!
//! ## What it checks
//! Many figures in prose can never be tied to a table (a segment the
//! tables do not break out, a dividend, a trailing-twelve-months flow), but
//! their sentence states how they relate, and that much can be checked:
//!
//! - **growth between two amounts**: "Net sales for the quarter increased
//!   7.5 percent, to $60.99 billion from $56.72 billion last year", "sales
//!   and revenues of $13.6 billion, a 14% increase compared with $11.9
//!   billion", "increasing its quarterly cash dividend by 150% from $0.04
//!   per share to $0.10 per share", "a 7 percent increase in its annualized
//!   dividend to $5.42 per share from $5.06 per share": the rate is the later
//!   amount over the earlier one, less one;
//! - **a change between two amounts**: "operating profit was $1.855 billion,
//!   an increase of $41 million, or 2%, compared with $1.814 billion", "net
//!   income would have increased by $15.93 billion to $18.64 billion,
//!   compared to the reported net income of $2.71 billion", "a $117 million
//!   decrease to the ARR balance, from $17.33 billion to $17.22 billion":
//!   the change is the difference, and the rate the change over the earlier
//!   amount; with no earlier amount printed ("revenues totaled $14.2
//!   billion, a decrease of $10.0 billion, or 41%, compared to the
//!   prior-year quarter") the rate is the change over the amount it implies
//!   ($14.2 billion + $10.0 billion);
//! - **a direction**: "earnings of $655 million were down from $761
//!   million", "decreased from $6.3 billion to $5.7 billion", "increased to
//!   $13.2 billion …, compared with $2.7 billion": the amounts must move the
//!   way the words say;
//! - **a sum the words declare exhaustive**: "total cash returns of
//!   approximately $8.6 billion, comprised of dividends of $7.6 billion and
//!   share repurchases of $1.0 billion" ("comprised of", "consisting of",
//!   "made up of", "composed of"), "were $1.2 billion, $173 million, and
//!   $1.1 billion, respectively, totaling $2.5 billion", a breakdown in
//!   parentheses ("$964 million for Prevnar 13 ($834 million for pediatric
//!   and $130 million for adult)"). "Included" and "including" are not
//!   sums: releases list some parts only, and a part can exceed the total
//!   when others are negative ("an adjustment of $238 million mainly
//!   includes $286 million in inventory losses").
//!
//! A guidance range with its midpoint ("$10.60 – $10.70 / $10.65") is a
//! table row: the `midpoint` rule (`midpoint.rs`) checks it.
//!
//! ## How it decides
//! Each figure is an interval (its printed precision, `interval.rs`); a
//! relation fails only when the interval computed from the other figures
//! and the printed one cannot overlap. Growth rates get one unit of their
//! last printed digit either way (issuers truncate, or compute them from
//! unrounded amounts), as narrative claims do. "Approximately", "about",
//! "around" widen a figure by a unit of its last digit; "more than",
//! "over", "at least" make it a lower bound, "nearly", "almost", "less
//! than", "up to" an upper bound.
//!
//! A sentence with several relations between the same figures ("an
//! increase of $41 million, or 2%, compared with $1.814 billion" relates
//! the amount, the change, the rate and the earlier amount three ways)
//! names the figure that breaks the relations it is in while the others
//! hold; when the sentence cannot tell which figure is wrong, the finding
//! is on the derived one (the rate, the change, the total)
//! with labels on the figures it was computed from.
//!
//! ## Saying nothing unsure
//! - A rate or change said to be in constant currency, operational,
//!   organic, excluding something, pro forma, or on some basis is not the
//!   growth of the printed amounts: "revenues totaled $12.5 billion, an
//!   increase of $1.2 billion, or 11%, operationally" is not checked. A
//!   qualifier of the sentence's subject ("Earnings excluding identified
//!   items decreased from $6.3 billion to $5.7 billion") qualifies both
//!   amounts alike and does not stop the check; one set off by a comma
//!   ("In constant currency, revenue grew …") does. Basis words after the
//!   last amount stop the check too ("…, excluding the impact of the
//!   acquisition" may describe the change), unless the subject's amounts
//!   are themselves named on another basis and no rate is stated ("Total
//!   constant currency revenues of $85.2 billion … increased $9.8 billion
//!   compared to $75.4 billion in revenues, excluding hedging effect").
//! - A sentence about the future ("expects", "guidance", "will") is
//!   checked like any other: the tense says whether the figures will come
//!   true, not whether they agree with each other. "The guidance above
//!   implies 2024 core EPS of at least $8.15, a 7 percent increase compared
//!   to 2023 core EPS of $7.62" is arithmetic the release prints. What makes forecasts unsure for claims
//!   (they tie to no table) does not arise here; ranges, the form most
//!   forecasts take, are left alone.
//! - Ranges ("$58.5 to $61.5 billion"), "respectively" lists, losses and
//!   negative amounts (where "increase" and "decrease" turn around), and
//!   figures whose words leave a gap with another subject in it ("and",
//!   "while") are left alone.
//!
//! Figures whose relations all hold count as verified; `tickmark inspect`
//! shows them as holding in their sentence.

use super::claim::{sentence_end, sentence_start};
use super::{Finding, Label, Outcome};
use crate::document::{Document, Mention, MentionKind};
use crate::interval::Interval;
use crate::rules::Rule;
use regex::Regex;
use rust_decimal::Decimal;
use std::sync::LazyLock;

/// A figure stands in the skeleton of its sentence as `\x01` + class +
/// its index among the document's mentions + `\x02`: `M` an amount with a
/// scale word, `U` an amount without one, `S` a per-share amount, `P` a
/// percentage, `T` points.
const OPEN: char = '\x01';
const CLOSE: char = '\x02';

/// Expands `<AMT>` (any amount), `<PCT>` (a percentage), `<FIG>` (any
/// figure), `<GAP>` (words with no figure, no clause break), `<LEAD>`
/// (words before the base amount, ending in "of"), `<DIRV>` / `<DIRN>`
/// (verbs / nouns of a direction) and `<CMP>` (words of comparison).
///
/// Shapes are byte regexes without Unicode classes: the skeleton's words
/// are matched ignoring ASCII case, and a gap is any byte but a figure's
/// delimiters, a semicolon or a comma. With Unicode classes the shapes
/// took twice as long to compile, and they are compiled in every run
/// before the first sentence is read. White space is ASCII white space
/// or the Unicode spaces a text file may hold between words (no-break,
/// en to hair, narrow no-break), so matching is as with Unicode `\s` on
/// the text releases hold.
fn pattern(src: &str) -> regex::bytes::Regex {
    let expanded = src
        .replace("<AMT>", r"\x01[MUS]\d+\x02")
        .replace("<PCT>", r"\x01P\d+\x02")
        .replace("<FIG>", r"\x01[MUSPT]\d+\x02")
        // A date's comma ("ended November 2, 2024") does not end a clause.
        .replace("<GAP>", r"(?:[^\x01\x02;,]|,\s*\d{4})*?")
        .replace("<LEAD>", r"(?:(?P<lead>[^\x01\x02;,]{1,60}?)\s+of\s+)?")
        .replace(
            "<DIRV>",
            r"(?-u:\b)(?P<dir>increased|increases|increasing|rose|rising|grew|growing|climbed|jumped|improved|expanded|up|higher|decreased|decreases|decreasing|declined|declining|fell|falling|dropped|down|lower|contracted|reduced)",
        )
        .replace(
            "<DIRN>",
            r"(?-u:\b)(?P<dir>increase|rise|growth|improvement|expansion|decrease|decline|drop|reduction|contraction)",
        )
        .replace(
            "<CMP>",
            r"(?-u:\b)(?:compared\s+(?:to|with)|from|versus|vs\.?|over)",
        )
        .replace(r"\s", r"(?:\s|\xC2\xA0|\xE2\x80[\x80-\x8A\xAF])");
    regex::bytes::Regex::new(&format!("(?i-u){expanded}")).expect("sentence pattern")
}

/// A shape's match over the skeleton, its groups read back as text.
struct Groups<'s> {
    caps: regex::bytes::Captures<'s>,
    text: &'s str,
}

/// One group of a shape's match.
#[derive(Clone, Copy)]
struct Group<'s> {
    start: usize,
    end: usize,
    text: &'s str,
}

impl<'s> Group<'s> {
    fn as_str(&self) -> &'s str {
        self.text
    }
    fn start(&self) -> usize {
        self.start
    }
    fn end(&self) -> usize {
        self.end
    }
}

impl<'s> Groups<'s> {
    /// Every group starts and ends beside an ASCII byte or a figure's
    /// delimiter, so on a character boundary; one that did not would be
    /// no group.
    fn group(&self, m: regex::bytes::Match<'s>) -> Option<Group<'s>> {
        Some(Group {
            start: m.start(),
            end: m.end(),
            text: self.text.get(m.start()..m.end())?,
        })
    }
    fn name(&self, name: &str) -> Option<Group<'s>> {
        self.group(self.caps.name(name)?)
    }
    fn whole(&self) -> Option<Group<'s>> {
        self.group(self.caps.get(0)?)
    }
}

/// The shapes of sentences that state a relation, most specific first; a
/// figure taken by one shape is not read again by a later one.
static SHAPES: LazyLock<Vec<(Shape, regex::bytes::Regex)>> = LazyLock::new(|| {
    vec![
        // "an increase of $1.702 billion, or 14%, compared with $11.887
        // billion" after the amount; without the earlier amount, the rate
        // implies it.
        (
            Shape::Change,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,\s*(?:an?\s+)?<DIRN>\s+of\s+(?P<change><AMT>)(?:\s*,?\s*or\s+(?P<rate><PCT>))?(?:\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>))?",
            ),
        ),
        // "revenues of $85.2 billion … increased $9.8 billion compared to
        // $75.4 billion", "was $1.855 billion, up $41 million, or 2%".
        (
            Shape::Change,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*<DIRV>\s+(?:by\s+)?(?P<change><AMT>)(?:\s*,?\s*or\s+(?P<rate><PCT>))?(?:\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>))?",
            ),
        ),
        // "earnings totaled $3.2 billion compared to $2.4 billion in the
        // third quarter, an increase of $765 million".
        (
            Shape::Change,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*(?:compared\s+(?:to|with)|versus|vs\.?)\s+<LEAD>(?P<base><AMT>)(?P<gap2><GAP>)\s*,\s*(?:an?\s+)?<DIRN>\s+of\s+(?P<change><AMT>)(?:\s*,?\s*or\s+(?P<rate><PCT>))?",
            ),
        ),
        // "net income would have increased by $15.93 billion to $18.64
        // billion, compared to the reported net income of $2.71 billion".
        (
            Shape::Change,
            pattern(
                r"<DIRV>\s+(?:by\s+)?(?P<change><AMT>)\s*,?\s*to\s+(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "a $117 million decrease to the Digital Media ARR balance …,
        // from $17.33 billion to $17.22 billion".
        (
            Shape::Change,
            pattern(
                r"(?P<change><AMT>)\s+<DIRN>\s+(?:in|to|of)\s+(?P<obj>[^\x01\x02;,]{1,80}?)\s*,?\s*from\s+(?P<base><AMT>)\s+to\s+(?P<now><AMT>)",
            ),
        ),
        // "increased 7.5 percent, to $60.99 billion from $56.72 billion",
        // "increased 14% to $170.0 billion in the fourth quarter, compared
        // with $149.2 billion".
        (
            Shape::Growth,
            pattern(
                r"<DIRV>\s+(?:by\s+)?(?P<rate><PCT>)\s*,?\s*to\s+(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "increasing its quarterly cash dividend by 150% from $0.04 per
        // share to $0.10 per share".
        (
            Shape::Growth,
            pattern(
                r"<DIRV>(?:\s+(?P<obj>[a-z][^\x01\x02;,]{0,60}?))?\s+by\s+(?P<rate><PCT>)\s*,?\s*from\s+(?P<base><AMT>)\s+to\s+(?P<now><AMT>)",
            ),
        ),
        (
            Shape::Growth,
            pattern(
                r"<DIRV>\s+(?P<rate><PCT>)\s*,?\s*from\s+(?P<base><AMT>)\s+to\s+(?P<now><AMT>)",
            ),
        ),
        // "net sales of $123.15 billion, an increase of 6.1 percent from
        // $116.06 billion last year".
        (
            Shape::Growth,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,\s*(?:an?\s+)?<DIRN>\s+of\s+(?P<rate><PCT>)\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "revenue was $5.5 billion, up 10% from $5.0 billion".
        (
            Shape::Growth,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,\s*<DIRV>\s+(?:by\s+)?(?P<rate><PCT>)\s*,?\s*<CMP>\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "$13.6 billion, a 14% increase compared with $11.9 billion", "a
        // quarterly cash dividend of $0.21 representing a 5% increase from
        // the previous quarterly dividend of $0.20".
        (
            Shape::Growth,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*(?:(?:representing|reflecting|which\s+(?:is|was|represents))\s+)?(?:an?\s+)?(?P<rate><PCT>)\s+<DIRN>\s+<CMP>\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "a 7 percent increase in its annualized dividend to $5.42 per
        // share from $5.06 per share".
        (
            Shape::Growth,
            pattern(
                r"(?P<rate><PCT>)\s+<DIRN>\s+in\s+(?P<obj>[^\x01\x02;,]{1,60}?)\s+to\s+(?P<now><AMT>)\s*,?\s*from\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "earnings of $655 million were down from $761 million".
        (
            Shape::Direction,
            pattern(
                r"(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*(?:(?:were|was|is|are)\s+)?(?-u:\b)(?P<dir>up|down|higher|lower)\s+(?:from|than|compared\s+(?:to|with)|versus)\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "decreased from $6.3 billion to $5.7 billion".
        (
            Shape::Direction,
            pattern(r"<DIRV>\s+from\s+(?P<base><AMT>)\s+to\s+(?P<now><AMT>)"),
        ),
        // "increased to $13.2 billion in the fourth quarter, compared with
        // $2.7 billion".
        (
            Shape::Direction,
            pattern(
                r"<DIRV>\s+to\s+(?P<now><AMT>)(?P<gap><GAP>)\s*,?\s*(?:from|compared\s+(?:to|with)|versus)\s+<LEAD>(?P<base><AMT>)",
            ),
        ),
        // "of approximately $8.6 billion, comprised of dividends of $7.6
        // billion and share repurchases of $1.0 billion".
        (
            Shape::Sum,
            pattern(
                r"(?P<total><AMT>)(?P<gap><GAP>)\s*,?\s*(?:(?:which\s+)?(?:was|were|is|are)\s+)?(?-u:\b)(?:comprised\s+of|comprising|consisting\s+of|consisted\s+of|composed\s+of|made\s+up\s+of)\s+(?P<parts>(?:[^\x01\x02;]{0,50}?<AMT>[^\x01\x02;]{0,50}?,\s*)*[^\x01\x02;]{0,50}?<AMT>[^\x01\x02;]{0,50}?(?-u:\b)and\s+[^\x01\x02;]{0,50}?<AMT>)",
            ),
        ),
        // "dividend payments … were $1.2 billion, $173 million, and $1.1
        // billion, respectively, totaling $2.5 billion".
        (
            Shape::Sum,
            pattern(
                r"(?P<parts><AMT>(?:\s*,\s*<AMT>)*\s*,?\s*and\s+<AMT>)\s*,?\s*(?:respectively\s*,?\s*)?(?:totaling|totalling|for\s+a\s+total\s+of)\s+(?P<total><AMT>)",
            ),
        ),
        // "$964 million for Prevnar 13 ($834 million for pediatric and $130
        // million for adult)": a breakdown in parentheses, each part named
        // by what it is for.
        (
            Shape::Sum,
            pattern(
                r"(?P<total><AMT>)(?P<gap>[^\x01\x02;,()]{0,80}?)\s*\(\s*(?P<parts><AMT>\s+for\s+[^\x01\x02();,]{1,40}?(?:\s*,\s*<AMT>\s+for\s+[^\x01\x02();,]{1,40}?)*\s*,?\s+and\s+<AMT>\s+for\s+[^\x01\x02();,]{1,40}?)\s*\)",
            ),
        ),
    ]
});

/// Words that, between the figures of a relation or in its gaps, mean the
/// figures are not about one subject.
static OTHER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(and|while|but|whereas|respectively|compared|versus|vs)(?-u:\b)")
        .expect("re")
});

/// A basis other than the printed amounts: a rate "in constant currency"
/// or "operationally" is not the growth of the amounts beside it.
static BASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(constant[\s-]currency|cc|fx|f/x|foreign exchange|currenc(y|ies)|operational(ly)?|organic(ally)?|excluding|exclusive of|ex-[a-z]|pro[\s-]?forma|comparable|like[\s-]for[\s-]like|underlying|normalized|basis)(?-u:\b)")
        .expect("re")
});

/// Where the words after a relation turn to something else: its tail ends
/// there ("…, compared to the prior-year quarter, reflecting an
/// operational decline of …").
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(reflecting|reflects|driven|primarily|mainly|largely|due|as|which|led|partially|partly|offset|and|while|with|bringing|representing)(?-u:\b)|;")
        .expect("re")
});

/// Losses turn "increase" and "decrease" around.
static LOSS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(loss|losses|deficit|negative)(?-u:\b)").expect("re")
});

/// A parenthesis restating a figure as it was before ("(previously
/// $7.20)", "(prior outlook 6 percent)").
static ASIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*\((?:previously|prior(?:\s+(?:guidance|outlook|forecast))?|was|vs\.?|versus)(?-u:\b)[^()\x01\x02]{0,20}\x01[MUSPT]\d+\x02[^()\x01\x02]{0,20}\)")
        .expect("re")
});

/// A new list item ("\n- Net income …") or a blank line.
static ITEM_BREAK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\n[ \t]*(?:[-•*▪◦·–—]\s|\n)").expect("re"));

static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s*of(?-u:\b)").expect("re"));

/// Words in a list that make it less than every part ("among other
/// things", "primarily") or parts of either sign ("gains", "offset").
static PARTIAL_OR_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(among others?|among other things|primarily|mainly|principally|largely|including|includes|such as|in part|gains?|benefits?|credits?|offset|offsets|partially|net of|reversals?|income|losses?|negative|reductions?|less)(?-u:\b)")
        .expect("re")
});

static RESPECTIVELY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)respectively(?-u:\b)").expect("re"));

/// Two figures joined as a range ("$58.5 to $61.5 billion", "10-12%"):
/// ends of an outlook, not amounts to compare.
static RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<before>(?-u:\b)(?:from|by)\s+)?(?P<a>\x01[MUSPT]\d+\x02)\s*(?:-|–|—|to)\s*(?P<b>\x01[MUSPT]\d+\x02)")
        .expect("re")
});
static TOKEN: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\x01[A-Z]\d+\x02").expect("re"));
static RANGE_END_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:-|–|—)\s*\\?\$?\d").expect("re"));
static RANGE_END_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\d\s*(?:[BMK](?-u:\b))?\s*(?:-|–|—|to)\s*$").expect("re"));
static BETWEEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)between\s+(?P<a>\x01[MUSPT]\d+\x02)\s+and\s+(?P<b>\x01[MUSPT]\d+\x02)")
        .expect("re")
});

/// Hedges just before a figure.
static HEDGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?P<before>(?-u:\b)[a-z]+\s+)?(?P<word>approximately|about|around|roughly|some|nearly|almost|more than|over|in excess of|at least|less than|under|up to|just over|just under|~)\s*$")
        .expect("re")
});

/// The extent of a figure beyond its digits: the sign, currency and
/// parenthesis before it, the scale word, unit and per-share words after.
static EXTENT_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:\(\s*)?(?:US)?\\?\$\s?\(?\s*$|\(\s*$").expect("re"));
/// After the digits; the closing parenthesis of "$(0.6 million)" or
/// "(12.5)%" only when the extent opened one.
fn extent_after(opened: bool) -> &'static Regex {
    const UNITS: &str = r"(?:\s*(?:%|percent(?-u:\b)|per cent(?-u:\b)|percentage points?(?-u:\b)|basis points?(?-u:\b)|points?(?-u:\b)|pts(?-u:\b)|bps(?-u:\b)))?";
    const SCALE: &str = r"(?:\s*(?:million|billion|thousand|mm|bn)(?-u:\b))?";
    const PER_SHARE: &str = r"(?:\s*(?:of\s+)?(?:net\s+(?:income|loss|earnings)\s+)?per\s+(?:(?:basic|diluted|common)\s+(?:and\s+(?:basic|diluted)\s+)?)?share(?-u:\b))?";
    static CLOSED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!("(?i)^{SCALE}\\)?{UNITS}\\)?{PER_SHARE}")).expect("re")
    });
    static OPEN_ONLY: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!("(?i)^{SCALE}{UNITS}{PER_SHARE}")).expect("re"));
    if opened {
        &CLOSED
    } else {
        &OPEN_ONLY
    }
}

/// The kind of statement a shape makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    Growth,
    Change,
    Direction,
    Sum,
}

/// One relation between figures (indices into the document's mentions).
#[derive(Debug, Clone, PartialEq)]
enum Relation {
    /// `rate = now / base - 1`, signed by the direction words.
    Growth {
        rate: usize,
        now: usize,
        base: usize,
        dir: i8,
    },
    /// `change = now - base`, signed by the direction words.
    Change {
        change: usize,
        now: usize,
        base: usize,
        dir: i8,
    },
    /// `rate = change / base`.
    ChangeOverBase {
        rate: usize,
        change: usize,
        base: usize,
    },
    /// `rate = change / (now - dir * change)`: the base the sentence
    /// implies without printing it.
    ImpliedBase {
        rate: usize,
        change: usize,
        now: usize,
        dir: i8,
    },
    /// `now` is above (`dir` 1) or below (`dir` -1) `base`.
    Direction { now: usize, base: usize, dir: i8 },
    /// `total = parts[0] + parts[1] + …`.
    Sum { total: usize, parts: Vec<usize> },
}

impl Relation {
    fn figures(&self) -> Vec<usize> {
        match self {
            Relation::Growth {
                rate, now, base, ..
            } => vec![*rate, *now, *base],
            Relation::Change {
                change, now, base, ..
            } => vec![*change, *now, *base],
            Relation::ChangeOverBase { rate, change, base } => vec![*rate, *change, *base],
            Relation::ImpliedBase {
                rate, change, now, ..
            } => vec![*rate, *change, *now],
            Relation::Direction { now, base, .. } => vec![*now, *base],
            Relation::Sum { total, parts } => {
                let mut v = vec![*total];
                v.extend(parts.iter().copied());
                v
            }
        }
    }

    /// The figure computed from the others, which a finding is put on when
    /// the sentence cannot tell which figure is wrong.
    fn derived(&self) -> usize {
        match self {
            Relation::Growth { rate, .. }
            | Relation::ChangeOverBase { rate, .. }
            | Relation::ImpliedBase { rate, .. } => *rate,
            Relation::Change { change, .. } => *change,
            Relation::Direction { now, .. } => *now,
            Relation::Sum { total, .. } => *total,
        }
    }

    fn what(&self) -> &'static str {
        match self {
            Relation::Growth { .. } | Relation::ChangeOverBase { .. } => "growth",
            Relation::ImpliedBase { .. } => "growth",
            Relation::Change { .. } => "change",
            Relation::Direction { .. } => "direction",
            Relation::Sum { .. } => "sum",
        }
    }
}

/// A figure of a sentence as the arithmetic reads it.
#[derive(Debug, Clone)]
struct Fig {
    /// Its interval: in units for amounts, a fraction for rates (12.6% is
    /// 0.126), signed, widened by its hedge.
    value: Interval,
    /// As printed ("$60.99 billion", "7.5 percent").
    printed: String,
    class: char,
    negative: bool,
    scale: Decimal,
    decimals: u32,
}

/// Checks the arithmetic each sentence of the document declares.
pub fn check(doc: &Document, rule: &Rule, out: &mut Outcome) {
    let mut i = 0;
    while i < doc.mentions.len() {
        let m = &doc.mentions[i];
        let text = doc.blocks[m.block].text.text();
        let mut start = sentence_start(text, m.start);
        let mut end = sentence_end(text, m.end).max(m.end);
        // A list item or a paragraph ends a sentence without a full stop.
        if let Some(b) = ITEM_BREAK.find_iter(&text[start..m.start]).last() {
            start += b.end();
        }
        if let Some(b) = ITEM_BREAK.find(&text[m.end..end]) {
            end = m.end + b.start();
        }
        let mut j = i + 1;
        while j < doc.mentions.len()
            && doc.mentions[j].block == m.block
            && doc.mentions[j].end <= end
        {
            j += 1;
        }
        // Each sentence is read once, its skeleton built and matched
        // against a fixed set of shapes: linear in the document.
        if !crate::budget::spend(((end - start) / 16 + (j - i) + 1) as u64) {
            return;
        }
        if j - i >= 2 {
            check_sentence(doc, rule, i..j, start, end, out);
        }
        i = j;
    }
}

/// The relations one match of a shape states, or `None` when its words
/// leave them unsure.
fn relations_of(shape: Shape, c: &Groups, figs: &Figs) -> Option<Vec<Relation>> {
    let idx = |name: &str| c.name(name).and_then(|g| token_index(g.as_str()));
    let dir = c.name("dir").map_or(0, |d| direction(d.as_str()));
    match shape {
        Shape::Growth => {
            let (rate, now, base) = (idx("rate")?, idx("now")?, idx("base")?);
            figs.amounts(&[now, base])?;
            Some(vec![Relation::Growth {
                rate,
                now,
                base,
                dir,
            }])
        }
        Shape::Change => {
            let (now, change) = (idx("now")?, idx("change")?);
            let rate = idx("rate");
            match idx("base") {
                Some(base) => {
                    figs.amounts(&[now, change, base])?;
                    let mut rels = vec![Relation::Change {
                        change,
                        now,
                        base,
                        dir,
                    }];
                    if let Some(rate) = rate {
                        rels.push(Relation::ChangeOverBase { rate, change, base });
                        rels.push(Relation::Growth {
                            rate,
                            now,
                            base,
                            dir,
                        });
                    }
                    Some(rels)
                }
                None => {
                    // Without its base, a change says something only with
                    // its rate, and only when the words give its direction.
                    let rate = rate?;
                    figs.amounts(&[now, change])?;
                    (dir != 0).then(|| {
                        vec![Relation::ImpliedBase {
                            rate,
                            change,
                            now,
                            dir,
                        }]
                    })
                }
            }
        }
        Shape::Direction => {
            let (now, base) = (idx("now")?, idx("base")?);
            figs.amounts(&[now, base])?;
            (dir != 0).then(|| vec![Relation::Direction { now, base, dir }])
        }
        Shape::Sum => {
            let total = idx("total")?;
            let parts_text = c.name("parts")?.as_str();
            let parts: Vec<usize> = tokens(parts_text).collect();
            if parts.len() < 2 {
                return None;
            }
            let mut all = vec![total];
            all.extend(parts.iter().copied());
            figs.amounts(&all)?;
            Some(vec![Relation::Sum { total, parts }])
        }
    }
}

/// The figures of one sentence, by mention index.
struct Figs {
    first: usize,
    figs: Vec<Option<Fig>>,
}

impl Figs {
    fn get(&self, i: usize) -> Option<&Fig> {
        self.figs.get(i.checked_sub(self.first)?)?.as_ref()
    }

    /// `Some` when every figure is an amount, and per-share amounts are
    /// not mixed with amounts in millions.
    fn amounts(&self, idx: &[usize]) -> Option<()> {
        let mut scaled = false;
        let mut per_share = false;
        for &i in idx {
            match self.get(i)?.class {
                'M' => scaled = true,
                'S' => per_share = true,
                'U' => {}
                _ => return None,
            }
        }
        (!(scaled && per_share)).then_some(())
    }
}

fn direction(word: &str) -> i8 {
    let w = word.to_lowercase();
    const RISE: &[&str] = &[
        "increase",
        "increased",
        "increases",
        "increasing",
        "rise",
        "rose",
        "rising",
        "grew",
        "growing",
        "growth",
        "climbed",
        "jumped",
        "improved",
        "improvement",
        "expanded",
        "expansion",
        "up",
        "higher",
    ];
    const FALL: &[&str] = &[
        "decrease",
        "decreased",
        "decreases",
        "decreasing",
        "decline",
        "declined",
        "declining",
        "fell",
        "falling",
        "drop",
        "dropped",
        "down",
        "lower",
        "contracted",
        "contraction",
        "reduced",
        "reduction",
    ];
    if RISE.contains(&w.as_str()) {
        1
    } else if FALL.contains(&w.as_str()) {
        -1
    } else {
        0
    }
}

/// The mention index a token names.
fn token_index(token: &str) -> Option<usize> {
    token
        .trim_start_matches(OPEN)
        .trim_end_matches(CLOSE)
        .get(1..)?
        .parse()
        .ok()
}

/// The mention indices of the tokens in a piece of skeleton.
fn tokens(s: &str) -> impl Iterator<Item = usize> + '_ {
    s.split(OPEN)
        .skip(1)
        .filter_map(|t| t.split(CLOSE).next()?.get(1..)?.parse().ok())
}

/// A figure read for arithmetic, or `None` for one that cannot be.
fn read_fig(
    m: &Mention,
    negative: bool,
    text: &str,
    start: usize,
    end: usize,
    lower_before: &str,
) -> Option<Fig> {
    let class = match m.kind {
        MentionKind::Money if m.scale > Decimal::ONE => 'M',
        MentionKind::Money => 'U',
        MentionKind::PerShare => 'S',
        MentionKind::Percent => 'P',
        MentionKind::Points => 'T',
    };
    let mut value = m.interval()?;
    let unit = Decimal::try_new(1, m.decimals).ok()?.checked_mul(m.scale)?;
    let v = m.value.checked_mul(m.scale)?;
    if class == 'P' {
        // Rates are often truncated, or computed from unrounded amounts:
        // one unit of the last printed digit either way.
        value = Interval::new(value.lo.checked_sub(unit)?, value.hi.checked_add(unit)?);
    }
    if let Some(h) = HEDGE.captures(lower_before) {
        let word = h.name("word").map_or("", |w| w.as_str());
        // "an increase over $0.40": a comparison, not a hedge.
        let compared = h
            .name("before")
            .is_some_and(|b| direction(b.as_str().trim()) != 0 || b.as_str().trim() == "compared");
        value = match word {
            "over" if compared => value,
            "more than" | "over" | "in excess of" | "at least" | "just over" => {
                Interval::new(v, Decimal::MAX / Decimal::TWO)
            }
            "nearly" | "almost" | "less than" | "under" | "up to" | "just under" => {
                Interval::new(Decimal::ZERO, v)
            }
            _ => Interval::new(
                value.lo.min(v.checked_sub(unit)?),
                value.hi.max(v.checked_add(unit)?),
            ),
        };
    }
    if class == 'P' || class == 'T' {
        value = value.scale(Decimal::new(1, 2))?;
    }
    if negative {
        value = value.negated();
    }
    let printed: String = text[start..end]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(Fig {
        value,
        printed,
        class,
        negative,
        scale: m.scale,
        decimals: m.decimals,
    })
}

fn check_sentence(
    doc: &Document,
    rule: &Rule,
    range: std::ops::Range<usize>,
    start: usize,
    end: usize,
    out: &mut Outcome,
) {
    let first = range.start;
    let block = doc.mentions[first].block;
    let text = doc.blocks[block].text.text();
    let sentence = &text[start..end];
    // The skeleton: the sentence with each figure (its sign, currency,
    // scale word and unit) replaced by a token; `offsets` maps skeleton
    // positions of the text between tokens back to the block's text.
    let mut skeleton = String::with_capacity(sentence.len());
    let mut figs: Vec<Option<Fig>> = Vec::with_capacity(range.len());
    let mut at = start;
    for k in range.clone() {
        let m = &doc.mentions[k];
        if m.start < at || m.end > end {
            figs.push(None);
            continue;
        }
        let before = &text[at..m.start];
        let mut from = EXTENT_BEFORE
            .find(before)
            .map_or(m.start, |x| at + x.start());
        let after = &text[m.end..end];
        let opened = text[from..m.start].contains('(');
        let to = extent_after(opened)
            .find(after)
            .map_or(m.end, |x| m.end + x.end());
        // "($834 million for pediatric and …)": a parenthesis opened
        // before the figure and not closed after it is an aside's, and the
        // figure is not negative.
        let closed = text[m.end..to].contains(')');
        let negative = m.negative && (!opened || closed);
        if opened && !closed {
            if let Some(p) = text[from..m.start].find('(') {
                from += p + 1;
                from += text[from..m.start].len() - text[from..m.start].trim_start().len();
            }
        }
        // Clamp "(" … ")" so that it never reaches into the next figure.
        let to = doc
            .mentions
            .get(k + 1)
            .filter(|n| n.block == block)
            .map_or(to, |n| to.min(n.start));
        // A hedge stands just before its figure.
        let mut near = from.saturating_sub(40).max(start);
        while !text.is_char_boundary(near) {
            near -= 1;
        }
        let lower_before = text[near..from].to_lowercase();
        let fig = read_fig(m, negative, text, from, to, &lower_before);
        skeleton.push_str(&text[at..from]);
        let class = fig.as_ref().map_or('X', |f| f.class);
        skeleton.push(OPEN);
        skeleton.push(class);
        skeleton.push_str(&k.to_string());
        skeleton.push(CLOSE);
        figs.push(fig);
        at = to;
    }
    skeleton.push_str(&text[at..end]);
    // "core EPS of $7.27 (previously $7.20), a 7 percent increase
    // (previously 6 percent) compared to …": the asides are an earlier
    // statement of the figures, not part of the relation.
    let skeleton = ASIDE.replace_all(&skeleton, "").into_owned();
    let figs = Figs { first, figs };

    // Figures in a range are ends of an outlook.
    let mut in_range: Vec<usize> = Vec::new();
    // "from $0.04 to $0.10" and "increased by $15.93 billion to $18.64
    // billion" are changes, and "up 14% to $170.0 billion" a rate and its
    // amount: the ends of a range are of one sort.
    let sort = |t: &str| t.chars().nth(1).map(|c| c == 'P' || c == 'T');
    for c in RANGE.captures_iter(&skeleton) {
        let (Some(a), Some(b)) = (c.name("a"), c.name("b")) else {
            continue;
        };
        if c.name("before").is_none() && sort(a.as_str()) == sort(b.as_str()) {
            in_range.extend([a, b].iter().filter_map(|t| token_index(t.as_str())));
        }
    }
    // A range whose other end was not read as a figure ("$44.8-$45.2B").
    for t in TOKEN.find_iter(&skeleton) {
        if RANGE_END_AFTER.is_match(&skeleton[t.end()..])
            || RANGE_END_BEFORE.is_match(&skeleton[..t.start()])
        {
            in_range.extend(token_index(t.as_str()));
        }
    }
    for c in BETWEEN.captures_iter(&skeleton) {
        in_range.extend(
            ["a", "b"]
                .iter()
                .filter_map(|n| token_index(c.name(n)?.as_str())),
        );
    }
    let mut taken: Vec<usize> = Vec::new();
    for (shape, re) in SHAPES.iter() {
        for caps in re.captures_iter(skeleton.as_bytes()) {
            let c = Groups {
                caps,
                text: &skeleton,
            };
            let Some(whole) = c.whole() else {
                continue;
            };
            let Some(rels) = relations_of(*shape, &c, &figs) else {
                continue;
            };
            let mut members: Vec<usize> = rels.iter().flat_map(|r| r.figures()).collect();
            members.sort_unstable();
            members.dedup();
            if members.iter().any(|k| taken.contains(k)) {
                continue;
            }
            if members.iter().any(|k| in_range.contains(k)) {
                continue;
            }
            if !words_allow(
                *shape,
                &c,
                &skeleton,
                whole.start(),
                whole.end(),
                &figs,
                &members,
            ) {
                continue;
            }
            taken.extend(members.iter().copied());
            judge(doc, rule, &rels, &members, &figs, out);
        }
    }
}

/// Do the words around a match leave its arithmetic sure?
#[allow(clippy::too_many_arguments)]
fn words_allow(
    shape: Shape,
    c: &Groups,
    skeleton: &str,
    from: usize,
    to: usize,
    figs: &Figs,
    members: &[usize],
) -> bool {
    // "A and B were $1 and $2, respectively": pairs in order, not one
    // relation, except a list that is summed as a whole ("…,
    // respectively, totaling $2.5 billion").
    if let Some(r) = RESPECTIVELY.find(skeleton) {
        if shape != Shape::Sum || r.start() < from || r.end() > to {
            return false;
        }
    }
    // Another subject in a gap.
    for name in ["gap", "gap2", "lead", "obj"] {
        if let Some(g) = c.name(name) {
            if g.as_str().len() > 90 || OTHER_SUBJECT.is_match(g.as_str()) {
                return false;
            }
        }
    }
    // "or 10% of revenue": a share of something, not a growth rate.
    if let Some(r) = c.name("rate") {
        if SHARE_OF.is_match(&skeleton[r.end()..]) {
            return false;
        }
    }
    // Losses and negative amounts turn the direction words around.
    if members
        .iter()
        .any(|&k| figs.get(k).is_none_or(|f| f.negative))
        && shape != Shape::Sum
    {
        return false;
    }
    let tail = tail_of(&skeleton[to..]);
    let before = &skeleton[..from];
    if LOSS.is_match(&skeleton[from..to]) || LOSS.is_match(tail) {
        return false;
    }
    if shape == Shape::Sum {
        // "Comprised of, among other things, …", "$1.2 billion of gains":
        // not every part, or parts of either sign.
        if c.name("parts")
            .is_some_and(|p| PARTIAL_OR_SIGNED.is_match(p.as_str()))
        {
            return false;
        }
        // A list that goes on past the match is not the whole sum (a list
        // closed by its parenthesis or by its total cannot).
        let closed =
            skeleton[..to].ends_with(')') || c.name("total").is_some_and(|t| t.end() == to);
        let rest = if closed { "" } else { &skeleton[to..] };
        if let Some(next) = rest.find(OPEN) {
            if next < 60 && !rest[..next].contains(';') {
                return false;
            }
        }
        return true;
    }
    // A basis other than the printed amounts, in the relation or just
    // after it; before it, a qualifier set off by a comma qualifies the
    // whole sentence ("In constant currency, revenue grew …"), one in the
    // subject qualifies both amounts alike.
    let subject_basis = match BASIS.find_iter(before).last() {
        Some(b) if before[b.end()..].contains(',') || LOSS.is_match(before) => return false,
        Some(_) => true,
        None => false,
    };
    // Amounts named on another basis ("Total constant currency revenues
    // of $85.2 billion … increased $9.8 billion compared to $75.4 billion
    // in revenues, excluding hedging effect"): with no rate, basis words
    // after the last amount describe that amount too. Otherwise they may
    // describe the change ("…, excluding the impact of the acquisition").
    let last = tokens(&skeleton[from..to]).last();
    let named = |n: &str| c.name(n).and_then(|g| token_index(g.as_str()));
    let about_amount =
        subject_basis && named("rate").is_none() && last.is_some() && last != named("change");
    if BASIS.is_match(&skeleton[from..to]) || !about_amount && BASIS.is_match(tail) {
        return false;
    }
    if LOSS.is_match(clause_before(before)) {
        return false;
    }
    true
}

/// The words after a relation, up to where they turn to something else.
fn tail_of(rest: &str) -> &str {
    let cut = rest.find(OPEN).unwrap_or(rest.len());
    let cut = CLAUSE.find(&rest[..cut]).map_or(cut, |x| x.start());
    let mut cut = cut.min(60);
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    &rest[..cut]
}

/// The words of the clause before a relation's first figure.
fn clause_before(before: &str) -> &str {
    let from = before.rfind([',', ';', OPEN, CLOSE]).map_or(0, |i| i + 1);
    &before[from..]
}

/// What a relation computes, and whether the printed figure agrees.
struct Verdict {
    holds: bool,
    /// "$60.99 billion against $56.72 billion is an increase of 7.53%".
    arithmetic: String,
}

fn evaluate(rel: &Relation, figs: &Figs) -> Option<Verdict> {
    let f = |i: usize| figs.get(i);
    let pct = |x: Interval, like: &Fig| render(x.midpoint(), like);
    let amount = |x: Interval, like: &Fig| render(x.midpoint(), like);
    let says = |dir: i8| match dir {
        1 => "an increase",
        -1 => "a decrease",
        _ => "a change",
    };
    let signed = |x: Interval, dir: i8| if dir < 0 { x.negated() } else { x };
    match rel {
        Relation::Growth {
            rate,
            now,
            base,
            dir,
        } => {
            let (r, n, b) = (f(*rate)?, f(*now)?, f(*base)?);
            if b.value.lo <= Decimal::ZERO || n.value.lo < Decimal::ZERO {
                return None;
            }
            let g = n
                .value
                .checked_div(b.value)?
                .checked_sub(Interval::exact(Decimal::ONE))?;
            // With no direction word, the size of the change is compared.
            let (computed, claimed) = if *dir == 0 {
                (magnitude(g), r.value)
            } else {
                (g, signed(r.value, *dir))
            };
            let moved = if g.midpoint() < Decimal::ZERO {
                "a decrease"
            } else {
                "an increase"
            };
            Some(Verdict {
                holds: computed.overlaps(&claimed),
                arithmetic: format!(
                    "{} against {} is {moved} of {}; the sentence says {} of {}",
                    n.printed,
                    b.printed,
                    pct(magnitude(g), r),
                    says(*dir),
                    r.printed
                ),
            })
        }
        Relation::Change {
            change,
            now,
            base,
            dir,
        } => {
            let (d, n, b) = (f(*change)?, f(*now)?, f(*base)?);
            let diff = n.value.checked_sub(b.value)?;
            let holds = if *dir == 0 {
                magnitude(diff).overlaps(&d.value)
            } else {
                diff.overlaps(&signed(d.value, *dir))
            };
            let moved = if diff.midpoint() < Decimal::ZERO {
                "a decrease"
            } else {
                "an increase"
            };
            Some(Verdict {
                holds,
                arithmetic: format!(
                    "{} less {} is {moved} of {}; the sentence says {} of {}",
                    n.printed,
                    b.printed,
                    amount(magnitude(diff), d),
                    says(*dir),
                    d.printed
                ),
            })
        }
        Relation::ChangeOverBase { rate, change, base } => {
            let (r, d, b) = (f(*rate)?, f(*change)?, f(*base)?);
            if b.value.lo <= Decimal::ZERO {
                return None;
            }
            let q = d.value.checked_div(b.value)?;
            Some(Verdict {
                holds: q.overlaps(&r.value),
                arithmetic: format!(
                    "{} over {} is {}; the sentence says {}",
                    d.printed,
                    b.printed,
                    pct(q, r),
                    r.printed
                ),
            })
        }
        Relation::ImpliedBase {
            rate,
            change,
            now,
            dir,
        } => {
            let (r, d, n) = (f(*rate)?, f(*change)?, f(*now)?);
            // The base is now less the change for a rise, plus it for a
            // fall; the rate rises with the change and falls with the
            // amount, so its bounds come from the ends of their intervals.
            let (lo, hi) = if *dir > 0 {
                (
                    d.value
                        .lo
                        .checked_div(n.value.hi.checked_sub(d.value.lo)?)?,
                    d.value
                        .hi
                        .checked_div(n.value.lo.checked_sub(d.value.hi)?)?,
                )
            } else {
                (
                    d.value
                        .lo
                        .checked_div(n.value.hi.checked_add(d.value.lo)?)?,
                    d.value
                        .hi
                        .checked_div(n.value.lo.checked_add(d.value.hi)?)?,
                )
            };
            let base_lo = if *dir > 0 {
                n.value.lo.checked_sub(d.value.hi)?
            } else {
                n.value.lo.checked_add(d.value.lo)?
            };
            if base_lo <= Decimal::ZERO || lo > hi {
                return None;
            }
            let q = Interval::new(lo, hi);
            let base = if *dir > 0 {
                n.value.checked_sub(d.value)?
            } else {
                n.value.checked_add(d.value)?
            };
            Some(Verdict {
                holds: q.overlaps(&r.value),
                arithmetic: format!(
                    "{} of {} to {} is from {}, {} of {}; the sentence says {}",
                    says(*dir),
                    d.printed,
                    n.printed,
                    amount(base, n),
                    says(*dir),
                    pct(q, r),
                    r.printed
                ),
            })
        }
        Relation::Direction { now, base, dir } => {
            let (n, b) = (f(*now)?, f(*base)?);
            let diff = signed(n.value.checked_sub(b.value)?, *dir);
            let (up, down) = ("higher than", "lower than");
            Some(Verdict {
                holds: diff.hi >= Decimal::ZERO,
                arithmetic: format!(
                    "{} is {} {}; the sentence says {}",
                    n.printed,
                    if n.value.midpoint() < b.value.midpoint() {
                        down
                    } else {
                        up
                    },
                    b.printed,
                    if *dir > 0 { "a rise" } else { "a fall" }
                ),
            })
        }
        Relation::Sum { total, parts } => {
            let t = f(*total)?;
            let mut sum = Interval::zero();
            let mut terms = Vec::new();
            for p in parts {
                let p = f(*p)?;
                sum = sum.checked_add(p.value)?;
                terms.push(p.printed.clone());
            }
            Some(Verdict {
                holds: sum.overlaps(&t.value),
                arithmetic: format!(
                    "{} = {}; the sentence says {}",
                    terms.join(" + "),
                    amount(sum, t),
                    t.printed
                ),
            })
        }
    }
}

/// A value in the terms of a figure like `like`: a rate as a percentage
/// with one more decimal than it prints, an amount in its scale.
fn render(x: Decimal, like: &Fig) -> String {
    if like.class == 'P' || like.class == 'T' {
        let pct = x.saturating_mul(Decimal::ONE_HUNDRED);
        return format!("{}%", pct.round_dp(like.decimals + 1).normalize());
    }
    let scaled = x.checked_div(like.scale).unwrap_or(x);
    let word = match like.scale {
        s if s >= Decimal::new(1_000_000_000, 0) => " billion",
        s if s >= Decimal::new(1_000_000, 0) => " million",
        s if s >= Decimal::new(1_000, 0) => " thousand",
        _ => "",
    };
    let sign = if scaled < Decimal::ZERO { "-" } else { "" };
    format!(
        "{sign}${}{word}",
        scaled.abs().round_dp(like.decimals + 1).normalize()
    )
}

fn magnitude(i: Interval) -> Interval {
    if i.hi <= Decimal::ZERO {
        i.negated()
    } else if i.lo >= Decimal::ZERO {
        i
    } else {
        Interval::new(Decimal::ZERO, i.hi.max(-i.lo))
    }
}

/// The values a relation allows for one of its figures, given the others
/// as printed, in that figure's own terms (a rate as the fraction it
/// prints, an amount in units); `None` when it does not bound it.
fn implied(rel: &Relation, free: usize, figs: &Figs) -> Option<Interval> {
    let v = |i: usize| figs.get(i).map(|f| f.value);
    let one = Interval::exact(Decimal::ONE);
    let signed = |x: Interval, dir: i8| if dir < 0 { x.negated() } else { x };
    match rel {
        Relation::Growth {
            rate,
            now,
            base,
            dir,
        } => {
            let growth = |x: Interval| signed(x, *dir).checked_add(one);
            if free == *rate {
                Some(signed(
                    v(*now)?.checked_div(v(*base)?)?.checked_sub(one)?,
                    *dir,
                ))
            } else if free == *now {
                v(*base)?.checked_mul(growth(v(*rate)?)?)
            } else {
                v(*now)?.checked_div(growth(v(*rate)?)?)
            }
        }
        Relation::Change {
            change,
            now,
            base,
            dir,
        } => {
            if free == *change {
                Some(signed(v(*now)?.checked_sub(v(*base)?)?, *dir))
            } else if free == *now {
                v(*base)?.checked_add(signed(v(*change)?, *dir))
            } else {
                v(*now)?.checked_sub(signed(v(*change)?, *dir))
            }
        }
        Relation::ChangeOverBase { rate, change, base } => {
            if free == *rate {
                v(*change)?.checked_div(v(*base)?)
            } else if free == *change {
                v(*rate)?.checked_mul(v(*base)?)
            } else {
                v(*change)?.checked_div(v(*rate)?)
            }
        }
        Relation::ImpliedBase {
            rate,
            change,
            now,
            dir,
        } => {
            let d = v(*change)?;
            if free == *rate {
                d.checked_div(v(*now)?.checked_sub(signed(d, *dir))?)
            } else if free == *change {
                let r = v(*rate)?;
                r.checked_mul(v(*now)?)?
                    .checked_div(one.checked_add(signed(r, *dir))?)
            } else {
                d.checked_div(v(*rate)?)?.checked_add(signed(d, *dir))
            }
        }
        Relation::Direction { .. } => None,
        Relation::Sum { total, parts } => {
            if free == *total {
                parts
                    .iter()
                    .try_fold(Interval::zero(), |acc, p| acc.checked_add(v(*p)?))
            } else {
                parts
                    .iter()
                    .filter(|p| **p != free)
                    .try_fold(v(*total)?, |acc, p| acc.checked_sub(v(*p)?))
            }
        }
    }
}

/// Evaluates the relations of one match, and reports or verifies.
fn judge(
    doc: &Document,
    rule: &Rule,
    rels: &[Relation],
    members: &[usize],
    figs: &Figs,
    out: &mut Outcome,
) {
    let verdicts: Vec<(usize, Verdict)> = rels
        .iter()
        .enumerate()
        .filter_map(|(k, r)| Some((k, evaluate(r, figs)?)))
        .collect();
    if verdicts.is_empty() {
        return;
    }
    let failing: Vec<&(usize, Verdict)> = verdicts.iter().filter(|(_, v)| !v.holds).collect();
    let span = |k: usize| doc.mentions[k].span;
    if failing.is_empty() {
        for (k, _) in &verdicts {
            for f in rels[*k].figures() {
                if !out.verified.contains(&span(f)) {
                    out.sentence
                        .entry(span(f))
                        .or_insert_with(|| rels[*k].what().to_string());
                }
                out.verified.insert(span(f));
            }
        }
        return;
    }
    // The figure that is wrong is the one whose every possible value
    // leaves the sentence wrong except values the others imply: taken out
    // (its printed value ignored), the relations it is in agree on a
    // value for it, and the relations it is not in hold. When two figures
    // can each be the one (a single relation, or rates loose enough to
    // fit either), the sentence cannot tell.
    let holds_without = |free: usize| -> Option<Interval> {
        let mut allowed: Option<Interval> = None;
        for (k, v) in &verdicts {
            let rel = &rels[*k];
            if !rel.figures().contains(&free) {
                if !v.holds {
                    return None;
                }
                continue;
            }
            if let Some(i) = implied(rel, free, figs) {
                allowed = Some(match allowed {
                    None => i,
                    Some(a) if a.overlaps(&i) => Interval::new(a.lo.max(i.lo), a.hi.min(i.hi)),
                    Some(_) => return None,
                });
            }
        }
        Some(allowed.unwrap_or(Interval::new(Decimal::MIN, Decimal::MAX)))
    };
    let explainers: Vec<(usize, Interval)> = members
        .iter()
        .filter_map(|&k| Some((k, holds_without(k)?)))
        .collect();
    let first_failing = &rels[failing[0].0];
    let (primary, localized, should_be) = match explainers.as_slice() {
        [(one, i)] if rels.len() > 1 => (*one, true, Some(*i)),
        _ => (first_failing.derived(), false, None),
    };
    let Some(p) = figs.get(primary) else { return };
    let involved: Vec<usize> = if localized {
        members.to_vec()
    } else {
        failing
            .iter()
            .flat_map(|(k, _)| rels[*k].figures())
            .collect()
    };
    let mut others: Vec<usize> = involved.into_iter().filter(|&k| k != primary).collect();
    others.sort_unstable();
    others.dedup();
    let role = |k: usize| -> &'static str {
        for r in rels {
            let name = match r {
                Relation::Growth {
                    rate, now, base, ..
                } => {
                    if k == *rate {
                        "growth rate"
                    } else if k == *now {
                        "amount"
                    } else if k == *base {
                        "compared with"
                    } else {
                        continue;
                    }
                }
                Relation::Change {
                    change, now, base, ..
                } => {
                    if k == *change {
                        "change"
                    } else if k == *now {
                        "amount"
                    } else if k == *base {
                        "compared with"
                    } else {
                        continue;
                    }
                }
                Relation::ChangeOverBase { rate, change, base } => {
                    if k == *rate {
                        "growth rate"
                    } else if k == *change {
                        "change"
                    } else if k == *base {
                        "compared with"
                    } else {
                        continue;
                    }
                }
                Relation::ImpliedBase {
                    rate, change, now, ..
                } => {
                    if k == *rate {
                        "growth rate"
                    } else if k == *change {
                        "change"
                    } else if k == *now {
                        "amount"
                    } else {
                        continue;
                    }
                }
                Relation::Direction { now, base, .. } => {
                    if k == *now {
                        "amount"
                    } else if k == *base {
                        "compared with"
                    } else {
                        continue;
                    }
                }
                Relation::Sum { total, .. } => {
                    if k == *total {
                        "total"
                    } else {
                        "part"
                    }
                }
            };
            return name;
        }
        "figure"
    };
    let others_printed: Vec<String> = others
        .iter()
        .filter_map(|&k| figs.get(k).map(|f| f.printed.clone()))
        .collect();
    let message = if localized && rels.len() > 1 {
        format!(
            "\"{}\" disagrees with the other figures of its sentence ({})",
            p.printed,
            others_printed.join(", ")
        )
    } else {
        format!(
            "the {} \"{}\" does not follow from {} in the same sentence",
            first_failing.what(),
            p.printed,
            others_printed.join(" and ")
        )
    };
    let mut help: Vec<String> = failing.iter().map(|(_, v)| v.arithmetic.clone()).collect();
    if localized {
        help.extend(
            verdicts
                .iter()
                .filter(|(_, v)| v.holds)
                .map(|(_, v)| format!("{} (holds)", v.arithmetic)),
        );
        if let Some(i) = should_be.filter(|i| i.lo > Decimal::MIN && i.hi < Decimal::MAX) {
            help.push(format!(
                "the other figures put it near {}",
                render(i.midpoint(), p)
            ));
        }
    }
    out.findings.push(Finding {
        rule: rule.id.clone(),
        severity: rule.severity,
        message,
        help: Some(help.join("; ")),
        span: span(primary),
        span_text: format!("{} stated here", role(primary)),
        labels: others
            .iter()
            .map(|&k| Label {
                span: span(k),
                text: role(k).to_string(),
            })
            .collect(),
    });
}

#[cfg(test)]
mod tests {
    use crate::check::{Finding, Outcome};
    use crate::document::{Format, SourceFile};
    use crate::rules::RuleSet;
    use std::sync::Arc;

    fn outcome(text: &str) -> Outcome {
        let source = Arc::new(SourceFile {
            path: "t.txt".into(),
            bytes: text.as_bytes().to_vec(),
        });
        crate::audit(
            source,
            Format::Text,
            &RuleSet::builtin().expect("built-in rules"),
        )
        .expect("text parses")
        .outcome
    }

    fn findings(text: &str) -> Vec<Finding> {
        crate::check::findings_of("sentence-arithmetic", text)
    }

    /// The byte range of the `nth` occurrence of `figure` in `text`.
    fn at(text: &str, figure: &str) -> (usize, usize) {
        let s = text.find(figure).expect("figure in text");
        (s, s + figure.len())
    }

    /// Does a finding point at the figure (its span or one of its labels)?
    fn points_at(f: &Finding, (s, e): (usize, usize)) -> bool {
        let covers = |sp: crate::span::Span| sp.start < e && s < sp.end;
        covers(f.span) || f.labels.iter().any(|l| covers(l.span))
    }

    /// The sentence holds and verifies its figures; each figure changed
    /// (the `changes`, as `from -> to`) gives a finding that points at it,
    /// with the primary label on `primary[k]` when given.
    fn holds_and_each_change_is_found(sentence: &str, changes: &[(&str, &str, Option<&str>)]) {
        assert!(
            findings(sentence).is_empty(),
            "{sentence}: {:#?}",
            findings(sentence)
        );
        let out = outcome(sentence);
        for (from, _, _) in changes {
            let (s, _) = at(sentence, from);
            let digit = s + from.find(|c: char| c.is_ascii_digit()).unwrap_or(0);
            assert!(
                out.verified
                    .iter()
                    .any(|sp| sp.start <= digit && digit < sp.end),
                "{from} verified in {sentence}"
            );
        }
        for (from, to, primary) in changes {
            let changed = sentence.replacen(from, to, 1);
            let found = findings(&changed);
            let place = at(&changed, to);
            assert!(
                found.iter().any(|f| points_at(f, place)),
                "{from} -> {to} in {changed}: {found:#?}"
            );
            if let Some(p) = primary {
                let (s, e) = at(&changed, p);
                assert!(
                    found.iter().any(|f| f.span.start >= s && f.span.end <= e),
                    "primary on {p} in {changed}: {found:#?}"
                );
            }
        }
    }

    #[test]
    fn growth_to_an_amount_from_another() {
        holds_and_each_change_is_found(
            "Net sales for the quarter increased 7.5 percent, to $60.99 billion, from $56.72 billion last year.\n",
            &[
                ("7.5 percent", "5.7 percent", Some("5.7")),
                ("$60.99", "$66.99", Some("7.5")),
                ("$56.72", "$65.72", Some("7.5")),
            ],
        );
        holds_and_each_change_is_found(
            "Net sales increased 14% to $170.0 billion in the fourth quarter, compared with $149.2 billion in fourth quarter 2022.\n",
            &[
                ("14%", "41%", Some("41")),
                ("$170.0", "$107.0", None),
                ("$149.2", "$194.2", None),
            ],
        );
        holds_and_each_change_is_found(
            "Net sales for the 39-week fiscal period ended November 2, 2024 decreased 4.6 percent to $838.5 million from net sales of $878.7 million for the prior year period.\n",
            &[
                ("4.6 percent", "6.4 percent", None),
                ("$838.5", "$883.5", None),
                ("$878.7", "$788.7", None),
            ],
        );
    }

    #[test]
    fn growth_named_after_the_amount() {
        holds_and_each_change_is_found(
            "The company announced sales and revenues of $13.6 billion, a 14% increase compared with $11.9 billion in the first quarter of 2021.\n",
            &[
                ("14%", "41%", None),
                ("$13.6", "$16.3", None),
                ("$11.9", "$19.1", None),
            ],
        );
        holds_and_each_change_is_found(
            "Net sales for the first 26 weeks were $123.15 billion, an increase of 6.1 percent from $116.06 billion last year.\n",
            &[
                ("6.1 percent", "1.6 percent", None),
                ("$123.15", "$132.15", None),
                ("$116.06", "$161.06", None),
            ],
        );
    }

    #[test]
    fn growth_after_the_amount_by_its_verb() {
        holds_and_each_change_is_found(
            "Diluted EPS was $2.18, up 16 percent from $1.88 in the year-ago quarter.\n",
            &[
                ("16 percent", "61 percent", Some("61")),
                ("$2.18", "$2.81", None),
                ("$1.88", "$1.38", None),
            ],
        );
    }

    #[test]
    fn dividend_growth() {
        holds_and_each_change_is_found(
            "The Company today announced a 7 percent increase in its annualized dividend to $5.42 per share from $5.06 per share, effective with the dividend expected to be paid in June 2024.\n",
            &[
                ("7 percent", "2 percent", None),
                ("$5.42", "$5.24", None),
                ("$5.06", "$5.60", None),
            ],
        );
        holds_and_each_change_is_found(
            "The company is increasing its quarterly cash dividend by 150% from $0.04 per share to $0.10 per share of common stock.\n",
            &[
                ("150%", "105%", None),
                ("$0.04", "$0.40", None),
                ("$0.10", "$0.01", None),
            ],
        );
        holds_and_each_change_is_found(
            "The Board declared a quarterly cash dividend of $0.21 representing a 5% increase from the previous quarterly dividend of $0.20.\n",
            // Cents are coarse: $0.21 over $0.20 is anything from 0% to
            // 10.3%, so only a rate far from 5% is found.
            &[
                ("5%", "50%", None),
                ("$0.21", "$0.12", None),
                ("$0.20", "$0.02", None),
            ],
        );
    }

    #[test]
    fn a_change_and_its_rate_name_the_figure_that_breaks_them() {
        // With a rate precise enough, each figure is told apart.
        holds_and_each_change_is_found(
            "Revenue was $40.0 billion, an increase of $4.0 billion, or 11.1%, compared with $36.0 billion.\n",
            &[
                ("11.1%", "17.1%", Some("17.1")),
                ("$4.0 billion,", "$7.0 billion,", Some("7.0")),
                ("$40.0", "$46.0", Some("46.0")),
                ("$36.0", "$30.0", Some("30.0")),
            ],
        );
        // Four figures, three relations: the change is the difference, the
        // rate the change over the earlier amount and the amounts' growth.
        holds_and_each_change_is_found(
            "Operating profit for the first quarter of 2022 was $1.855 billion, an increase of $41 million, or 2%, compared with $1.814 billion in the first quarter of 2021.\n",
            &[
                // The difference still fixes the rate: only the rate can
                // be taken out with everything else holding.
                ("2%", "7%", Some("7")),
                // "2%" is anything from 0.5% to 3.5%, loose enough to fit
                // a wrong change or either wrong amount: the sentence
                // cannot tell which figure is wrong, so the finding is on
                // the change the difference derives, with the amounts
                // labelled.
                ("$41 million", "$14 million", Some("14")),
                ("$1.855", "$1.955", Some("41")),
                ("$1.814", "$1.184", Some("41")),
            ],
        );
    }

    #[test]
    fn the_rate_of_a_change_with_its_base_implied() {
        holds_and_each_change_is_found(
            "Fourth-quarter 2023 revenues totaled $14.2 billion, a decrease of $10.0 billion, or 41%, compared to the prior-year quarter, reflecting an operational decline of $10.1 billion, or 42%, primarily due to lower sales.\n",
            &[
                ("$14.2", "$41.2", Some("41%")),
                ("$10.0", "$1.00", Some("41%")),
                ("41%", "14%", Some("14%")),
            ],
        );
    }

    #[test]
    fn amounts_named_on_another_basis_compare_as_printed() {
        holds_and_each_change_is_found(
            "(1)Total constant currency revenues of $85.2 billion for the quarter ended December 31, 2023 increased $9.8 billion compared to $75.4 billion in revenues, excluding hedging effect for the quarter ended December 31, 2022.\n",
            &[
                ("$85.2", "$82.5", None),
                ("$9.8", "$8.9", Some("8.9")),
                ("$75.4", "$57.4", None),
            ],
        );
    }

    #[test]
    fn a_change_between_two_amounts() {
        holds_and_each_change_is_found(
            "Energy Products fourth-quarter earnings totaled $3.2 billion compared to $2.4 billion in the third quarter, an increase of $765 million.\n",
            &[
                ("$3.2", "$2.3", None),
                ("$2.4", "$4.2", None),
                ("$765", "$675", Some("675")),
            ],
        );
    }

    #[test]
    fn a_change_to_an_amount_from_another() {
        holds_and_each_change_is_found(
            "Net income would have increased by $15.93 billion to $18.64 billion, compared to the reported net income of $2.71 billion.\n",
            &[
                ("$15.93", "$19.53", Some("19.53")),
                ("$18.64", "$18.46", Some("15.93")),
                ("$2.71", "$7.21", Some("15.93")),
            ],
        );
        holds_and_each_change_is_found(
            "Exchange rate changes have resulted in a $117 million decrease to the ARR balance entering fiscal year 2025, from $17.33 billion to $17.22 billion.\n",
            &[
                ("$117", "$171", Some("171")),
                ("$17.33", "$13.73", Some("117")),
                ("$17.22", "$12.72", Some("117")),
            ],
        );
    }

    #[test]
    fn asides_restating_earlier_figures_are_set_aside() {
        holds_and_each_change_is_found(
            "This assumption and the guidance above imply 2023 core EPS of $7.27 (previously $7.20), a 7 percent increase (previously 6 percent) compared to 2022 core EPS of $6.79.\n",
            &[
                ("$7.27", "$7.72", None),
                ("7 percent", "9 percent", Some("9")),
                ("$6.79", "$6.97", None),
            ],
        );
    }

    #[test]
    fn direction() {
        holds_and_each_change_is_found(
            "First-quarter earnings of $655 million were down from $761 million in the same quarter last year.\n",
            &[("$655", "$955", None), ("$761", "$161", None)],
        );
        holds_and_each_change_is_found(
            "Earnings excluding identified items decreased from $6.3 billion to $5.7 billion.\n",
            &[("$6.3", "$3.6", None)],
        );
    }

    #[test]
    fn a_sum_the_words_declare_whole() {
        holds_and_each_change_is_found(
            "Total cash returns to shareholders of approximately $8.6 billion, comprised of dividends of $7.6 billion and share repurchases of $1.0 billion.\n",
            &[
                ("$8.6", "$6.8", Some("6.8")),
                ("$7.6", "$6.7", Some("8.6")),
                ("$1.0", "$4.0", Some("8.6")),
            ],
        );
    }

    #[test]
    fn a_list_totaled_and_a_breakdown_in_parentheses() {
        holds_and_each_change_is_found(
            "Dividend payments to stockholders of Class A, Class B, and Class C shares were $1.2 billion, $173 million, and $1.1 billion, respectively, totaling $2.5 billion for the three months ended June 30, 2024.\n",
            &[
                ("$1.2", "$2.1", Some("2.5")),
                ("$173", "$973", Some("2.5")),
                ("$2.5", "$5.2", Some("5.2")),
            ],
        );
        // The parenthesis opens an aside: "$834 million" is not negative.
        holds_and_each_change_is_found(
            "Charges included (ii) $964 million for Prevnar 13 ($834 million for pediatric and $130 million for adult) developed technology rights.\n",
            &[
                ("$964", "$694", Some("694")),
                ("$834", "$384", Some("964")),
                ("$130", "$310", Some("964")),
            ],
        );
    }

    #[test]
    fn hedges_widen_or_bound() {
        // "approximately $8.6 billion" is $8.5 to $8.7 billion.
        assert!(findings(
            "Total cash returns of approximately $8.6 billion, comprised of dividends of $7.7 billion and share repurchases of $1.0 billion.\n"
        )
        .is_empty());
        // "more than $8 billion" has no upper end.
        assert!(findings(
            "Total cash returns of more than $8 billion, comprised of dividends of $7.6 billion and share repurchases of $1.0 billion.\n"
        )
        .is_empty());
        // "nearly $8 billion" has no lower end, but stops at $8 billion.
        assert_eq!(
            findings(
                "Total cash returns of nearly $8 billion, comprised of dividends of $7.6 billion and share repurchases of $1.0 billion.\n"
            )
            .len(),
            1
        );
    }

    #[test]
    fn another_basis_says_nothing() {
        for silent in [
            // A rate in constant currency is not the growth of the amounts.
            "Revenue increased 12% in constant currency to $5.6 billion from $5.2 billion.\n",
            "In constant currency, revenue grew 12% to $5.6 billion from $5.2 billion.\n",
            "Revenue grew 12% to $5.6 billion from $5.2 billion, excluding the impact of foreign exchange.\n",
            // Operational growth: at the prior year's exchange rates.
            "Excluding contributions from two products, revenues totaled $12.5 billion, an increase of $1.9 billion, or 11%, operationally compared with the prior-year quarter.\n",
            "Third-quarter 2024 product revenues of $1.4 billion increased $219 million, or 9%, operationally compared with the prior-year quarter.\n",
            // Organic growth.
            "Net revenue grew 5% on an organic basis to $23.3 billion from $21.0 billion.\n",
            // A change on another basis named after the base amount.
            "Adjusted EBITDA of $500 million increased $30 million compared with $450 million, excluding the impact of the acquisition.\n",
        ] {
            assert!(findings(silent).is_empty(), "{silent}: {:#?}", findings(silent));
        }
    }

    #[test]
    fn what_the_words_do_not_declare_says_nothing() {
        for silent in [
            // "Included" lists some parts only; a part can exceed the total.
            "Shareholder distributions of $16.3 billion included $4.1 billion of dividends and $8.3 billion of share repurchases.\n",
            "The total cost of sales adjustment of $238 million mainly includes $286 million in inventory losses and $40 million of other costs.\n",
            "Total cash returns of $8.6 billion, comprised primarily of dividends of $5.6 billion and share repurchases of $1.0 billion.\n",
            // Ranges are outlooks.
            "Net sales are expected to be between $138.0 billion and $143.5 billion, or to grow between 8% and 13% compared with first quarter 2023.\n",
            "We now forecast 2025 revenue of $44.8-$45.2B, up from $43.5-$44.5B.\n",
            // A loss turns the direction words around.
            "Net loss increased to $5.0 million from $7.0 million.\n",
            // Pairs in order are not one relation.
            "Revenue was $40.11 billion and $134.90 billion, an increase of 25% and 16% year-over-year for the fourth quarter and full year, respectively.\n",
            // A share of revenue is not a growth rate.
            "Operating income was $5.0 billion, an increase of $0.5 billion, or 20% of revenue.\n",
            // Rates and points are not amounts.
            "The effective tax rate increased to 21% from 19%.\n",
            "Gross margin increased 200 basis points to 45% from 43%.\n",
            // A direction word inside another word is none.
            "The company completed its setup 10% to $5.0 billion from $9.0 billion.\n",
            // Another subject between the figures.
            "Revenue increased 10% to $5.5 billion, and operating income was $1.1 billion compared with $2.0 billion.\n",
        ] {
            assert!(findings(silent).is_empty(), "{silent}: {:#?}", findings(silent));
        }
    }

    #[test]
    fn forward_looking_arithmetic_is_still_arithmetic() {
        // The tense says whether the figures come true, not whether they
        // agree: a growth stated between two printed amounts is checked.
        let sentence = "This assumption and the guidance above imply 2024 core EPS of at least $8.15, a 7 percent increase compared to 2023 core EPS of $7.62.\n";
        assert!(findings(sentence).is_empty());
        assert_eq!(findings(&sentence.replace("$7.62", "$6.72")).len(), 1);
        // One figure stated, the other not: nothing to compute.
        assert!(findings("We expect revenue to grow 10% to $5.9 billion next year.\n").is_empty());
    }

    #[test]
    fn a_list_item_ends_the_sentence() {
        let text = "- Revenue of $48.2 million for Q1 2026, an increase of 12.5% over Q1 2025\n- Net income of $3.5 million, or $0.11 per diluted share, for Q1 2026\n";
        assert!(findings(text).is_empty(), "{:#?}", findings(text));
    }

    #[test]
    fn figures_that_hold_are_verified_and_shown_so() {
        let out = outcome(
            "Net sales for the quarter increased 7.5 percent, to $60.99 billion, from $56.72 billion last year.\n",
        );
        assert_eq!(out.sentence.len(), 3);
        assert!(out.sentence.values().all(|w| w == "growth"));
        for span in out.sentence.keys() {
            assert!(out.verified.contains(span));
        }
    }

    #[test]
    fn help_shows_the_arithmetic() {
        let found = findings(
            "Net sales for the quarter increased 7.3 percent, to $60.99 billion, from $56.72 billion last year.\n",
        );
        assert_eq!(found.len(), 1);
        let help = found[0].help.as_deref().unwrap_or("");
        assert!(
            help.contains("$60.99 billion against $56.72 billion is an increase of 7.53%"),
            "{help}"
        );
        assert!(
            help.contains("the sentence says an increase of 7.3 percent"),
            "{help}"
        );
        assert_eq!(found[0].labels.len(), 2);
    }
}
