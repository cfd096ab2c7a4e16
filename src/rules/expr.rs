//! The expression language of `equation` and `ratio` rules.
//!
//! ```text
//! equation := term op side
//! op       := "=" | ">=" | "<="
//! side     := term (("+" | "-") term)*  |  term "/" term
//! term     := ["-"] concept ["[" role "]"] ["?"] ["@start"]
//! ```
//!
//! `concept[role]` takes the concept from a table of that role
//! (`income_statement`, `balance_sheet`, `cash_flow`, `reconciliation`);
//! `@start` takes a balance-sheet figure at the start of the period instead
//! of its end (`cash_begin[cash_flow] = cash[balance_sheet]@start`).

use crate::resolve::Role;

/// One concept reference, with its place in the expression text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    pub concept: String,
    pub role: Option<Role>,
    pub at_start: bool,
    /// +1 or −1.
    pub sign: i8,
    /// Written `concept?`: zero when absent.
    pub optional: bool,
    /// Byte range of the concept name in the expression.
    pub span: (usize, usize),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ge,
    Le,
}

impl Cmp {
    pub fn as_str(self) -> &'static str {
        match self {
            Cmp::Eq => "=",
            Cmp::Ge => ">=",
            Cmp::Le => "<=",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    Sum(Vec<Term>),
    Ratio(Box<Term>, Box<Term>),
}

/// A parsed equation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Equation {
    pub lhs: Term,
    pub cmp: Cmp,
    pub rhs: Side,
    pub text: String,
}

impl Equation {
    pub fn terms(&self) -> Vec<&Term> {
        let mut v = vec![&self.lhs];
        match &self.rhs {
            Side::Sum(ts) => v.extend(ts.iter()),
            Side::Ratio(a, b) => {
                v.push(a);
                v.push(b);
            }
        }
        v
    }

    /// Whether any term names a table role: then terms come from different
    /// tables, matched by period.
    pub fn cross_table(&self) -> bool {
        self.terms().iter().any(|t| t.role.is_some())
    }
}

/// A syntax error at a byte range of the expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExprError {
    pub message: String,
    pub span: (usize, usize),
}

struct Lexer<'a> {
    s: &'a str,
    pos: usize,
}

impl<'a> Lexer<'a> {
    fn skip_ws(&mut self) {
        while self.s[self.pos..].starts_with(char::is_whitespace) {
            self.pos += self.s[self.pos..].chars().next().map_or(1, char::len_utf8);
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.skip_ws();
        self.s[self.pos..].chars().next()
    }

    fn eat(&mut self, tok: &str) -> bool {
        self.skip_ws();
        if self.s[self.pos..].starts_with(tok) {
            self.pos += tok.len();
            true
        } else {
            false
        }
    }

    fn ident(&mut self) -> Option<(String, (usize, usize))> {
        self.skip_ws();
        let start = self.pos;
        let len = self.s[start..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(self.s.len() - start);
        if len == 0 {
            return None;
        }
        self.pos += len;
        Some((self.s[start..start + len].to_string(), (start, start + len)))
    }

    fn error(&self, message: impl Into<String>) -> ExprError {
        let end = self.s[self.pos..]
            .chars()
            .next()
            .map_or(self.pos, |c| self.pos + c.len_utf8());
        ExprError {
            message: message.into(),
            span: (self.pos, end.max(self.pos)),
        }
    }
}

fn term(lx: &mut Lexer, sign: i8) -> Result<Term, ExprError> {
    let sign = if lx.eat("-") { -sign } else { sign };
    let Some((concept, span)) = lx.ident() else {
        return Err(lx.error("expected a concept name"));
    };
    let mut role = None;
    if lx.eat("[") {
        let Some((r, rspan)) = lx.ident() else {
            return Err(lx.error("expected a table role"));
        };
        role = Some(Role::parse(&r).ok_or_else(|| ExprError {
            message: format!(
                "unknown table role `{r}`; roles: {}",
                Role::NAMES.join(", ")
            ),
            span: rspan,
        })?);
        if !lx.eat("]") {
            return Err(lx.error("expected `]`"));
        }
    }
    let optional = lx.eat("?");
    let mut at_start = false;
    if lx.eat("@") {
        match lx.ident() {
            Some((w, _)) if w == "start" => at_start = true,
            Some((w, sp)) => {
                return Err(ExprError {
                    message: format!("unknown qualifier `@{w}`; only `@start` is known"),
                    span: sp,
                })
            }
            None => return Err(lx.error("expected `start` after `@`")),
        }
    }
    Ok(Term {
        concept,
        role,
        at_start,
        sign,
        optional,
        span,
    })
}

/// Parses an equation.
///
/// ```
/// use tickmark::rules::expr::{parse, Side};
/// let e = parse("total_assets = total_liabilities + total_equity").unwrap();
/// assert_eq!(e.lhs.concept, "total_assets");
/// assert!(matches!(e.rhs, Side::Sum(ref t) if t.len() == 2));
/// let err = parse("eps = net_income /").unwrap_err();
/// assert_eq!(err.message, "expected a concept name");
/// ```
pub fn parse(s: &str) -> Result<Equation, ExprError> {
    let mut lx = Lexer { s, pos: 0 };
    let lhs = term(&mut lx, 1)?;
    let cmp = if lx.eat(">=") {
        Cmp::Ge
    } else if lx.eat("<=") {
        Cmp::Le
    } else if lx.eat("=") {
        Cmp::Eq
    } else {
        return Err(lx.error("expected `=`, `>=` or `<=`"));
    };
    let first = term(&mut lx, 1)?;
    let rhs = if lx.eat("/") {
        let den = term(&mut lx, 1)?;
        Side::Ratio(Box::new(first), Box::new(den))
    } else {
        let mut terms = vec![first];
        loop {
            if lx.eat("+") {
                terms.push(term(&mut lx, 1)?);
            } else if lx.eat("-") {
                terms.push(term(&mut lx, -1)?);
            } else {
                break;
            }
        }
        Side::Sum(terms)
    };
    if lx.peek().is_some() {
        return Err(lx.error("unexpected text after the equation"));
    }
    Ok(Equation {
        lhs,
        cmp,
        rhs,
        text: s.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_and_start() {
        let e = parse("cash_begin[cash_flow] = cash[balance_sheet]@start").unwrap();
        assert_eq!(e.lhs.role, Some(Role::CashFlow));
        let Side::Sum(t) = &e.rhs else { panic!() };
        assert!(t[0].at_start);
        assert!(e.cross_table());
    }

    #[test]
    fn signs() {
        let e = parse("operating_income = revenue - total_costs_and_expenses").unwrap();
        let Side::Sum(t) = &e.rhs else { panic!() };
        assert_eq!(t[1].sign, -1);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let s = "a = b + c[balance]";
        let err = parse(s).unwrap_err();
        assert_eq!(&s[err.span.0..err.span.1], "balance");
        let err = parse("a == b").unwrap_err();
        assert_eq!(err.span, (3, 4));
        let err = parse("a = b c").unwrap_err();
        assert_eq!(err.message, "unexpected text after the equation");
    }
}
